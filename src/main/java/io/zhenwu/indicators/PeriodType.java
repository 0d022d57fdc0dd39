package io.zhenwu.indicators;

/** 期间类型: how often an indicator is reported. */
public enum PeriodType {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    PeriodType(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    public String messageKey() {
        return "indicator.periodType." + name();
    }
}
