package io.zhenwu.cases;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The case pages every case type shares: a filtered list (htmx), a case with its timeline, sub-cases and one form
 * per transition the state allows (errors inline, a conflict shows the current state), the receipt and completion
 * notice, and the leaders' 督办 board.
 */
@Controller
class CaseController {

    private final Cases cases;
    private final CaseTypes types;
    private final Problems problems;

    CaseController(Cases cases, CaseTypes types, Problems problems) {
        this.cases = cases;
        this.types = types;
        this.problems = problems;
    }

    @GetMapping("/cases")
    String list(Actor actor, @RequestParam(required = false) String type, @RequestParam(required = false) String state,
                @RequestParam(required = false) String q, @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        String t = type == null || type.isBlank() || !types.exists(type) ? null : type;
        CaseQuery query = new CaseQuery(t, blank(state), null, null, null, null, null, from, to, Boolean.TRUE.equals(overdue) ? true : null,
                null, blank(q), null, null, null);
        model.addAttribute("types", types.all());
        model.addAttribute("filter", new Filter(t, blank(state), blank(q), Boolean.TRUE.equals(overdue), from, to));
        model.addAttribute("cases", cases.search(actor, query, PageQuery.of(page, 20, "id,desc", "c.id", CaseQuery.SORTABLE)));
        return "true".equals(htmx) ? "cases/caseList :: results" : "cases/caseList";
    }

    /** The list's filters as the page shows them again. */
    record Filter(String type, String state, String q, boolean overdue, LocalDate from, LocalDate to) {
    }

    @GetMapping("/cases/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("details", cases.details(actor, id));
        return "cases/caseDetails";
    }

    @PostMapping("/cases/{id}/transitions/{name}")
    String fire(Actor actor, @PathVariable long id, @PathVariable String name, @RequestParam Map<String, String> params,
                Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> fields = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("field.") && v != null && !v.isBlank()) {
                fields.put(k.substring(6), v);
            }
        });
        try {
            // a form without its version is shown again with the error, within the caller's scope (out of it: 404)
            cases.fire(actor, id, name, version(params), fields, params.get("comment"));
            redirect.addFlashAttribute("message", "flash.case.transitioned");
            return "redirect:/cases/" + id;
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation v : e.violations()) {
                errors.merge(v.field(), problems.message(v, locale), (a, b) -> a + " " + b);
            }
            model.addAttribute("failedTransition", name);
            model.addAttribute("errors", errors);
            model.addAttribute("entered", fields);
        } catch (ConflictException e) {
            model.addAttribute("conflict", problems.message(e.messageKey(), locale));
        } catch (AccessDeniedException e) {
            // A form the page did not offer (another tab, a changed role): the page again, with the reason.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("conflict", problems.message("case.transition.forbidden", locale));
        }
        model.addAttribute("details", cases.details(actor, id));
        return "cases/caseDetails";
    }

    private static long version(Map<String, String> params) {
        try {
            return Long.parseLong(params.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "validation.version.required");
        }
    }

    @GetMapping("/cases/{id}/receipt")
    String receipt(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("details", cases.details(actor, id));
        return "cases/caseReceipt";
    }

    @GetMapping("/cases/escalations")
    String escalations(Actor actor, Model model) {
        model.addAttribute("escalations", cases.escalations(actor, true));
        return "cases/escalationList";
    }

    @PostMapping("/cases/escalations/{id}/acknowledge")
    String acknowledge(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        cases.acknowledge(actor, id);
        redirect.addFlashAttribute("message", "flash.case.acknowledged");
        return "redirect:/cases/escalations";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
