package io.zhenwu.cases;

import io.zhenwu.shared.AuditableEvent;

/**
 * Past-tense events of the working-day calendar; each is audited, and each makes {@link WorkingCalendar} reload
 * its cached exceptions once the change has committed.
 */
public final class CalendarEvents {

    private CalendarEvents() {
    }

    /** Any change of the calendar's exceptions. */
    public sealed interface CalendarChanged extends AuditableEvent permits CalendarDayAdded, CalendarDayChanged, CalendarDayRemoved {
        default String entityType() {
            return "calendar_day";
        }
    }

    /** An administrator entered a day off or a working weekend (e.g. next year's notice). */
    public record CalendarDayAdded(CalendarDay after, String scopePath) implements CalendarChanged {
        public String action() { return "calendar_day.added"; }
        public String entityId() { return after.date().toString(); }
    }

    /** Kind, name, arrangement year or source of a date changed. */
    public record CalendarDayChanged(CalendarDay before, CalendarDay after, String scopePath) implements CalendarChanged {
        public String action() { return "calendar_day.changed"; }
        public String entityId() { return after.date().toString(); }
    }

    /** The date follows the normal Monday–Friday week again. */
    public record CalendarDayRemoved(CalendarDay before, String scopePath) implements CalendarChanged {
        public String action() { return "calendar_day.removed"; }
        public String entityId() { return before.date().toString(); }
    }
}
