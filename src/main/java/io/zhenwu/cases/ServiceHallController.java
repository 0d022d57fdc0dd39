package io.zhenwu.cases;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.FormErrors;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.Times;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;

/** The window staff's page: accept a matter or a 一件事一次办 bundle, see today's acceptances. */
@Controller
class ServiceHallController {

    private final ServiceHall hall;
    private final Cases cases;

    ServiceHallController(ServiceHall hall, Cases cases) {
        this.hall = hall;
        this.cases = cases;
    }

    /** The acceptance form: a matter or a bundle, the window, the applicant. */
    static class AcceptForm {
        private String matterCode;
        private String bundleCode;
        private String windowCode;
        private ApplicantKind applicantKind = ApplicantKind.RESIDENT;
        private String applicantName;
        private String applicantId;
        private String title;
        private String comment;

        ServiceHall.Application application() {
            return new ServiceHall.Application(matterCode, windowCode, applicantKind, applicantName, applicantId, title, comment);
        }

        public String getMatterCode() { return matterCode; }
        public void setMatterCode(String v) { matterCode = v; }
        public String getBundleCode() { return bundleCode; }
        public void setBundleCode(String v) { bundleCode = v; }
        public String getWindowCode() { return windowCode; }
        public void setWindowCode(String v) { windowCode = v; }
        public ApplicantKind getApplicantKind() { return applicantKind; }
        public void setApplicantKind(ApplicantKind v) { applicantKind = v; }
        public String getApplicantName() { return applicantName; }
        public void setApplicantName(String v) { applicantName = v; }
        public String getApplicantId() { return applicantId; }
        public void setApplicantId(String v) { applicantId = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getComment() { return comment; }
        public void setComment(String v) { comment = v; }
    }

    @GetMapping("/service-hall")
    String initAcceptForm(Actor actor, Model model) {
        model.addAttribute("form", new AcceptForm());
        return page(actor, model);
    }

    @PostMapping("/service-hall")
    String processAcceptForm(Actor actor, @ModelAttribute("form") AcceptForm form, BindingResult result, Model model,
                             RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                CaseView accepted = form.getBundleCode() != null && !form.getBundleCode().isBlank()
                        ? hall.acceptBundle(actor, form.getBundleCode(), form.application())
                        : hall.accept(actor, form.application());
                redirect.addFlashAttribute("message", "flash.case.accepted");
                return "redirect:/cases/" + accepted.id();
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        return page(actor, model);
    }

    private String page(Actor actor, Model model) {
        model.addAttribute("matters", hall.matters());
        model.addAttribute("windows", hall.windows());
        model.addAttribute("bundles", hall.bundles());
        model.addAttribute("applicantKinds", new ApplicantKind[] {ApplicantKind.RESIDENT, ApplicantKind.ENTERPRISE, ApplicantKind.PERSON});
        LocalDate today = LocalDate.now(Times.ZONE);
        model.addAttribute("today", cases.search(actor, new CaseQuery(null, null, null, null, null, null, null, today, today, null, null,
                null, null, true, null), PageQuery.of(0, 50, "id,desc", "c.id", CaseQuery.SORTABLE)));
        return "cases/serviceHall";
    }
}
