package io.zhenwu.registry;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.Times;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The honours section of an enterprise's page (loaded into it by htmx) and its add-honour form; a rejected form
 * returns to the page with the reasons.
 */
@Controller
class HonourController {

    private final Honours honours;

    HonourController(Honours honours) {
        this.honours = honours;
    }

    @GetMapping("/registry/enterprises/{id}/honours")
    String section(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("enterpriseId", id);
        model.addAttribute("honours", honours.ofEnterprise(scope, id));
        model.addAttribute("honourTypes", honours.types(true));
        model.addAttribute("honourLevels", Arrays.asList(HonourLevel.values()));
        model.addAttribute("currentYear", LocalDate.now(Times.ZONE).getYear());
        return "registry/enterpriseHonours :: honours";
    }

    @PostMapping("/registry/enterprises/{id}/honours")
    String add(DataScope scope, @PathVariable long id, @RequestParam(required = false) String typeCode,
               @RequestParam(required = false) String level, @RequestParam(required = false) String awardYear,
               @RequestParam(required = false) String issuingBody, @RequestParam(required = false) String note,
               RedirectAttributes redirect) {
        try {
            Integer year = parseYear(awardYear);
            HonourLevel l = level == null || level.isBlank() ? null : HonourLevel.valueOf(level.strip());
            honours.add(scope, id, new HonourDraft(typeCode, l, year, issuingBody, note));
            redirect.addFlashAttribute("message", "flash.honour.added");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("violations",
                    new InvalidInputException("level", "validation.type", "level").violations());
        }
        return "redirect:/registry/enterprises/" + id + "#honours";
    }

    private static Integer parseYear(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("awardYear", "registry.honour.year.range", text.strip(),
                    String.valueOf(Honours.FIRST_YEAR), String.valueOf(LocalDate.now(Times.ZONE).getYear()));
        }
    }
}
