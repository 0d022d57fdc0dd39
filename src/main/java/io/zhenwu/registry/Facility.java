package io.zhenwu.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 设施 as stored: its code (编号, the natural key), catalogue type, the org unit that looks after it, an optional
 * WGS-84 position, status and commissioning date (投用日期).
 */
public record Facility(long id, String code, String typeCode, String typeNameZh, String typeNameEn, String name,
                       long orgUnitId, String orgUnitCode, String orgUnitName, BigDecimal latitude, BigDecimal longitude,
                       FacilityStatus status, LocalDate commissionedOn, long version, Instant createdAt, Instant updatedAt) {
}
