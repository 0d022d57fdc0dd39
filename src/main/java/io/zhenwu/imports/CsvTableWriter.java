package io.zhenwu.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Streams a CSV: UTF-8 with a BOM (so Excel opens Chinese text correctly), CRLF line ends, RFC 4180 quoting (a field
 * with a comma, quote, line break or leading/trailing space is quoted, quotes doubled). Values as for
 * {@link XlsxTableWriter}: numbers plain ({@code 1000}, never {@code 1E+3}), dates {@code 2023-05-08}, date-times
 * {@code 2023-05-08 10:30:00}, booleans {@code TRUE}/{@code FALSE}, null empty.
 *
 * <p>Formula injection: a String that Excel would run as a formula (starting with {@code = + - @}, a tab or a CR, and
 * not just a number such as {@code -5}) is written with a leading apostrophe. Long digit strings (identity numbers)
 * survive in the file but Excel shows them as 1.23E+17 when it opens a CSV: prefer xlsx for people.
 * {@link #close()} flushes but does not close the stream.
 */
public class CsvTableWriter implements AutoCloseable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");

    private final Writer out;
    private long rows;

    /** Writes the BOM and the header row. */
    public CsvTableWriter(OutputStream out, List<String> headers) throws IOException {
        out.write(BOM);
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        line(headers);
    }

    public void writeRow(List<?> values) throws IOException {
        line(values);
        rows++;
    }

    /** Data rows written so far (the header not counted). */
    public long rowCount() {
        return rows;
    }

    private void line(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(values.get(i)));
        }
        out.write("\r\n");
    }

    static String field(Object value) {
        String s;
        if (value == null) {
            return "";
        } else if (value instanceof BigDecimal d) {
            s = d.toPlainString();
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            s = Double.isFinite(d) ? new BigDecimal(value.toString()).stripTrailingZeros().toPlainString() : value.toString();
        } else if (value instanceof LocalDateTime d) {
            s = d.format(DATE_TIME);
        } else if (value instanceof Boolean b) {
            s = b ? "TRUE" : "FALSE";
        } else if (value instanceof String text) {
            s = neutralizeFormula(text);
        } else {
            s = value.toString(); // numbers, LocalDate (ISO), enums ...
        }
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || !s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)));
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String neutralizeFormula(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        boolean risky = first == '\t' || first == '\r'
                || (first == '=' || first == '+' || first == '-' || first == '@') && s.length() > 1 && !NUMBER.matcher(s).matches();
        return risky ? "'" + s : s;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
