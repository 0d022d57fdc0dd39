package io.zhenwu.shared.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 同比: the one year-on-year arithmetic every module and the reports use — {@code (v − v₋₁) / |v₋₁| × 100} in percent,
 * or for rates the difference in 百分点, one decimal per GB/T 8170 (half-even, rounded once). No previous value, or a
 * zero one for a percentage, is no growth (null), never 0.
 */
public final class YearOnYear {

    private YearOnYear() {
    }

    public static BigDecimal change(BigDecimal value, BigDecimal previous, boolean points) {
        if (value == null || previous == null) {
            return null;
        }
        if (points) {
            return value.subtract(previous).setScale(1, RoundingMode.HALF_EVEN);
        }
        if (previous.signum() == 0) {
            return null;
        }
        return value.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous.abs(), 12, RoundingMode.HALF_EVEN)
                .setScale(1, RoundingMode.HALF_EVEN);
    }
}
