package io.zhenwu.indicators;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 数据值: an indicator's value for an org unit and period, at its current revision. {@code reportedGrowth} is a
 * growth rate the statistics bureau published (at comparable prices), kept beside the value because it cannot be
 * recomputed from nominal values.
 */
public record DataValue(long id, String indicatorCode, long orgUnitId, String orgUnitCode, Period period, BigDecimal value,
                        BigDecimal reportedGrowth, ValueSource source, String comment, int revision, long version,
                        String updatedBy, Instant updatedAt) {

    /** Where a value came from (快报, 年报, 统计局修订, 部门填报, 系统计算). */
    public enum ValueSource {
        FLASH, ANNUAL, REVISED, DEPARTMENT, COMPUTED;

        public String messageKey() {
            return "indicator.valueSource." + name();
        }
    }

    /** One revision as it was entered. */
    public record Revision(int revision, BigDecimal value, BigDecimal reportedGrowth, ValueSource source, String comment,
                           String revisedBy, Instant revisedAt) {
    }
}
