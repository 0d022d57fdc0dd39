package io.zhenwu.reports;

import java.time.Instant;

/**
 * 已发布的报告: a frozen rendering of one template version for an org unit and year; editions count from 1.
 *
 * @param auditAnchor the audit chain's anchor at publication ({@link io.zhenwu.audit.AuditAnchor#line()}), printed
 *                    at the end of the report; null for reports published before it was recorded
 */
public record Publication(long id, long templateId, String templateName, int templateVersion, long orgUnitId, String orgCode,
                          String orgName, int year, int edition, String title, String publishedBy, Instant publishedAt,
                          String auditAnchor) {
}
