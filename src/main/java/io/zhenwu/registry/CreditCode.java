package io.zhenwu.registry;

import io.zhenwu.shared.FieldViolation;

import java.util.Objects;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the 31-character alphabet {@value #ALPHABET} (no I, O, Z, S, V).
 * <pre>
 *   9 1 440300 19220382 1 6      华为技术有限公司
 *   │ │ │      │        │ └ 18    校验码: MOD 31 over the first 17 (GB/T 17710)
 *   │ │ │      └────────┴ 9–17  主体标识码 (组织机构代码, GB 11714; its own check character last)
 *   │ │ └ 3–8  登记管理机关行政区划码 (GB/T 2260; 100000 for bodies registered nationally)
 *   │ └ 2  机构类别代码 (under 9: 1 企业, 2 个体工商户, 3 农民专业合作社)
 *   └ 1  登记管理部门代码 (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他, …)
 * </pre>
 * Checked: length, alphabet, six digits in 3–8, the check character. Not checked, on purpose: the registration
 * authority and category lists (open-ended — departments and categories get codes assigned after the standard was
 * published — so a copy here would one day turn away a real code) and the GB 11714 check character of 9–17 (every
 * real code in the tests passes it, but that is too few to bet a registration on; 个体工商户 and pilot-era codes are
 * where exceptions would hide). Neither would catch a typo the check character misses: MOD 31 with distinct weights
 * catches every single wrong character and every swap of neighbours.
 * <p>
 * {@link #parse} is for input; the constructor is for values already known valid (read back from the database) and
 * fails loudly if one is not.
 */
public record CreditCode(String value) {

    /** The code alphabet; a character's value is its index. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;

    public CreditCode {
        Objects.requireNonNull(value, "value");
        FieldViolation violation = check("value", value);
        if (violation != null) {
            throw new IllegalArgumentException("not a valid credit code: " + violation);
        }
    }

    /**
     * Normalizes what was typed or imported (full-width to half-width, trim, upper-case) and checks it.
     *
     * @param field the name violations carry: {@code creditCode} in the API, the column in an import
     */
    public static Parsed<CreditCode> parse(String field, String raw) {
        String code = CodeText.normalize(raw);
        FieldViolation violation = check(field, code);
        return violation == null ? Parsed.valid(new CreditCode(code)) : Parsed.invalid(violation);
    }

    /**
     * The check character for the first 17 characters, for demo data that must look real.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of {@link #ALPHABET}
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 17 characters of " + ALPHABET + ": " + first17);
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("need 17 characters of " + ALPHABET + ": " + first17);
            }
            sum += value * WEIGHTS[i];
        }
        // C18 = 31 − (sum mod 31), and 31 is written 0
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** 登记管理机关行政区划码: characters 3–8. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    /** 主体标识码 (the former 组织机构代码): characters 9–17. */
    public String organizationCode() {
        return value.substring(8, 17);
    }

    @Override
    public String toString() {
        return value;
    }

    /** The first rule the normalized code breaks, or null. Positions in messages count from 1, as people do. */
    private static FieldViolation check(String field, String code) {
        if (code == null || code.isEmpty()) {
            return FieldViolation.of(field, "registry.creditCode.required");
        }
        if (code.length() != LENGTH) {
            return FieldViolation.of(field, "registry.creditCode.length", code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return FieldViolation.of(field, "registry.creditCode.char", String.valueOf(code.charAt(i)), i + 1);
            }
        }
        for (int i = 2; i < 8; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return FieldViolation.of(field, "registry.creditCode.division", code.substring(2, 8));
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            return FieldViolation.of(field, "registry.creditCode.check", String.valueOf(expected));
        }
        return null;
    }
}
