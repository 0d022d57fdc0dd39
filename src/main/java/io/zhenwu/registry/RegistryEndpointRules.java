package io.zhenwu.registry;

import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import io.zhenwu.shared.Role;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Registries: leaders, staff, cadres and inspectors read within their scope; staff, cadres and administrators
 * register and edit. (Auditors read only the audit trail; enterprise users get their own pages later.)
 */
@Component
class RegistryEndpointRules implements EndpointRules {

    private static final Role[] READERS = {Role.ADMIN, Role.LEADER, Role.STAFF, Role.CADRE, Role.INSPECTOR};
    /** Who registers and edits, by form, API or import ({@link RegistryImportType#importRoles()}). */
    static final Role[] WRITERS = {Role.ADMIN, Role.STAFF, Role.CADRE};

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                // The facility catalogue is administration: listed before the registry-wide rules, which would match too.
                EndpointRule.roles(null, "/registry/facility-types", Role.ADMIN),
                EndpointRule.roles(null, "/registry/honour-types", Role.ADMIN),
                // The forms that register or edit a record are for those who may submit them.
                EndpointRule.roles("GET", "/registry/*/new", WRITERS),
                EndpointRule.roles("GET", "/registry/*/{id}/edit", WRITERS),
                EndpointRule.roles("GET", "/registry/**", READERS),
                EndpointRule.roles("POST", "/registry/**", WRITERS),
                EndpointRule.roles("GET", "/api/v1/enterprises", READERS),
                EndpointRule.roles("GET", "/api/v1/enterprises/**", READERS),
                EndpointRule.roles("POST", "/api/v1/enterprises", WRITERS),
                EndpointRule.roles("PATCH", "/api/v1/enterprises/{id}", WRITERS),
                EndpointRule.roles("PUT", "/api/v1/enterprises/{id}/rd-spending", WRITERS),
                EndpointRule.roles("POST", "/api/v1/enterprises/{id}/honours", WRITERS),
                EndpointRule.roles("GET", "/api/v1/residents", READERS),
                EndpointRule.roles("GET", "/api/v1/residents/**", READERS),
                EndpointRule.roles("POST", "/api/v1/residents", WRITERS),
                EndpointRule.roles("PATCH", "/api/v1/residents/{id}", WRITERS),
                EndpointRule.roles("GET", "/api/v1/facilities", READERS),
                EndpointRule.roles("GET", "/api/v1/facilities/**", READERS),
                EndpointRule.roles("POST", "/api/v1/facilities", WRITERS),
                EndpointRule.roles("PATCH", "/api/v1/facilities/{id}", WRITERS),
                EndpointRule.roles("GET", "/api/v1/facility-types", READERS),
                EndpointRule.roles("GET", "/api/v1/honour-types", READERS));
    }
}
