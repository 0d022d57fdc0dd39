package io.zhenwu.cases;

import io.zhenwu.shared.AuditableEvent;

import java.util.Map;

/**
 * Past-tense events of the records that the safety, labor and farmland loops keep beside their cases; every one is
 * audited (the cases' own transitions are audited by {@link CaseEvents}).
 */
public final class LoopEvents {

    private LoopEvents() {
    }

    /** 安全检查 recorded. */
    public record InspectionRecorded(long inspectionId, Object after, String scopePath) implements AuditableEvent {
        public String action() { return "case.inspection_recorded"; }
        public String entityType() { return "safety_inspection"; }
        public String entityId() { return String.valueOf(inspectionId); }
    }

    /** A hazard's own record (category, level, place) written beside its new case. */
    public record HazardRecorded(long caseId, Object after, String scopePath) implements AuditableEvent {
        public String action() { return "case.hazard_recorded"; }
        public String entityType() { return "safety_hazard"; }
        public String entityId() { return String.valueOf(caseId); }
    }

    /** An evidence photo was uploaded (metadata; the file's SHA-256 pins its content). */
    public record EvidenceUploaded(long evidenceId, long caseId, String stage, String sha256, long size, String scopePath)
            implements AuditableEvent {
        public String action() { return "case.evidence_uploaded"; }
        public String entityType() { return "safety_evidence"; }
        public String entityId() { return String.valueOf(evidenceId); }
        public Object after() { return Map.of("case", caseId, "stage", stage, "sha256", sha256, "size", size); }
    }

    /** 责令整改通知书 issued with its number. */
    public record NoticeIssued(long noticeId, long caseId, String number, Object after, String scopePath) implements AuditableEvent {
        public String action() { return "case.notice_issued"; }
        public String entityType() { return "rectification_notice"; }
        public String entityId() { return String.valueOf(noticeId); }
    }

    /** 事前立案: a serious hazard filed as an enforcement case. */
    public record EnforcementFiled(long caseId, String reference, String scopePath) implements AuditableEvent {
        public String action() { return "case.enforcement_filed"; }
        public String entityType() { return "safety_hazard"; }
        public String entityId() { return String.valueOf(caseId); }
        public Object after() { return Map.of("reference", reference); }
    }

    /** A labor dispute's record written or its outcome recorded. */
    public record DisputeRecorded(long caseId, Object after, String scopePath) implements AuditableEvent {
        public String action() { return "case.dispute_recorded"; }
        public String entityType() { return "labor_dispute"; }
        public String entityId() { return String.valueOf(caseId); }
    }

    /** A farmland plot's record written or its re-planting recorded. */
    public record PlotRecorded(long caseId, Object after, String scopePath) implements AuditableEvent {
        public String action() { return "case.plot_recorded"; }
        public String entityType() { return "farmland_plot"; }
        public String entityId() { return String.valueOf(caseId); }
    }

    /** Historical loop records (demo data, migrations) written in one batch beside {@link CaseEvents.CasesLoaded}. */
    public record LoopRecordsLoaded(String table, int count, String scopePath) implements AuditableEvent {
        public String action() { return "case.loop_records_loaded"; }
        public String entityType() { return table; }
        public String entityId() { return table; }
        public Object after() { return Map.of("table", table, "count", count); }
    }
}
