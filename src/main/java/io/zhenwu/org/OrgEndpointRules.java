package io.zhenwu.org;

import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import io.zhenwu.shared.Role;
import org.springframework.stereotype.Component;

import java.util.List;

/** Everyone signed in reads the org tree of their scope; only administrators change it. */
@Component
class OrgEndpointRules implements EndpointRules {
    @Override
    public List<EndpointRule> rules() {
        return List.of(
                EndpointRule.authenticated("GET", "/api/v1/org-units"),
                EndpointRule.authenticated("GET", "/api/v1/org-units/{id}"),
                EndpointRule.authenticated("GET", "/api/v1/org-units/{id}/children"),
                EndpointRule.roles("POST", "/api/v1/org-units", Role.ADMIN),
                EndpointRule.roles("PATCH", "/api/v1/org-units/{id}", Role.ADMIN),
                EndpointRule.roles("DELETE", "/api/v1/org-units/{id}", Role.ADMIN),
                EndpointRule.authenticated("GET", "/org-units/{id}/children"),
                EndpointRule.roles(null, "/admin/org-units", Role.ADMIN),
                EndpointRule.roles(null, "/admin/org-units/**", Role.ADMIN));
    }
}
