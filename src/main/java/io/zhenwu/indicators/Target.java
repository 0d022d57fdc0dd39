package io.zhenwu.indicators;

import java.math.BigDecimal;

/**
 * 预期目标: an indicator's value for an org unit and year, with its comparator — ≥ (超/力争超), ≤ (控制在…以内) or =.
 * {@code wording} keeps the report's own words ("工业应税开票销售力争超260亿元").
 */
public record Target(long id, String indicatorCode, long orgUnitId, String orgUnitCode, int year, Comparator comparator,
                     BigDecimal value, String wording, long version) {

    /** How actual and target compare when the year ends. */
    public enum Comparator {
        GE, LE, EQ;

        public String symbol() {
            return switch (this) {
                case GE -> "≥";
                case LE -> "≤";
                case EQ -> "=";
            };
        }
    }
}
