package io.zhenwu.shared.figures;

import io.zhenwu.shared.InvalidInputException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a figure covers: a year ({@code 2023}), a quarter ({@code 2023Q2}) or a month ({@code 2023-05}), as
 * inclusive dates in Asia/Shanghai. Record-based figures count what happened on {@code from..to}; indicator figures
 * map the text to their own period.
 */
public record FigurePeriod(String text, LocalDate from, LocalDate to) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public static FigurePeriod year(int year) {
        return new FigurePeriod(Integer.toString(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Parses strictly; anything else is invalid input on {@code field}. */
    public static FigurePeriod parse(String field, String text) {
        String t = text == null ? "" : text.strip();
        Matcher m;
        if ((m = YEAR.matcher(t)).matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int q = Integer.parseInt(m.group(2));
            LocalDate from = LocalDate.of(year, q * 3 - 2, 1);
            return new FigurePeriod(year + "Q" + q, from, from.plusMonths(3).minusDays(1));
        }
        if ((m = MONTH.matcher(t)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
                return new FigurePeriod(ym.toString(), ym.atDay(1), ym.atEndOfMonth());
            }
        }
        throw new InvalidInputException(field, "indicator.period.format", t);
    }

    public int year() {
        return from.getYear();
    }

    /** The same period one year earlier (for 同比). */
    public FigurePeriod yearEarlier() {
        return parse("period", switch (text.length()) {
            case 4 -> Integer.toString(year() - 1);
            case 6 -> (year() - 1) + text.substring(4);
            default -> YearMonth.from(from).minusYears(1).toString();
        });
    }
}
