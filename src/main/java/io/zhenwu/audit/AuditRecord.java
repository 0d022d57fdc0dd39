package io.zhenwu.audit;

import java.time.Instant;

/** One audit event as stored; {@link #canonical} is what the chain hashes. */
public record AuditRecord(long id, Instant occurredAt, String actor, Long actorOrgUnitId, String scopePath, String action,
                          String entityType, String entityId, String beforeJson, String afterJson, String clientAddress) {
}
