package io.zhenwu.imports;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One non-blank row of an uploaded file.
 *
 * @param rowNumber the row number as Excel shows it (1-based; the header is row 1 when it is the first row; blank
 *                  rows are skipped but keep their numbers; for CSV the record number, a quoted line break does not
 *                  start a new row)
 * @param cells     the cells left to right; trailing empty cells are dropped, so use {@link #cell(int)}
 */
public record SourceRow(long rowNumber, List<Cell> cells) {

    public SourceRow {
        cells = List.copyOf(cells);
    }

    /** The cell at a 0-based column index, {@link Cell#EMPTY} beyond the last non-empty cell. */
    public Cell cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : Cell.EMPTY;
    }

    /** {@link CellValues#text(Cell)} of the cell at a 0-based column index ("" when empty). */
    public String text(int index) {
        return CellValues.text(cell(index));
    }

    /** Every cell as {@link CellValues#text(Cell)}, e.g. to repeat the original values in an error report. */
    public List<String> texts() {
        List<String> texts = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            texts.add(CellValues.text(cell));
        }
        return texts;
    }

    /** The 0-based index of the first formula cell, or -1: the pipeline rejects formulas with a clear error. */
    public int firstFormulaColumn() {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).isFormula()) {
                return i;
            }
        }
        return -1;
    }

    /** The kind of value a cell holds, as the file stored it. */
    public enum Kind {
        EMPTY,
        /** Text; for CSV every non-empty cell is text. */
        TEXT,
        /** An xlsx number that is not formatted as a date. */
        NUMBER,
        /** An xlsx number formatted as a date or time. */
        DATE,
        BOOLEAN,
        /** A formula (its cached result, if any, is in {@code raw}). */
        FORMULA,
        /** An Excel error value such as {@code #N/A} (in {@code raw}). */
        ERROR
    }

    /**
     * One cell. Read it through {@link CellValues}; the components are what the file held.
     *
     * @param kind     what the file stored
     * @param raw      the stored text: the string (untrimmed), the number as written in the file, the date's serial
     *                 number, {@code TRUE}/{@code FALSE}, a formula's cached result (may be null), the error code;
     *                 null for {@link Kind#EMPTY}
     * @param number   exact value for {@link Kind#NUMBER} and the serial for {@link Kind#DATE}, else null
     * @param dateTime for {@link Kind#DATE} only
     * @param bool     for {@link Kind#BOOLEAN} only
     * @param formula  for {@link Kind#FORMULA} only, without the leading {@code =}
     */
    public record Cell(Kind kind, String raw, BigDecimal number, LocalDateTime dateTime, Boolean bool, String formula) {

        public static final Cell EMPTY = new Cell(Kind.EMPTY, null, null, null, null, null);

        public Cell {
            Objects.requireNonNull(kind, "kind");
        }

        /** Text; a null or blank string (spaces, full-width spaces) is {@link #EMPTY}. */
        public static Cell text(String text) {
            return text == null || CellValues.trim(text).isEmpty() ? EMPTY : new Cell(Kind.TEXT, text, null, null, null, null);
        }

        public static Cell number(BigDecimal number) {
            return new Cell(Kind.NUMBER, number.toString(), number, null, null, null);
        }

        static Cell number(String raw, BigDecimal number) {
            return new Cell(Kind.NUMBER, raw, number, null, null, null);
        }

        static Cell date(String raw, BigDecimal serial, LocalDateTime dateTime) {
            return new Cell(Kind.DATE, raw, serial, dateTime, null, null);
        }

        public static Cell bool(boolean value) {
            return new Cell(Kind.BOOLEAN, value ? "TRUE" : "FALSE", null, null, value, null);
        }

        public static Cell formula(String formula, String cachedValue) {
            return new Cell(Kind.FORMULA, cachedValue, null, null, null, formula);
        }

        public static Cell error(String code) {
            return new Cell(Kind.ERROR, code, null, null, null, null);
        }

        public boolean isEmpty() {
            return kind == Kind.EMPTY;
        }

        public boolean isFormula() {
            return kind == Kind.FORMULA;
        }
    }
}
