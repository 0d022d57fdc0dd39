package io.zhenwu.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The case engine over HTTP: types, cases, transitions, the 督办 board. */
@RestController
class CaseApiController {

    private final Cases cases;
    private final CaseTypes types;
    private final OrgUnits orgUnits;

    CaseApiController(Cases cases, CaseTypes types, OrgUnits orgUnits) {
        this.cases = cases;
        this.types = types;
        this.orgUnits = orgUnits;
    }

    @GetMapping("/api/v1/case-types")
    @Operation(summary = "The current version of every case type: states, transitions, roles, required fields, time limits")
    List<CaseType> caseTypes() {
        return types.all();
    }

    /** A new case; the handling org unit is given by code or id. */
    record NewCaseBody(String type, Long orgUnitId, String orgCode, String category, String subjectCode, String subjectName,
                       String title, String channelCode, Boolean outOfHours, ApplicantKind applicantKind, Long applicantRef,
                       String applicantName, Long enterpriseId, String assignee, Long parentId, Integer promisedDays,
                       Integer legalDays, String comment) {
    }

    @PostMapping("/api/v1/cases")
    @Operation(summary = "Open a case of a type (the actor's role must be allowed to open it)")
    ResponseEntity<CaseView> open(Actor actor, @RequestBody NewCaseBody b) {
        if (b.type() == null || b.type().isBlank()) {
            throw new InvalidInputException("type", "case.type.required");
        }
        long org = b.orgUnitId() != null ? b.orgUnitId() : b.orgCode() != null ? resolve(actor, b.orgCode()).id() : actor.orgUnitId();
        CaseView view = cases.open(actor, new Cases.NewCase(b.type().strip(), org, b.category(), b.subjectCode(), b.subjectName(),
                b.title(), b.channelCode(), Boolean.TRUE.equals(b.outOfHours()),
                b.applicantKind() == null ? ApplicantKind.PERSON : b.applicantKind(), b.applicantRef(), b.applicantName(), null,
                actor.boundToEnterprise() && b.enterpriseId() == null ? actor.enterpriseId() : b.enterpriseId(), b.assignee(),
                b.parentId(), b.promisedDays(), b.legalDays(), b.comment()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    @GetMapping("/api/v1/cases")
    @Operation(summary = "Cases in the caller's scope, filtered by type, state, org subtree and opening date")
    PageResult<CaseView> search(Actor actor, @RequestParam(required = false) String type, @RequestParam(required = false) String state,
                                @RequestParam(required = false) String org, @RequestParam(required = false) String category,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                @RequestParam(required = false) String sort) {
        if (type != null && !type.isBlank() && !types.exists(type)) {
            throw new InvalidInputException("type", "case.type.unknown", type);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "case.range.order");
        }
        PageQuery pq = PageQuery.of(page, size, sort == null ? "id,desc" : sort, "c.id", CaseQuery.SORTABLE);
        String path = org == null || org.isBlank() ? null : resolve(actor, org.strip()).path();
        return cases.search(actor, new CaseQuery(type, state, null, category, null, null, path, from, to, overdue, null, q, null, null, null), pq);
    }

    @GetMapping("/api/v1/cases/{id}")
    @Operation(summary = "One case with its timeline and sub-cases")
    Cases.CaseDetails get(Actor actor, @PathVariable long id) {
        return cases.details(actor, id);
    }

    /** {@code version} is the case version last read; fields as the transition declares them. */
    record TransitionBody(Long version, Map<String, String> fields, String comment) {
    }

    @PostMapping("/api/v1/cases/{id}/transitions/{name}")
    @Operation(summary = "Fire a transition; 409 with the current case when the version is stale or the state does not allow it")
    CaseView fire(Actor actor, @PathVariable long id, @PathVariable String name, @RequestBody TransitionBody b) {
        if (b.version() == null) {
            throw new InvalidInputException("version", "validation.version.required");
        }
        return cases.fire(actor, id, name, b.version(), b.fields(), b.comment());
    }

    @GetMapping("/api/v1/escalations")
    @Operation(summary = "督办: overdue cases of the caller's scope, not yet acknowledged")
    List<CaseRepository.Escalation> escalations(Actor actor) {
        return cases.escalations(actor, true);
    }

    @PostMapping("/api/v1/escalations/{id}/acknowledge")
    @Operation(summary = "A leader acknowledges an escalation")
    ResponseEntity<Void> acknowledge(Actor actor, @PathVariable long id) {
        cases.acknowledge(actor, id);
        return ResponseEntity.noContent().build();
    }

    private OrgUnit resolve(Actor actor, String code) {
        return orgUnits.findByCode(actor.scope(), code).orElseThrow(() -> new NotFoundException("org_unit", code));
    }
}
