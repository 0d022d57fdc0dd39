package io.zhenwu.imports;

import io.zhenwu.shared.FieldViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One spreadsheet row as a record type reads it: typed access by field, with cell-level problems (a formula, a
 * date that is no date, text in a number column, a missing required value) collected as violations of that field.
 */
public final class ImportRow {

    private final long rowNumber;
    private final Map<String, SourceRow.Cell> cells;
    private final Map<String, ImportColumn> columns;
    private final List<FieldViolation> violations = new ArrayList<>();

    ImportRow(long rowNumber, Map<String, SourceRow.Cell> cells, Map<String, ImportColumn> columns) {
        this.rowNumber = rowNumber;
        this.cells = cells;
        this.columns = columns;
        for (var entry : cells.entrySet()) {
            if (entry.getValue().isFormula()) {
                violations.add(FieldViolation.of(entry.getKey(), "import.cell.formula", header(entry.getKey())));
            }
        }
    }

    /** The row number as Excel shows it. */
    public long rowNumber() {
        return rowNumber;
    }

    /** Problems found while reading cells; the type adds its own rule violations to these. */
    public List<FieldViolation> violations() {
        return violations;
    }

    /**
     * The cell's text, null when blank. In a personal-data column a masked value (as exports write it, 138****1234)
     * is no value: null, so an update leaves the stored one (see {@link Staging#keptWhenBlank()}); in a required
     * column (a key) it is an error.
     */
    public String text(String field) {
        SourceRow.Cell cell = cell(field);
        String value = cell == null || cell.isEmpty() || cell.isFormula() ? null : CellValues.text(cell);
        if (value != null && value.isBlank()) {
            value = null;
        }
        ImportColumn column = columns.get(field);
        if (column != null && column.isMasked(value)) {
            if (column.required()) {
                violations.add(FieldViolation.of(field, "import.cell.masked", column.header(), value));
                return null;
            }
            value = null;
        }
        return required(field, value);
    }

    public LocalDate date(String field) {
        SourceRow.Cell cell = cell(field);
        if (cell == null || cell.isEmpty() || cell.isFormula()) {
            return required(field, null);
        }
        var date = CellValues.date(cell);
        if (date.isEmpty()) {
            violations.add(FieldViolation.of(field, "import.cell.date", header(field), CellValues.text(cell)));
        }
        return date.orElse(null);
    }

    public BigDecimal decimal(String field) {
        SourceRow.Cell cell = cell(field);
        if (cell == null || cell.isEmpty() || cell.isFormula()) {
            return required(field, null);
        }
        var number = CellValues.decimal(cell);
        if (number.isEmpty()) {
            violations.add(FieldViolation.of(field, "import.cell.number", header(field), CellValues.text(cell)));
        }
        return number.orElse(null);
    }

    /** 是/否, Y/N, true/false, 1/0; empty is null (or a violation if required). */
    public Boolean yesNo(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1", "有" -> Boolean.TRUE;
            case "否", "n", "no", "false", "0", "无" -> Boolean.FALSE;
            default -> {
                violations.add(FieldViolation.of(field, "import.cell.yesNo", header(field), value));
                yield null;
            }
        };
    }

    /** A value from a closed list, matched on its code or any of its labels. */
    public <E> E choice(String field, List<E> values, Function<E, List<String>> names) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        for (E candidate : values) {
            for (String name : names.apply(candidate)) {
                if (name.equalsIgnoreCase(value)) {
                    return candidate;
                }
            }
        }
        violations.add(FieldViolation.of(field, "import.cell.choice", header(field), value,
                String.join("、", values.stream().map(v -> names.apply(v).get(0)).toList())));
        return null;
    }

    private <T> T required(String field, T value) {
        ImportColumn column = columns.get(field);
        if (value == null && column != null && column.required()) {
            violations.add(FieldViolation.of(field, "import.cell.required", column.header()));
        }
        return value;
    }

    private SourceRow.Cell cell(String field) {
        return cells.get(field);
    }

    private String header(String field) {
        ImportColumn column = columns.get(field);
        return column == null ? field : column.header();
    }
}
