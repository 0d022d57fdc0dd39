package io.zhenwu.cases;

import io.zhenwu.cases.CalendarEvents.CalendarDayAdded;
import io.zhenwu.cases.CalendarEvents.CalendarDayChanged;
import io.zhenwu.cases.CalendarEvents.CalendarDayRemoved;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.CurrentActor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Administrators maintain the calendar's exceptions (the endpoint rules admit administrators only): add, change and
 * remove a date, each audited; a stale version is a conflict with the current row.
 */
@Service
@Transactional
class CalendarDays {

    /** Dates an administrator may enter. */
    static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);
    static final int NAME_MAX = 50;
    static final int SOURCE_MAX = 200;

    private final CalendarDayRepository repository;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;

    CalendarDays(CalendarDayRepository repository, CurrentActor currentActor, ApplicationEventPublisher events) {
        this.repository = repository;
        this.currentActor = currentActor;
        this.events = events;
    }

    /** What a form or request says about a date; text as entered, checked here. */
    record Draft(String date, String kind, String name, String arrangementYear, String source) {
    }

    /** The days of a notice year and those of the calendar year belonging to a neighbouring notice, by date. */
    @Transactional(readOnly = true)
    List<CalendarDay> ofYear(int year) {
        return repository.ofYear(year);
    }

    @Transactional(readOnly = true)
    List<CalendarDay> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    CalendarDay get(LocalDate date) {
        return repository.find(date).orElseThrow(() -> new NotFoundException("calendar_day", date));
    }

    CalendarDay add(DataScope scope, Draft draft) {
        List<FieldViolation> problems = new ArrayList<>();
        LocalDate date = parseDate("date", draft.date(), problems);
        CalendarDay day = check(date, draft, problems);
        if (problems.isEmpty() && repository.find(date).isPresent()) {
            problems.add(FieldViolation.of("date", "calendar.date.exists", date.toString()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.insert(day);
        CalendarDay created = get(date);
        events.publishEvent(new CalendarDayAdded(created, scope.path()));
        return created;
    }

    /** Changes kind, name, arrangement year and source of {@code date}; {@code version} is the one the caller read. */
    CalendarDay change(DataScope scope, LocalDate date, Long version, Draft draft) {
        CalendarDay before = get(date);
        if (version == null) {
            throw new InvalidInputException("version", "validation.version.required");
        }
        if (before.version() != version) {
            throw new ConflictException("conflict.stale", before);
        }
        List<FieldViolation> problems = new ArrayList<>();
        CalendarDay day = check(date, draft, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repository.update(day, version) != 1) {
            throw new ConflictException("conflict.stale", repository.find(date).orElse(null));
        }
        CalendarDay after = get(date);
        events.publishEvent(new CalendarDayChanged(before, after, scope.path()));
        return after;
    }

    /** The date follows the Monday–Friday week again. */
    void remove(DataScope scope, LocalDate date, Long version) {
        CalendarDay before = get(date);
        if (version == null) {
            throw new InvalidInputException("version", "validation.version.required");
        }
        if (before.version() != version || repository.delete(date, version) != 1) {
            throw new ConflictException("conflict.stale", repository.find(date).orElse(before));
        }
        events.publishEvent(new CalendarDayRemoved(before, scope.path()));
    }

    /** Parses an ISO date ({@code 2023-10-11}) of a request parameter or field; records why it cannot. */
    static LocalDate parseDate(String field, String text, List<FieldViolation> problems) {
        if (text == null || text.isBlank()) {
            problems.add(FieldViolation.of(field, "calendar.date.required"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldViolation.of(field, "calendar.date.format", text.strip()));
            return null;
        }
    }

    /** The row the draft describes for {@code date} (null if the date itself was unreadable), or the reasons it cannot be. */
    private CalendarDay check(LocalDate date, Draft draft, List<FieldViolation> problems) {
        if (date != null && (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE))) {
            problems.add(FieldViolation.of("date", "calendar.date.range", date.toString(), FIRST_DATE.toString(), LAST_DATE.toString()));
            date = null;
        }
        CalendarDay.Kind kind = null;
        String kindText = strip(draft.kind());
        if (kindText == null) {
            problems.add(FieldViolation.of("kind", "calendar.kind.required"));
        } else {
            try {
                kind = CalendarDay.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldViolation.of("kind", "calendar.kind.unknown", kindText));
            }
        }
        if (kind == CalendarDay.Kind.WORK && date != null && !CalendarDay.isWeekend(date)) {
            // A weekday already is a working day: a WORK row on one would change nothing and hide a typo.
            problems.add(FieldViolation.of("kind", "calendar.work.weekday", date.toString()));
        }
        String name = strip(draft.name());
        if (name == null) {
            problems.add(FieldViolation.of("name", "calendar.name.required"));
        } else if (name.length() > NAME_MAX) {
            problems.add(FieldViolation.of("name", "calendar.name.tooLong", NAME_MAX));
        }
        Integer year = null;
        String yearText = strip(draft.arrangementYear());
        if (yearText == null) {
            year = date == null ? null : date.getYear();
        } else {
            try {
                year = Integer.valueOf(yearText);
            } catch (NumberFormatException e) {
                problems.add(FieldViolation.of("arrangementYear", "calendar.arrangementYear.format", yearText));
            }
            // A notice covers its own year and may start on the last days of December (2022-12-31 in the 2023 元旦 period).
            if (year != null && date != null && year != date.getYear()
                    && !(year == date.getYear() + 1 && date.getMonthValue() == 12)) {
                problems.add(FieldViolation.of("arrangementYear", "calendar.arrangementYear.range", String.valueOf(year),
                        date.toString(), String.valueOf(date.getYear())));
            }
        }
        String source = strip(draft.source());
        if (source != null && source.length() > SOURCE_MAX) {
            problems.add(FieldViolation.of("source", "calendar.source.tooLong", SOURCE_MAX));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        String by = currentActor.current().map(Actor::username).orElse("system");
        return new CalendarDay(date, kind, name, year, source, 0, null, by);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
