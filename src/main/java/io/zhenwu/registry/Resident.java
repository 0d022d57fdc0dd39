package io.zhenwu.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * 居民 as stored. Gender and birth date are derived from the 公民身份号码 when it is recorded, never typed. The ID
 * number and the phone are stored in full; every view masks them ({@link #masked()}) unless the reader holds the
 * permission and asks ({@link PersonalData}). {@link #toString()} is masked too, so a log line does not leak.
 */
public record Resident(long id, String idNumber, String name, Gender gender, LocalDate birthDate, long orgUnitId,
                       String orgUnitCode, String orgUnitName, String householdNo, Relation relationToHead, String phone,
                       Set<ResidentTag> tags, long version, Instant createdAt, Instant updatedAt) {

    public Resident {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** 周岁 on the given day (0 before the birth date). */
    public int ageOn(LocalDate day) {
        return day.isBefore(birthDate) ? 0 : Period.between(birthDate, day).getYears();
    }

    public String maskedIdNumber() {
        return Masking.residentId(idNumber);
    }

    public String maskedPhone() {
        return Masking.phone(phone);
    }

    public boolean hasTag(ResidentTag tag) {
        return tags.contains(tag);
    }

    /** The same record with the ID number and the phone masked: what the audit trail and conflict answers carry. */
    public Resident masked() {
        return new Resident(id, maskedIdNumber(), name, gender, birthDate, orgUnitId, orgUnitCode, orgUnitName, householdNo,
                relationToHead, maskedPhone(), tags, version, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "Resident[id=" + id + ", idNumber=" + maskedIdNumber() + ", name=" + name + ", org=" + orgUnitCode
                + ", household=" + householdNo + ", version=" + version + "]";
    }
}
