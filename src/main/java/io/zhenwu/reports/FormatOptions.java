package io.zhenwu.reports;

import java.math.BigDecimal;

/**
 * How one placeholder prints its figure.
 *
 * @param unit       the unit to scale to (万元, 亿元 …), or null for the figure's own unit
 * @param decimals   at most this many decimals (GB/T 8170 half-even; trailing zeros dropped), or null for the kind's default
 * @param approx     the “余” step (10, 100, 1000 …): floor to a multiple and append 余; {@link #AUTO} for one significant
 *                   digit; null for the exact value
 * @param show       the value, its 同比 wording, or the growth number alone
 * @param yearOffset the figure for a year this far from the report's (预期目标 of next year: +1)
 */
record FormatOptions(String unit, Integer decimals, BigDecimal approx, Show show, int yearOffset) {

    static final BigDecimal AUTO = BigDecimal.valueOf(-1);
    static final FormatOptions DEFAULT = new FormatOptions(null, null, null, Show.VALUE, 0);

    /** What a placeholder prints. */
    enum Show {
        /** The value (scaled, rounded, maybe with 余). */
        VALUE,
        /** 同比增长6% / 同比下降2.1% / 同比提高1.2个百分点 / 与上年持平. */
        GROWTH,
        /** The growth's number alone, e.g. {@code 60.9} (absolute value). */
        GROWTH_NUMBER;

        static Show parse(String text) {
            return switch (text) {
                case "value" -> VALUE;
                case "growth" -> GROWTH;
                case "growth_number" -> GROWTH_NUMBER;
                default -> null;
            };
        }
    }
}
