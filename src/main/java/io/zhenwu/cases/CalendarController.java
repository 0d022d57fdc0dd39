package io.zhenwu.cases;

import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.FormErrors;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.Times;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 工作日历 pages for administrators: a year's days off and working weekends, add, edit and remove one. */
@Controller
class CalendarController {

    private final CalendarDays days;
    private final WorkingCalendar calendar;

    CalendarController(CalendarDays days, WorkingCalendar calendar) {
        this.days = days;
        this.calendar = calendar;
    }

    /** The form behind add and edit; text as entered, checked by {@link CalendarDays}. */
    static class CalendarDayForm {
        private String date;
        private String kind = CalendarDay.Kind.OFF.name();
        private String name;
        private String arrangementYear;
        private String source;
        private Long version;

        public String getDate() { return date; }
        public void setDate(String v) { date = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getArrangementYear() { return arrangementYear; }
        public void setArrangementYear(String v) { arrangementYear = v; }
        public String getSource() { return source; }
        public void setSource(String v) { source = v; }
        public Long getVersion() { return version; }
        public void setVersion(Long v) { version = v; }

        CalendarDays.Draft draft() {
            return new CalendarDays.Draft(date, kind, name, arrangementYear, source);
        }
    }

    @ModelAttribute("kinds")
    List<CalendarDay.Kind> kinds() {
        return Arrays.asList(CalendarDay.Kind.values());
    }

    @GetMapping("/admin/calendar")
    String list(@RequestParam(required = false) String year, Model model) {
        CalendarDayForm form = new CalendarDayForm();
        int y = year(year);
        form.setArrangementYear(String.valueOf(y));
        model.addAttribute("form", form);
        return listPage(y, model);
    }

    @PostMapping("/admin/calendar")
    String add(DataScope scope, @ModelAttribute("form") CalendarDayForm form, BindingResult result, Model model,
               RedirectAttributes redirect) {
        try {
            CalendarDay added = days.add(scope, form.draft());
            redirect.addFlashAttribute("message", "flash.calendar.added");
            return "redirect:/admin/calendar?year=" + added.arrangementYear();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return listPage(year(form.getArrangementYear()), model);
        }
    }

    @GetMapping("/admin/calendar/{date}/edit")
    String edit(@PathVariable String date, Model model) {
        CalendarDay day = days.get(pathDate(date));
        CalendarDayForm form = new CalendarDayForm();
        form.setDate(day.date().toString());
        form.setKind(day.kind().name());
        form.setName(day.name());
        form.setArrangementYear(String.valueOf(day.arrangementYear()));
        form.setSource(day.source());
        form.setVersion(day.version());
        model.addAttribute("form", form);
        model.addAttribute("day", day);
        return "cases/calendarDayEdit";
    }

    @PostMapping("/admin/calendar/{date}/edit")
    String change(DataScope scope, @PathVariable String date, @ModelAttribute("form") CalendarDayForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        LocalDate d = pathDate(date);
        try {
            CalendarDay changed = days.change(scope, d, form.getVersion(), form.draft());
            redirect.addFlashAttribute("message", "flash.calendar.changed");
            return "redirect:/admin/calendar?year=" + changed.arrangementYear();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            // Someone saved first: say so above the form, and show what is stored now.
            result.reject("conflict.stale", "conflict.stale");
        }
        form.setDate(d.toString());
        model.addAttribute("day", days.get(d));
        return "cases/calendarDayEdit";
    }

    @PostMapping("/admin/calendar/{date}/delete")
    String delete(DataScope scope, @PathVariable String date, @RequestParam(required = false) Long version,
                  RedirectAttributes redirect) {
        CalendarDay day = days.get(pathDate(date));
        try {
            days.remove(scope, day.date(), version);
            redirect.addFlashAttribute("message", "flash.calendar.removed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", e.violations());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("violations", List.of(FieldViolation.of("version", "conflict.stale")));
        }
        return "redirect:/admin/calendar?year=" + day.arrangementYear();
    }

    private String listPage(int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("days", days.ofYear(year));
        model.addAttribute("firstYear", calendar.firstCoveredYear());
        model.addAttribute("lastYear", calendar.lastCoveredYear());
        model.addAttribute("covered", calendar.covers(LocalDate.of(year, 6, 30)));
        model.addAttribute("workingDays", calendar.workingDaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        List<Integer> years = new ArrayList<>();
        int from = calendar.firstCoveredYear() == null ? year : Math.min(year, calendar.firstCoveredYear().getValue());
        int to = Math.max(year, calendar.lastCoveredYear() == null ? year : calendar.lastCoveredYear().getValue() + 1);
        for (int y = from; y <= to; y++) {
            years.add(y);
        }
        model.addAttribute("years", years);
        return "cases/calendarDayList";
    }

    /** The year asked for, or this year when none or an unreadable one is given (within the editable years). */
    private static int year(String text) {
        int current = LocalDate.now(Times.ZONE).getYear();
        if (text == null || text.isBlank()) {
            return current;
        }
        try {
            int y = Integer.parseInt(text.strip());
            return y < CalendarDays.FIRST_DATE.getYear() || y > CalendarDays.LAST_DATE.getYear() ? current : y;
        } catch (NumberFormatException e) {
            return current;
        }
    }

    private static LocalDate pathDate(String text) {
        List<FieldViolation> problems = new ArrayList<>();
        LocalDate d = CalendarDays.parseDate("date", text, problems);
        if (d == null) {
            throw new io.zhenwu.shared.NotFoundException("calendar_day", text);
        }
        return d;
    }
}
