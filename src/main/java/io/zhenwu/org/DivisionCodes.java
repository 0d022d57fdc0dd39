package io.zhenwu.org;

import io.zhenwu.shared.FieldViolation;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Code rules: 6-digit GB/T 2260 codes above town level (320000, 321100, 321183), 12-digit NBS statistical codes at
 * town and village level (321183102000, 321183102201), internal codes for 部门/园区. A coded child's code must
 * extend its parent's significant digits: 321183 → 321183102000 → 321183102201.
 */
final class DivisionCodes {

    private static final Pattern SIX = Pattern.compile("\\d{6}");
    private static final Pattern TWELVE = Pattern.compile("\\d{12}");
    private static final Pattern INTERNAL = Pattern.compile("[A-Z][A-Z0-9-]{1,31}");

    private DivisionCodes() {
    }

    /** Upper-cases and trims what a user typed. */
    static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    /** Checks the code's own form for the type, then (if there is a coded parent) that it extends the parent's. */
    static Optional<FieldViolation> check(String code, OrgUnitType type, OrgUnit parent) {
        if (code == null || code.isBlank()) {
            return Optional.of(FieldViolation.of("code", "org.code.required"));
        }
        switch (type.codeKind()) {
            case DIVISION_6 -> {
                if (!SIX.matcher(code).matches()) {
                    return Optional.of(FieldViolation.of("code", "org.code.division6", code));
                }
                if (!code.substring(type.significantDigits()).chars().allMatch(c -> c == '0')
                        || code.substring(type.significantDigits() - 2, type.significantDigits()).equals("00")) {
                    return Optional.of(FieldViolation.of("code", "org.code.level", code, type.significantDigits()));
                }
            }
            case STATISTICAL_12 -> {
                if (!TWELVE.matcher(code).matches()) {
                    return Optional.of(FieldViolation.of("code", "org.code.statistical12", code));
                }
                int sig = type.significantDigits();
                if (!code.substring(sig).chars().allMatch(c -> c == '0') || code.substring(sig - 3, sig).equals("000")) {
                    return Optional.of(FieldViolation.of("code", "org.code.level", code, sig));
                }
            }
            case INTERNAL -> {
                if (!INTERNAL.matcher(code).matches()) {
                    return Optional.of(FieldViolation.of("code", "org.code.internal", code));
                }
                return Optional.empty();
            }
        }
        if (parent != null && parent.type().codeKind() != OrgUnitType.CodeKind.INTERNAL) {
            String prefix = parent.code().substring(0, parent.type().significantDigits());
            if (!code.startsWith(prefix)) {
                return Optional.of(FieldViolation.of("code", "org.code.extendParent", code, parent.code(), prefix));
            }
        }
        return Optional.empty();
    }

    /** Whether a child of the given type may sit under the parent (null parent = a root). */
    static Optional<FieldViolation> checkPlacement(OrgUnitType type, OrgUnit parent) {
        if (parent == null) {
            return type.mayBeRoot() ? Optional.empty()
                    : Optional.of(FieldViolation.of("parentId", "org.parent.required"));
        }
        if (!type.allowedParents().contains(parent.type())) {
            return Optional.of(FieldViolation.of("parentId", "org.parent.type", new DefaultMessageSourceResolvable(type.messageKey()),
                    new DefaultMessageSourceResolvable(parent.type().messageKey())));
        }
        return Optional.empty();
    }
}
