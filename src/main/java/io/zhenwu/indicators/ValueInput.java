package io.zhenwu.indicators;

import java.math.BigDecimal;

/**
 * One value to save, as the form, the API ({@code PUT /api/v1/data-values}) and imports give it. {@code version}
 * is the version the client last saw (null for a value it believes new): a mismatch is a 409, never an overwrite.
 */
public record ValueInput(String indicatorCode, String orgUnitCode, String period, BigDecimal value, BigDecimal reportedGrowth,
                         DataValue.ValueSource source, String comment, Long version) {
}
