package io.zhenwu.web;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.CurrentActor;
import io.zhenwu.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import java.util.ArrayList;
import java.util.List;

/**
 * What every page's layout needs: the signed-in actor, the side navigation for their roles, the current path. Added
 * after the handler, only when a view is about to be rendered: a {@code @ControllerAdvice} with model attributes
 * would also run for every API call ({@code @RestController} is a {@code @Controller}), where nothing renders them.
 */
@Component
class LayoutModel implements HandlerInterceptor {

    /** One entry of the side navigation; {@code labelKey} is a message key. */
    record NavItem(String href, String labelKey, String section) {
    }

    /** The model attribute holding the signed-in {@link Actor} (or null); handlers never use this name. */
    static final String SIGNED_IN = "signedIn";

    private final CurrentActor currentActor;

    LayoutModel(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || mav.getView() instanceof RedirectView
                || mav.getViewName() != null && (mav.getViewName().startsWith("redirect:") || mav.getViewName().startsWith("forward:"))) {
            return;
        }
        Actor actor = currentActor.current().orElse(null);
        // The layout's own names, set whatever the handler put in the model: a page's filter "actor" (the audit
        // list's) once replaced the signed-in user and the layout failed on it.
        mav.getModelMap().put(SIGNED_IN, actor);
        mav.getModelMap().put("currentPath", request.getRequestURI());
        mav.getModelMap().put("navigation", navigation(actor));
    }

    static List<NavItem> navigation(Actor actor) {
        List<NavItem> items = new ArrayList<>();
        if (actor != null) {
            items.add(new NavItem("/", "nav.home", "nav.section.overview"));
            if (actor.hasRole(Role.ADMIN) || actor.hasRole(Role.LEADER) || actor.hasRole(Role.STAFF) || actor.hasRole(Role.CADRE)) {
                items.add(new NavItem("/indicators", "nav.indicators", "nav.section.overview"));
            }
            if (actor.hasRole(Role.ADMIN) || actor.hasRole(Role.LEADER) || actor.hasRole(Role.STAFF) || actor.hasRole(Role.CADRE)
                    || actor.hasRole(Role.INSPECTOR)) {
                items.add(new NavItem("/reports", "nav.reports", "nav.section.overview"));
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
        }
        return items;
    }
}
