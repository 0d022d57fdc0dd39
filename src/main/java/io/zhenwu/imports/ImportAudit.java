package io.zhenwu.imports;

import io.zhenwu.imports.ImportEvents.RecordImported;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.AuditableBatch;
import org.springframework.context.ApplicationEventPublisher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every record an import inserts or updates gets an audit entry of its own ({@code enterprise.imported},
 * {@code enterprise.import_updated} …, with the job and file row, the values before and after, personal data masked),
 * published in batches of {@value #BATCH} inside the applying transaction: they commit or roll back with the MERGE.
 */
final class ImportAudit {

    private static final int BATCH = 1000;

    private final ApplicationEventPublisher events;
    private final String entityType;
    private final long jobId;
    private final Actor actor;
    /** Staging column → how the audit trail shows it (personal data masked, as registry events record it). */
    private final Map<String, UnaryOperator<String>> masks = new HashMap<>();
    private final List<RecordImported> pending = new ArrayList<>(BATCH);
    private long inserted;
    private long updated;

    ImportAudit(ApplicationEventPublisher events, ImportType<?> type, long jobId, Actor actor) {
        this.events = events;
        this.entityType = type.staging().targetTable();
        this.jobId = jobId;
        this.actor = actor;
        for (ImportColumn column : type.columns()) {
            if (column.isPersonal()) {
                masks.put(snakeCase(column.field()), column.mask());
            }
        }
        if (!type.staging().columns().containsAll(masks.keySet())) {
            throw new IllegalStateException("personal columns " + masks.keySet() + " of " + type.code() + " are not all staged");
        }
    }

    void updated(ImportJobRepository.ChangedRecord record) {
        updated++;
        add(record);
    }

    void inserted(ImportJobRepository.ChangedRecord record) {
        inserted++;
        add(record);
    }

    long insertedCount() {
        return inserted;
    }

    long updatedCount() {
        return updated;
    }

    private void add(ImportJobRepository.ChangedRecord record) {
        pending.add(new RecordImported(entityType, record.id(), jobId, record.rowNumber(), masked(record.before()),
                masked(record.after()), record.scopePath(), actor.username(), actor.orgUnitId()));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    void flush() {
        if (!pending.isEmpty()) {
            events.publishEvent(new AuditableBatch(pending));
            pending.clear();
        }
    }

    private Map<String, Object> masked(Map<String, Object> values) {
        if (values == null) {
            return null;
        }
        masks.forEach((column, mask) -> values.computeIfPresent(column, (c, v) -> mask.apply(v.toString())));
        return values;
    }

    private static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
