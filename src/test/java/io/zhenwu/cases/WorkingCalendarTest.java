package io.zhenwu.cases;

import io.zhenwu.cases.CalendarEvents.CalendarDayAdded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The working-day arithmetic on the shipped arrangements (calendar/cn_holidays.csv), without Spring or a database.
 * Expectations of the holiday periods were worked out by hand from the State Council notices (weekday of each date in
 * the comments); whole years and random ranges are checked against {@link #oracle}, a day-by-day reading of the rule.
 */
class WorkingCalendarTest {

    static final List<CalendarDay> ROWS = HolidayCsv.rows();
    final WorkingCalendar calendar = new WorkingCalendar(() -> ROWS);

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** The rule read literally, one day at a time: WORK, or Mon–Fri and not OFF. */
    static final class Oracle {
        private final Map<LocalDate, CalendarDay.Kind> kinds = new HashMap<>();

        Oracle(List<CalendarDay> rows) {
            rows.forEach(r -> kinds.put(r.date(), r.kind()));
        }

        boolean working(LocalDate date) {
            CalendarDay.Kind k = kinds.get(date);
            return k == CalendarDay.Kind.WORK || (date.getDayOfWeek().getValue() <= 5 && k != CalendarDay.Kind.OFF);
        }

        int count(LocalDate from, LocalDate to) {
            int n = 0;
            for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) {
                n += working(x) ? 1 : 0;
            }
            return n;
        }

        LocalDate add(LocalDate from, int n) {
            LocalDate x = from;
            if (n == 0) {
                while (!working(x)) {
                    x = x.plusDays(1);
                }
                return x;
            }
            while (n > 0) {
                x = x.plusDays(1);
                n -= working(x) ? 1 : 0;
            }
            return x;
        }
    }

    static final Oracle oracle = new Oracle(ROWS);

    @Test
    void theIssueExampleFiveWorkingDaysAfterTheEveOfTheGoldenWeek2023() {
        // Thu 2023-09-28; Fri 09-29 … Fri 10-06 off (中秋节、国庆节); Sat 10-07 and Sun 10-08 are working days:
        // 10-07 (1), 10-08 (2), Mon 10-09 (3), Tue 10-10 (4), Wed 10-11 (5).
        assertThat(calendar.addWorkingDays(d("2023-09-28"), 5)).isEqualTo(d("2023-10-11"));
        assertThat(calendar.isWorkingDay(d("2023-09-29"))).as("Friday of the holiday").isFalse();
        assertThat(calendar.isWorkingDay(d("2023-10-07"))).as("adjusted Saturday").isTrue();
        assertThat(calendar.isWorkingDay(d("2023-10-08"))).as("adjusted Sunday").isTrue();
        assertThat(calendar.workingDaysBetween(d("2023-09-29"), d("2023-10-11"))).isEqualTo(5);
    }

    /** Every holiday period of 2023–2026: a deadline from the last days before it, across it. */
    @ParameterizedTest(name = "{0}: {1} + {2} working days = {3}")
    @CsvSource({
            // 2023 元旦: Sat 2022-12-31 … Mon 2023-01-02 off (12-31 in the 2023 notice)
            "2023 元旦,        2022-12-30, 1, 2023-01-03",
            // 2023 春节: Sat 01-21 … Fri 01-27 off; Sat 01-28, Sun 01-29 worked
            "2023 春节,        2023-01-20, 1, 2023-01-28",
            "2023 春节,        2023-01-20, 3, 2023-01-30",
            // 2023 清明: Wed 04-05 off
            "2023 清明,        2023-04-04, 1, 2023-04-06",
            // 2023 劳动节: Sun 04-23 worked; Sat 04-29 … Wed 05-03 off; Sat 05-06 worked
            "2023 劳动节,      2023-04-22, 1, 2023-04-23",
            "2023 劳动节,      2023-04-28, 1, 2023-05-04",
            "2023 劳动节,      2023-04-28, 3, 2023-05-06",
            // 2023 端午: Thu 06-22 … Sat 06-24 off; Sun 06-25 worked
            "2023 端午,        2023-06-21, 1, 2023-06-25",
            "2023 端午,        2023-06-21, 2, 2023-06-26",
            // 2023 中秋、国庆: Fri 09-29 … Fri 10-06 off; Sat 10-07, Sun 10-08 worked
            "2023 中秋国庆,    2023-09-28, 1, 2023-10-07",
            "2023 中秋国庆,    2023-09-28, 5, 2023-10-11",
            // 2024 元旦: Mon 01-01 off (the weekend before is an ordinary one)
            "2024 元旦,        2023-12-29, 1, 2024-01-02",
            // 2024 春节: Sun 02-04 worked; Sat 02-10 … Sat 02-17 off; Sun 02-18 worked
            "2024 春节,        2024-02-02, 1, 2024-02-04",
            "2024 春节,        2024-02-08, 1, 2024-02-09",
            "2024 春节,        2024-02-08, 2, 2024-02-18",
            "2024 春节,        2024-02-08, 5, 2024-02-21",
            // 20 days from Thu 02-01: 02-02 (1), Sun 02-04 (2), 02-05…02-09 (3–7), Sun 02-18 (8), 02-19…02-23 (9–13),
            // 02-26…03-01 (14–18), Mon 03-04 (19), Tue 03-05 (20)
            "2024 春节,        2024-02-01, 20, 2024-03-05",
            // 2024 清明: Thu 04-04 … Sat 04-06 off; Sun 04-07 worked
            "2024 清明,        2024-04-03, 1, 2024-04-07",
            "2024 清明,        2024-04-03, 2, 2024-04-08",
            // 2024 劳动节: Sun 04-28 worked; Wed 05-01 … Sun 05-05 off; Sat 05-11 worked
            "2024 劳动节,      2024-04-26, 1, 2024-04-28",
            "2024 劳动节,      2024-04-30, 1, 2024-05-06",
            "2024 劳动节,      2024-04-30, 5, 2024-05-10",
            "2024 劳动节,      2024-04-30, 6, 2024-05-11",
            // 2024 端午: Mon 06-10 off
            "2024 端午,        2024-06-07, 1, 2024-06-11",
            // 2024 中秋: Sat 09-14 worked; Sun 09-15 … Tue 09-17 off
            "2024 中秋,        2024-09-13, 1, 2024-09-14",
            "2024 中秋,        2024-09-13, 2, 2024-09-18",
            // 2024 国庆: Sun 09-29 worked; Tue 10-01 … Mon 10-07 off; Sat 10-12 worked
            "2024 国庆,        2024-09-27, 1, 2024-09-29",
            "2024 国庆,        2024-09-27, 3, 2024-10-08",
            "2024 国庆,        2024-09-30, 5, 2024-10-12",
            // 2025 元旦: Wed 01-01 off
            "2025 元旦,        2024-12-31, 1, 2025-01-02",
            // 2025 春节 (除夕 now a statutory day): Sun 01-26 worked; Tue 01-28 … Tue 02-04 off; Sat 02-08 worked
            "2025 春节,        2025-01-24, 1, 2025-01-26",
            "2025 春节,        2025-01-24, 5, 2025-02-07",
            "2025 春节,        2025-01-24, 6, 2025-02-08",
            "2025 春节,        2025-01-27, 1, 2025-02-05",
            // 2025 清明: Fri 04-04 … Sun 04-06 off
            "2025 清明,        2025-04-03, 1, 2025-04-07",
            // 2025 劳动节 (05-02 now statutory): Sun 04-27 worked; Thu 05-01 … Mon 05-05 off
            "2025 劳动节,      2025-04-25, 1, 2025-04-27",
            "2025 劳动节,      2025-04-30, 1, 2025-05-06",
            // 2025 端午: Sat 05-31 … Mon 06-02 off
            "2025 端午,        2025-05-30, 1, 2025-06-03",
            // 2025 国庆、中秋: Sun 09-28 worked; Wed 10-01 … Wed 10-08 off; Sat 10-11 worked
            "2025 国庆中秋,    2025-09-26, 1, 2025-09-28",
            "2025 国庆中秋,    2025-09-30, 1, 2025-10-09",
            "2025 国庆中秋,    2025-09-30, 3, 2025-10-11",
            // 2026 元旦: Thu 01-01 … Sat 01-03 off; Sun 01-04 worked
            "2026 元旦,        2025-12-31, 1, 2026-01-04",
            "2026 元旦,        2025-12-31, 2, 2026-01-05",
            // 2026 春节: Sat 02-14 worked; Sun 02-15 … Mon 02-23 off; Sat 02-28 worked
            "2026 春节,        2026-02-13, 1, 2026-02-14",
            "2026 春节,        2026-02-13, 2, 2026-02-24",
            "2026 春节,        2026-02-13, 6, 2026-02-28",
            // 2026 清明: Sat 04-04 … Mon 04-06 off
            "2026 清明,        2026-04-03, 1, 2026-04-07",
            // 2026 劳动节: Fri 05-01 … Tue 05-05 off; Sat 05-09 worked
            "2026 劳动节,      2026-04-30, 1, 2026-05-06",
            "2026 劳动节,      2026-04-30, 4, 2026-05-09",
            // 2026 端午: Fri 06-19 … Sun 06-21 off
            "2026 端午,        2026-06-18, 1, 2026-06-22",
            // 2026 中秋: Sun 09-20 worked; Fri 09-25 … Sun 09-27 off
            "2026 中秋,        2026-09-18, 1, 2026-09-20",
            "2026 中秋,        2026-09-24, 1, 2026-09-28",
            // 2026 国庆: Thu 10-01 … Wed 10-07 off; Sat 10-10 worked
            "2026 国庆,        2026-09-30, 1, 2026-10-08",
            "2026 国庆,        2026-09-30, 3, 2026-10-10",
    })
    void deadlinesAcrossEveryHolidayPeriod(String period, LocalDate from, int days, LocalDate expected) {
        assertThat(calendar.addWorkingDays(from, days)).isEqualTo(expected);
        assertThat(calendar.isWorkingDay(expected)).isTrue();
        // the deadline is the days-th working day after `from`
        assertThat(calendar.workingDaysBetween(from.plusDays(1), expected)).isEqualTo(days);
        assertThat(oracle.add(from, days)).as("the day-by-day reading agrees").isEqualTo(expected);
    }

    @Test
    void daysOffAndAdjustedWeekendsOfEachPeriod() {
        // a weekday off in every period, and every adjusted working weekend of 2023–2026
        for (String off : List.of("2023-01-02", "2023-01-27", "2023-04-05", "2023-05-03", "2023-06-23", "2023-10-06",
                "2024-01-01", "2024-02-16", "2024-04-05", "2024-05-03", "2024-06-10", "2024-09-17", "2024-10-07",
                "2025-01-01", "2025-01-28", "2025-02-04", "2025-04-04", "2025-05-02", "2025-06-02", "2025-10-08",
                "2026-01-02", "2026-02-23", "2026-04-06", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-07")) {
            assertThat(d(off).getDayOfWeek().getValue()).as(off + " is a weekday").isLessThanOrEqualTo(5);
            assertThat(calendar.isWorkingDay(d(off))).as(off + " is off").isFalse();
        }
        for (String work : List.of("2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08",
                "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12",
                "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
                "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")) {
            assertThat(d(work).getDayOfWeek().getValue()).as(work + " is a weekend").isGreaterThan(5);
            assertThat(calendar.isWorkingDay(d(work))).as(work + " is worked").isTrue();
        }
        assertThat(ROWS).filteredOn(r -> r.kind() == CalendarDay.Kind.WORK && r.date().getYear() >= 2023)
                .as("no adjusted working day of 2023–2026 left out above").hasSize(26);
        // ordinary days either side
        assertThat(calendar.isWorkingDay(d("2023-10-12"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2023-10-14"))).as("ordinary Saturday").isFalse();
    }

    @Test
    void theLastDayOf2022BelongsToThe2023NewYearPeriod() {
        CalendarDay eve = ROWS.stream().filter(r -> r.date().equals(d("2022-12-31"))).findFirst().orElseThrow();
        assertThat(eve.kind()).isEqualTo(CalendarDay.Kind.OFF);
        assertThat(eve.name()).isEqualTo("元旦");
        assertThat(eve.arrangementYear()).isEqualTo(2023);
        assertThat(calendar.workingDaysBetween(d("2022-12-31"), d("2023-01-02"))).as("the whole 元旦 period").isZero();
        assertThat(calendar.addWorkingDays(d("2022-12-30"), 0)).as("a Friday is itself").isEqualTo(d("2022-12-30"));
        assertThat(calendar.addWorkingDays(d("2022-12-31"), 0)).as("the next working day").isEqualTo(d("2023-01-03"));
    }

    @Test
    void wholeYearsAgainstTheRuleReadDayByDay() {
        // 2023 by hand: 260 Mondays–Fridays (365 days from a Sunday: 52 weeks + Sunday 12-31), minus 18 weekdays off
        // (01-02; 01-23…27; 04-05; 05-01…03; 06-22, 06-23; 09-29; 10-02…06) plus 7 worked weekends
        // (01-28, 01-29, 04-23, 05-06, 06-25, 10-07, 10-08) = 249.
        assertThat(calendar.workingDaysBetween(d("2023-01-01"), d("2023-12-31"))).isEqualTo(249);
        assertThat(oracle.count(d("2023-01-01"), d("2023-12-31"))).isEqualTo(249);
        Map<Integer, Integer> byYear = new HashMap<>();
        for (int y = 2020; y <= 2028; y++) {
            LocalDate first = LocalDate.of(y, 1, 1);
            LocalDate last = LocalDate.of(y, 12, 31);
            int expected = oracle.count(first, last);
            assertThat(calendar.workingDaysBetween(first, last)).as("working days of " + y).isEqualTo(expected);
            byYear.put(y, expected);
        }
        // 2024 by hand (a leap year from a Monday: 262 weekdays), minus 19 weekdays off (01-01; 02-12…16; 04-04, 04-05;
        // 05-01…03; 06-10; 09-16, 09-17; 10-01…04, 10-07) plus 8 worked weekends (02-04, 02-18, 04-07, 04-28, 05-11,
        // 09-14, 09-29, 10-12) = 251. The others are the oracle's reading of the file.
        assertThat(byYear.get(2024)).isEqualTo(262 - 19 + 8);
        assertThat(byYear).containsEntry(2022, 249).containsEntry(2024, 251).containsEntry(2025, 248).containsEntry(2026, 248);
    }

    @Test
    void randomRangesAndDeadlinesAgreeWithTheDayByDayReading() {
        Random random = new Random(20231011);
        LocalDate base = d("2021-06-01");
        for (int i = 0; i < 3000; i++) {
            LocalDate from = base.plusDays(random.nextInt(2500));
            LocalDate to = from.plusDays(random.nextInt(400) - 20);
            assertThat(calendar.workingDaysBetween(from, to)).as(from + ".." + to).isEqualTo(to.isBefore(from) ? 0 : oracle.count(from, to));
            int n = random.nextInt(60);
            assertThat(calendar.addWorkingDays(from, n)).as(from + " + " + n).isEqualTo(oracle.add(from, n));
        }
    }

    @Test
    void longRangesAreCountedWithoutWalkingThem() {
        LocalDate from = d("1900-01-01");
        LocalDate to = d("2199-12-31");
        assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(oracle.count(from, to));
        assertThat(calendar.addWorkingDays(d("2023-01-01"), 3650)).isEqualTo(oracle.add(d("2023-01-01"), 3650));
    }

    @Test
    void edgeCases() {
        assertThat(calendar.workingDaysBetween(d("2023-10-11"), d("2023-10-10"))).as("to before from").isZero();
        assertThat(calendar.workingDaysBetween(d("2023-10-11"), d("2023-10-11"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(d("2023-10-14"), d("2023-10-14"))).as("a Saturday").isZero();
        assertThat(calendar.addWorkingDays(d("2023-10-11"), 0)).isEqualTo(d("2023-10-11"));
        assertThat(calendar.addWorkingDays(d("2023-10-01"), 0)).as("Sunday in the holiday: the adjusted Saturday").isEqualTo(d("2023-10-07"));
        assertThat(calendar.addWorkingDays(d("2023-10-14"), 1)).as("from a Saturday").isEqualTo(d("2023-10-16"));
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2023-10-11"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coverageAndPlainWeeksBeyondIt() {
        assertThat(calendar.firstCoveredYear()).isEqualTo(Year.of(2022));
        assertThat(calendar.lastCoveredYear()).isEqualTo(Year.of(2026));
        assertThat(calendar.covers(d("2026-12-31"))).isTrue();
        assertThat(calendar.covers(d("2027-01-01"))).isFalse();
        // 2027's arrangement is not loaded: Fri 2027-10-01 counts as an ordinary Friday.
        assertThat(calendar.addWorkingDays(d("2027-09-30"), 1)).isEqualTo(d("2027-10-01"));
        assertThat(calendar.workingDaysBetween(d("2027-01-01"), d("2027-12-31"))).isEqualTo(261);
        WorkingCalendar empty = new WorkingCalendar(List::of);
        assertThat(empty.firstCoveredYear()).isNull();
        assertThat(empty.lastCoveredYear()).isNull();
        assertThat(empty.covers(d("2023-10-01"))).isFalse();
        assertThat(empty.addWorkingDays(d("2023-09-28"), 5)).as("plain Monday–Friday").isEqualTo(d("2023-10-05"));
    }

    @Test
    void theCacheIsReadOnceAndReloadedAfterAChange() {
        List<CalendarDay> rows = new ArrayList<>(ROWS);
        AtomicInteger loads = new AtomicInteger();
        WorkingCalendar cached = new WorkingCalendar(() -> {
            loads.incrementAndGet();
            return List.copyOf(rows);
        });
        assertThat(cached.addWorkingDays(d("2027-09-30"), 1)).isEqualTo(d("2027-10-01"));
        assertThat(cached.isWorkingDay(d("2027-10-01"))).isTrue();
        assertThat(loads).hasValue(1);
        CalendarDay nationalDay = new CalendarDay(d("2027-10-01"), CalendarDay.Kind.OFF, "国庆节", 2027, null, 0, Instant.EPOCH, "admin");
        rows.add(nationalDay);
        assertThat(cached.isWorkingDay(d("2027-10-01"))).as("not reloaded without an event").isTrue();
        cached.calendarChanged(new CalendarDayAdded(nationalDay, "/1/"));
        assertThat(cached.isWorkingDay(d("2027-10-01"))).isFalse();
        assertThat(cached.addWorkingDays(d("2027-09-30"), 1)).isEqualTo(d("2027-10-04"));
        assertThat(cached.lastCoveredYear()).isEqualTo(Year.of(2027));
        assertThat(loads).hasValue(2);
    }

    @Test
    void weekdayArithmeticMatchesTheCalendarAroundTheEpoch() {
        for (long day = -30; day <= 30; day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            boolean weekday = date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
            assertThat(CalendarSnapshot.isWeekday(day)).as(date.toString()).isEqualTo(weekday);
            assertThat(CalendarSnapshot.weekdaysBefore(day + 1) - CalendarSnapshot.weekdaysBefore(day)).isEqualTo(weekday ? 1 : 0);
        }
    }
}
