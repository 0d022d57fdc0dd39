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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The first visible sheet of an xlsx workbook, streamed with fastexcel-reader. Numbers keep the exact text the file
 * stores ({@code <v>}), never a double; numbers formatted as dates become {@link SourceRow.Kind#DATE}.
 *
 * <p>After the header, the rows are parsed on a reader thread of their own, a few batches ahead of the caller: unzipping
 * and parsing the sheet's XML is most of an xlsx import's work, and the caller (checks, staging) can run beside it.
 * Memory stays bounded ({@value #BATCHES} batches of at most {@value #BATCH} rows and {@value #BATCH_MEMORY} bytes);
 * damage found by the reader thread is raised by {@link #next()} in the caller's thread, in row order.
 *
 * <p>Before fastexcel opens the file, {@link XlsxPackageCheck} holds it to the {@link XlsxLimits} (zip bombs, huge
 * cells, shared-string tables beyond the memory budget); every cell converted is held to Excel's 32,767 characters.
 */
final class XlsxTabularReader extends AbstractTabularReader {

    static final int BATCH = 512;
    static final int BATCHES = 4;
    /** A batch is handed over once its rows' estimated heap reaches this, even before {@value #BATCH} rows. */
    static final long BATCH_MEMORY = 2 * XlsxLimits.MIB;
    /** Marks the end of the sheet in the queue. */
    private static final List<SourceRow> END = List.of();

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final boolean date1904;
    private final List<SourceRow.Cell> cells = new ArrayList<>();
    /** Used by the one thread that parses. */
    private final CellValues.DateFormats dateFormats = new CellValues.DateFormats();
    /** Batches of rows, {@link #END}, or the exception or error that stopped the reader thread. */
    private final BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(BATCHES);
    private Thread reader;
    private volatile boolean closed;
    private List<SourceRow> batch = List.of();
    private int index;
    /** {@link #END} or what stopped the reader thread, once taken from the queue. */
    private Object last;

    XlsxTabularReader(Path file, String fileName, XlsxLimits limits) {
        super(fileName);
        XlsxPackageCheck.check(file, fileName, limits);
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
            reader = new Thread(this::readAhead, "xlsx-reader");
            reader.setDaemon(true);
            reader.start();
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
        if (reader == null) {
            return parseRow();
        }
        while (index == batch.size()) {
            if (last != null) {
                if (last instanceof RuntimeException e) {
                    throw e;
                }
                if (last instanceof Error e) {
                    throw e;
                }
                return null;
            }
            Object next = take();
            if (next == END || next instanceof Throwable) {
                last = next;
            } else {
                @SuppressWarnings("unchecked")
                List<SourceRow> rows = (List<SourceRow>) next;
                batch = rows;
                index = 0;
            }
        }
        return batch.get(index++);
    }

    private Object take() {
        try {
            return ahead.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TabularFileException("import.file.unreadable", e, fileName);
        }
    }

    /** The reader thread: parses rows into batches until the end of the sheet, damage, or {@link #close()}. */
    private void readAhead() {
        Object outcome;
        List<SourceRow> rows = new ArrayList<>(BATCH);
        long memory = 0;
        try {
            SourceRow row;
            while (!closed && (row = parseRow()) != null) {
                rows.add(row);
                memory += estimatedMemory(row);
                if (rows.size() == BATCH || memory >= BATCH_MEMORY) {
                    hand(rows);
                    rows = new ArrayList<>(BATCH);
                    memory = 0;
                }
            }
            outcome = END;
        } catch (RuntimeException | Error e) {
            // an Error too (out of memory…): the caller must not wait forever for rows that will not come
            outcome = e;
        }
        // the good rows before any damage first, as reading row by row would have returned them
        if (!rows.isEmpty()) {
            hand(rows);
        }
        hand(outcome);
    }

    /** Waits for room in the queue, giving up when the reader is closed. */
    private void hand(Object item) {
        try {
            while (!closed) {
                if (ahead.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SourceRow parseRow() {
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
            cells.add(convert(row.getCell(i), row.getRowNum()));
        }
        return row(row.getRowNum(), cells);
    }

    /** An upper bound of a row's heap: the cell list, each cell and its texts as UTF-16. */
    private static long estimatedMemory(SourceRow row) {
        long bytes = 64 + 8L * row.cells().size();
        for (SourceRow.Cell cell : row.cells()) {
            bytes += 96 + 2L * (length(cell.raw()) + length(cell.formula()));
        }
        return bytes;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private SourceRow.Cell convert(org.dhatim.fastexcel.reader.Cell cell, long rowNumber) {
        if (cell == null) {
            return SourceRow.Cell.EMPTY;
        }
        String raw = cell.getRawValue();
        if (length(raw) > XmlScan.MAX_CELL_CHARS || length(cell.getFormula()) > XmlScan.MAX_CELL_CHARS) {
            throw new TabularFileException("import.file.xlsxCellTooLong", fileName, String.valueOf(rowNumber));
        }
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
        // fastexcel has parsed <v> already: a malformed one made an ERROR cell, an empty one an EMPTY cell
        if (!(cell.getValue() instanceof BigDecimal value)) {
            return SourceRow.Cell.error(raw);
        }
        if (dateFormats.isDate(cell.getDataFormatString(), cell::getDataFormatId)) {
            var dateTime = CellValues.excelSerialToDateTime(value, date1904);
            if (dateTime.isPresent()) {
                return SourceRow.Cell.date(raw, value, dateTime.get());
            }
        }
        return SourceRow.Cell.number(raw, value);
    }

    @Override
    public void close() {
        closed = true;
        if (reader != null) {
            ahead.clear();
            try {
                // It stops after the row it is parsing; the workbook is closed only once it has.
                reader.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
