package io.zhenwu.imports;

import io.zhenwu.shared.AuditableEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/** Past-tense events of the pipeline; every import and export is audited. */
public final class ImportEvents {

    private ImportEvents() {
    }

    /** 导入完成 (applied, rejected or failed): who, which file, the counts, the outcome. */
    public record ImportFinished(ImportJob job, String actor, Long actorOrgUnitId, String scopePath) implements AuditableEvent {
        public String action() { return "import." + job.status().name().toLowerCase(); }
        public String entityType() { return "import_job"; }
        public String entityId() { return String.valueOf(job.id()); }
        public Object after() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", job.typeCode());
            m.put("file", job.fileName());
            m.put("rows", job.totalRows());
            m.put("inserted", job.insertedRows());
            m.put("updated", job.updatedRows());
            m.put("unchanged", job.unchangedRows());
            m.put("errorRows", job.errorRows());
            m.put("message", job.message());
            return m;
        }
        public String actorOverride() { return actor; }
        public Long actorOrgUnitOverride() { return actorOrgUnitId; }
    }

    /**
     * 导入写入的一条记录: inserted ({@code <entity>.imported}) or updated ({@code <entity>.import_updated}) by job
     * {@code jobId} from its file row {@code rowNumber}, with the values before (null if new) and after.
     */
    public record RecordImported(String entity, long recordId, long jobId, long rowNumber, Map<String, Object> beforeValues,
                                 Map<String, Object> afterValues, String scopePath, String actor, Long actorOrgUnitId)
            implements AuditableEvent {
        public String action() { return entity + (beforeValues == null ? ".imported" : ".import_updated"); }
        public String entityType() { return entity; }
        public String entityId() { return String.valueOf(recordId); }
        public Object before() { return beforeValues; }
        public Object after() {
            Map<String, Object> m = new LinkedHashMap<>(afterValues);
            m.put("importJob", jobId);
            m.put("row", rowNumber);
            return m;
        }
        public String actorOverride() { return actor; }
        public Long actorOrgUnitOverride() { return actorOrgUnitId; }
    }

    /**
     * 下载错误报告: who had which job's rows in error, and whether unmasked. Recorded before the first byte is sent, so
     * an interrupted download is audited as well.
     */
    public record ErrorReportDownloaded(ImportJob job, boolean unmasked, String scopePath) implements AuditableEvent {
        public String action() { return unmasked ? "import.error_report.unmasked" : "import.error_report"; }
        public String entityType() { return "import_job"; }
        public String entityId() { return String.valueOf(job.id()); }
        public Object after() {
            return Map.of("type", job.typeCode(), "file", job.fileName(), "errorRows", job.errorRows(), "unmasked", unmasked,
                    "submitter", job.requestedBy());
        }
    }

    /** 导出: the list, its filters, how many rows, whether personal data was masked. */
    public record ExportPerformed(String typeCode, Map<String, String> filters, long rows, boolean unmasked, String format,
                                  String scopePath) implements AuditableEvent {
        public String action() { return unmasked ? "export.unmasked" : "export"; }
        public String entityType() { return typeCode; }
        public String entityId() { return null; }
        public Object after() {
            return Map.of("filters", filters, "rows", rows, "unmasked", unmasked, "format", format);
        }
    }
}
