package io.zhenwu.reports;

import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import io.zhenwu.shared.Role;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reports: leaders and administrators write and publish templates; leaders, staff, cadres, inspectors and
 * administrators read reports, figures and provenance within their scope (auditors read only the audit trail).
 */
@Component
class ReportEndpointRules implements EndpointRules {

    private static final Role[] READERS = {Role.ADMIN, Role.LEADER, Role.STAFF, Role.CADRE, Role.INSPECTOR};
    private static final Role[] EDITORS = {Role.ADMIN, Role.LEADER};

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                EndpointRule.roles(null, "/reports/templates/**", EDITORS),
                EndpointRule.roles("POST", "/reports/templates", EDITORS),
                EndpointRule.roles("POST", "/reports/publish", EDITORS),
                EndpointRule.roles("GET", "/reports", READERS),
                EndpointRule.roles("GET", "/reports/**", READERS),
                EndpointRule.roles("GET", "/api/v1/figures", READERS),
                EndpointRule.roles("GET", "/api/v1/figures/**", READERS));
    }
}
