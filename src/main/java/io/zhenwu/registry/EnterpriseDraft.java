package io.zhenwu.registry;

import java.time.LocalDate;

/**
 * What a user (form, API or spreadsheet row) says about an enterprise, before validation. The same
 * {@link EnterpriseRules} check it wherever it comes from, so an import accepts exactly what the API accepts.
 */
public record EnterpriseDraft(String creditCode, String name, String orgUnitCode, String industryCode, String address,
                              String legalRepresentative, String contactPhone, EnterpriseStatus status,
                              LocalDate establishedOn, LocalDate aboveScaleFrom, LocalDate aboveScaleTo,
                              LocalDate nightProductionFrom, LocalDate nightProductionTo) {
}
