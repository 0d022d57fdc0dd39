package io.zhenwu.shared.figures;

import java.math.BigDecimal;

/**
 * A computed figure.
 *
 * @param value          the raw value before any report formatting; null when there is no value ("—", never 0)
 * @param unit           the unit of {@code value}
 * @param source         where it came from: {@code records} for counted records, or an indicator value's source
 *                       (快报 / 年报 / 统计局修订 / 部门填报 …) as a label
 * @param growth         year-on-year growth when the provider knows it better than a recomputation (a reported
 *                       comparable-price rate, or a rate's change in points); null otherwise
 * @param growthInPoints whether {@code growth} is in 百分点 rather than percent
 * @param growthReported whether {@code growth} was entered as published rather than computed
 * @param recordId       for an entered value, the id of the value record; null for record-based figures
 * @param revision       for an entered value, its revision number
 * @param noValueReason  a message key saying why there is no value, or null
 */
public record FigureValue(FigureRequest request, BigDecimal value, String unit, String source, BigDecimal growth,
                          boolean growthInPoints, boolean growthReported, Long recordId, Integer revision,
                          String noValueReason) {

    public static final String RECORDS = "records";

    public boolean hasValue() {
        return value != null;
    }

    /** A figure counted from records, in SQL. */
    public static FigureValue counted(FigureRequest request, BigDecimal value, String unit) {
        return new FigureValue(request, value, unit, RECORDS, null, false, false, null, null, null);
    }
}
