package io.zhenwu.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 企业 as stored. Flags carry their effective dates: 规上/四上 from {@code aboveScaleFrom} (入规) to
 * {@code aboveScaleTo} (退规, null while it lasts), likewise 夜间生产. The contact phone is stored in full; views mask it.
 */
public record Enterprise(long id, String creditCode, String name, long orgUnitId, String orgUnitCode, String orgUnitName,
                         String industryCode, String address, String legalRepresentative, String contactPhone,
                         EnterpriseStatus status, LocalDate establishedOn, LocalDate aboveScaleFrom, LocalDate aboveScaleTo,
                         LocalDate nightProductionFrom, LocalDate nightProductionTo, long version, Instant createdAt,
                         Instant updatedAt) {

    public boolean aboveScaleOn(LocalDate day) {
        return aboveScaleFrom != null && !aboveScaleFrom.isAfter(day) && (aboveScaleTo == null || aboveScaleTo.isAfter(day));
    }

    public boolean nightProductionOn(LocalDate day) {
        return nightProductionFrom != null && !nightProductionFrom.isAfter(day)
                && (nightProductionTo == null || nightProductionTo.isAfter(day));
    }
}
