package io.zhenwu.reports;

import java.time.Instant;

/** 已发布的报告: a frozen rendering of one template version for an org unit and year; editions count from 1. */
public record Publication(long id, long templateId, String templateName, int templateVersion, long orgUnitId, String orgCode,
                          String orgName, int year, int edition, String title, String publishedBy, Instant publishedAt) {
}
