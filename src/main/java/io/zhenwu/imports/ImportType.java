package io.zhenwu.imports;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.Role;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A record type the one import/export pipeline handles (企业, 居民, 设施 …). A module declares its columns, how a
 * row becomes a record with the same rules as its API, how valid rows are staged and applied, and how its list is
 * exported; the pipeline does the rest (files, progress, error reports, all-or-nothing, audit).
 */
public interface ImportType<R> extends ExportType {

    /** URL and CLI name, e.g. {@code enterprises}. */
    String code();

    /** Message key of the plural label, e.g. {@code registry.enterprise.plural}. */
    String labelKey();

    /** Roles that may export this type. */
    Set<Role> roles();

    /**
     * Roles that may import this type: exactly those that may write its records through its forms and API (an import
     * is a bulk write, not a way around them).
     */
    Set<Role> importRoles();

    List<ImportColumn> columns();

    /** An import type exports its import columns, so an export can be edited and imported back. */
    @Override
    default List<String> exportHeaders() {
        return columns().stream().map(ImportColumn::header).toList();
    }

    /** One row with the record's own rules; a violation's field is a column's field. */
    RowResult<R> read(ImportRow row);

    Staging<R> staging();

    /**
     * Streams the records of the scope that match the filters, one row per record in {@link #columns()} order —
     * so an export can be edited and imported again. Personal data is masked unless {@code unmasked}.
     */
    void export(Actor actor, Map<String, String> filters, boolean unmasked, Consumer<List<Object>> row);

    /**
     * Rules that can only be judged on the data as the file leaves it — a value against others already stored, such as
     * an indicator's blocking validation rules. Run in the applying transaction right after the MERGE (and the
     * {@link Staging#afterMerge()} statements), over the rows of job {@code jobId}; any violation rolls the whole file
     * back and rejects it, with each violation on its row and column. Default: none.
     */
    default List<RowViolation> checkApplied(Actor actor, long jobId) {
        return List.of();
    }

    /** A violation found on the applied data, on the file row (as Excel numbers it) that caused it. */
    record RowViolation(long rowNumber, FieldViolation violation) {
    }

    /** Whether this type holds personal data that exports mask by default. */
    default boolean hasPersonalData() {
        return false;
    }

    /** A row's outcome: the record, or why it is not one. */
    record RowResult<R>(R value, List<FieldViolation> violations) {

        public static <R> RowResult<R> of(R value, List<FieldViolation> violations) {
            return violations.isEmpty() ? new RowResult<>(value, List.of()) : new RowResult<>(null, List.copyOf(violations));
        }

        public boolean valid() {
            return violations.isEmpty();
        }
    }
}
