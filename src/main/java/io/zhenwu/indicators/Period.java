package io.zhenwu.indicators;

import io.zhenwu.shared.InvalidInputException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 期间: a year ({@code 2023}), a quarter ({@code 2023Q2}) or a month ({@code 2023-05}), stored as its type and first
 * day. Parsing is strict: a period is data, and a wrong one must be refused, not guessed.
 */
public record Period(PeriodType type, LocalDate start) implements Comparable<Period> {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public Period {
        if (start.getDayOfMonth() != 1 || (start.getMonthValue() - 1) % type.months() != 0) {
            throw new IllegalArgumentException(start + " does not start a " + type);
        }
    }

    public static Period year(int year) {
        return new Period(PeriodType.YEAR, LocalDate.of(year, 1, 1));
    }

    public static Period month(int year, int month) {
        return new Period(PeriodType.MONTH, LocalDate.of(year, month, 1));
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodType.QUARTER, LocalDate.of(year, quarter * 3 - 2, 1));
    }

    /** Parses {@code 2023}, {@code 2023Q2} or {@code 2023-05}; anything else is invalid input on {@code field}. */
    public static Period parse(String field, String text) {
        String t = text == null ? "" : text.strip();
        Matcher m;
        try {
            if ((m = YEAR.matcher(t)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
            if ((m = QUARTER.matcher(t)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = MONTH.matcher(t)).matches()) {
                int month = Integer.parseInt(m.group(2));
                if (month >= 1 && month <= 12) {
                    return month(Integer.parseInt(m.group(1)), month);
                }
            }
        } catch (RuntimeException e) {
            // falls through to the invalid-input answer
        }
        throw new InvalidInputException(field, "indicator.period.format", t);
    }

    public int year() {
        return start.getYear();
    }

    /** The day after the period. */
    public LocalDate end() {
        return start.plusMonths(type.months());
    }

    /** The same period a year earlier (同比). */
    public Period yearEarlier() {
        return new Period(type, start.minusYears(1));
    }

    /** This period shifted by whole months (formulas' {@code [-1y]}, {@code [-3m]}). */
    public Period shiftMonths(int months) {
        return new Period(type, start.plusMonths(months));
    }

    @Override
    public String toString() {
        return switch (type) {
            case YEAR -> Integer.toString(year());
            case QUARTER -> year() + "Q" + ((start.getMonthValue() + 2) / 3);
            case MONTH -> YearMonth.from(start).toString();
        };
    }

    @Override
    public int compareTo(Period o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : type.compareTo(o.type);
    }
}
