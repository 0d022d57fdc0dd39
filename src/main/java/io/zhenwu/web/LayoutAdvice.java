package io.zhenwu.web;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.CurrentActor;
import io.zhenwu.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.ArrayList;
import java.util.List;

/** What every page's layout needs: the signed-in actor, the side navigation for their roles, the current path. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    /** One entry of the side navigation; {@code labelKey} is a message key. */
    record NavItem(String href, String labelKey, String section) {
    }

    private final CurrentActor currentActor;

    LayoutAdvice(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @ModelAttribute("actor")
    Actor actor() {
        return currentActor.current().orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("navigation")
    List<NavItem> navigation() {
        List<NavItem> items = new ArrayList<>();
        currentActor.current().ifPresent(actor -> {
            items.add(new NavItem("/", "nav.home", "nav.section.overview"));
            if (actor.hasRole(Role.ADMIN) || actor.hasRole(Role.LEADER) || actor.hasRole(Role.STAFF) || actor.hasRole(Role.CADRE)) {
                items.add(new NavItem("/indicators", "nav.indicators", "nav.section.overview"));
            }
            if (actor.hasRole(Role.STAFF) || actor.hasRole(Role.ADMIN)) {
                items.add(new NavItem("/service-hall", "nav.serviceHall", "nav.section.cases"));
            }
            if (!actor.hasRole(Role.AUDITOR) || actor.roles().size() > 1) {
                items.add(new NavItem("/cases", "nav.cases", "nav.section.cases"));
            }
            if (actor.hasRole(Role.LEADER) || actor.hasRole(Role.ADMIN) || actor.hasRole(Role.STAFF)) {
                items.add(new NavItem("/cases/escalations", "nav.escalations", "nav.section.cases"));
            }
            if (actor.hasRole(Role.ADMIN) || actor.hasRole(Role.LEADER) || actor.hasRole(Role.STAFF) || actor.hasRole(Role.CADRE)
                    || actor.hasRole(Role.INSPECTOR)) {
                items.add(new NavItem("/reports", "nav.reports", "nav.section.overview"));
            }
            if (actor.hasRole(Role.ADMIN) || actor.hasRole(Role.LEADER) || actor.hasRole(Role.STAFF) || actor.hasRole(Role.CADRE)
                    || actor.hasRole(Role.INSPECTOR)) {
                items.add(new NavItem("/registry/enterprises", "nav.enterprises", "nav.section.registry"));
                items.add(new NavItem("/registry/residents", "nav.residents", "nav.section.registry"));
                items.add(new NavItem("/registry/facilities", "nav.facilities", "nav.section.registry"));
            }
            if (actor.hasRole(Role.ADMIN) || actor.hasRole(Role.LEADER) || actor.hasRole(Role.STAFF) || actor.hasRole(Role.CADRE)) {
                items.add(new NavItem("/imports", "nav.imports", "nav.section.registry"));
            }
            if (actor.hasRole(Role.LEADER) || actor.hasRole(Role.STAFF) || actor.hasRole(Role.INSPECTOR)) {
                items.add(new NavItem("/safety", "nav.safety", "nav.section.loops"));
            }
            if (actor.hasRole(Role.LEADER) || actor.hasRole(Role.ADMIN)) {
                items.add(new NavItem("/safety/board", "nav.safetyBoard", "nav.section.loops"));
            }
            if (actor.hasRole(Role.ADMIN) || actor.hasRole(Role.LEADER) || actor.hasRole(Role.STAFF) || actor.hasRole(Role.CADRE)) {
                items.add(new NavItem("/labor-disputes", "nav.laborDisputes", "nav.section.loops"));
                items.add(new NavItem("/farmland-plots", "nav.farmlandPlots", "nav.section.loops"));
            }
            if (actor.hasRole(Role.ADMIN)) {
                items.add(new NavItem("/admin/org-units", "nav.orgUnits", "nav.section.admin"));
                items.add(new NavItem("/admin/users", "nav.users", "nav.section.admin"));
                items.add(new NavItem("/admin/calendar", "nav.calendar", "nav.section.admin"));
                items.add(new NavItem("/admin/indicators", "nav.indicatorCatalogue", "nav.section.admin"));
            }
            if (actor.hasRole(Role.ADMIN) || actor.hasRole(Role.AUDITOR)) {
                items.add(new NavItem("/admin/audit", "nav.audit", "nav.section.admin"));
            }
            items.add(new NavItem("/account", "nav.account", "nav.section.personal"));
            items.add(new NavItem("/swagger-ui.html", "nav.apiDocs", "nav.section.personal"));
        });
        return items;
    }
}
