package io.zhenwu.web;

import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.Users;
import io.zhenwu.shared.DataScope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** 首页: the org tree of the user's scope and real counts (users, org units by type), all counted in SQL. */
@Controller
class HomeController {

    private final OrgUnits orgUnits;
    private final Users users;
    private final MessageSource messages;
    private final JsonMapper json;

    HomeController(OrgUnits orgUnits, Users users, MessageSource messages, JsonMapper json) {
        this.orgUnits = orgUnits;
        this.users = users;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/")
    String home(DataScope scope, Locale locale, Model model) {
        Map<OrgUnitType, Long> unitCounts = orgUnits.countByType(scope);
        model.addAttribute("tree", orgUnits.tree(scope, 1));
        model.addAttribute("root", orgUnits.get(scope, scope.orgUnitId()));
        model.addAttribute("unitCounts", unitCounts);
        model.addAttribute("charts", true);
        model.addAttribute("unitChart", json.writeValueAsString(Map.of(
                "animation", false,
                "tooltip", Map.of(),
                "grid", Map.of("left", 40, "right", 10, "top", 10, "bottom", 30),
                "xAxis", Map.of("type", "category", "data", unitCounts.keySet().stream()
                        .map(t -> messages.getMessage(t.messageKey(), null, locale)).toList()),
                "yAxis", Map.of("type", "value", "minInterval", 1),
                "series", List.of(Map.of("type", "bar", "data", List.copyOf(unitCounts.values()), "itemStyle", Map.of("color", "#1d4f91"))))));
        model.addAttribute("userCount", users.count(scope));
        model.addAttribute("roleCounts", users.countByRole(scope));
        return "home";
    }
}
