package io.zhenwu.registry;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FormErrors;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** 企业台账 pages: list with filters (htmx) and export, details, register and edit. */
@Controller
class EnterpriseController {

    private final Enterprises enterprises;
    private final ApplicationEventPublisher events;

    EnterpriseController(Enterprises enterprises, ApplicationEventPublisher events) {
        this.enterprises = enterprises;
        this.events = events;
    }

    /** The form behind register and edit. */
    static class EnterpriseForm {
        private String creditCode;
        private String name;
        private String orgUnitCode;
        private String industryCode;
        private String address;
        private String legalRepresentative;
        private String contactPhone;
        private EnterpriseStatus status = EnterpriseStatus.OPERATING;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate establishedOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate aboveScaleFrom;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate aboveScaleTo;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate nightProductionFrom;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate nightProductionTo;
        private long version;

        static EnterpriseForm of(Enterprise e) {
            EnterpriseForm f = new EnterpriseForm();
            f.creditCode = e.creditCode();
            f.name = e.name();
            f.orgUnitCode = e.orgUnitCode();
            f.industryCode = e.industryCode();
            f.address = e.address();
            f.legalRepresentative = e.legalRepresentative();
            f.contactPhone = e.contactPhone();
            f.status = e.status();
            f.establishedOn = e.establishedOn();
            f.aboveScaleFrom = e.aboveScaleFrom();
            f.aboveScaleTo = e.aboveScaleTo();
            f.nightProductionFrom = e.nightProductionFrom();
            f.nightProductionTo = e.nightProductionTo();
            f.version = e.version();
            return f;
        }

        EnterpriseDraft draft() {
            return new EnterpriseDraft(creditCode, name, orgUnitCode, industryCode, address, legalRepresentative, contactPhone,
                    status, establishedOn, aboveScaleFrom, aboveScaleTo, nightProductionFrom, nightProductionTo);
        }

        public String getCreditCode() { return creditCode; }
        public void setCreditCode(String v) { creditCode = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getOrgUnitCode() { return orgUnitCode; }
        public void setOrgUnitCode(String v) { orgUnitCode = v; }
        public String getIndustryCode() { return industryCode; }
        public void setIndustryCode(String v) { industryCode = v; }
        public String getAddress() { return address; }
        public void setAddress(String v) { address = v; }
        public String getLegalRepresentative() { return legalRepresentative; }
        public void setLegalRepresentative(String v) { legalRepresentative = v; }
        public String getContactPhone() { return contactPhone; }
        public void setContactPhone(String v) { contactPhone = v; }
        public EnterpriseStatus getStatus() { return status; }
        public void setStatus(EnterpriseStatus v) { status = v; }
        public LocalDate getEstablishedOn() { return establishedOn; }
        public void setEstablishedOn(LocalDate v) { establishedOn = v; }
        public LocalDate getAboveScaleFrom() { return aboveScaleFrom; }
        public void setAboveScaleFrom(LocalDate v) { aboveScaleFrom = v; }
        public LocalDate getAboveScaleTo() { return aboveScaleTo; }
        public void setAboveScaleTo(LocalDate v) { aboveScaleTo = v; }
        public LocalDate getNightProductionFrom() { return nightProductionFrom; }
        public void setNightProductionFrom(LocalDate v) { nightProductionFrom = v; }
        public LocalDate getNightProductionTo() { return nightProductionTo; }
        public void setNightProductionTo(LocalDate v) { nightProductionTo = v; }
        public long getVersion() { return version; }
        public void setVersion(long v) { version = v; }
    }

    @ModelAttribute("statuses")
    List<EnterpriseStatus> statuses() {
        return Arrays.asList(EnterpriseStatus.values());
    }

    @GetMapping("/registry/enterprises")
    String list(DataScope scope, @RequestParam Map<String, String> parameters, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        EnterpriseQuery query = EnterpriseQuery.from(parameters);
        model.addAttribute("query", query);
        model.addAttribute("enterprises", enterprises.search(scope, query, PageQuery.of(page, 20, null, "e.name", Enterprises.SORTABLE)));
        var export = UriComponentsBuilder.fromPath("/exports/enterprises");
        query.toParameters().forEach(export::queryParam);
        model.addAttribute("exportUrl", export.build().toUriString());
        var params = new StringBuilder();
        query.toParameters().forEach((k, v) -> params.append('&').append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        model.addAttribute("filterParams", params.toString());
        return "true".equals(htmx) ? "registry/enterpriseList :: results" : "registry/enterpriseList";
    }

    @GetMapping("/registry/enterprises/{id}")
    String show(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean unmasked, Model model) {
        Enterprise e = enterprises.get(actor.scope(), id);
        boolean show = PersonalData.reveal(actor, unmasked, "enterprise", e.id(), "contactPhone", events);
        model.addAttribute("enterprise", e);
        model.addAttribute("rdSpending", enterprises.rdSpending(actor.scope(), id));
        model.addAttribute("phone", show ? e.contactPhone() : Masking.phone(e.contactPhone()));
        model.addAttribute("canUnmask", !show && e.contactPhone() != null
                && actor.has(io.zhenwu.shared.Permission.VIEW_PERSONAL_DATA));
        return "registry/enterpriseDetails";
    }

    @GetMapping("/registry/enterprises/new")
    String initCreationForm(Model model) {
        model.addAttribute("form", new EnterpriseForm());
        return "registry/enterpriseForm";
    }

    @PostMapping("/registry/enterprises/new")
    String processCreationForm(DataScope scope, @ModelAttribute("form") EnterpriseForm form, BindingResult result,
                               RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "registry/enterpriseForm";
        }
        try {
            Enterprise created = enterprises.register(scope, form.draft());
            redirect.addFlashAttribute("message", "flash.enterprise.registered");
            return "redirect:/registry/enterprises/" + created.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return "registry/enterpriseForm";
        }
    }

    @GetMapping("/registry/enterprises/{id}/edit")
    String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
        Enterprise e = enterprises.get(scope, id);
        model.addAttribute("form", EnterpriseForm.of(e));
        model.addAttribute("enterprise", e);
        return "registry/enterpriseEdit";
    }

    @PostMapping("/registry/enterprises/{id}/edit")
    String processUpdateForm(DataScope scope, @PathVariable long id, @ModelAttribute("form") EnterpriseForm form,
                             BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                enterprises.update(scope, id, form.getVersion(), form.draft());
                redirect.addFlashAttribute("message", "flash.enterprise.updated");
                return "redirect:/registry/enterprises/" + id;
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("enterprise", enterprises.get(scope, id));
        return "registry/enterpriseEdit";
    }
}
