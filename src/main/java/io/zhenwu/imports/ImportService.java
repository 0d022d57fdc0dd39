package io.zhenwu.imports;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.MissingScopeException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Permission;
import io.zhenwu.shared.Problems;
import io.zhenwu.shared.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * 导入: the one import pipeline. A file is stored, read as a stream (constant memory), each row checked with its
 * type's own rules; valid rows are staged in batches, the whole-file checks (duplicates, scope, references) and the
 * inserted/updated/unchanged counts run in SQL, and only a file without a single error is applied — in one
 * transaction, by one MERGE. A rejected file changes nothing and gets an error report: the original rows with an
 * error column, numbered as Excel shows them.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    static final int BATCH = 1000;
    private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;

    private final ImportTypes types;
    private final ImportJobRepository jobs;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Problems problems;
    private final Path filesDir;
    /** What an xlsx upload may unpack to and hold in memory (zhenwu.imports.xlsx.*). */
    private final XlsxLimits xlsxLimits;
    private final ThreadPoolTaskExecutor executor;
    private final JobLease lease;

    ImportService(ImportTypes types, ImportJobRepository jobs, TransactionTemplate tx, ApplicationEventPublisher events,
                  Problems problems, JobLease lease, @Value("${zhenwu.files.dir:./data/files}") Path filesDir,
                  XlsxLimits xlsxLimits) {
        this.lease = lease;
        this.xlsxLimits = xlsxLimits;
        this.types = types;
        this.jobs = jobs;
        this.tx = tx;
        this.events = events;
        this.problems = problems;
        this.filesDir = filesDir;
        // One import at a time: they are I/O heavy and the MERGE of one must not race the checks of another.
        this.executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(100);
        executor.setThreadNamePrefix("import-");
        executor.initialize();
    }

    /** Once started (web instance or CLI command): fail what dead processes left, then keep this process's leases. */
    @EventListener(ApplicationReadyEvent.class)
    void startLeases() {
        failInterruptedJobs();
        lease.start(jobs::renewLeases, this::failInterruptedJobs);
    }

    /**
     * Fails the unfinished jobs whose owning process is gone (see {@link JobLease}) and removes their staged rows (on
     * PostgreSQL: their own tables), which would otherwise stay behind for good. A job another live process is running
     * — a web instance beside this CLI command, or the other way round — is left alone.
     */
    void failInterruptedJobs() {
        int n = 0;
        for (ImportJobRepository.Unfinished job : jobs.unfinishedOfOthers()) {
            String endedOwner = lease.ownerEndedOnThisHost(job.ownerId()) ? job.ownerId() : null;
            try {
                if (jobs.failAbandoned(job.id(), endedOwner, "interrupted: the process running it ended; upload the file again")) {
                    types.find(job.typeCode()).ifPresent(type -> jobs.clearStaging(type.staging(), job.id()));
                    n++;
                }
            } catch (org.springframework.dao.DataAccessException e) {
                // Its row is locked: its live owner is recording the outcome right now. Never a reason not to start.
                log.info("Import job {} is busy; left to its owner ({})", job.id(), e.getMessage());
            }
        }
        if (n > 0) {
            log.warn("{} import job(s) whose process ended were marked failed", n);
        }
    }

    /** Stores the upload and queues the job; the caller polls {@link #job}. */
    public ImportJob submit(Actor actor, String typeCode, String fileName, InputStream content, Locale locale) {
        long id = prepare(actor, typeCode, fileName, content, locale);
        TaskExecutor runner = executor;
        runner.execute(() -> run(id, actor, null));
        return jobs.get(id);
    }

    /** Imports synchronously (CLI, tests), reporting processed rows as it goes. */
    public ImportJob importNow(Actor actor, String typeCode, Path file, Locale locale, LongConsumer progress) {
        long id;
        try (InputStream in = Files.newInputStream(file)) {
            id = prepare(actor, typeCode, file.getFileName().toString(), in, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(id, actor, progress);
        return jobs.get(id);
    }

    public ImportJob job(DataScope scope, long id) {
        return jobs.find(scope, id).orElseThrow(() -> new NotFoundException("import_job", id));
    }

    /** The first row errors of a rejected job (row number as Excel shows it, message), for showing them inline. */
    public List<Map.Entry<Long, String>> firstErrors(DataScope scope, long id, int limit) {
        return jobs.firstErrors(scope, id, limit).stream()
                .map(e -> Map.entry(e.rowNumber(), e.message())).toList();
    }

    public PageResult<ImportJob> jobs(DataScope scope, PageQuery page) {
        return jobs.list(scope, page);
    }

    /**
     * Checks, before any byte is written, that the caller may have the error report of job {@code id}: a job of their
     * scope that was rejected with row errors (else 404), and the caller its submitter or a holder of
     * {@link Permission#VIEW_PERSONAL_DATA} (else 403); asking for it unmasked needs that permission (403).
     */
    public ImportJob checkErrorReport(Actor actor, long id, boolean unmaskedRequested) {
        ImportJob job = job(actor.scope(), id);
        if (!job.hasErrorReport()) {
            throw new NotFoundException("import_error_report", id);
        }
        if (!mayReadErrors(actor, job)) {
            throw new AccessDeniedException("only the submitter or a holder of VIEW_PERSONAL_DATA gets the error report");
        }
        if (unmaskedRequested && !actor.has(Permission.VIEW_PERSONAL_DATA)) {
            throw new AccessDeniedException("VIEW_PERSONAL_DATA required");
        }
        return job;
    }

    /** Whether the caller may read a job's row errors (they repeat the file's values): its submitter, or the permission. */
    public boolean mayReadErrors(Actor actor, ImportJob job) {
        return actor.has(Permission.VIEW_PERSONAL_DATA) || jobs.requesterId(job.id()) == actor.userId();
    }

    /**
     * Writes the error report of a rejected job: only the rows in error — their Excel row number, their cells and
     * their errors. Masked (personal columns masked, columns the type does not know left out) unless asked for
     * unmasked with the permission; every download is audited before the first byte.
     */
    public void writeErrorReport(Actor actor, long id, boolean unmaskedRequested, OutputStream out) {
        ImportJob job = checkErrorReport(actor, id, unmaskedRequested);
        ImportType<?> type = types.get(job.typeCode());
        tx.executeWithoutResult(s -> events.publishEvent(new ImportEvents.ErrorReportDownloaded(job, unmaskedRequested,
                actor.scope().path())));
        Path file = storedFile(id, job.fileName());
        List<Object[]> pending = new ArrayList<>();
        var errorCursor = new ErrorCursor();
        try (TabularReader reader = TabularReader.open(file, job.fileName(), xlsxLimits)) {
            ReportColumns columns = ReportColumns.of(type, reader.header(), unmaskedRequested);
            List<String> header = new ArrayList<>();
            header.add(problems.message("import.report.row", Locale.SIMPLIFIED_CHINESE));
            header.addAll(columns.headers());
            header.add(problems.message("import.report.errors", Locale.SIMPLIFIED_CHINESE));
            try (XlsxTableWriter writer = new XlsxTableWriter(out, problems.message("import.report.sheet", Locale.SIMPLIFIED_CHINESE),
                    header)) {
                // Errors stream in row order from the database and are merged with the re-read file.
                jobs.errors(actor.scope(), id, pending::add);
                while (reader.next()) {
                    SourceRow row = reader.current();
                    String messages = errorCursor.messagesFor(pending, row.rowNumber());
                    if (messages.isEmpty()) {
                        continue;
                    }
                    List<Object> values = new ArrayList<>();
                    values.add(row.rowNumber());
                    values.addAll(columns.cells(row));
                    values.add(messages);
                    writer.writeRow(values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's columns an error report repeats, and how: all as they are, or masked (known columns only). */
    private record ReportColumns(List<Integer> indexes, List<String> headers, List<ImportColumn> masks) {

        static ReportColumns of(ImportType<?> type, List<String> fileHeader, boolean unmasked) {
            HeaderMapping mapping = HeaderMapping.of(type.columns(), fileHeader);
            List<Integer> indexes = new ArrayList<>();
            List<String> headers = new ArrayList<>();
            List<ImportColumn> masks = new ArrayList<>();
            for (int i = 0; i < fileHeader.size(); i++) {
                ImportColumn column = mapping.column(i);
                if (unmasked || column != null) {
                    indexes.add(i);
                    headers.add(fileHeader.get(i));
                    masks.add(unmasked ? null : column);
                }
            }
            return new ReportColumns(indexes, headers, masks);
        }

        List<Object> cells(SourceRow row) {
            List<Object> values = new ArrayList<>(indexes.size());
            for (int i = 0; i < indexes.size(); i++) {
                String text = CellValues.text(row.cell(indexes.get(i)));
                ImportColumn column = masks.get(i);
                values.add(column == null || !column.isPersonal() || text.isEmpty() ? text : column.mask().apply(text));
            }
            return values;
        }
    }

    /** The errors of one row from a list sorted by row (the cursor only moves forward). */
    private static final class ErrorCursor {
        private int index;

        String messagesFor(List<Object[]> errors, long rowNumber) {
            StringBuilder text = new StringBuilder();
            while (index < errors.size() && (long) errors.get(index)[0] < rowNumber) {
                index++;
            }
            while (index < errors.size() && (long) errors.get(index)[0] == rowNumber) {
                if (!text.isEmpty()) {
                    text.append("；");
                }
                text.append(errors.get(index)[1]);
                index++;
            }
            return text.toString();
        }
    }

    /** Template: the headers, one example row and, on a second line of notes, which columns are required. */
    public void writeTemplate(String typeCode, OutputStream out) {
        ImportType<?> type = types.get(typeCode);
        try (XlsxTableWriter writer = new XlsxTableWriter(out, problems.message(type.labelKey(), Locale.SIMPLIFIED_CHINESE),
                type.columns().stream().map(ImportColumn::header).toList())) {
            writer.writeRow(type.columns().stream().map(ImportColumn::example).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long prepare(Actor actor, String typeCode, String fileName, InputStream content, Locale locale) {
        ImportType<?> type = types.get(typeCode);
        types.checkImportRole(actor, type);
        if (actor.scope() == null) {
            throw new MissingScopeException();
        }
        String name = sanitize(fileName);
        long id = jobs.create(type.code(), name, actor.username(), actor.userId(), actor.scope().path(), locale.toLanguageTag());
        try {
            Path target = storedFile(id, name);
            Files.createDirectories(target.getParent());
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // Never a job left queued for good: it failed, and says so.
            jobs.finish(id, ImportJob.Status.FAILED, 0, 0, 0, 0, 0, null, problems.message("import.failed", locale));
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return id;
    }

    private Path storedFile(long jobId, String fileName) {
        return filesDir.resolve("imports").resolve(Long.toString(jobId)).resolve(fileName);
    }

    /**
     * The name the upload is stored under: its last path segment, control and reserved characters replaced. A name
     * that is no file name at all ({@code .}, {@code ..}, only dots or spaces) is refused before a job exists.
     */
    static String sanitize(String fileName) {
        String base = fileName == null ? "upload" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\x00-\\x1f:*?\"<>|]", "_").strip();
        if (base.isEmpty() && fileName != null && fileName.isBlank()) {
            base = "upload";
        }
        if (base.isEmpty() || base.chars().allMatch(c -> c == '.' || Character.isWhitespace(c))) {
            throw new InvalidInputException("file", "import.file.name", fileName);
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    /** Runs one job to its end; never throws (the outcome is on the job). */
    void run(long jobId, Actor actor, LongConsumer progress) {
        ImportJob job = jobs.get(jobId);
        Locale locale = Locale.forLanguageTag(jobs.localeOf(jobId));
        ImportType<?> type = types.get(job.typeCode());
        try {
            runTyped(job, type, actor, locale, progress == null ? n -> { } : progress);
        } catch (IncompleteImport e) {
            log.error("Import job {} failed: {}", jobId, e.getMessage());
            jobs.finish(jobId, ImportJob.Status.FAILED, 0, 0, 0, 0, 0, null, problems.message(e.messageKey, locale, e.args));
        } catch (RuntimeException e) {
            log.error("Import job {} failed", jobId, e);
            jobs.finish(jobId, ImportJob.Status.FAILED, 0, 0, 0, 0, 0, null, problems.message("import.failed", locale));
        }
        ImportJob finished = jobs.get(jobId);
        tx.executeWithoutResult(s -> events.publishEvent(new ImportEvents.ImportFinished(finished, actor.username(),
                actor.orgUnitId(), actor.scope().path())));
        // The outcome is recorded; only now remove the staged rows (on H2 a DELETE, the slowest statement of a large
        // import; on PostgreSQL the job's partition is dropped).
        jobs.clearStaging(type.staging(), jobId);
    }

    private <R> void runTyped(ImportJob job, ImportType<R> type, Actor actor, Locale locale, LongConsumer progress) {
        long jobId = job.id();
        long started = System.nanoTime();
        Staging<R> staging = type.staging();
        DataScope scope = actor.scope();
        jobs.progress(jobId, ImportJob.Status.RUNNING, ImportJob.Phase.READING, 0);
        Path file = storedFile(jobId, job.fileName());
        long rows = 0;
        long stagedRows = 0;
        String unknown;
        List<Object[]> errors = new ArrayList<>();
        // Org unit codes resolved once per job within the importer's scope (-1: unknown, inactive or out of scope).
        Map<String, Long> orgUnitIds = new HashMap<>();
        long progressAt = System.nanoTime();
        try (TabularReader reader = TabularReader.open(file, job.fileName(), xlsxLimits)) {
            var mapping = HeaderMapping.of(type.columns(), reader.header());
            unknown = mapping.unknownHeaders().isEmpty() ? null : String.join("、", mapping.unknownHeaders());
            if (!mapping.missingRequired().isEmpty()) {
                jobs.finish(jobId, ImportJob.Status.REJECTED, 0, 0, 0, 0, 0, unknown,
                        problems.message("import.header.missing", locale, String.join("、", mapping.missingRequired())));
                return;
            }
            try (StagingWriter staged = jobs.openStaging(staging, jobId)) {
                while (reader.next()) {
                    SourceRow source = reader.current();
                    rows++;
                    ImportRow row = mapping.row(source);
                    ImportType.RowResult<R> result = type.read(row);
                    List<FieldViolation> violations = new ArrayList<>(row.violations());
                    violations.addAll(result.violations());
                    Object[] values = violations.isEmpty() && result.value() != null ? staging.values().apply(result.value()) : null;
                    // A null org code: the type's prepare statements resolve the row's unit (see Staging#prepare).
                    Long orgUnitId = values == null || values[0] == null ? null : orgUnitIds.computeIfAbsent(String.valueOf(values[0]),
                            code -> jobs.orgUnitId(scope, code).orElse(-1L));
                    if (values != null && orgUnitId != null && orgUnitId < 0) {
                        violations.add(FieldViolation.of("orgUnitCode", "import.orgUnit.outOfScope", header(type, "orgUnitCode"), values[0]));
                    }
                    if (violations.isEmpty() && values != null) {
                        // row number, org code, resolved org unit id, then the type's columns
                        Object[] withRow = new Object[values.length + 2];
                        withRow[0] = source.rowNumber();
                        withRow[1] = values[0];
                        withRow[2] = orgUnitId;
                        System.arraycopy(values, 1, withRow, 3, values.length - 1);
                        staged.write(withRow);
                        stagedRows++;
                    } else {
                        int seq = 0;
                        for (FieldViolation v : distinct(violations)) {
                            errors.add(new Object[]{source.rowNumber(), seq++, v.field(), problems.message(v, locale)});
                        }
                    }
                    if (errors.size() >= BATCH) {
                        jobs.insertErrors(jobId, errors);
                        errors.clear();
                    }
                    if (rows % BATCH == 0) {
                        progress.accept(rows);
                        // The job's row for pollers at most twice a second: each UPDATE is a commit of its own.
                        if (System.nanoTime() - progressAt >= PROGRESS_INTERVAL_NANOS) {
                            jobs.progress(jobId, ImportJob.Status.RUNNING, ImportJob.Phase.READING, rows);
                            progressAt = System.nanoTime();
                        }
                    }
                }
                staged.finish();
            }
        } catch (TabularFileException e) {
            jobs.finish(jobId, ImportJob.Status.REJECTED, rows, 0, 0, 0, 0, null,
                    problems.message(e.messageKey(), locale, e.args()));
            return;
        }
        jobs.insertErrors(jobId, errors);
        progress.accept(rows);
        if (rows == 0) {
            jobs.finish(jobId, ImportJob.Status.REJECTED, 0, 0, 0, 0, 0, unknown, problems.message("import.noRows", locale));
            return;
        }

        long read = System.nanoTime();
        // Whole-file checks, in SQL over the staged rows.
        jobs.progress(jobId, ImportJob.Status.RUNNING, ImportJob.Phase.CHECKING, rows);
        jobs.prepare(scope, staging, jobId);
        FileErrors fileErrors = new FileErrors();
        for (Object[] r : jobs.duplicateKeys(staging, jobId)) {
            fileErrors.add(r[0], staging.keyColumn(), problems.message("import.duplicateInFile", locale, r[1]));
        }
        for (Object[] r : jobs.existingOutsideScope(scope, staging, jobId)) {
            fileErrors.add(r[0], staging.keyColumn(), problems.message("import.existingOutOfScope", locale, r[1]));
        }
        for (Staging.StagingCheck check : staging.checks()) {
            for (Object[] r : jobs.check(scope, check, jobId)) {
                fileErrors.add(r[0], check.field(), problems.message(check.messageKey(), locale, r[1]));
            }
        }
        jobs.insertErrors(jobId, fileErrors.rows);
        long errorRows = jobs.countErrorRows(jobId);
        if (errorRows > 0) {
            jobs.finish(jobId, ImportJob.Status.REJECTED, rows, 0, 0, 0, errorRows, unknown,
                    problems.message("import.rejected", locale, errorRows));
            return;
        }

        long checked = System.nanoTime();
        // All or nothing: the counts and the MERGE in one transaction.
        jobs.progress(jobId, ImportJob.Status.RUNNING, ImportJob.Phase.APPLYING, rows);
        long total = rows;
        long expected = stagedRows;
        // Renewed and checked in a commit of its own: a lock on the job's row held through the MERGE would block the
        // heartbeat and other processes' cleanup for as long as the MERGE takes.
        if (!jobs.holdLease(jobId)) {
            throw new IncompleteImport("import.incomplete.taken");
        }
        List<ImportType.RowViolation> refused = tx.execute(status -> {
            jobs.allowLargeJoins();
            long[] counts = jobs.counts(staging, jobId);
            // What is applied must be what was read: staged rows removed behind the job's back fail it, never a
            // "succeeded" with rows missing.
            if (counts[0] + counts[1] + counts[2] != expected) {
                throw new IncompleteImport("import.incomplete.staged", expected, counts[0] + counts[1] + counts[2]);
            }
            OffsetDateTime at = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
            ImportAudit audit = new ImportAudit(events, type, jobId, actor);
            jobs.updatedRecords(staging, jobId, audit::updated);
            int merged = jobs.merge(staging, jobId, actor.username(), at);
            jobs.insertedRecords(staging, jobId, at, audit::inserted);
            audit.flush();
            if (merged != counts[0] + counts[1] || audit.insertedCount() != counts[0] || audit.updatedCount() != counts[1]) {
                throw new IncompleteImport("import.incomplete.merged", counts[0] + counts[1], merged);
            }
            List<ImportType.RowViolation> violations = type.checkApplied(actor, jobId);
            if (!violations.isEmpty()) {
                // Rules judged on the applied data refuse the file: undo the MERGE, keep nothing.
                status.setRollbackOnly();
                return violations;
            }
            // Last, so the job's row is locked only until the commit: if another process failed the job meanwhile (its
            // owner looked gone), the outcome is not recorded and nothing of the file is kept.
            if (!jobs.finish(jobId, ImportJob.Status.SUCCEEDED, total, counts[0], counts[1], counts[2], 0, unknown,
                    problems.message("import.succeeded", locale, total, counts[0], counts[1], counts[2]))) {
                throw new IncompleteImport("import.incomplete.taken");
            }
            return List.of();
        });
        if (refused != null && !refused.isEmpty()) {
            FileErrors appliedErrors = new FileErrors();
            refused.forEach(v -> appliedErrors.add(v.rowNumber(), v.violation().field(), problems.message(v.violation(), locale)));
            jobs.insertErrors(jobId, appliedErrors.rows);
            long refusedRows = jobs.countErrorRows(jobId);
            jobs.finish(jobId, ImportJob.Status.REJECTED, rows, 0, 0, 0, refusedRows, unknown,
                    problems.message("import.rejected", locale, refusedRows));
            return;
        }
        log.info("Import job {} ({}, {} rows): read+stage {} ms, checks {} ms, merge {} ms", jobId, type.code(), rows,
                (read - started) / 1_000_000, (checked - read) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
    }

    /** The job cannot be applied as read (rows missing, or the job taken over): it fails, the transaction rolls back. */
    private static final class IncompleteImport extends RuntimeException {
        private final String messageKey;
        private final Object[] args;

        IncompleteImport(String messageKey, Object... args) {
            super(messageKey + " " + java.util.Arrays.toString(args));
            this.messageKey = messageKey;
            this.args = args;
        }
    }

    private static String header(ImportType<?> type, String field) {
        return type.columns().stream().filter(c -> c.field().equals(field)).map(ImportColumn::header).findFirst().orElse(field);
    }

    /** Whole-file errors, numbered per row after the row's own ones (seq 100, 101 …) so none collide. */
    private static final class FileErrors {
        private final List<Object[]> rows = new ArrayList<>();
        private final Map<Long, Integer> next = new HashMap<>();

        void add(Object row, String field, String message) {
            long rowNo = ((Number) row).longValue();
            rows.add(new Object[]{rowNo, next.merge(rowNo, 1, Integer::sum) + 99, field, message});
        }
    }

    private static List<FieldViolation> distinct(List<FieldViolation> violations) {
        Map<String, FieldViolation> byKey = new LinkedHashMap<>();
        violations.forEach(v -> byKey.putIfAbsent(v.field() + "|" + v.messageKey(), v));
        return new ArrayList<>(byKey.values());
    }

    /** Chinese (or English) headers of a file mapped to a type's columns; unknown ones ignored and reported. */
    record HeaderMapping(Map<String, ImportColumn> columnsByField, Map<Integer, String> fieldByIndex,
                         List<String> unknownHeaders, List<String> missingRequired) {

        static HeaderMapping of(List<ImportColumn> columns, List<String> header) {
            Map<String, ImportColumn> byName = new HashMap<>();
            for (ImportColumn c : columns) {
                byName.put(normalize(c.header()), c);
                byName.put(normalize(c.headerEn()), c);
                byName.put(normalize(c.field()), c);
            }
            Map<Integer, String> fieldByIndex = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i);
                if (h == null || h.isBlank()) {
                    continue;
                }
                ImportColumn c = byName.get(normalize(h));
                if (c == null || fieldByIndex.containsValue(c.field())) {
                    unknown.add(h.strip());
                } else {
                    fieldByIndex.put(i, c.field());
                }
            }
            List<String> missing = columns.stream().filter(ImportColumn::required)
                    .filter(c -> !fieldByIndex.containsValue(c.field())).map(ImportColumn::header).toList();
            Map<String, ImportColumn> byField = new LinkedHashMap<>();
            columns.forEach(c -> byField.put(c.field(), c));
            return new HeaderMapping(byField, fieldByIndex, unknown, missing);
        }

        /** The type's column the file's column {@code index} fills, or null (an unknown or repeated header). */
        ImportColumn column(int index) {
            String field = fieldByIndex.get(index);
            return field == null ? null : columnsByField.get(field);
        }

        ImportRow row(SourceRow source) {
            Map<String, SourceRow.Cell> cells = new HashMap<>();
            fieldByIndex.forEach((index, field) -> cells.put(field, source.cell(index)));
            return new ImportRow(source.rowNumber(), cells, columnsByField);
        }

        private static String normalize(String s) {
            return s == null ? "" : s.replace("*", "").replace("＊", "").strip().toLowerCase(Locale.ROOT);
        }
    }
}
