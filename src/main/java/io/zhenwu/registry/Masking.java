package io.zhenwu.registry;

import java.util.List;

/**
 * 脱敏: how personal data shows on lists, exports and audit details for staff who need to recognise a person but
 * not to read the number. Every method is null-safe (null in, null out) and never reveals more than it promises,
 * whatever the input looks like: a short or malformed value is masked harder, not shown.
 */
public final class Masking {

    private static final char MASK = '*';
    /**
     * Common 复姓, kept whole so that 欧阳娜娜 reads 欧阳** and the family is still recognisable. Only taken for names
     * of three characters or more: a two-character 欧阳 is as likely 欧 with given name 阳.
     */
    private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫",
            "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "司空", "夏侯", "轩辕", "端木", "独孤", "南宫",
            "西门", "呼延", "赫连", "澹台", "申屠", "太史", "公冶", "闻人", "万俟", "东郭", "百里", "钟离", "濮阳", "拓跋");

    private Masking() {
    }

    /**
     * 公民身份号码: the first four (province and city) and the last four, {@code 3211**********2119}. Length is kept;
     * a shorter value keeps at most a quarter of its characters at each end, so at most half is ever shown.
     */
    public static String residentId(String id) {
        if (id == null) {
            return null;
        }
        int keep = Math.min(4, id.length() / 4);
        return keepEnds(id, keep, keep);
    }

    /**
     * 电话: a 手机 keeps the first three and the last four, {@code 138****1234}; a 固话 keeps the 区号 and the last
     * four of the local number (three of a seven-digit one), {@code 0511-****4321}, and masks any 分机. Numbers
     * {@link PhoneNumber} reads are shown in its spelling; anything else keeps at most its last four characters, and
     * never more than half.
     */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        Parsed<PhoneNumber> parsed = PhoneNumber.parse("phone", phone);
        if (!parsed.isValid()) {
            return keepEnds(phone, 0, Math.min(4, phone.length() / 2));
        }
        String number = parsed.value().value();
        if (parsed.value().isMobile()) {
            return keepEnds(number, 3, 4);
        }
        String[] parts = number.split("-");
        String local = parts[1];
        StringBuilder out = new StringBuilder(parts[0]).append('-')
                .append(keepEnds(local, 0, Math.min(4, local.length() - 4)));
        if (parts.length == 3) {
            out.append('-').append(String.valueOf(MASK).repeat(parts[2].length()));
        }
        return out.toString();
    }

    /**
     * 姓名: the surname stays, the given name is masked character by character, {@code 张*}, {@code 王**},
     * {@code 欧阳**}; the separator of transliterated names stays, {@code 买**·**}. A one-character name is masked
     * entirely.
     */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String trimmed = name.strip();
        int[] chars = trimmed.codePoints().toArray();
        if (chars.length == 1) {
            return String.valueOf(MASK);
        }
        int keep = chars.length > 2 && COMPOUND_SURNAMES.stream().anyMatch(trimmed::startsWith) ? 2 : 1;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < chars.length; i++) {
            boolean separator = chars[i] == '·' || chars[i] == '•' || chars[i] == ' ';
            if (i < keep || separator) {
                out.appendCodePoint(chars[i]);
            } else {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    /** Keeps {@code head} characters at the start and {@code tail} at the end and masks the rest, length kept. */
    private static String keepEnds(String text, int head, int tail) {
        int[] chars = text.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < chars.length; i++) {
            if (i < head || i >= chars.length - tail) {
                out.appendCodePoint(chars[i]);
            } else {
                out.append(MASK);
            }
        }
        return out.toString();
    }
}
