package io.zhenwu.reports;

import io.zhenwu.shared.figures.FigureKind;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The seed report's number conventions. Units scale by their 万/亿 prefix (元 → 万元 → 亿元, 亩 → 万亩); values are
 * rounded half-even (GB/T 8170) to at most the placeholder's decimals and trailing zeros are dropped (90亿元, 4.85亿元);
 * no thousands separators (7776件); “余” floors to a round figure (938 → 900余) and is left out when the value is
 * that round figure exactly (900 is not “900余”); growth is worded 同比增长6% / 同比下降2.1% with one decimal where
 * not whole, a rate's change 同比提高1.2个百分点.
 */
final class ReportNumbers {

    /** What prints where there is no value: never 0. */
    static final String MISSING = "—";

    private ReportNumbers() {
    }

    /** A unit as a multiplier and a base: 亿元 = 10⁸ × 元, 万亩 = 10⁴ × 亩, 件 = 1 × 件. */
    record Unit(BigDecimal factor, String base) {
        static Unit of(String unit) {
            String u = unit == null ? "" : unit.strip();
            if (u.length() > 1 && u.startsWith("万")) {
                return new Unit(BigDecimal.TEN.pow(4), u.substring(1));
            }
            if (u.length() > 1 && u.startsWith("亿")) {
                return new Unit(BigDecimal.TEN.pow(8), u.substring(1));
            }
            return new Unit(BigDecimal.ONE, u);
        }
    }

    /** Whether a value in {@code from} can be printed in {@code to} (same base unit). */
    static boolean convertible(String from, String to) {
        return Unit.of(from).base().equals(Unit.of(to).base());
    }

    static BigDecimal scale(BigDecimal value, String from, String to) {
        if (to == null || to.equals(from)) {
            return value;
        }
        Unit a = Unit.of(from);
        Unit b = Unit.of(to);
        return value.multiply(a.factor()).divide(b.factor(), 12, RoundingMode.HALF_EVEN);
    }

    static int defaultDecimals(FigureKind kind) {
        return switch (kind) {
            case COUNT -> 0;
            case RATE -> 1;
            default -> 2;
        };
    }

    /** Rounds half-even to {@code decimals} and prints without trailing zeros or separators. */
    static String plain(BigDecimal value, int decimals) {
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.scale() < 0) {
            rounded = rounded.setScale(0, RoundingMode.UNNECESSARY);
        }
        if (rounded.signum() == 0) {
            rounded = BigDecimal.ZERO;
        }
        return rounded.toPlainString();
    }

    /** The value as the report prints it, in the target unit, with the placeholder's decimals and “余”. */
    static String value(BigDecimal raw, String unit, FigureKind kind, FormatOptions options) {
        BigDecimal v = scale(raw, unit, options.unit());
        int decimals = options.decimals() != null ? options.decimals() : defaultDecimals(kind);
        if (options.approx() != null) {
            BigDecimal step = options.approx().signum() > 0 ? options.approx() : autoStep(v);
            if (step.signum() > 0 && v.abs().compareTo(step) >= 0) {
                BigDecimal floor = v.divide(step, 0, RoundingMode.FLOOR).multiply(step);
                return plain(floor, Math.max(decimals, 0)) + (floor.compareTo(v) == 0 ? "" : "余");
            }
        }
        return plain(v, decimals);
    }

    /** One significant digit: 63 → 10, 938 → 100, 1036 → 1000; below 10 no rounding. */
    static BigDecimal autoStep(BigDecimal v) {
        BigDecimal whole = v.abs().setScale(0, RoundingMode.FLOOR);
        int digits = whole.signum() == 0 ? 0 : whole.precision() - whole.scale();
        return digits < 2 ? BigDecimal.ZERO : BigDecimal.TEN.pow(digits - 1);
    }

    /** A growth rate as its number alone: one decimal, dropped when whole, absolute. */
    static String growthNumber(BigDecimal growth) {
        return plain(growth.abs(), 1);
    }

    /** 同比增长6% / 同比下降2.1% / 与上年持平; in points: 同比提高1.2个百分点 / 同比下降1.2个百分点. */
    static String growthWording(BigDecimal growth, boolean points) {
        BigDecimal g = growth.setScale(1, RoundingMode.HALF_EVEN);
        if (g.signum() == 0) {
            return "与上年持平";
        }
        String n = growthNumber(g);
        if (points) {
            return (g.signum() > 0 ? "同比提高" : "同比下降") + n + "个百分点";
        }
        return (g.signum() > 0 ? "同比增长" : "同比下降") + n + "%";
    }

    /** Year-on-year growth in percent (one decimal, half-even), or in points for rates; null without a base. */
    static BigDecimal growth(BigDecimal value, BigDecimal previous, boolean points) {
        return io.zhenwu.shared.figures.YearOnYear.change(value, previous, points);
    }
}
