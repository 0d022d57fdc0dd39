package io.zhenwu.registry;

import io.zhenwu.shared.FieldViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of a facility record, shared by the API, the forms and the import pipeline: a code of letters, digits
 * and dashes (upper-cased), a type, a name, an org unit, and a position — both coordinates or neither — inside
 * China's extent (latitude 3.86–53.56° N, longitude 73.66–135.05° E), kept to six decimals (about 0.1 m). Whether
 * the type and org unit exist is checked by the caller (in SQL for imports).
 */
final class FacilityRules {

    static final BigDecimal MIN_LAT = new BigDecimal("3.86");
    static final BigDecimal MAX_LAT = new BigDecimal("53.56");
    static final BigDecimal MIN_LNG = new BigDecimal("73.66");
    static final BigDecimal MAX_LNG = new BigDecimal("135.05");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,39}");
    private static final Pattern TYPE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private FacilityRules() {
    }

    record Checked(FacilityDraft draft, List<FieldViolation> violations) {
        boolean valid() {
            return violations.isEmpty();
        }
    }

    static Checked check(FacilityDraft d) {
        List<FieldViolation> problems = new ArrayList<>();
        String code = EnterpriseRules.strip(d.code());
        if (code == null) {
            problems.add(FieldViolation.of("code", "registry.facility.code.required"));
        } else {
            code = code.toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                problems.add(FieldViolation.of("code", "registry.facility.code.format", code));
            }
        }
        String type = EnterpriseRules.strip(d.typeCode());
        if (type == null) {
            problems.add(FieldViolation.of("typeCode", "registry.facility.type.required"));
        } else if (TYPE_CODE.matcher(type.toUpperCase(Locale.ROOT)).matches()) {
            type = type.toUpperCase(Locale.ROOT);
        }
        String name = EnterpriseRules.strip(d.name());
        if (name == null) {
            problems.add(FieldViolation.of("name", "registry.facility.name.required"));
        } else if (name.length() > 200) {
            problems.add(FieldViolation.of("name", "registry.text.tooLong", 200));
        }
        String orgCode = EnterpriseRules.strip(d.orgUnitCode());
        if (orgCode == null) {
            problems.add(FieldViolation.of("orgUnitCode", "registry.orgUnit.required"));
        }
        BigDecimal lat = scaled(d.latitude());
        BigDecimal lng = scaled(d.longitude());
        if ((lat == null) != (lng == null)) {
            problems.add(FieldViolation.of(lat == null ? "latitude" : "longitude", "registry.facility.position.both"));
        }
        if (lat != null && (lat.compareTo(MIN_LAT) < 0 || lat.compareTo(MAX_LAT) > 0)) {
            problems.add(FieldViolation.of("latitude", "registry.facility.latitude.range", lat.toPlainString(), MIN_LAT, MAX_LAT));
        }
        if (lng != null && (lng.compareTo(MIN_LNG) < 0 || lng.compareTo(MAX_LNG) > 0)) {
            problems.add(FieldViolation.of("longitude", "registry.facility.longitude.range", lng.toPlainString(), MIN_LNG, MAX_LNG));
        }
        var normalized = new FacilityDraft(code, type, name, orgCode == null ? null : orgCode.toUpperCase(Locale.ROOT), lat, lng,
                d.status() == null ? FacilityStatus.IN_SERVICE : d.status(), d.commissionedOn());
        return new Checked(normalized, problems);
    }

    /** Six decimals, half-even (GB/T 8170). */
    private static BigDecimal scaled(BigDecimal v) {
        return v == null ? null : v.setScale(6, RoundingMode.HALF_EVEN);
    }

    /** The rules of a new catalogue entry: an upper-case code and both names. */
    static List<FieldViolation> checkType(FacilityType t) {
        List<FieldViolation> problems = new ArrayList<>();
        if (t.code() == null || !TYPE_CODE.matcher(t.code()).matches()) {
            problems.add(FieldViolation.of("code", "registry.facilityType.code.format"));
        }
        if (t.nameZh() == null) {
            problems.add(FieldViolation.of("nameZh", "registry.facilityType.name.required"));
        } else if (t.nameZh().length() > 100) {
            problems.add(FieldViolation.of("nameZh", "registry.text.tooLong", 100));
        }
        if (t.nameEn() == null) {
            problems.add(FieldViolation.of("nameEn", "registry.facilityType.name.required"));
        } else if (t.nameEn().length() > 200) {
            problems.add(FieldViolation.of("nameEn", "registry.text.tooLong", 200));
        }
        return problems;
    }
}
