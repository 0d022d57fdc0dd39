package io.zhenwu.audit;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.EntityTypeLabels;
import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.Times;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** 审计日志 pages and API, for auditors and administrators, within their scope. */
class AuditController {

    private AuditController() {
    }

    /** Events without an org unit (a failed login of an unknown name) are shown to root-scope auditors only. */
    static boolean isRoot(DataScope scope) {
        return scope.path().chars().filter(c -> c == '/').count() == 2;
    }

    static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(Times.ZONE).toInstant();
    }

    @Controller
    static class Pages {

        private final AuditTrail trail;
        /** Entity type code → message key, from every module's {@link EntityTypeLabels}. */
        private final Map<String, String> entityLabels;

        Pages(AuditTrail trail, List<EntityTypeLabels> labels) {
            this.trail = trail;
            Map<String, String> keys = new HashMap<>();
            labels.forEach(l -> keys.putAll(l.labelKeys()));
            this.entityLabels = Map.copyOf(keys);
        }

        @GetMapping("/admin/audit")
        String list(DataScope scope, @RequestParam(required = false) String action, @RequestParam(required = false) String actor,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) Integer page, Model model) {
            model.addAttribute("events", trail.search(scope, isRoot(scope), action, actor, null, null, startOf(from),
                    to == null ? null : startOf(to.plusDays(1)), PageQuery.of(page, 50, "id,desc", "e.id", AuditTrail.SORTABLE)));
            model.addAttribute("filter", new Filter(action, actor, from, to));
            model.addAttribute("entityLabels", entityLabels);
            return "audit/auditList";
        }

        /**
         * The list's filters as the page shows them again, under one name: a bare {@code actor} would be the
         * layout's signed-in user.
         */
        record Filter(String action, String actor, LocalDate from, LocalDate to) {
        }

        /** htmx: verifies the chain and returns the result box. */
        @PostMapping("/admin/audit/verify")
        String verify(Model model) {
            model.addAttribute("verification", trail.verify());
            return "audit/auditList :: verification";
        }
    }

    @RestController
    @Tag(name = "audit", description = "审计日志")
    static class Api {

        private final AuditTrail trail;

        Api(AuditTrail trail) {
            this.trail = trail;
        }

        @GetMapping("/api/v1/audit-events")
        PageResult<AuditRecord> list(DataScope scope, @RequestParam(required = false) String action,
                                     @RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
                                     @RequestParam(required = false) String entityId,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String sort) {
            return trail.search(scope, isRoot(scope), action, actor, entityType, entityId, from, to,
                    PageQuery.of(page, size, sort == null ? "id,desc" : sort, "e.id", AuditTrail.SORTABLE));
        }

        @PostMapping("/api/v1/audit-events/verification")
        @ResponseBody
        ChainVerification verify() {
            return trail.verify();
        }
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Rules {
        @Bean
        EndpointRules auditEndpointRules() {
            return () -> List.of(
                    EndpointRule.roles("GET", "/api/v1/audit-events", Role.AUDITOR, Role.ADMIN),
                    EndpointRule.roles("POST", "/api/v1/audit-events/verification", Role.AUDITOR, Role.ADMIN),
                    EndpointRule.roles("GET", "/admin/audit", Role.AUDITOR, Role.ADMIN),
                    EndpointRule.roles("POST", "/admin/audit/verify", Role.AUDITOR, Role.ADMIN));
        }
    }
}
