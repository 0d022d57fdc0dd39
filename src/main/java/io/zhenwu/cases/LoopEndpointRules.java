package io.zhenwu.cases;

import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import io.zhenwu.shared.Role;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Safety: inspectors record inspections, hazards, notices and re-inspections; leaders and staff read and re-inspect
 * (the case type decides who fires what); enterprise users read their own enterprise's notices only. Labor disputes:
 * staff and village cadres. Farmland plots: staff and cadres. Leaders read everything of their town.
 */
@Component
class LoopEndpointRules implements EndpointRules {

    static final Role[] SAFETY = {Role.ADMIN, Role.LEADER, Role.STAFF, Role.INSPECTOR};
    static final Role[] SAFETY_WRITE = {Role.INSPECTOR, Role.STAFF, Role.LEADER};
    static final Role[] LABOR = {Role.ADMIN, Role.LEADER, Role.STAFF, Role.CADRE};
    static final Role[] LAND = {Role.ADMIN, Role.LEADER, Role.STAFF, Role.CADRE};

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                EndpointRule.roles("POST", "/api/v1/safety/inspections", Role.INSPECTOR),
                EndpointRule.roles("GET", "/api/v1/safety/inspections", SAFETY),
                EndpointRule.roles("POST", "/api/v1/safety/hazards", Role.INSPECTOR),
                EndpointRule.roles("GET", "/api/v1/safety/hazards", SAFETY),
                EndpointRule.roles("GET", "/api/v1/safety/hazards/{id}", SAFETY),
                EndpointRule.roles("POST", "/api/v1/safety/hazards/{id}/evidence", SAFETY_WRITE),
                EndpointRule.roles("GET", "/api/v1/safety/hazards/{id}/evidence", SAFETY),
                EndpointRule.roles("POST", "/api/v1/safety/hazards/{id}/notice", Role.INSPECTOR),
                EndpointRule.roles("POST", "/api/v1/safety/hazards/{id}/on-the-spot", Role.INSPECTOR),
                EndpointRule.roles("POST", "/api/v1/safety/hazards/{id}/rectification", SAFETY_WRITE),
                EndpointRule.roles("POST", "/api/v1/safety/hazards/{id}/reinspection", SAFETY_WRITE),
                EndpointRule.roles("POST", "/api/v1/safety/hazards/{id}/enforcement", Role.INSPECTOR, Role.LEADER),
                // before notices/{id}, which matches "overdue" too and would let enterprise users in
                EndpointRule.roles("GET", "/api/v1/safety/notices/overdue", SAFETY),
                EndpointRule.roles("GET", "/api/v1/safety/notices/{id}", Role.ADMIN, Role.LEADER, Role.STAFF, Role.INSPECTOR, Role.ENTERPRISE),
                EndpointRule.roles("GET", "/api/v1/safety/notices/{id}/docx", Role.ADMIN, Role.LEADER, Role.STAFF, Role.INSPECTOR, Role.ENTERPRISE),
                EndpointRule.roles("GET", "/api/v1/safety/my-notices", Role.ENTERPRISE),
                EndpointRule.roles("POST", "/api/v1/labor-disputes", Role.STAFF, Role.CADRE),
                EndpointRule.roles("GET", "/api/v1/labor-disputes", LABOR),
                EndpointRule.roles("GET", "/api/v1/labor-disputes/{id}", LABOR),
                EndpointRule.roles("POST", "/api/v1/labor-disputes/{id}/mediation", Role.STAFF, Role.CADRE),
                EndpointRule.roles("POST", "/api/v1/labor-disputes/{id}/arbitration", Role.STAFF),
                EndpointRule.roles("POST", "/api/v1/labor-disputes/{id}/closing", Role.STAFF),
                EndpointRule.roles("POST", "/api/v1/farmland-plots", Role.STAFF, Role.CADRE),
                EndpointRule.roles("GET", "/api/v1/farmland-plots", LAND),
                EndpointRule.roles("GET", "/api/v1/farmland-plots/{id}", LAND),
                EndpointRule.roles("POST", "/api/v1/farmland-plots/{id}/plan", Role.STAFF, Role.CADRE),
                EndpointRule.roles("POST", "/api/v1/farmland-plots/{id}/replanting", Role.STAFF, Role.CADRE),
                EndpointRule.roles("POST", "/api/v1/farmland-plots/{id}/village-verification", Role.CADRE),
                EndpointRule.roles("POST", "/api/v1/farmland-plots/{id}/department-verification", Role.STAFF),
                // pages
                EndpointRule.roles("GET", "/safety", SAFETY),
                EndpointRule.roles("POST", "/safety/inspections", Role.INSPECTOR),
                EndpointRule.roles("GET", "/safety/inspections/{id}", SAFETY),
                EndpointRule.roles("POST", "/safety/inspections/{id}/hazards", Role.INSPECTOR),
                EndpointRule.roles("GET", "/safety/hazards/{id}", SAFETY),
                EndpointRule.roles("POST", "/safety/hazards/{id}/step", SAFETY_WRITE),
                EndpointRule.roles("GET", "/safety/notices/{id}/docx", Role.ADMIN, Role.LEADER, Role.STAFF, Role.INSPECTOR, Role.ENTERPRISE),
                EndpointRule.roles("GET", "/safety/evidence/{id}", SAFETY),
                EndpointRule.roles("GET", "/safety/board", Role.ADMIN, Role.LEADER, Role.STAFF, Role.INSPECTOR),
                EndpointRule.roles("GET", "/labor-disputes", LABOR),
                EndpointRule.roles("GET", "/farmland-plots", LAND));
    }
}
