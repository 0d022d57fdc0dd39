package io.zhenwu.reports;

import java.time.Instant;

/**
 * 报告模板: a named template at its current version ({@code version} is the optimistic lock), owned by an org unit:
 * whoever's data scope holds that unit lists, edits and publishes it; nobody else sees it.
 */
public record ReportTemplate(long id, String name, int currentVersion, long version, Instant updatedAt, long orgUnitId,
                             String orgUnitPath) {

    /** One saved version of the text. */
    public record Version(long templateId, int versionNo, String body, String createdBy, Instant createdAt) {
    }
}
