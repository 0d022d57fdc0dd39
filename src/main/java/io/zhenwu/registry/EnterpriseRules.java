package io.zhenwu.registry;

import io.zhenwu.shared.FieldViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of an enterprise record, shared by the API, the forms and the import pipeline: a valid credit code
 * (GB 32100, upper-cased), a name, an industry code in GB/T 4754-2017 form (门类 letter A–T or 2–4 digits), a
 * valid phone, and date ranges that end after they start. Whether the org unit exists in scope is checked by the
 * caller (in SQL for imports).
 */
final class EnterpriseRules {

    private static final Pattern INDUSTRY = Pattern.compile("[A-T]|\\d{2,4}");

    private EnterpriseRules() {
    }

    /** A draft that passed: normalized values. */
    record Checked(EnterpriseDraft draft, List<FieldViolation> violations) {
        boolean valid() {
            return violations.isEmpty();
        }
    }

    static Checked check(EnterpriseDraft d) {
        List<FieldViolation> problems = new ArrayList<>();
        var code = CreditCode.parse("creditCode", d.creditCode());
        problems.addAll(code.violations());
        String name = strip(d.name());
        if (name == null) {
            problems.add(FieldViolation.of("name", "registry.enterprise.name.required"));
        } else if (name.length() > 200) {
            problems.add(FieldViolation.of("name", "registry.text.tooLong", 200));
        }
        String orgCode = strip(d.orgUnitCode());
        if (orgCode == null) {
            problems.add(FieldViolation.of("orgUnitCode", "registry.orgUnit.required"));
        }
        String industry = strip(d.industryCode());
        if (industry != null) {
            industry = industry.toUpperCase();
            if (!INDUSTRY.matcher(industry).matches()) {
                problems.add(FieldViolation.of("industryCode", "registry.enterprise.industry", industry));
            }
        }
        String phone = strip(d.contactPhone());
        if (phone != null) {
            var parsed = PhoneNumber.parse("contactPhone", phone);
            problems.addAll(parsed.violations());
            phone = parsed.value() == null ? phone : parsed.value().value();
        }
        checkLength("address", d.address(), 300, problems);
        checkLength("legalRepresentative", d.legalRepresentative(), 100, problems);
        checkRange("aboveScaleFrom", d.aboveScaleFrom(), "aboveScaleTo", d.aboveScaleTo(), problems);
        checkRange("nightProductionFrom", d.nightProductionFrom(), "nightProductionTo", d.nightProductionTo(), problems);
        checkNotFuture("establishedOn", d.establishedOn(), problems);
        EnterpriseDraft normalized = new EnterpriseDraft(code.value() == null ? d.creditCode() : code.value().value(), name,
                orgCode == null ? null : orgCode.toUpperCase(), industry, strip(d.address()), strip(d.legalRepresentative()), phone,
                d.status() == null ? EnterpriseStatus.OPERATING : d.status(), d.establishedOn(), d.aboveScaleFrom(), d.aboveScaleTo(),
                d.nightProductionFrom(), d.nightProductionTo());
        return new Checked(normalized, problems);
    }

    private static void checkLength(String field, String value, int max, List<FieldViolation> problems) {
        if (value != null && value.strip().length() > max) {
            problems.add(FieldViolation.of(field, "registry.text.tooLong", max));
        }
    }

    private static void checkRange(String fromField, LocalDate from, String toField, LocalDate to, List<FieldViolation> problems) {
        if (to != null && from == null) {
            problems.add(FieldViolation.of(fromField, "registry.range.startMissing"));
        } else if (to != null && !to.isAfter(from)) {
            problems.add(FieldViolation.of(toField, "registry.range.endBeforeStart", from, to));
        }
    }

    private static void checkNotFuture(String field, LocalDate date, List<FieldViolation> problems) {
        if (date != null && date.isAfter(LocalDate.now(io.zhenwu.shared.Times.ZONE))) {
            problems.add(FieldViolation.of(field, "registry.date.future", date));
        }
    }

    static String strip(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
