package io.zhenwu.imports;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.MissingScopeException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    ImportService(ImportTypes types, ImportJobRepository jobs, TransactionTemplate tx, ApplicationEventPublisher events,
                  Problems problems, @Value("${zhenwu.files.dir:./data/files}") Path filesDir, XlsxLimits xlsxLimits) {
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

    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedJobs() {
        // Their staged rows (on PostgreSQL: their own tables) would otherwise stay behind for good.
        for (ImportJob job : jobs.interrupted()) {
            types.find(job.typeCode()).ifPresent(type -> jobs.clearStaging(type.staging(), job.id()));
        }
        int n = jobs.failInterrupted("interrupted by a restart; upload the file again");
        if (n > 0) {
            log.warn("{} import job(s) were interrupted by a restart and marked failed", n);
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

    /** Writes the error report of a rejected job: every original row, its Excel row number and its errors. */
    public void writeErrorReport(DataScope scope, long id, OutputStream out) {
        ImportJob job = job(scope, id);
        ImportType<?> type = types.get(job.typeCode());
        Path file = storedFile(id, job.fileName());
        List<Object[]> pending = new ArrayList<>();
        var errorCursor = new ErrorCursor();
        try (TabularReader reader = TabularReader.open(file, job.fileName(), xlsxLimits)) {
            List<String> header = new ArrayList<>();
            header.add(problems.message("import.report.row", Locale.SIMPLIFIED_CHINESE));
            header.addAll(reader.header());
            header.add(problems.message("import.report.errors", Locale.SIMPLIFIED_CHINESE));
            try (XlsxTableWriter writer = new XlsxTableWriter(out, problems.message("import.report.sheet", Locale.SIMPLIFIED_CHINESE),
                    header)) {
                // Errors stream in row order from the database and are merged with the re-read file.
                jobs.errors(scope, id, pending::add);
                while (reader.next()) {
                    SourceRow row = reader.current();
                    List<Object> values = new ArrayList<>();
                    values.add(row.rowNumber());
                    for (int i = 0; i < reader.header().size(); i++) {
                        values.add(CellValues.text(row.cell(i)));
                    }
                    values.add(errorCursor.messagesFor(pending, row.rowNumber()));
                    writer.writeRow(values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        types.checkRole(actor, type);
        if (actor.scope() == null) {
            throw new MissingScopeException();
        }
        String name = sanitize(fileName);
        long id = jobs.create(type.code(), name, actor.username(), actor.userId(), actor.scope().path(), locale.toLanguageTag());
        try {
            Path target = storedFile(id, name);
            Files.createDirectories(target.getParent());
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    private Path storedFile(long jobId, String fileName) {
        return filesDir.resolve("imports").resolve(Long.toString(jobId)).resolve(fileName);
    }

    private static String sanitize(String fileName) {
        String base = fileName == null ? "upload" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        base = base.replaceAll("[\\x00-\\x1f/:*?\"<>|]", "_").strip();
        if (base.isEmpty()) {
            base = "upload";
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
        List<ImportType.RowViolation> refused = tx.execute(status -> {
            jobs.allowLargeJoins();
            long[] counts = jobs.counts(staging, jobId);
            jobs.merge(staging, jobId, actor.username());
            List<ImportType.RowViolation> violations = type.checkApplied(actor, jobId);
            if (!violations.isEmpty()) {
                // Rules judged on the applied data refuse the file: undo the MERGE, keep nothing.
                status.setRollbackOnly();
                return violations;
            }
            jobs.finish(jobId, ImportJob.Status.SUCCEEDED, total, counts[0], counts[1], counts[2], 0, unknown,
                    problems.message("import.succeeded", locale, total, counts[0], counts[1], counts[2]));
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
