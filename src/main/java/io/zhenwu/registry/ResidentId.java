package io.zhenwu.registry;

import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.Times;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Objects;

/**
 * 公民身份号码 (GB 11643-1999): 18 characters.
 * <pre>
 *   110105 19491231 002 X
 *   │      │        │   └ 18     校验码: ISO 7064 MOD 11-2 over the first 17, 10 written X
 *   │      │        └ 15–17 顺序码; the 17th is odd for 男, even for 女
 *   │      └ 7–14 出生日期 yyyyMMdd
 *   └ 1–6  常住户口所在县（市、旗、区）的行政区划代码
 * </pre>
 * The old 15-digit numbers (two-digit year, no check digit) were replaced in the 2000s; they are refused with a
 * message of their own so staff know to ask for the new card rather than to retype. Not checked, on purpose: that
 * the division code exists in GB/T 2260 (codes retired since the card was issued stay on the card).
 * <p>
 * {@link #toString()} is masked, so an id that lands in a log line or an exception message does not leak; the full
 * number is {@link #value()}. {@link #parse} is for input; the constructor is for values already known valid.
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "0123456789X";
    private static final int LENGTH = 18;
    /** Nobody alive or registered was born earlier; an earlier date is a typo in the century. */
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    public ResidentId {
        Objects.requireNonNull(value, "value");
        FieldViolation violation = check("value", value, today());
        if (violation != null) {
            throw new IllegalArgumentException("not a valid resident id: " + violation.messageKey());
        }
    }

    /**
     * Normalizes what was typed or imported (full-width to half-width, trim, x to X) and checks it against today in
     * the town's time zone.
     *
     * @param field the name violations carry: {@code idNumber} in the API, the column in an import
     */
    public static Parsed<ResidentId> parse(String field, String raw) {
        return parse(field, raw, today());
    }

    /** As {@link #parse(String, String)}, with "today" given: a birth date after it is refused. */
    public static Parsed<ResidentId> parse(String field, String raw, LocalDate today) {
        String id = CodeText.normalize(raw);
        FieldViolation violation = check(field, id, today);
        return violation == null ? Parsed.valid(new ResidentId(id)) : Parsed.invalid(violation);
    }

    /**
     * The check character for the first 17 digits, for demo residents whose numbers must look real.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !allDigits(first17)) {
            throw new IllegalArgumentException("need 17 digits: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        // ISO 7064 MOD 11-2: the check value makes the weighted sum of all 18 ≡ 1 (mod 11)
        return CHECK_CHARACTERS.charAt((12 - sum % 11) % 11);
    }

    /** 出生日期: characters 7–14. */
    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    /** 性别: from the parity of the 17th digit. */
    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /**
     * 周岁 on the given day: full years since birth, a year completing on the birthday (29 February birthdays
     * complete on 1 March in common years).
     *
     * @throws IllegalArgumentException if the day is before the birth date
     */
    public int ageOn(LocalDate day) {
        LocalDate birth = birthDate();
        if (day.isBefore(birth)) {
            throw new IllegalArgumentException("asked for the age on " + day + ", before the birth date");
        }
        return Period.between(birth, day).getYears();
    }

    /** 行政区划代码 of the registered residence when the number was issued: characters 1–6. */
    public String divisionCode() {
        return value.substring(0, 6);
    }

    @Override
    public String toString() {
        return Masking.residentId(value);
    }

    private static LocalDate today() {
        return LocalDate.now(Times.ZONE);
    }

    /** The first rule the normalized id breaks, or null. Positions in messages count from 1, as people do. */
    private static FieldViolation check(String field, String id, LocalDate today) {
        if (id == null || id.isEmpty()) {
            return FieldViolation.of(field, "registry.residentId.required");
        }
        if (id.length() == 15 && allDigits(id)) {
            return FieldViolation.of(field, "registry.residentId.legacy15");
        }
        if (id.length() != LENGTH) {
            return FieldViolation.of(field, "registry.residentId.length", id.length());
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return FieldViolation.of(field, "registry.residentId.digits", String.valueOf(c), i + 1);
            }
        }
        if (id.startsWith("000000")) {
            return FieldViolation.of(field, "registry.residentId.division");
        }
        String digits = id.substring(6, 14);
        int year = Integer.parseInt(digits.substring(0, 4));
        int month = Integer.parseInt(digits.substring(4, 6));
        int day = Integer.parseInt(digits.substring(6, 8));
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return FieldViolation.of(field, "registry.residentId.birthDate", digits);
        }
        LocalDate birth = LocalDate.of(year, month, day);
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return FieldViolation.of(field, "registry.residentId.birthDateRange", birth.toString());
        }
        char expected = checkCharacter(id.substring(0, LENGTH - 1));
        if (id.charAt(LENGTH - 1) != expected) {
            return FieldViolation.of(field, "registry.residentId.check", String.valueOf(expected));
        }
        return null;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
