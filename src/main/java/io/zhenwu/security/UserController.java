package io.zhenwu.security;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FormErrors;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.Permission;
import io.zhenwu.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** 用户管理 pages: list with filters (htmx), create, edit (org unit, roles, enabled), reset password. */
@Controller
class UserController {

    private final Users users;
    private final OrgUnits orgUnits;

    UserController(Users users, OrgUnits orgUnits) {
        this.users = users;
        this.orgUnits = orgUnits;
    }

    /** The form behind create and edit. */
    static class UserForm {
        private String username;
        private String displayName;
        private Long orgUnitId;
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        private Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        private boolean enabled = true;
        private String password;
        private long version;

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public Long getOrgUnitId() { return orgUnitId; }
        public void setOrgUnitId(Long orgUnitId) { this.orgUnitId = orgUnitId; }
        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
        public Set<Permission> getPermissions() { return permissions; }
        public void setPermissions(Set<Permission> permissions) { this.permissions = permissions == null ? EnumSet.noneOf(Permission.class) : permissions; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public long getVersion() { return version; }
        public void setVersion(long version) { this.version = version; }
    }

    @ModelAttribute("allPermissions")
    List<Permission> allPermissions() {
        return Arrays.asList(Permission.values());
    }

    @ModelAttribute("allRoles")
    List<Role> allRoles() {
        return Arrays.asList(Role.values());
    }

    @GetMapping("/admin/users")
    String list(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(required = false) Integer page, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        model.addAttribute("users", users.search(scope, q, role, PageQuery.of(page, 20, null, "u.username", Users.SORTABLE)));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        return "true".equals(htmx) ? "security/userList :: results" : "security/userList";
    }

    @GetMapping("/admin/users/new")
    String initCreationForm(DataScope scope, Model model) {
        model.addAttribute("form", new UserForm());
        model.addAttribute("orgUnits", orgUnitChoices(scope));
        return "security/userForm";
    }

    @PostMapping("/admin/users/new")
    String processCreationForm(DataScope scope, @ModelAttribute("form") UserForm form, BindingResult result, Model model,
                               RedirectAttributes redirect) {
        try {
            users.create(scope, form.getUsername(), form.getDisplayName(), form.getOrgUnitId(), form.getRoles(),
                    form.isEnabled(), form.getPassword());
            redirect.addFlashAttribute("message", "flash.user.created");
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            form.setPassword(null);
            model.addAttribute("orgUnits", orgUnitChoices(scope));
            return "security/userForm";
        }
    }

    @GetMapping("/admin/users/{id}/edit")
    String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
        UserAccount user = users.get(scope, id);
        UserForm form = new UserForm();
        form.setUsername(user.username());
        form.setDisplayName(user.displayName());
        form.setOrgUnitId(user.orgUnitId());
        form.setRoles(user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles()));
        form.setEnabled(user.enabled());
        form.setPermissions(user.permissions().isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(user.permissions()));
        form.setVersion(user.version());
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute("orgUnits", orgUnitChoices(scope));
        return "security/userEdit";
    }

    @PostMapping("/admin/users/{id}/edit")
    String processUpdateForm(DataScope scope, @PathVariable long id, @ModelAttribute("form") UserForm form,
                             BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            users.update(scope, id, form.getVersion(), form.getDisplayName(), form.getOrgUnitId(), form.getRoles(), form.isEnabled(),
                    form.getPermissions());
            redirect.addFlashAttribute("message", "flash.user.updated");
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            model.addAttribute("user", users.get(scope, id));
            model.addAttribute("orgUnits", orgUnitChoices(scope));
            return "security/userEdit";
        }
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(DataScope scope, @PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        try {
            users.resetPassword(scope, id, password);
            redirect.addFlashAttribute("message", "flash.user.passwordReset");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        }
        return "redirect:/admin/users/" + id + "/edit";
    }

    private List<OrgUnit> orgUnitChoices(DataScope scope) {
        return orgUnits.tree(scope, 3).stream().filter(OrgUnit::active).toList();
    }
}
