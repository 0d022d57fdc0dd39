package io.zhenwu.registry;

import java.time.Instant;

/**
 * 荣誉/资质 of an enterprise: type, level (the type's default unless stated), award year, issuing body, note. It is
 * counted under {@code orgUnitId}, the enterprise's unit when it was awarded.
 */
public record EnterpriseHonour(long id, long enterpriseId, String enterpriseName, String creditCode, String typeCode,
                               String typeNameZh, String typeNameEn, HonourLevel level, int awardYear, String issuingBody,
                               String note, long orgUnitId, long version, Instant createdAt) {
}
