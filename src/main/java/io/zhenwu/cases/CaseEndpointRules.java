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
                EndpointRule.roles("POST", "/api/v1/escalations/{id}/acknowledge", Role.ADMIN, Role.LEADER));
    }
}
