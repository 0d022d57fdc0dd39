/**
 * 审计日志: an append-only, hash-chained record of every write, login, token and export. Public API:
 * {@link io.zhenwu.audit.AuditTrail} (query, seal, verify) and its records.
 */
package io.zhenwu.audit;
