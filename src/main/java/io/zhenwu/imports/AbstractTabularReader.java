package io.zhenwu.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Header detection and blank-row skipping shared by the xlsx and CSV readers. */
abstract class AbstractTabularReader implements TabularReader {

    final String fileName;
    private List<String> header = List.of();
    private long headerRowNumber;
    private SourceRow current;
    private boolean done;

    AbstractTabularReader(String fileName) {
        this.fileName = fileName;
    }

    /** The next row of the file, blank or not (numbers as Excel shows them), or null at the end. */
    abstract SourceRow readRow();

    /** Reads up to the header; call at the end of the subclass constructor. */
    final void readHeader() {
        SourceRow first = nextNonBlank();
        if (first != null) {
            List<String> texts = new ArrayList<>(first.texts());
            while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
                texts.remove(texts.size() - 1);
            }
            header = List.copyOf(texts);
            headerRowNumber = first.rowNumber();
        }
    }

    /** A row with trailing empty cells dropped (the list is reused by the caller, so it is copied). */
    static SourceRow row(long rowNumber, List<SourceRow.Cell> cells) {
        int size = cells.size();
        while (size > 0 && cells.get(size - 1).isEmpty()) {
            size--;
        }
        return new SourceRow(rowNumber, cells.subList(0, size));
    }

    private SourceRow nextNonBlank() {
        if (done) {
            return null;
        }
        SourceRow row;
        while ((row = readRow()) != null) {
            if (!row.cells().isEmpty()) {
                return row;
            }
        }
        done = true;
        return null;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public long headerRowNumber() {
        return headerRowNumber;
    }

    @Override
    public boolean next() {
        current = nextNonBlank();
        return current != null;
    }

    @Override
    public SourceRow current() {
        if (current == null) {
            throw new NoSuchElementException("call next() first");
        }
        return current;
    }
}
