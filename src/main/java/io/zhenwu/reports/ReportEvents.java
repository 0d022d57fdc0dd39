package io.zhenwu.reports;

import io.zhenwu.shared.AuditableEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/** Past-tense events of the reports module; each is audited. */
public final class ReportEvents {

    private ReportEvents() {
    }

    /** A template was created or saved as a new version. */
    public record TemplateSaved(long templateId, String name, int versionNo, String actor, String scopePath) implements AuditableEvent {
        public String action() { return versionNo == 1 ? "report_template.created" : "report_template.saved"; }
        public String entityType() { return "report_template"; }
        public String entityId() { return String.valueOf(templateId); }
        public Object after() { return Map.of("name", name, "version", versionNo); }
        public String actorOverride() { return actor; }
    }

    /** A report was published (frozen). */
    public record ReportPublished(long reportId, String template, int templateVersion, String orgCode, int year, int edition,
                                  int figures, String scopePath) implements AuditableEvent {
        public String action() { return "report.published"; }
        public String entityType() { return "published_report"; }
        public String entityId() { return String.valueOf(reportId); }
        public Object after() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("template", template);
            m.put("templateVersion", templateVersion);
            m.put("org", orgCode);
            m.put("year", year);
            m.put("edition", edition);
            m.put("figures", figures);
            return m;
        }
    }
}
