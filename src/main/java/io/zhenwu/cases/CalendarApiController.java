package io.zhenwu.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/calendar}: deadline arithmetic for every signed-in user (the UI computes deadlines with it) and the
 * calendar's exceptions, which administrators maintain. Parameters are read as text so that a missing or
 * unreadable one is answered with its name.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "工作日历")
class CalendarApiController {

    /** The most working days one request may add (about fourteen years). */
    static final int MAX_DAYS = 3650;
    /** Dates the arithmetic accepts. */
    static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST = LocalDate.of(2199, 12, 31);

    private final WorkingCalendar calendar;
    private final CalendarDays days;

    CalendarApiController(WorkingCalendar calendar, CalendarDays days) {
        this.calendar = calendar;
        this.days = days;
    }

    record DateJson(String date) {
    }

    record CountJson(int count) {
    }

    record CalendarDayJson(LocalDate date, String weekday, CalendarDay.Kind kind, String name, int arrangementYear, String source,
                           long version, Instant updatedAt, String updatedBy) {
        static CalendarDayJson of(CalendarDay d) {
            return new CalendarDayJson(d.date(), d.date().getDayOfWeek().name(), d.kind(), d.name(), d.arrangementYear(), d.source(),
                    d.version(), d.updatedAt(), d.updatedBy());
        }
    }

    /** A new exceptional date; {@code arrangementYear} defaults to the date's year. */
    record CreateCalendarDay(String date, String kind, String name, Integer arrangementYear, String source) {
    }

    /** The new state of a date; {@code version} is required (optimistic locking). */
    record UpdateCalendarDay(String kind, String name, Integer arrangementYear, String source, Long version) {
    }

    @GetMapping("/add-working-days")
    @Operation(summary = "The date n working days after `from` (from itself not counted; days=0: from or the next working day)")
    DateJson addWorkingDays(@RequestParam(required = false) String from, @RequestParam(required = false) String days) {
        List<FieldViolation> problems = new ArrayList<>();
        LocalDate start = date("from", from, problems);
        Integer n = null;
        if (days == null || days.isBlank()) {
            problems.add(FieldViolation.of("days", "calendar.days.required"));
        } else {
            try {
                n = Integer.valueOf(days.strip());
                if (n < 0 || n > MAX_DAYS) {
                    problems.add(FieldViolation.of("days", "calendar.days.range", days.strip(), MAX_DAYS));
                }
            } catch (NumberFormatException e) {
                problems.add(FieldViolation.of("days", "calendar.days.range", days.strip(), MAX_DAYS));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DateJson(calendar.addWorkingDays(start, n).toString());
    }

    @GetMapping("/working-days")
    @Operation(summary = "Working days from `from` to `to`, both inclusive")
    CountJson workingDays(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        List<FieldViolation> problems = new ArrayList<>();
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(FieldViolation.of("to", "calendar.range.reversed", end.toString(), start.toString()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CountJson(calendar.workingDaysBetween(start, end));
    }

    @GetMapping("/exceptions")
    @Operation(summary = "Days off and working weekends of a year (of its notice, or falling in it); all years without `year`")
    List<CalendarDayJson> exceptions(@RequestParam(required = false) String year) {
        List<CalendarDay> list;
        if (year == null || year.isBlank()) {
            list = days.all();
        } else {
            int y;
            try {
                y = Integer.parseInt(year.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("year", "calendar.year.format", year.strip());
            }
            list = days.ofYear(y);
        }
        return list.stream().map(CalendarDayJson::of).toList();
    }

    @GetMapping("/exceptions/{date}")
    CalendarDayJson exception(@PathVariable String date) {
        return CalendarDayJson.of(days.get(pathDate(date)));
    }

    @PostMapping("/exceptions")
    @Operation(summary = "Enter a day off (OFF) or a working weekend (WORK); administrators")
    ResponseEntity<CalendarDayJson> create(DataScope scope, @RequestBody CreateCalendarDay body) {
        CalendarDay created = days.add(scope, new CalendarDays.Draft(body.date(), body.kind(), body.name(),
                body.arrangementYear() == null ? null : String.valueOf(body.arrangementYear()), body.source()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{date}").buildAndExpand(created.date()).toUri();
        return ResponseEntity.created(location).body(CalendarDayJson.of(created));
    }

    @PutMapping("/exceptions/{date}")
    @Operation(summary = "Change a date's kind, name, arrangement year or source (with the version read); administrators")
    CalendarDayJson update(DataScope scope, @PathVariable String date, @RequestBody UpdateCalendarDay body) {
        LocalDate d = pathDate(date);
        return CalendarDayJson.of(days.change(scope, d, body.version(), new CalendarDays.Draft(d.toString(), body.kind(), body.name(),
                body.arrangementYear() == null ? null : String.valueOf(body.arrangementYear()), body.source())));
    }

    @DeleteMapping("/exceptions/{date}")
    @Operation(summary = "Remove a date (it follows the Monday–Friday week again; with the version read); administrators")
    ResponseEntity<Void> delete(DataScope scope, @PathVariable String date, @RequestParam(required = false) String version) {
        LocalDate d = pathDate(date);
        Long v = null;
        if (version != null && !version.isBlank()) {
            try {
                v = Long.valueOf(version.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("version", "validation.type", "version");
            }
        }
        days.remove(scope, d, v);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private static LocalDate pathDate(String text) {
        List<FieldViolation> problems = new ArrayList<>();
        LocalDate d = CalendarDays.parseDate("date", text, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return d;
    }

    private static LocalDate date(String field, String text, List<FieldViolation> problems) {
        LocalDate d = CalendarDays.parseDate(field, text, problems);
        if (d != null && (d.isBefore(FIRST) || d.isAfter(LAST))) {
            problems.add(FieldViolation.of(field, "calendar.date.range", d.toString(), FIRST.toString(), LAST.toString()));
            return null;
        }
        return d;
    }
}
