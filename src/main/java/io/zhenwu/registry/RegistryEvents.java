package io.zhenwu.registry;

import io.zhenwu.shared.AuditableEvent;

import java.util.Map;

/** Past-tense events of the registries; each is audited. */
public final class RegistryEvents {

    private RegistryEvents() {
    }

    /** 企业登记. */
    public record EnterpriseRegistered(Enterprise after, String scopePath) implements AuditableEvent {
        public String action() { return "enterprise.registered"; }
        public String entityType() { return "enterprise"; }
        public String entityId() { return String.valueOf(after.id()); }
    }

    /** 企业信息变更. */
    public record EnterpriseUpdated(Enterprise before, Enterprise after, String scopePath) implements AuditableEvent {
        public String action() { return "enterprise.updated"; }
        public String entityType() { return "enterprise"; }
        public String entityId() { return String.valueOf(after.id()); }
    }

    /** 居民登记. The trail gets the record with its ID number and phone masked: auditors read it, they need not know them. */
    public record ResidentRegistered(Resident resident, String scopePath) implements AuditableEvent {
        public String action() { return "resident.registered"; }
        public String entityType() { return "resident"; }
        public String entityId() { return String.valueOf(resident.id()); }
        public Object after() { return resident.masked(); }
    }

    /** 居民信息变更; masked like {@link ResidentRegistered}. */
    public record ResidentUpdated(Resident previous, Resident resident, String scopePath) implements AuditableEvent {
        public String action() { return "resident.updated"; }
        public String entityType() { return "resident"; }
        public String entityId() { return String.valueOf(resident.id()); }
        public Object before() { return previous.masked(); }
        public Object after() { return resident.masked(); }
    }

    /**
     * Someone with the permission looked at personal data unmasked (身份证号、电话): who, which record, why it
     * matters — the trail must show every disclosure.
     */
    public record PersonalDataViewed(String entityType, long recordId, String fields, String scopePath) implements AuditableEvent {
        public String action() { return "personal_data.viewed"; }
        public String entityId() { return String.valueOf(recordId); }
        public Object after() { return Map.of("fields", fields); }
    }

    // --- facilities and honours ---------------------------------------------------------------------------------

    /** 设施登记. */
    public record FacilityRegistered(Facility after, String scopePath) implements AuditableEvent {
        public String action() { return "facility.registered"; }
        public String entityType() { return "facility"; }
        public String entityId() { return String.valueOf(after.id()); }
    }

    /** 设施信息变更. */
    public record FacilityUpdated(Facility before, Facility after, String scopePath) implements AuditableEvent {
        public String action() { return "facility.updated"; }
        public String entityType() { return "facility"; }
        public String entityId() { return String.valueOf(after.id()); }
    }

    /** An administrator added a facility type to the catalogue (scope: the administrator's unit). */
    /** 研发投入 of a year recorded or corrected. */
    public record RdSpendingRecorded(long enterpriseId, RdSpending before, RdSpending after, String orgUnitCode) implements AuditableEvent {
        public String action() { return "enterprise.rd_spending_recorded"; }
        public String entityType() { return "enterprise"; }
        public String entityId() { return String.valueOf(enterpriseId); }
    }

    /** 荣誉类型 added to the catalogue. */
    public record HonourTypeAdded(HonourType after, String scopePath) implements AuditableEvent {
        public String action() { return "honour_type.added"; }
        public String entityType() { return "honour_type"; }
        public String entityId() { return after.code(); }
    }

    public record FacilityTypeAdded(FacilityType after, String scopePath) implements AuditableEvent {
        public String action() { return "facility_type.added"; }
        public String entityType() { return "facility_type"; }
        public String entityId() { return after.code(); }
    }

    /** 荣誉/资质 recorded for an enterprise. */
    public record HonourRecorded(EnterpriseHonour after, String scopePath) implements AuditableEvent {
        public String action() { return "enterprise_honour.recorded"; }
        public String entityType() { return "enterprise_honour"; }
        public String entityId() { return String.valueOf(after.id()); }
    }
}
