package io.zhenwu.imports;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Import jobs, their row errors and the generic staging SQL: every statement in plain sight. */
@Repository
class ImportJobRepository {

    private static final String COLUMNS = "id, type_code, file_name, status, phase, total_rows, processed_rows, inserted_rows, "
            + "updated_rows, unchanged_rows, error_rows, unknown_columns, message, requested_by, created_at, finished_at";

    private static final String APPLY_WORK_MEM = "128MB";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final io.zhenwu.shared.Database database;
    private final JobLease lease;

    ImportJobRepository(JdbcClient jdbc, JdbcTemplate batch, io.zhenwu.shared.Database database, JobLease lease) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.database = database;
        this.lease = lease;
    }

    @Unscoped("a new job records the requester's scope; reading it back is scoped")
    long create(String typeCode, String fileName, String requestedBy, long requesterId, String scopePath, String locale) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO import_job (type_code, file_name, status, phase, requested_by, requester_id, scope_path, locale, created_at, "
                        + "owner_id, heartbeat_at) VALUES (:type, :file, 'QUEUED', 'READING', :by, :byId, :scope, :locale, :now, :owner, :now)")
                .param("type", typeCode).param("file", fileName).param("by", requestedBy).param("byId", requesterId)
                .param("scope", scopePath).param("locale", locale).param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE))
                .param("owner", lease.owner())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A job the caller may see: one started within their scope. */
    Optional<ImportJob> find(DataScope scope, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = :id AND scope_path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern()).query(ImportJobRepository::map).optional();
    }

    PageResult<ImportJob> list(DataScope scope, PageQuery page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM import_job WHERE scope_path LIKE :scope")
                .param("scope", scope.likePattern()).query(Long.class).single();
        return new PageResult<>(jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE scope_path LIKE :scope ORDER BY id DESC "
                        + "LIMIT :limit OFFSET :offset").param("scope", scope.likePattern())
                .param("limit", page.size()).param("offset", page.offset()).query(ImportJobRepository::map).list(),
                page.page(), page.size(), total);
    }

    @Unscoped("the job runner works on the job it was handed")
    ImportJob get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = :id").param("id", id).query(ImportJobRepository::map).single();
    }

    /** The user who submitted job {@code id} (the caller has found the job within their scope). */
    @Unscoped("asked of a job the caller already found within their scope")
    long requesterId(long id) {
        return jdbc.sql("SELECT requester_id FROM import_job WHERE id = :id").param("id", id).query(Long.class).single();
    }

    @Unscoped("the job runner works on the job it was handed")
    String localeOf(long id) {
        return jdbc.sql("SELECT locale FROM import_job WHERE id = :id").param("id", id).query(String.class).single();
    }

    /** Progress of an unfinished job (a job another process has failed as abandoned stays failed). */
    @Unscoped("the job runner works on the job it was handed")
    void progress(long id, ImportJob.Status status, ImportJob.Phase phase, long processed) {
        jdbc.sql("UPDATE import_job SET status = :status, phase = :phase, processed_rows = :processed WHERE id = :id "
                        + "AND status IN ('QUEUED', 'RUNNING')")
                .param("status", status.name()).param("phase", phase.name()).param("processed", processed).param("id", id).update();
    }

    /**
     * Records a job's outcome; the first outcome stays (a job failed as abandoned is not "succeeded" later). False if
     * the job had an outcome already.
     */
    @Unscoped("the job runner works on the job it was handed")
    boolean finish(long id, ImportJob.Status status, long total, long inserted, long updated, long unchanged, long errors,
                String unknownColumns, String message) {
        return jdbc.sql("UPDATE import_job SET status = :status, phase = 'DONE', total_rows = :total, processed_rows = :total, "
                        + "inserted_rows = :inserted, updated_rows = :updated, unchanged_rows = :unchanged, error_rows = :errors, "
                        + "unknown_columns = :unknown, message = :message, finished_at = :now WHERE id = :id "
                        + "AND status IN ('QUEUED', 'RUNNING')")
                .param("status", status.name()).param("total", total).param("inserted", inserted).param("updated", updated)
                .param("unchanged", unchanged).param("errors", errors).param("unknown", unknownColumns)
                .param("message", message == null || message.length() <= 2000 ? message : message.substring(0, 2000))
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE)).param("id", id).update() == 1;
    }

    /** An unfinished job of another process, and who owns it. */
    record Unfinished(long id, String typeCode, String ownerId) {
    }

    /** Jobs queued or running in other processes (live or not: {@link #failAbandoned} decides). */
    @Unscoped("housekeeping over all jobs")
    List<Unfinished> unfinishedOfOthers() {
        return jdbc.sql("SELECT id, type_code, owner_id FROM import_job WHERE status IN ('QUEUED', 'RUNNING') "
                        + "AND (owner_id IS NULL OR owner_id <> :owner)")
                .param("owner", lease.owner())
                .query((rs, i) -> new Unfinished(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Fails job {@code id} if its owner is gone — {@code endedOwner} (a process of this host that has ended) still owns
     * it, or its heartbeat is older than the lease — in one conditional UPDATE, so a job whose owner renewed it
     * meanwhile is left alone. True if this call failed it (only then may its staged rows be removed).
     */
    @Unscoped("housekeeping over all jobs")
    boolean failAbandoned(long id, String endedOwner, String message) {
        Instant now = Times.now();
        return jdbc.sql("UPDATE import_job SET status = 'FAILED', phase = 'DONE', message = :message, finished_at = :now "
                        + "WHERE id = :id AND status IN ('QUEUED', 'RUNNING') AND (owner_id IS NULL OR owner_id = :ended "
                        + "OR heartbeat_at IS NULL OR heartbeat_at < :expired)")
                .param("id", id).param("ended", endedOwner == null ? "" : endedOwner).param("message", message)
                .param("now", OffsetDateTime.ofInstant(now, Times.ZONE))
                .param("expired", OffsetDateTime.ofInstant(lease.expiredBefore(now), Times.ZONE)).update() == 1;
    }

    /** Renews the heartbeat of this process's unfinished jobs. */
    @Unscoped("housekeeping of this process's own jobs")
    int renewLeases() {
        return jdbc.sql("UPDATE import_job SET heartbeat_at = :now WHERE owner_id = :owner AND status IN ('QUEUED', 'RUNNING')")
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE)).param("owner", lease.owner()).update();
    }

    /**
     * Before applying: renews job {@code id}'s lease if this process still owns it and it is still running — false if
     * another process has failed it as abandoned meanwhile (then nothing may be applied).
     */
    @Unscoped("the job runner works on the job it was handed")
    boolean holdLease(long id) {
        return jdbc.sql("UPDATE import_job SET heartbeat_at = :now WHERE id = :id AND owner_id = :owner AND status = 'RUNNING'")
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE)).param("id", id).param("owner", lease.owner())
                .update() == 1;
    }

    /** How many rows job {@code jobId} has in its staging table. */
    @Unscoped("staging rows belong to the running job only")
    long stagedRows(Staging<?> staging, long jobId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + staging.stagingTable() + " WHERE job_id = :job").param("job", jobId)
                .query(Long.class).single();
    }

    @Unscoped("the job runner works on the job it was handed")
    void insertErrors(long jobId, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate("INSERT INTO import_error (job_id, row_no, seq, field, message) VALUES (" + jobId + ", ?, ?, ?, ?)", rows);
        }
    }

    @Unscoped("the job runner works on the job it was handed")
    long countErrorRows(long jobId) {
        return jdbc.sql("SELECT COUNT(DISTINCT row_no) FROM import_error WHERE job_id = :job").param("job", jobId)
                .query(Long.class).single();
    }

    /** The first errors of a job, for the result page. */
    List<RowError> firstErrors(DataScope scope, long jobId, int limit) {
        return jdbc.sql("SELECT e.row_no, e.message FROM import_error e JOIN import_job j ON j.id = e.job_id "
                        + "WHERE e.job_id = :job AND j.scope_path LIKE :scope ORDER BY e.row_no, e.seq LIMIT :limit")
                .param("job", jobId).param("scope", scope.likePattern()).param("limit", limit)
                .query((rs, i) -> new RowError(rs.getLong(1), rs.getString(2))).list();
    }

    /** A row's error as the result page lists it. */
    record RowError(long rowNumber, String message) {
    }

    /** Streams a job's errors ordered by row, for the error report (merged with the re-read file). */
    void errors(DataScope scope, long jobId, Consumer<Object[]> consumer) {
        var spec = jdbc.sql("SELECT e.row_no, e.message FROM import_error e JOIN import_job j ON j.id = e.job_id "
                        + "WHERE e.job_id = :job AND j.scope_path LIKE :scope ORDER BY e.row_no, e.seq")
                .param("job", jobId).param("scope", scope.likePattern()).withFetchSize(1000);
        try (var rows = spec.query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}).stream()) {
            rows.forEach(consumer);
        }
    }

    // --- generic staging SQL ----------------------------------------------------------------------------------

    /**
     * Opens the job's staging: COPY into a table of the job's own on PostgreSQL, batched INSERTs elsewhere (H2).
     * Close it in any case; {@link #clearStaging} removes what was staged once the outcome is recorded.
     */
    @Unscoped("staging rows belong to the running job only")
    StagingWriter openStaging(Staging<?> staging, long jobId) {
        if (!database.postgres()) {
            String insert = "INSERT INTO " + staging.stagingTable() + " (" + StagingWriter.columnList(staging) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(staging.columns().size() + 4, "?")) + ")";
            return new StagingWriter.Batched(rows -> batch.batchUpdate(insert, rows), jobId);
        }
        // A connection of its own (never a caller's transaction): the COPY commits by itself.
        Connection connection = null;
        try {
            connection = dataSource().getConnection();
            return new StagingWriter.Copied(connection, staging, jobId);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("staging job " + jobId + " failed", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the pool discards it
            }
        }
    }

    private DataSource dataSource() {
        return java.util.Objects.requireNonNull(batch.getDataSource());
    }

    /** Runs the type's prepare statements over the job's staged rows (see {@link Staging#prepare()}). */
    void prepare(DataScope scope, Staging<?> staging, long jobId) {
        for (String sql : staging.prepare()) {
            var spec = jdbc.sql(sql).param("job", jobId);
            if (sql.contains(":scope")) {
                spec.param("scope", scope.likePattern());
            }
            spec.update();
        }
    }

    /** The id of an active org unit with this code inside the scope. */
    Optional<Long> orgUnitId(DataScope scope, String code) {
        return jdbc.sql("SELECT id FROM org_unit WHERE code = :code AND active = TRUE AND path LIKE :scope")
                .param("code", code).param("scope", scope.likePattern()).query(Long.class).optional();
    }

    /** Rows (row_no, first row_no) repeating a key an earlier row of the same file already has. */
    @Unscoped("staging rows belong to the running job only")
    List<Object[]> duplicateKeys(Staging<?> staging, long jobId) {
        String t = staging.stagingTable();
        String k = staging.keyColumn();
        // Grouped once over the (job, key) index; a correlated "earlier row with the same key" probe lets the
        // optimizer pick the (job, row) index and go quadratic on large files.
        return jdbc.sql("SELECT s.row_no, f.first_row FROM " + t + " s JOIN (SELECT " + k + " AS dup_key, MIN(row_no) AS first_row FROM "
                        + t + " WHERE job_id = :job GROUP BY " + k + " HAVING COUNT(*) > 1) f ON f.dup_key = s." + k
                        + " WHERE s.job_id = :job AND s.row_no > f.first_row")
                .param("job", jobId).query((rs, i) -> new Object[]{rs.getLong(1), rs.getLong(2)}).list();
    }

    /** Rows whose key names an existing record that belongs outside the importer's scope (it may not be changed). */
    List<Object[]> existingOutsideScope(DataScope scope, Staging<?> staging, long jobId) {
        String k = staging.keyColumn();
        // Driven from the staged rows: one unique-index probe into the target per row (a join lets H2 pick a plan
        // that scans the target once per org unit).
        return jdbc.sql("SELECT s.row_no, s." + k + " FROM " + staging.stagingTable() + " s WHERE s.job_id = :job AND EXISTS ("
                        + "SELECT 1 FROM " + staging.targetTable() + " t JOIN org_unit o ON o.id = t.org_unit_id WHERE t." + k
                        + " = s." + k + " AND o.path NOT LIKE :scope)")
                .param("job", jobId).param("scope", scope.likePattern())
                .query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}).list();
    }

    /** A type's own whole-file check. */
    List<Object[]> check(DataScope scope, Staging.StagingCheck check, long jobId) {
        var spec = jdbc.sql(check.sql()).param("job", jobId);
        if (check.sql().contains(":scope")) {
            spec.param("scope", scope.likePattern());
        }
        return spec.query((rs, i) -> new Object[]{rs.getLong(1), rs.getObject(2)}).list();
    }

    /**
     * In the applying transaction on PostgreSQL: memory for the counts' and the MERGE's hash join of a million staged
     * rows with the table (the default 4 MB spills it to disk in batches, three times slower). Server memory, one
     * import at a time; the transaction's end resets it.
     */
    @Unscoped("a setting of the applying transaction; no data")
    void allowLargeJoins() {
        if (database.postgres()) {
            jdbc.sql("SET LOCAL work_mem = '" + APPLY_WORK_MEM + "'").update();
        }
    }

    /** How the file would change the table: {inserted, updated, unchanged}, counted in SQL. */
    @Unscoped("staging rows belong to the running job only; the checks above bounded them by scope")
    long[] counts(Staging<?> staging, long jobId) {
        String changed = changedCondition(staging);
        return jdbc.sql("SELECT COALESCE(SUM(CASE WHEN t." + staging.keyColumn() + " IS NULL THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN t." + staging.keyColumn() + " IS NOT NULL AND (" + changed + ") THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN t." + staging.keyColumn() + " IS NOT NULL AND NOT (" + changed + ") THEN 1 ELSE 0 END), 0) "
                        + "FROM " + staging.stagingTable() + " s LEFT JOIN " + staging.targetTable() + " t ON t." + staging.keyColumn()
                        + " = s." + staging.keyColumn() + " WHERE s.job_id = :job")
                .param("job", jobId).query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    /** A record an import changes: its id, scope, the file row it comes from, its values before (null if new) and after. */
    record ChangedRecord(long id, String scopePath, long rowNumber, Map<String, Object> before, Map<String, Object> after) {
    }

    /**
     * Before the MERGE: the existing records the file changes, with their values before and as the MERGE will leave
     * them (a column kept when blank keeps its value). Streamed, in the applying transaction.
     */
    @Unscoped("staging rows belong to the running job only; the checks above bounded them by scope")
    void updatedRecords(Staging<?> staging, long jobId, Consumer<ChangedRecord> consumer) {
        List<String> data = dataColumns(staging);
        String before = String.join(", ", data.stream().map(c -> "t." + c).toList());
        String after = String.join(", ", data.stream().map(c -> staging.keptWhenBlank().contains(c)
                ? "COALESCE(s." + c + ", t." + c + ")" : "s." + c).toList());
        streamRecords("SELECT t.id, o.path, s.row_no, " + before + ", " + after + " FROM " + staging.stagingTable() + " s JOIN "
                + staging.targetTable() + " t ON t." + staging.keyColumn() + " = s." + staging.keyColumn()
                + " JOIN org_unit o ON o.id = s.org_unit_id WHERE s.job_id = :job AND (" + changedCondition(staging) + ")",
                jobId, null, data, true, consumer);
    }

    /** After the MERGE at {@code at}: the records it inserted (version 0, created at that instant), with their values. */
    @Unscoped("staging rows belong to the running job only; the checks above bounded them by scope")
    void insertedRecords(Staging<?> staging, long jobId, OffsetDateTime at, Consumer<ChangedRecord> consumer) {
        List<String> data = dataColumns(staging);
        streamRecords("SELECT t.id, o.path, s.row_no, " + String.join(", ", data.stream().map(c -> "t." + c).toList()) + " FROM "
                + staging.stagingTable() + " s JOIN " + staging.targetTable() + " t ON t." + staging.keyColumn() + " = s."
                + staging.keyColumn() + " JOIN org_unit o ON o.id = t.org_unit_id WHERE s.job_id = :job AND t.version = 0 "
                + "AND t.created_at = CAST(:at AS TIMESTAMP WITH TIME ZONE)", jobId, at, data, false, consumer);
    }

    private void streamRecords(String sql, long jobId, OffsetDateTime at, List<String> data, boolean withBefore,
                               Consumer<ChangedRecord> consumer) {
        var spec = jdbc.sql(sql).param("job", jobId);
        if (at != null) {
            spec.param("at", at);
        }
        try (var rows = spec.withFetchSize(1000).query((rs, i) -> {
            Map<String, Object> first = values(rs, 4, data);
            Map<String, Object> second = withBefore ? values(rs, 4 + data.size(), data) : null;
            return new ChangedRecord(rs.getLong(1), rs.getString(2), rs.getLong(3), withBefore ? first : null,
                    withBefore ? second : first);
        }).stream()) {
            rows.forEach(consumer);
        }
    }

    /** The data columns from 1-based column {@code from} on, as JSON-friendly values (dates as dates). */
    private static Map<String, Object> values(ResultSet rs, int from, List<String> data) throws SQLException {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            Object value = rs.getObject(from + i);
            if (value instanceof java.sql.Date d) {
                value = d.toLocalDate();
            } else if (value instanceof java.sql.Timestamp t) {
                value = t.toInstant();
            }
            values.put(data.get(i), value);
        }
        return values;
    }

    private static List<String> dataColumns(Staging<?> staging) {
        List<String> data = new java.util.ArrayList<>(staging.columns());
        data.add("org_unit_id");
        return data;
    }

    /** Applies the staged file: one MERGE at {@code at}, inserting new keys and updating changed rows (version + 1). */
    @Unscoped("staging rows belong to the running job only; the checks above bounded them by scope")
    int merge(Staging<?> staging, long jobId, String actor, OffsetDateTime at) {
        List<String> data = dataColumns(staging);
        String set = String.join(", ", data.stream().filter(c -> !c.equals(staging.keyColumn()))
                .map(c -> staging.keptWhenBlank().contains(c) ? c + " = COALESCE(s." + c + ", t." + c + ")" : c + " = s." + c).toList());
        String now = "CAST(:now AS TIMESTAMP WITH TIME ZONE)";
        int merged = jdbc.sql("MERGE INTO " + staging.targetTable() + " t USING (SELECT * FROM " + staging.stagingTable()
                        + " WHERE job_id = :job) s ON (t." + staging.keyColumn() + " = s." + staging.keyColumn() + ") "
                        + "WHEN MATCHED AND (" + changedCondition(staging) + ") THEN UPDATE SET " + set
                        + ", version = t.version + 1, updated_at = " + now + " "
                        + "WHEN NOT MATCHED THEN INSERT (" + String.join(", ", data) + ", version, created_at, updated_at) VALUES ("
                        + String.join(", ", data.stream().map(c -> "s." + c).toList()) + ", 0, " + now + ", " + now + ")")
                .param("job", jobId).param("now", at)
                .update();
        for (String sql : staging.afterMerge()) {
            jdbc.sql(sql).param("job", jobId).param("now", at).param("actor", actor).update();
        }
        return merged;
    }

    @Unscoped("staging rows belong to the running job only")
    void clearStaging(Staging<?> staging, long jobId) {
        if (database.postgres()) {
            // The job's partition (or its table, if the job ended before attaching it) goes at once.
            jdbc.sql("DROP TABLE IF EXISTS " + StagingWriter.jobTable(staging, jobId)).update();
        } else {
            jdbc.sql("DELETE FROM " + staging.stagingTable() + " WHERE job_id = :job").param("job", jobId).update();
        }
    }

    private static String changedCondition(Staging<?> staging) {
        List<String> data = dataColumns(staging);
        return String.join(" OR ", data.stream().map(c -> staging.keptWhenBlank().contains(c)
                ? "(s." + c + " IS NOT NULL AND t." + c + " IS DISTINCT FROM s." + c + ")"
                : "t." + c + " IS DISTINCT FROM s." + c).toList());
    }

    private static ImportJob map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new ImportJob(rs.getLong("id"), rs.getString("type_code"), rs.getString("file_name"),
                ImportJob.Status.valueOf(rs.getString("status")), ImportJob.Phase.valueOf(rs.getString("phase")),
                rs.getLong("total_rows"), rs.getLong("processed_rows"), rs.getLong("inserted_rows"), rs.getLong("updated_rows"),
                rs.getLong("unchanged_rows"), rs.getLong("error_rows"), rs.getString("unknown_columns"), rs.getString("message"),
                rs.getString("requested_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
