package io.zhenwu.registry;

import io.zhenwu.shared.FieldViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a resident record, shared by the API, the forms and the import pipeline: a valid 公民身份号码
 * (GB 11643, normalized: half-width, X upper-cased), a name of at most 100 characters, an org unit code, a household
 * number of at most 32 characters (free text: villages number their 户 their own way), a relation only within a
 * household, and an optional valid phone. Gender and birth date come from the ID number. Whether the org unit exists
 * in scope, and whether the number is already registered, is checked by the caller (in SQL for imports).
 */
final class ResidentRules {

    static final int NAME_MAX = 100;
    static final int HOUSEHOLD_MAX = 32;

    private ResidentRules() {
    }

    /** A checked draft: normalized values, the parsed ID (null when invalid) and what is wrong. */
    record Checked(ResidentDraft draft, ResidentId id, List<FieldViolation> violations) {
        boolean valid() {
            return violations.isEmpty();
        }
    }

    static Checked check(ResidentDraft d) {
        List<FieldViolation> problems = new ArrayList<>();
        var id = ResidentId.parse("idNumber", d.idNumber());
        problems.addAll(id.violations());
        String name = EnterpriseRules.strip(d.name());
        if (name == null) {
            problems.add(FieldViolation.of("name", "registry.resident.name.required"));
        } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
            problems.add(FieldViolation.of("name", "registry.text.tooLong", NAME_MAX));
        }
        String orgCode = EnterpriseRules.strip(d.orgUnitCode());
        if (orgCode == null) {
            problems.add(FieldViolation.of("orgUnitCode", "registry.orgUnit.required"));
        }
        String household = EnterpriseRules.strip(d.householdNo());
        if (household != null && household.length() > HOUSEHOLD_MAX) {
            problems.add(FieldViolation.of("householdNo", "registry.text.tooLong", HOUSEHOLD_MAX));
        }
        if (d.relationToHead() != null && household == null) {
            problems.add(FieldViolation.of("relationToHead", "registry.resident.relation.noHousehold"));
        }
        String phone = EnterpriseRules.strip(d.phone());
        if (phone != null) {
            var parsed = PhoneNumber.parse("phone", phone);
            problems.addAll(parsed.violations());
            phone = parsed.value() == null ? phone : parsed.value().value();
        }
        ResidentDraft normalized = new ResidentDraft(id.isValid() ? id.value().value() : d.idNumber(), name,
                orgCode == null ? null : orgCode.toUpperCase(), household, d.relationToHead(), phone, d.tags());
        return new Checked(normalized, id.value(), problems);
    }
}
