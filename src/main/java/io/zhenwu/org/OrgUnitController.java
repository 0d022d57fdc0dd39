package io.zhenwu.org;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FormErrors;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;

/** 组织机构管理 pages: the tree, create, edit (rename / re-code / (de)activate), move and delete. */
@Controller
class OrgUnitController {

    private final OrgUnits orgUnits;

    OrgUnitController(OrgUnits orgUnits) {
        this.orgUnits = orgUnits;
    }

    /** The form behind create and edit. */
    static class OrgUnitForm {
        private Long parentId;
        private String code;
        private String name;
        private OrgUnitType type;
        private boolean active = true;
        private long version;

        public Long getParentId() { return parentId; }
        public void setParentId(Long parentId) { this.parentId = parentId; }
        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public OrgUnitType getType() { return type; }
        public void setType(OrgUnitType type) { this.type = type; }
        public boolean isActive() { return active; }
        public void setActive(boolean active) { this.active = active; }
        public long getVersion() { return version; }
        public void setVersion(long version) { this.version = version; }
    }

    @ModelAttribute("unitTypes")
    List<OrgUnitType> unitTypes() {
        return Arrays.asList(OrgUnitType.values());
    }

    @GetMapping("/admin/org-units")
    String list(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) OrgUnitType type,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("tree", orgUnits.tree(scope, 2));
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        if ((q != null && !q.isBlank()) || type != null) {
            model.addAttribute("results", orgUnits.search(scope, q, type, null,
                    PageQuery.of(page, 50, null, "code", OrgUnits.SORTABLE)));
        }
        return "org/orgUnitList";
    }

    /** htmx: the children of one unit, for expanding the tree in place. */
    @GetMapping("/org-units/{id}/children")
    String children(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("children", orgUnits.children(scope, id));
        return "org/orgUnitChildren :: children";
    }

    @GetMapping("/admin/org-units/new")
    String initCreationForm(DataScope scope, @RequestParam long parentId, Model model) {
        OrgUnit parent = orgUnits.get(scope, parentId);
        OrgUnitForm form = new OrgUnitForm();
        form.setParentId(parentId);
        model.addAttribute("form", form);
        model.addAttribute("parent", parent);
        return "org/orgUnitForm";
    }

    @PostMapping("/admin/org-units/new")
    String processCreationForm(DataScope scope, @ModelAttribute("form") OrgUnitForm form, BindingResult result, Model model,
                               RedirectAttributes redirect) {
        try {
            OrgUnit created = orgUnits.create(scope, form.getParentId(), form.getCode(), form.getName(), form.getType());
            redirect.addFlashAttribute("message", "flash.orgUnit.created");
            return "redirect:/admin/org-units/" + created.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            model.addAttribute("parent", form.getParentId() == null ? null : orgUnits.find(scope, form.getParentId()).orElse(null));
            return "org/orgUnitForm";
        }
    }

    @GetMapping("/admin/org-units/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        OrgUnit unit = orgUnits.get(scope, id);
        model.addAttribute("unit", unit);
        model.addAttribute("parent", unit.parentId() == null ? null : orgUnits.find(scope, unit.parentId()).orElse(null));
        model.addAttribute("children", orgUnits.children(scope, id));
        return "org/orgUnitDetails";
    }

    @GetMapping("/admin/org-units/{id}/edit")
    String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
        OrgUnit unit = orgUnits.get(scope, id);
        OrgUnitForm form = new OrgUnitForm();
        form.setParentId(unit.parentId());
        form.setCode(unit.code());
        form.setName(unit.name());
        form.setType(unit.type());
        form.setActive(unit.active());
        form.setVersion(unit.version());
        model.addAttribute("form", form);
        model.addAttribute("unit", unit);
        return "org/orgUnitEdit";
    }

    @PostMapping("/admin/org-units/{id}/edit")
    String processUpdateForm(DataScope scope, @PathVariable long id, @ModelAttribute("form") OrgUnitForm form,
                             BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            orgUnits.update(scope, id, form.getVersion(), form.getCode(), form.getName(), form.isActive());
            redirect.addFlashAttribute("message", "flash.orgUnit.updated");
            return "redirect:/admin/org-units/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            model.addAttribute("unit", orgUnits.get(scope, id));
            return "org/orgUnitEdit";
        }
    }

    @GetMapping("/admin/org-units/{id}/move")
    String initMoveForm(DataScope scope, @PathVariable long id, Model model) {
        OrgUnit unit = orgUnits.get(scope, id);
        OrgUnitForm form = new OrgUnitForm();
        form.setParentId(unit.parentId());
        form.setVersion(unit.version());
        model.addAttribute("form", form);
        return moveForm(scope, unit, model);
    }

    @PostMapping("/admin/org-units/{id}/move")
    String processMoveForm(DataScope scope, @PathVariable long id, @ModelAttribute("form") OrgUnitForm form,
                           BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            if (form.getParentId() == null) {
                throw new InvalidInputException("parentId", "org.parent.required");
            }
            orgUnits.move(scope, id, form.getVersion(), form.getParentId());
            redirect.addFlashAttribute("message", "flash.orgUnit.moved");
            return "redirect:/admin/org-units/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return moveForm(scope, orgUnits.get(scope, id), model);
        }
    }

    /** The move page offers the active units that may hold this type and are not inside the unit itself. */
    private String moveForm(DataScope scope, OrgUnit unit, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("candidates", orgUnits.tree(scope, 3).stream()
                .filter(u -> u.active() && !u.path().startsWith(unit.path()) && unit.type().allowedParents().contains(u.type()))
                .toList());
        return "org/orgUnitMove";
    }

    @PostMapping("/admin/org-units/{id}/delete")
    String delete(DataScope scope, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        OrgUnit unit = orgUnits.get(scope, id);
        try {
            orgUnits.delete(scope, id, version);
            redirect.addFlashAttribute("message", "flash.orgUnit.deleted");
            return unit.parentId() == null ? "redirect:/admin/org-units" : "redirect:/admin/org-units/" + unit.parentId();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
            return "redirect:/admin/org-units/" + id;
        }
    }
}
