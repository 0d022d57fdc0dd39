package io.zhenwu.reports;

import java.time.Instant;

/** 报告模板: a named template at its current version ({@code version} is the optimistic lock). */
public record ReportTemplate(long id, String name, int currentVersion, long version, Instant updatedAt) {

    /** One saved version of the text. */
    public record Version(long templateId, int versionNo, String body, String createdBy, Instant createdAt) {
    }
}
