package io.zhenwu.cases;

import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import io.zhenwu.shared.Role;
import org.springframework.stereotype.Component;

import java.util.List;

/** Everyone signed in computes deadlines and reads the calendar; only administrators change it. */
@Component
class CalendarEndpointRules implements EndpointRules {

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                EndpointRule.authenticated("GET", "/api/v1/calendar/add-working-days"),
                EndpointRule.authenticated("GET", "/api/v1/calendar/working-days"),
                EndpointRule.authenticated("GET", "/api/v1/calendar/exceptions"),
                EndpointRule.authenticated("GET", "/api/v1/calendar/exceptions/{date}"),
                EndpointRule.roles("POST", "/api/v1/calendar/exceptions", Role.ADMIN),
                EndpointRule.roles("PUT", "/api/v1/calendar/exceptions/{date}", Role.ADMIN),
                EndpointRule.roles("DELETE", "/api/v1/calendar/exceptions/{date}", Role.ADMIN),
                EndpointRule.roles(null, "/admin/calendar", Role.ADMIN),
                EndpointRule.roles(null, "/admin/calendar/**", Role.ADMIN));
    }
}
