package io.zhenwu.cases;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One date of the working-day calendar that departs from the Monday–Friday week: a day off of a holiday period
 * ({@link Kind#OFF}) or an adjusted working weekend (调休上班, {@link Kind#WORK}).
 *
 * @param name            the holiday as the State Council notice words it (a WORK day names the one it compensates)
 * @param arrangementYear the notice's year (2022-12-31 belongs to the 2023 元旦 period)
 * @param source          where the row comes from (dataset and commit, or a notice an administrator cites); may be null
 */
public record CalendarDay(LocalDate date, Kind kind, String name, int arrangementYear, String source, long version,
                          Instant updatedAt, String updatedBy) {

    public enum Kind {
        /** 放假: not a working day even on a weekday. */
        OFF,
        /** 调休上班: a working Saturday or Sunday. */
        WORK;

        public String messageKey() {
            return "calendar.kind." + name();
        }
    }

    public boolean weekend() {
        return isWeekend(date);
    }

    /** Message key of the date's weekday (周一 … 周日), for pages. */
    public String weekdayKey() {
        return "calendar.weekday." + date.getDayOfWeek().getValue();
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }
}
