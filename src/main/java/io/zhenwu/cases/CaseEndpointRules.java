package io.zhenwu.cases;

import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import io.zhenwu.shared.Role;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Cases: everyone who works cases reads them within scope (enterprise users only their enterprise's, enforced by the
 * service); who may open a case or fire a transition is decided per type and transition by the case type itself.
 * Auditors read only the audit trail.
 */
@Component
class CaseEndpointRules implements EndpointRules {

    static final Role[] WORKERS = {Role.ADMIN, Role.LEADER, Role.STAFF, Role.CADRE, Role.INSPECTOR, Role.ENTERPRISE};

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                EndpointRule.roles("GET", "/api/v1/case-types", WORKERS),
                EndpointRule.roles("GET", "/api/v1/cases", WORKERS),
                EndpointRule.roles("GET", "/api/v1/cases/{id}", WORKERS),
                EndpointRule.roles("POST", "/api/v1/cases", WORKERS),
                EndpointRule.roles("POST", "/api/v1/cases/{id}/transitions/{name}", WORKERS),
                EndpointRule.roles("GET", "/api/v1/escalations", Role.ADMIN, Role.LEADER, Role.STAFF),
                // Pages: the escalation board before the generic case pages (its path would match /cases/{id}).
                EndpointRule.roles("GET", "/cases/escalations", Role.ADMIN, Role.LEADER, Role.STAFF),
                EndpointRule.roles("POST", "/cases/escalations/{id}/acknowledge", Role.ADMIN, Role.LEADER),
                EndpointRule.roles("GET", "/cases", WORKERS),
                EndpointRule.roles("GET", "/cases/{id}", WORKERS),
                EndpointRule.roles("GET", "/cases/{id}/receipt", WORKERS),
                EndpointRule.roles("POST", "/cases/{id}/transitions/{name}", WORKERS),
                EndpointRule.roles("GET", "/service-hall", Role.ADMIN, Role.STAFF),
                EndpointRule.roles("POST", "/service-hall", Role.ADMIN, Role.STAFF),
                EndpointRule.roles("GET", "/api/v1/matters", WORKERS),
                EndpointRule.roles("GET", "/api/v1/service-windows", WORKERS),
                EndpointRule.roles("POST", "/api/v1/service-hall/acceptances", Role.ADMIN, Role.STAFF),
                // Open311 is a public-service view, but it still names the caller's town; read with a token.
                EndpointRule.authenticated("GET", "/open311/v2/services.json"),
                EndpointRule.authenticated("GET", "/open311/v2/requests.json"),
                EndpointRule.roles("POST", "/api/v1/escalations/{id}/acknowledge", Role.ADMIN, Role.LEADER));
    }
}
