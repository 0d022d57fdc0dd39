package io.zhenwu.imports;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The first visible sheet of an xlsx workbook, streamed with fastexcel-reader. Numbers keep the exact text the file
 * stores ({@code <v>}), never a double; numbers formatted as dates become {@link SourceRow.Kind#DATE}.
 */
final class XlsxTabularReader extends AbstractTabularReader {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final boolean date1904;
    private final List<SourceRow.Cell> cells = new ArrayList<>();

    XlsxTabularReader(Path file, String fileName) {
        super(fileName);
        ReadableWorkbook opened = null;
        Stream<Row> openedStream = null;
        try {
            // withCellFormat=true: without it fastexcel reports no number formats and dates look like plain numbers;
            // cellInErrorIfParseError=true: a malformed number becomes an ERROR cell instead of aborting the file
            opened = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
            Sheet sheet = firstVisibleSheet(opened);
            openedStream = sheet.openStream();
            workbook = opened;
            stream = openedStream;
            rows = openedStream.iterator();
            date1904 = opened.isDate1904();
            readHeader();
        } catch (TabularFileException e) {
            closeQuietly(opened, openedStream);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(opened, openedStream);
            throw new TabularFileException("import.file.unreadable", e, fileName);
        }
    }

    private static Sheet firstVisibleSheet(ReadableWorkbook workbook) {
        try (Stream<Sheet> sheets = workbook.getSheets()) {
            return sheets.filter(s -> s.getVisibility() == SheetVisibility.VISIBLE).findFirst()
                    .orElseGet(workbook::getFirstSheet);
        }
    }

    @Override
    public Format format() {
        return Format.XLSX;
    }

    @Override
    SourceRow readRow() {
        Row row;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            row = rows.next();
        } catch (RuntimeException e) {
            throw new TabularFileException("import.file.unreadable", e, fileName);
        }
        cells.clear();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(convert(row.getCell(i)));
        }
        return row(row.getRowNum(), cells);
    }

    private SourceRow.Cell convert(org.dhatim.fastexcel.reader.Cell cell) {
        if (cell == null) {
            return SourceRow.Cell.EMPTY;
        }
        String raw = cell.getRawValue();
        return switch (cell.getType()) {
            case EMPTY -> SourceRow.Cell.EMPTY;
            case STRING -> SourceRow.Cell.text(raw);
            case BOOLEAN -> cell.getValue() instanceof Boolean b ? SourceRow.Cell.bool(b) : SourceRow.Cell.error(raw);
            case FORMULA -> SourceRow.Cell.formula(cell.getFormula(), raw);
            case ERROR -> SourceRow.Cell.error(raw);
            case NUMBER -> number(cell, raw);
        };
    }

    private SourceRow.Cell number(org.dhatim.fastexcel.reader.Cell cell, String raw) {
        BigDecimal value;
        try {
            value = new BigDecimal(raw.trim());
        } catch (RuntimeException e) {
            return SourceRow.Cell.error(raw);
        }
        if (CellValues.isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
            var dateTime = CellValues.excelSerialToDateTime(value, date1904);
            if (dateTime.isPresent()) {
                return SourceRow.Cell.date(raw, value, dateTime.get());
            }
        }
        return SourceRow.Cell.number(raw, value);
    }

    @Override
    public void close() {
        closeQuietly(workbook, stream);
    }

    private static void closeQuietly(ReadableWorkbook workbook, Stream<Row> stream) {
        if (stream != null) {
            stream.close();
        }
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // read-only: nothing to lose
            }
        }
    }
}
