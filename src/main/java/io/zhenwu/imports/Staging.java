package io.zhenwu.imports;

import java.util.List;
import java.util.function.Function;

/**
 * How a record type's valid rows are staged and applied. The staging table has {@code job_id}, {@code row_no},
 * {@code org_code}, {@code org_unit_id} and the same data columns as the target. The pipeline resolves each row's
 * org unit code within the importer's scope while reading (a per-job cache: files name few units), fills the table
 * in batches, runs the whole-file checks and the counts in SQL, then applies the file with one MERGE keyed on
 * {@code keyColumn}.
 *
 * @param columns data columns in the order {@code values} returns them (the key column first); {@code org_unit_id}
 *                is not among them (the pipeline resolves it)
 * @param values  a valid row as its org unit code followed by the column values
 * @param checks  further whole-file checks of the type (references, allowed org unit types)
 */
public record Staging<R>(String targetTable, String stagingTable, String keyColumn, List<String> columns,
                         Function<R, Object[]> values, List<StagingCheck> checks) {

    /**
     * A check over the staged rows: {@code sql} selects {@code row_no} and {@code arg} from the staging table for
     * {@code :job} (and may use {@code :scope}); each row found is an error on {@code field} with {@code messageKey}.
     */
    public record StagingCheck(String field, String messageKey, String sql) {
    }
}
