package io.zhenwu.registry;

import io.zhenwu.shared.FieldViolation;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 联系电话: a mainland 手机号 or 固定电话, stored in one spelling so the same number is found however it was typed.
 * <ul>
 *   <li>手机: {@code 1[3-9]} and nine more digits; a {@code +86}/{@code 86} prefix, spaces and hyphens are accepted
 *       and dropped → {@code 13812341234}.</li>
 *   <li>固话: 区号 + 7–8 digit local number, optional 分机 → {@code 0511-87654321}, {@code 025-84561234-123}. The
 *       区号 is three digits for 010 and 02x and four for every other, which is how {@code 02584561234} and
 *       {@code 051187654321} split without a hyphen. Parentheses around the 区号 and 转 before the 分机 are accepted.</li>
 * </ul>
 * Not accepted: 400/800 service numbers, foreign numbers, 95xxx short numbers — none is how a resident or a firm in
 * the registry is reached.
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86)?(1[3-9]\\d{9})");
    private static final String AREA = "010|02\\d|0[3-9]\\d{2}";
    private static final Pattern LANDLINE = Pattern.compile("(" + AREA + ")-?(\\d{7,8})(?:-(\\d{1,6}))?");
    /** Dashes a Chinese IME offers instead of '-': ‐ ‑ ‒ – — ― and −. */
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");
    private static final Pattern SPACES_AND_PARENTHESES = Pattern.compile("[\\s()]");
    private static final Pattern NORMALIZED =
            Pattern.compile("1[3-9]\\d{9}|(?:" + AREA + ")-\\d{7,8}(?:-\\d{1,6})?");

    public PhoneNumber {
        Objects.requireNonNull(value, "value");
        if (!NORMALIZED.matcher(value).matches()) {
            throw new IllegalArgumentException("not a normalized phone number: " + value);
        }
    }

    /**
     * Normalizes and checks a number as typed or imported.
     *
     * @param field the name violations carry: {@code phone} in the API, the column in an import
     */
    public static Parsed<PhoneNumber> parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Parsed.invalid(FieldViolation.of(field, "registry.phone.required"));
        }
        String text = CodeText.halfWidth(raw).strip();
        // compiled once: an import checks a million numbers
        text = DASHES.matcher(text).replaceAll("-").replace("转", "-");
        String compact = SPACES_AND_PARENTHESES.matcher(text).replaceAll("");
        Matcher mobile = MOBILE.matcher(compact.replace("-", ""));
        if (mobile.matches()) {
            return Parsed.valid(new PhoneNumber(mobile.group(1)));
        }
        Matcher landline = LANDLINE.matcher(compact);
        if (landline.matches()) {
            String number = landline.group(1) + "-" + landline.group(2);
            return Parsed.valid(new PhoneNumber(landline.group(3) == null ? number : number + "-" + landline.group(3)));
        }
        return Parsed.invalid(FieldViolation.of(field, "registry.phone.format"));
    }

    /** 手机 rather than 固话: whether an SMS can reach it. */
    public boolean isMobile() {
        return value.charAt(0) == '1';
    }

    @Override
    public String toString() {
        return value;
    }
}
