package io.zhenwu.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 指标 of the catalogue. {@code orgAggregation} says how values add up the org tree (a county's GDP is the sum of
 * its towns'), {@code periodAggregation} how periods add up to a year (sales: sum of months; 优良率: the last value).
 * A non-null {@code formula} makes the indicator derived. {@code comparableGrowth}: the statistics bureau publishes
 * its growth at comparable prices (GDP), which then takes precedence over the nominal growth computed from values.
 */
public record Indicator(String code, String nameZh, String nameEn, String groupCode, String unit, ValueType valueType,
                        OrgAggregation orgAggregation, PeriodAggregation periodAggregation, PeriodType periodType,
                        int decimals, Source source, String definition, String ownerOrgCode, String formula,
                        boolean comparableGrowth, int sortOrder, boolean active, long version) {

    /** 数值类型. A rate's change is reported in 百分点, not as a growth percentage. */
    public enum ValueType {
        AMOUNT, COUNT, RATE;

        public String messageKey() {
            return "indicator.valueType." + name();
        }
    }

    /** Across org units. */
    public enum OrgAggregation {
        SUM, AVERAGE, NONE;

        public String messageKey() {
            return "indicator.orgAggregation." + name();
        }
    }

    /** Across periods within a year. */
    public enum PeriodAggregation {
        SUM, LAST, AVERAGE, MAX;

        public String messageKey() {
            return "indicator.periodAggregation." + name();
        }
    }

    /** 数据来源. */
    public enum Source {
        STATS_BUREAU, DEPARTMENT, COMPUTED;

        public String messageKey() {
            return "indicator.source." + name();
        }
    }

    public boolean derived() {
        return formula != null && !formula.isBlank();
    }

    /** GB/T 8170 (round half to even) at the indicator's decimals. */
    public BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
