package io.zhenwu.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 同比: a year-on-year change, printed with one decimal (GB/T 8170 half-even). Where the statistics bureau publishes
 * growth at comparable prices (GDP) that reported rate is used and labelled as such; a rate's change is in 百分点.
 *
 * @param value null when there is nothing to compare with (then {@code kind} is NONE)
 */
public record Growth(BigDecimal value, Kind kind) {

    /** What the number is. */
    public enum Kind {
        /** (v − v₋₁) / v₋₁ at current prices. */
        NOMINAL,
        /** Published at comparable prices; takes precedence. */
        REPORTED,
        /** A rate's difference, in percentage points. */
        POINTS,
        /** No previous value (or a zero one). */
        NONE
    }

    static final Growth NONE = new Growth(null, Kind.NONE);

    static Growth of(Indicator indicator, BigDecimal value, BigDecimal previous, BigDecimal reported) {
        if (indicator.comparableGrowth() && reported != null) {
            return new Growth(reported.setScale(1, RoundingMode.HALF_EVEN), Kind.REPORTED);
        }
        boolean points = indicator.valueType() == Indicator.ValueType.RATE;
        BigDecimal change = io.zhenwu.shared.figures.YearOnYear.change(value, previous, points);
        return change == null ? NONE : new Growth(change, points ? Kind.POINTS : Kind.NOMINAL);
    }
}
