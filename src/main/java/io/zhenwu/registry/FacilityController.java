package io.zhenwu.registry;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.FormErrors;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** 设施台账 pages: list with filters (htmx), details, register and edit; the catalogue page for administrators. */
@Controller
class FacilityController {

    private final Facilities facilities;

    FacilityController(Facilities facilities) {
        this.facilities = facilities;
    }

    /** The form behind register and edit; coordinates as typed, parsed on submit. */
    static class FacilityForm {
        private String code;
        private String typeCode;
        private String name;
        private String orgUnitCode;
        private String latitude;
        private String longitude;
        private FacilityStatus status = FacilityStatus.IN_SERVICE;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate commissionedOn;
        private long version;

        static FacilityForm of(Facility f) {
            FacilityForm form = new FacilityForm();
            form.code = f.code();
            form.typeCode = f.typeCode();
            form.name = f.name();
            form.orgUnitCode = f.orgUnitCode();
            form.latitude = f.latitude() == null ? null : f.latitude().toPlainString();
            form.longitude = f.longitude() == null ? null : f.longitude().toPlainString();
            form.status = f.status();
            form.commissionedOn = f.commissionedOn();
            form.version = f.version();
            return form;
        }

        FacilityDraft draft() {
            List<FieldViolation> problems = new ArrayList<>();
            BigDecimal lat = number("latitude", latitude, problems);
            BigDecimal lng = number("longitude", longitude, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new FacilityDraft(code, typeCode, name, orgUnitCode, lat, lng, status, commissionedOn);
        }

        private static BigDecimal number(String field, String text, List<FieldViolation> problems) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                problems.add(FieldViolation.of(field, "registry.facility.coordinate.number", text.strip()));
                return null;
            }
        }

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getTypeCode() { return typeCode; }
        public void setTypeCode(String v) { typeCode = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getOrgUnitCode() { return orgUnitCode; }
        public void setOrgUnitCode(String v) { orgUnitCode = v; }
        public String getLatitude() { return latitude; }
        public void setLatitude(String v) { latitude = v; }
        public String getLongitude() { return longitude; }
        public void setLongitude(String v) { longitude = v; }
        public FacilityStatus getStatus() { return status; }
        public void setStatus(FacilityStatus v) { status = v; }
        public LocalDate getCommissionedOn() { return commissionedOn; }
        public void setCommissionedOn(LocalDate v) { commissionedOn = v; }
        public long getVersion() { return version; }
        public void setVersion(long v) { version = v; }
    }

    /** The catalogue form. */
    static class FacilityTypeForm {
        private String code;
        private String nameZh;
        private String nameEn;

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getNameZh() { return nameZh; }
        public void setNameZh(String v) { nameZh = v; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String v) { nameEn = v; }
    }

    @ModelAttribute("facilityStatuses")
    List<FacilityStatus> statuses() {
        return Arrays.asList(FacilityStatus.values());
    }

    @GetMapping("/registry/facilities")
    String list(DataScope scope, @RequestParam Map<String, String> parameters, @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        FacilityQuery query = FacilityQuery.from(parameters);
        model.addAttribute("query", query);
        model.addAttribute("types", facilities.types(false));
        model.addAttribute("facilities", facilities.search(scope, query,
                PageQuery.of(page, 20, null, "f.facility_code", Facilities.SORTABLE)));
        model.addAttribute("counts", facilities.countByType(scope, query, null));
        return "true".equals(htmx) ? "registry/facilityList :: results" : "registry/facilityList";
    }

    @GetMapping("/registry/facilities/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("facility", facilities.get(scope, id));
        return "registry/facilityDetails";
    }

    @GetMapping("/registry/facilities/new")
    String initCreationForm(Model model) {
        model.addAttribute("form", new FacilityForm());
        model.addAttribute("types", facilities.types(true));
        return "registry/facilityForm";
    }

    @PostMapping("/registry/facilities/new")
    String processCreationForm(DataScope scope, @ModelAttribute("form") FacilityForm form, BindingResult result, Model model,
                               RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Facility created = facilities.register(scope, form.draft());
                redirect.addFlashAttribute("message", "flash.facility.registered");
                return "redirect:/registry/facilities/" + created.id();
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("types", facilities.types(true));
        return "registry/facilityForm";
    }

    @GetMapping("/registry/facilities/{id}/edit")
    String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
        Facility f = facilities.get(scope, id);
        model.addAttribute("form", FacilityForm.of(f));
        model.addAttribute("facility", f);
        model.addAttribute("types", facilities.types(true));
        return "registry/facilityEdit";
    }

    @PostMapping("/registry/facilities/{id}/edit")
    String processUpdateForm(DataScope scope, @PathVariable long id, @ModelAttribute("form") FacilityForm form,
                             BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                facilities.update(scope, id, form.getVersion(), form.draft());
                redirect.addFlashAttribute("message", "flash.facility.updated");
                return "redirect:/registry/facilities/" + id;
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("facility", facilities.get(scope, id));
        model.addAttribute("types", facilities.types(true));
        return "registry/facilityEdit";
    }

    @GetMapping("/registry/facility-types")
    String types(Model model) {
        model.addAttribute("types", facilities.types(false));
        model.addAttribute("form", new FacilityTypeForm());
        return "registry/facilityTypes";
    }

    @PostMapping("/registry/facility-types")
    String addType(DataScope scope, @ModelAttribute("form") FacilityTypeForm form, BindingResult result, Model model,
                   RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                facilities.addType(scope, form.getCode(), form.getNameZh(), form.getNameEn());
                redirect.addFlashAttribute("message", "flash.facilityType.added");
                return "redirect:/registry/facility-types";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("types", facilities.types(false));
        return "registry/facilityTypes";
    }
}
