package io.zhenwu.imports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one sheet of an xlsx workbook: a bold, frozen header row, then rows of values, flushed every
 * {@value #FLUSH_EVERY} rows so memory stays constant however many rows are written. Used for list exports and
 * for import error reports (the original values plus an error column).
 *
 * <p>Values: {@link String} (inline strings, so no shared-string table grows in memory), {@link BigDecimal} and other
 * {@link Number}s as numbers (Excel keeps 15 significant digits: pass identity numbers and codes as String),
 * {@link LocalDate} as a date cell {@code yyyy-mm-dd}, {@link LocalDateTime} as {@code yyyy-mm-dd hh:mm:ss},
 * {@link Boolean}, null as an empty cell, anything else by {@code toString()}.
 *
 * <p>Column widths are explicit or, where not given, fitted to the header and the first {@value #FLUSH_EVERY} rows
 * (a CJK character counts two). {@link #close()} finishes the workbook but does not close the stream.
 */
public class XlsxTableWriter implements AutoCloseable {

    static final int FLUSH_EVERY = 1000;
    /** Excel's row limit, header included. */
    static final int MAX_ROWS = 1_048_576;
    static final int MAX_CELL_LENGTH = 32_767;
    private static final double MIN_WIDTH = 8;
    private static final double MAX_WIDTH = 60;

    private final Workbook workbook;
    private final Worksheet sheet;
    private final int columns;
    private final double[] widths;
    private final boolean[] fixedWidth;
    private boolean widthsSet;
    private int nextRow = 1;
    private boolean finished;

    /** A sheet whose column widths fit the header and the first rows. */
    public XlsxTableWriter(OutputStream out, String sheetName, List<String> headers) {
        this(out, sheetName, headers, List.of());
    }

    /**
     * @param out          receives the xlsx; not closed
     * @param sheetName    shown on the sheet tab; characters Excel forbids are replaced, cut to 31 characters
     * @param headers      the header row
     * @param columnWidths widths in characters by column; missing or null entries are fitted
     */
    public XlsxTableWriter(OutputStream out, String sheetName, List<String> headers, List<? extends Number> columnWidths) {
        this.workbook = new Workbook(out, "Zhenwu", "1.0");
        this.sheet = workbook.newWorksheet(sheetName(sheetName));
        this.columns = headers.size();
        this.widths = new double[columns];
        this.fixedWidth = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            Number width = c < columnWidths.size() ? columnWidths.get(c) : null;
            fixedWidth[c] = width != null;
            widths[c] = width != null ? width.doubleValue() : MIN_WIDTH;
            String header = headers.get(c) == null ? "" : headers.get(c);
            sheet.inlineString(0, c, cellText(header));
            measure(c, header);
        }
        if (columns > 0) {
            sheet.range(0, 0, 0, columns - 1).style().bold().fillColor("DDEBF7").set();
        }
        sheet.freezePane(0, 1);
    }

    /** Writes the next row; values beyond the header's width are written too. */
    public void writeRow(List<?> values) throws IOException {
        if (finished) {
            throw new IllegalStateException("already closed");
        }
        if (nextRow >= MAX_ROWS) {
            throw new IllegalStateException("an xlsx sheet holds at most " + (MAX_ROWS - 1) + " data rows");
        }
        int r = nextRow++;
        for (int c = 0; c < values.size(); c++) {
            write(r, c, values.get(c));
        }
        if (r % FLUSH_EVERY == 0) {
            fixWidths();
            sheet.flush();
        }
    }

    /** Data rows written so far (the header not counted). */
    public long rowCount() {
        return nextRow - 1L;
    }

    private void write(int r, int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String s) {
            sheet.inlineString(r, c, cellText(s));
            measure(c, s);
        } else if (value instanceof BigDecimal d) {
            // BigDecimal.toString() may use an exponent ("1E+3"); Excel reads it, but keep the file plain
            sheet.value(r, c, d.scale() < 0 ? d.setScale(0) : d);
            measure(c, d.toPlainString());
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            sheet.inlineString(r, c, value.toString());
        } else if (value instanceof Number n) {
            sheet.value(r, c, n);
            measure(c, n.toString());
        } else if (value instanceof LocalDate d) {
            sheet.value(r, c, d);
            sheet.style(r, c).format("yyyy-mm-dd").set();
            measure(c, "2000-01-01");
        } else if (value instanceof LocalDateTime d) {
            sheet.value(r, c, d);
            sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
            measure(c, "2000-01-01 00:00:00");
        } else if (value instanceof Boolean b) {
            sheet.value(r, c, b);
        } else {
            String s = value.toString();
            sheet.inlineString(r, c, cellText(s));
            measure(c, s);
        }
    }

    private void measure(int c, String text) {
        if (widthsSet || c >= columns || fixedWidth[c]) {
            return;
        }
        double width = 2;
        int lineWidth = 0;
        for (int i = 0; i < text.length() && width < MAX_WIDTH; i++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                lineWidth = 0;
                continue;
            }
            lineWidth += ch >= 0x2E80 ? 2 : 1;
            width = Math.max(width, lineWidth + 2);
        }
        widths[c] = Math.min(MAX_WIDTH, Math.max(widths[c], width));
    }

    private void fixWidths() {
        if (!widthsSet) {
            for (int c = 0; c < columns; c++) {
                sheet.width(c, widths[c]);
            }
            widthsSet = true;
        }
    }

    /** Cut to Excel's cell limit and stripped of characters XML 1.0 cannot carry (a corrupt file otherwise). */
    static String cellText(String s) {
        String text = s.length() > MAX_CELL_LENGTH ? s.substring(0, MAX_CELL_LENGTH) : s;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF'
                    || Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (bad && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            } else if (!bad && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    static String sheetName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[\\[\\]:*?/\\\\]", "_").strip();
        if (cleaned.startsWith("'")) {
            cleaned = "_" + cleaned.substring(1);
        }
        if (cleaned.endsWith("'")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1) + "_";
        }
        cleaned = cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
        return cleaned.isEmpty() ? "Sheet1" : cleaned;
    }

    /** Finishes the workbook (writes the rest of the sheet, styles, ...) and flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            fixWidths();
            workbook.finish();
        }
    }

    List<Double> widths() {
        List<Double> list = new ArrayList<>(columns);
        for (double w : widths) {
            list.add(w);
        }
        return list;
    }
}
