package io.zhenwu.cases;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The calendar's exceptions frozen into sorted arrays, with the arithmetic on them. Immutable, so readers share it
 * without locks.
 *
 * <p>Counting is arithmetic, never a walk over the days: the Mondays–Fridays of a range follow from its length and
 * first weekday, and each exception inside it corrects the count by its delta (+1 for a working weekend, −1 for a
 * weekday off, 0 for a weekend day listed as part of a holiday period); the deltas are prefix-summed, so a range
 * costs two binary searches. Adding working days is a search for the first date whose count reaches the target.
 */
final class CalendarSnapshot {

    /** Epoch days of the exceptions, ascending. */
    private final long[] dates;
    private final boolean[] working;
    /** {@code prefix[i]} = sum of the deltas of {@code dates[0 .. i-1]}. */
    private final int[] prefix;
    private final Year first;
    private final Year last;

    private CalendarSnapshot(long[] dates, boolean[] working, int[] prefix, Year first, Year last) {
        this.dates = dates;
        this.working = working;
        this.prefix = prefix;
        this.first = first;
        this.last = last;
    }

    static CalendarSnapshot of(Collection<CalendarDay> days) {
        List<CalendarDay> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(CalendarDay::date));
        int n = sorted.size();
        long[] dates = new long[n];
        boolean[] working = new boolean[n];
        int[] prefix = new int[n + 1];
        Integer first = null;
        Integer last = null;
        for (int i = 0; i < n; i++) {
            CalendarDay day = sorted.get(i);
            dates[i] = day.date().toEpochDay();
            if (i > 0 && dates[i] == dates[i - 1]) {
                throw new IllegalArgumentException("two calendar entries for " + day.date());
            }
            working[i] = day.kind() == CalendarDay.Kind.WORK;
            boolean weekday = isWeekday(dates[i]);
            int delta = working[i] && !weekday ? 1 : !working[i] && weekday ? -1 : 0;
            prefix[i + 1] = prefix[i] + delta;
            first = first == null ? day.arrangementYear() : Math.min(first, day.arrangementYear());
            last = last == null ? day.arrangementYear() : Math.max(last, day.arrangementYear());
        }
        return new CalendarSnapshot(dates, working, prefix, first == null ? null : Year.of(first), last == null ? null : Year.of(last));
    }

    Year first() {
        return first;
    }

    Year last() {
        return last;
    }

    int size() {
        return dates.length;
    }

    boolean isWorkingDay(long day) {
        int i = java.util.Arrays.binarySearch(dates, day);
        return i >= 0 ? working[i] : isWeekday(day);
    }

    /** Working days in {@code [from, to]}, both inclusive; 0 when {@code to < from}. */
    long count(long from, long to) {
        if (to < from) {
            return 0;
        }
        return weekdaysBefore(to + 1) - weekdaysBefore(from) + prefix[lowerBound(to + 1)] - prefix[lowerBound(from)];
    }

    /**
     * {@code n >= 1}: the n-th working day after {@code from} ({@code from} itself not counted); {@code n == 0}:
     * {@code from} if it is a working day, else the next one.
     */
    long addWorkingDays(long from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        long start = n == 0 ? from : from + 1;
        long target = Math.max(n, 1);
        // count(start, d) grows by one on each working day, so the answer is the first d where it reaches the target.
        long lo = start;
        long hi = start + 2L * target + 14;
        while (count(start, hi) < target) {
            lo = hi + 1;
            hi = start + 2 * (hi - start) + 14;
        }
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (count(start, mid) >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    static LocalDate date(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    /** Index of the first exception on or after {@code day}. */
    private int lowerBound(long day) {
        int i = java.util.Arrays.binarySearch(dates, day);
        return i >= 0 ? i : -i - 1;
    }

    /** 1970-01-01 was a Thursday: epoch day + 3 counts days from Monday 1969-12-29. */
    static boolean isWeekday(long day) {
        return Math.floorMod(day + 3, 7) < 5;
    }

    /** Mondays–Fridays from Monday 1969-12-29 up to (excluding) {@code day}; negative before it. */
    static long weekdaysBefore(long day) {
        long x = day + 3;
        return Math.floorDiv(x, 7) * 5 + Math.min(Math.floorMod(x, 7), 5);
    }
}
