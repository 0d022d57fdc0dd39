package io.zhenwu.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cell values the way town staff type them. Every method accepts any {@link SourceRow.Cell}; an answer of
 * {@link Optional#empty()} means "not this kind of value" and the caller reports the row. An empty cell is empty too:
 * check {@link SourceRow.Cell#isEmpty()} first where a value is required.
 */
public final class CellValues {

    /** The largest Excel date serial: 9999-12-31. */
    static final BigDecimal MAX_SERIAL = BigDecimal.valueOf(2_958_465);
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 31);
    private static final LocalDate EPOCH_1900_AFTER_BUG = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** 2023-05-08, 2023/5/8, 2023.5.8, optionally followed by a time, which is ignored. */
    private static final Pattern SEPARATED = Pattern.compile(
            "(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?");
    private static final Pattern SERIAL_TEXT = Pattern.compile("\\d{5}");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");
    private static final Pattern GROUPED_NUMBER = Pattern.compile("[+-]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d*)?");

    private CellValues() {
    }

    /**
     * A date: an xlsx date cell; an Excel serial number (1900 date system, e.g. 45054 = 2023-05-08; also as 5-digit
     * text, as in a CSV saved from an unformatted column); a number or text {@code 20230508}; text
     * {@code 2023-05-08}, {@code 2023/5/8}, {@code 2023.5.8} (each optionally with a time, dropped) or
     * {@code 2023年5月8日}. Full-width digits are accepted. Anything else, and impossible dates such as 2023-02-30,
     * are empty.
     */
    public static Optional<LocalDate> date(SourceRow.Cell cell) {
        return switch (cell.kind()) {
            case DATE -> Optional.of(cell.dateTime().toLocalDate());
            case NUMBER -> numberAsDate(cell.number());
            case TEXT -> textAsDate(normalize(cell.raw()));
            default -> Optional.empty();
        };
    }

    /**
     * An exact decimal: an xlsx number, or text such as {@code 1234.50}, {@code -3}, {@code 1,234.50} (thousands
     * separators in groups of three) or full-width {@code １２３}. Exponents, percentages, currency signs and dates
     * are empty.
     */
    public static Optional<BigDecimal> decimal(SourceRow.Cell cell) {
        return switch (cell.kind()) {
            case NUMBER -> Optional.of(cell.number());
            case TEXT -> textAsDecimal(normalize(cell.raw()));
            default -> Optional.empty();
        };
    }

    /**
     * The cell as text, trimmed (also full-width and no-break spaces and a BOM): numbers exactly as stored, without
     * exponent or trailing {@code .0} (a stored 123456789012345678 stays so); dates {@code 2023-05-08} (with
     * {@code HH:mm:ss} when there is a time); {@code TRUE}/{@code FALSE}; a formula as {@code =A1+1}; an error
     * code as is; empty as {@code ""}.
     */
    public static String text(SourceRow.Cell cell) {
        return switch (cell.kind()) {
            case EMPTY -> "";
            case TEXT, BOOLEAN, ERROR -> trim(cell.raw());
            case NUMBER -> plain(cell.number());
            case DATE -> cell.dateTime().toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? cell.dateTime().toLocalDate().toString() : cell.dateTime().format(DATE_TIME);
            case FORMULA -> "=" + trim(cell.formula());
        };
    }

    /** Trims whitespace including the full-width space U+3000, no-break spaces, zero-width spaces and a BOM. */
    static String trim(String s) {
        if (s == null) {
            return "";
        }
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    private static String plain(BigDecimal number) {
        String s = number.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Trims and folds full-width digits, letters and punctuation (U+FF01..U+FF5E) to ASCII. */
    static String normalize(String s) {
        String trimmed = trim(s);
        StringBuilder out = null;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                if (out == null) {
                    out = new StringBuilder(trimmed);
                }
                out.setCharAt(i, (char) (c - 0xFEE0));
            } else if (c == '\u3000' && out != null) {
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? trimmed : out.toString();
    }

    private static Optional<LocalDate> numberAsDate(BigDecimal number) {
        if (number.signum() > 0 && number.stripTrailingZeros().scale() <= 0) {
            if (number.precision() - number.scale() == 8) {
                // 20230508 typed as a number; never a serial (that would be beyond 9999-12-31)
                return textAsDate(number.toBigInteger().toString());
            }
            return excelSerialToDateTime(number, false).map(LocalDateTime::toLocalDate);
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> textAsDate(String text) {
        Matcher m = SEPARATED.matcher(text);
        if (m.matches()) {
            return ymd(m.group(1), m.group(3), m.group(4));
        }
        m = CHINESE.matcher(text);
        if (m.matches()) {
            return ymd(m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT.matcher(text);
        if (m.matches()) {
            return ymd(m.group(1), m.group(2), m.group(3));
        }
        if (SERIAL_TEXT.matcher(text).matches()) {
            return excelSerialToDateTime(new BigDecimal(text), false).map(LocalDateTime::toLocalDate);
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> ymd(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> textAsDecimal(String text) {
        if (PLAIN_NUMBER.matcher(text).matches()) {
            return Optional.of(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
        }
        if (GROUPED_NUMBER.matcher(text).matches()) {
            String digits = text.replace(",", "");
            return Optional.of(new BigDecimal(digits.startsWith("+") ? digits.substring(1) : digits));
        }
        return Optional.empty();
    }

    /**
     * An Excel serial (days, fraction = time of day) as a date-time, to the second. In the 1900 system serial 1 is
     * 1900-01-01 and serial 60 is Excel's phantom 1900-02-29 (empty); from 61 on, 1899-12-30 + serial. In the 1904
     * system serial 0 is 1904-01-01. Negative or beyond 9999-12-31: empty.
     */
    static Optional<LocalDateTime> excelSerialToDateTime(BigDecimal serial, boolean date1904) {
        if (serial.signum() < 0 || serial.compareTo(MAX_SERIAL) > 0) {
            return Optional.empty();
        }
        long seconds = serial.multiply(SECONDS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long days = seconds / 86_400;
        LocalTime time = LocalTime.ofSecondOfDay(seconds % 86_400);
        LocalDate date;
        if (date1904) {
            date = EPOCH_1904.plusDays(days);
        } else if (days == 60) {
            return Optional.empty();
        } else {
            date = (days < 60 ? EPOCH_1900 : EPOCH_1900_AFTER_BUG).plusDays(days);
        }
        return date.getYear() > 9999 ? Optional.empty() : Optional.of(date.atTime(time));
    }

    /**
     * Whether an xlsx number format shows a date or time: the built-in date formats (14-22, 45-47, and 27-36,
     * 50-58 which are the Chinese/Japanese/Korean date formats), or a custom format whose first section, after
     * removing quoted text, escapes and {@code [...]} (colours, locales), contains y, m, d, h or s and no digit
     * placeholder {@code #}, {@code ?} or text placeholder {@code @}. One per file read: a file has few format codes, and
     * working a code out for every number cell was 6 % of the xlsx reader thread, so each code is worked out once.
     * Not thread-safe (one reader thread parses).
     */
    static final class DateFormats {

        private final Map<String, Boolean> codes = new HashMap<>();

        /**
         * The format code first: its answer is cached, while fastexcel parses the id from the style's text on every
         * call (2–6 % of the reader thread when asked for every number cell).
         */
        boolean isDate(String format, Supplier<Integer> formatId) {
            return format != null && codes.computeIfAbsent(format, CellValues::isDateFormatCode)
                    || isBuiltInDateFormat(formatId.get());
        }
    }

    private static boolean isBuiltInDateFormat(Integer formatId) {
        return formatId != null && (formatId >= 14 && formatId <= 22 || formatId >= 27 && formatId <= 36
                || formatId >= 45 && formatId <= 47 || formatId >= 50 && formatId <= 58);
    }

    private static boolean isDateFormatCode(String format) {
        if (format == null || format.isBlank()) {
            return false;
        }
        StringBuilder cleaned = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quoted) {
                quoted = c != '"';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++; // escaped / padding character
            } else if (c == '[') {
                int close = format.indexOf(']', i);
                String inside = close < 0 ? "" : format.substring(i + 1, close).toLowerCase();
                if (inside.matches("h+|m+|s+")) {
                    cleaned.append(inside); // elapsed time [h]:mm
                }
                i = close < 0 ? format.length() : close;
            } else if (c == ';') {
                break;
            } else {
                cleaned.append(c);
            }
        }
        String s = cleaned.toString();
        return s.chars().noneMatch(c -> c == '#' || c == '?' || c == '@')
                && s.chars().anyMatch(c -> "yYmMdDhHsS".indexOf(c) >= 0);
    }
}
