package io.zhenwu.imports;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * How a record type's valid rows are staged and applied. The staging table has {@code job_id}, {@code row_no},
 * {@code org_code}, {@code org_unit_id} and the same data columns as the target. The pipeline resolves each row's
 * org unit code within the importer's scope while reading (a per-job cache: files name few units), fills the table
 * (batched INSERTs on H2; on PostgreSQL by COPY into a table of the job's own, attached as the job's partition and
 * dropped afterwards — so there the staging table must be {@code PARTITION BY LIST (job_id)}, see V21), runs the
 * whole-file checks and the counts in SQL, then applies the file with one MERGE keyed on {@code keyColumn}.
 *
 * @param columns data columns in the order {@code values} returns them (the key column first); {@code org_unit_id}
 *                is not among them (the pipeline resolves it)
 * @param values  a valid row as its org unit code followed by the column values
 * @param checks  further whole-file checks of the type (references, allowed org unit types)
 * @param prepare statements run over the staged rows of {@code :job} (they may use {@code :scope}) before the
 *                whole-file checks: resolving a referenced record, a catalogue entry written by its name, a default.
 *                A type whose rows do not name an org unit (an honour belongs to its enterprise's) stages them with
 *                a null org code and fills {@code org_code} and {@code org_unit_id} here, within {@code :scope}; a row
 *                left without one must be reported by one of {@code checks} (else the MERGE's NOT NULL
 *                {@code org_unit_id} fails the job and nothing is written).
 * @param afterMerge statements run in the applying transaction right after the MERGE, with {@code :job}, {@code :now}
 *                (the timestamp the MERGE wrote into {@code created_at}/{@code updated_at}) and {@code :actor}: for
 *                targets that keep more than the row itself (a data value's revision history)
 * @param keptWhenBlank data columns an update never clears: a null staged value (a blank cell, or a masked one — see
 *                {@link ImportColumn#personal}) leaves the stored value as it is, and does not count as a change
 */
public record Staging<R>(String targetTable, String stagingTable, String keyColumn, List<String> columns,
                         Function<R, Object[]> values, List<StagingCheck> checks, List<String> prepare, List<String> afterMerge,
                         Set<String> keptWhenBlank) {

    public Staging {
        keptWhenBlank = Set.copyOf(keptWhenBlank);
        if (!columns.containsAll(keptWhenBlank)) {
            throw new IllegalArgumentException("kept columns " + keptWhenBlank + " are not all among " + columns);
        }
    }

    public Staging(String targetTable, String stagingTable, String keyColumn, List<String> columns,
                   Function<R, Object[]> values, List<StagingCheck> checks, List<String> prepare, List<String> afterMerge) {
        this(targetTable, stagingTable, keyColumn, columns, values, checks, prepare, afterMerge, Set.of());
    }

    public Staging(String targetTable, String stagingTable, String keyColumn, List<String> columns,
                   Function<R, Object[]> values, List<StagingCheck> checks, List<String> prepare) {
        this(targetTable, stagingTable, keyColumn, columns, values, checks, prepare, List.of());
    }

    /** A type whose rows name their org unit and need no preparation. */
    public Staging(String targetTable, String stagingTable, String keyColumn, List<String> columns,
                   Function<R, Object[]> values, List<StagingCheck> checks) {
        this(targetTable, stagingTable, keyColumn, columns, values, checks, List.of(), List.of());
    }

    /** This staging with {@code kept} as {@link #keptWhenBlank()} columns (a personal column masked on export). */
    public Staging<R> keepingWhenBlank(String... kept) {
        return new Staging<>(targetTable, stagingTable, keyColumn, columns, values, checks, prepare, afterMerge, Set.of(kept));
    }

    /**
     * A check over the staged rows: {@code sql} selects {@code row_no} and {@code arg} from the staging table for
     * {@code :job} (and may use {@code :scope}); each row found is an error on {@code field} with {@code messageKey}.
     */
    public record StagingCheck(String field, String messageKey, String sql) {
    }
}
