package io.zhenwu.registry;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FormErrors;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.Permission;
import io.zhenwu.shared.Times;
import org.springframework.context.ApplicationEventPublisher;
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
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * 居民台账 pages: list with filters (htmx) and export, details (masked; unmasked on request with the permission,
 * audited), register and edit, and a household with its members. The edit form never shows the stored ID number or
 * phone (that would be an unmasked view): left empty they stay as they are.
 */
@Controller
class ResidentController {

    private final Residents residents;
    private final ApplicationEventPublisher events;

    ResidentController(Residents residents, ApplicationEventPublisher events) {
        this.residents = residents;
        this.events = events;
    }

    /** The form behind register and edit. */
    static class ResidentForm {
        private String idNumber;
        private String name;
        private String orgUnitCode;
        private String householdNo;
        private Relation relationToHead;
        private String phone;
        private List<ResidentTag> tags = new ArrayList<>();
        private long version;

        /** For editing: everything but the ID number and phone, which stay masked and empty means "unchanged". */
        static ResidentForm of(Resident r) {
            ResidentForm f = new ResidentForm();
            f.name = r.name();
            f.orgUnitCode = r.orgUnitCode();
            f.householdNo = r.householdNo();
            f.relationToHead = r.relationToHead();
            f.tags = new ArrayList<>(r.tags().stream().sorted().toList());
            f.version = r.version();
            return f;
        }

        ResidentDraft draft(Resident current) {
            String id = blank(idNumber) && current != null ? current.idNumber() : idNumber;
            String p = blank(phone) && current != null ? current.phone() : phone;
            return new ResidentDraft(id, name, orgUnitCode, householdNo, relationToHead, p,
                    tags == null || tags.isEmpty() ? EnumSet.noneOf(ResidentTag.class) : EnumSet.copyOf(tags));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String v) { idNumber = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getOrgUnitCode() { return orgUnitCode; }
        public void setOrgUnitCode(String v) { orgUnitCode = v; }
        public String getHouseholdNo() { return householdNo; }
        public void setHouseholdNo(String v) { householdNo = v; }
        public Relation getRelationToHead() { return relationToHead; }
        public void setRelationToHead(Relation v) { relationToHead = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public List<ResidentTag> getTags() { return tags; }
        public void setTags(List<ResidentTag> v) { tags = v; }
        public long getVersion() { return version; }
        public void setVersion(long v) { version = v; }
    }

    @ModelAttribute("relations")
    List<Relation> relations() {
        return List.of(Relation.values());
    }

    @ModelAttribute("residentTags")
    List<ResidentTag> residentTags() {
        return ResidentTag.all();
    }

    @ModelAttribute("today")
    LocalDate today() {
        return LocalDate.now(Times.ZONE);
    }

    @GetMapping("/registry/residents")
    String list(DataScope scope, @RequestParam Map<String, String> parameters, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ResidentQuery query = ResidentQuery.from(parameters);
        model.addAttribute("query", query);
        model.addAttribute("residents", residents.search(scope, query,
                PageQuery.of(page, 20, null, "r.household_no", Residents.SORTABLE)));
        var export = UriComponentsBuilder.fromPath("/exports/residents");
        query.toParameters().forEach(export::queryParam);
        model.addAttribute("exportUrl", export.build().toUriString());
        return "true".equals(htmx) ? "registry/residentList :: results" : "registry/residentList";
    }

    @GetMapping("/registry/residents/{id}")
    String show(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean unmasked, Model model) {
        PersonalData.checkRequest(actor, unmasked);
        Resident r = residents.get(actor.scope(), id);
        boolean show = PersonalData.reveal(actor, unmasked, "resident", r.id(), "idNumber,phone", events);
        model.addAttribute("resident", r);
        model.addAttribute("idNumber", show ? r.idNumber() : r.maskedIdNumber());
        model.addAttribute("phone", show ? r.phone() : r.maskedPhone());
        model.addAttribute("unmasked", show);
        model.addAttribute("canUnmask", !show && actor.has(Permission.VIEW_PERSONAL_DATA));
        return "registry/residentDetails";
    }

    @GetMapping("/registry/residents/new")
    String initCreationForm(@RequestParam(required = false) String householdNo, @RequestParam(required = false) String org,
                            Model model) {
        ResidentForm form = new ResidentForm();
        form.setHouseholdNo(householdNo);
        form.setOrgUnitCode(org);
        model.addAttribute("form", form);
        return "registry/residentForm";
    }

    @PostMapping("/registry/residents/new")
    String processCreationForm(DataScope scope, @ModelAttribute("form") ResidentForm form, BindingResult result,
                               RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "registry/residentForm";
        }
        try {
            Resident created = residents.register(scope, form.draft(null));
            redirect.addFlashAttribute("message", "flash.resident.registered");
            return "redirect:/registry/residents/" + created.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return "registry/residentForm";
        }
    }

    @GetMapping("/registry/residents/{id}/edit")
    String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
        Resident r = residents.get(scope, id);
        model.addAttribute("form", ResidentForm.of(r));
        model.addAttribute("resident", r);
        return "registry/residentEdit";
    }

    @PostMapping("/registry/residents/{id}/edit")
    String processUpdateForm(DataScope scope, @PathVariable long id, @ModelAttribute("form") ResidentForm form,
                             BindingResult result, Model model, RedirectAttributes redirect) {
        Resident current = residents.get(scope, id);
        if (!result.hasErrors()) {
            try {
                residents.update(scope, id, form.getVersion(), form.draft(current));
                redirect.addFlashAttribute("message", "flash.resident.updated");
                return "redirect:/registry/residents/" + id;
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("resident", current);
        return "registry/residentEdit";
    }

    @GetMapping("/registry/households/{householdNo}")
    String household(DataScope scope, @PathVariable String householdNo, Model model) {
        model.addAttribute("household", residents.household(scope, householdNo));
        model.addAttribute("members", residents.members(scope, householdNo));
        return "registry/household";
    }
}
