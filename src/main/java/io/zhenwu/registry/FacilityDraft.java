package io.zhenwu.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a user (form, API or spreadsheet row) says about a facility, before validation; {@link FacilityRules}
 * check it wherever it comes from. {@code typeCode} may be the catalogue code or its Chinese name.
 */
public record FacilityDraft(String code, String typeCode, String name, String orgUnitCode, BigDecimal latitude,
                            BigDecimal longitude, FacilityStatus status, LocalDate commissionedOn) {
}
