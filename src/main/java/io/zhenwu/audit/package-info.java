/**
 * 审计日志: an append-only, hash-chained record of every write, login, token and export. Each seal is an HMAC with
 * the audit key kept outside the database ({@code AuditKeys}); the chain head is anchored in an append-only anchor
 * file beside the data and on every published report ({@link io.zhenwu.audit.AuditAnchor}); verification checks the
 * append-only triggers, every seal and the last anchor before it seals anything. Public API:
 * {@link io.zhenwu.audit.AuditTrail} (query, seal, anchor, verify) and its records.
 */
package io.zhenwu.audit;
