package io.zhenwu.shared;

/**
 * A past-tense domain event that the audit trail records (every write, state change, login, token, export).
 * Published inside the writing transaction, so the audit record commits or rolls back with the change.
 */
public interface AuditableEvent {

    /** e.g. {@code org_unit.created}, {@code user.login_failed}. */
    String action();

    String entityType();

    String entityId();

    /** State before the change (a record or map serialised as JSON), or null. */
    default Object before() {
        return null;
    }

    /** State after the change, or null. */
    default Object after() {
        return null;
    }

    /** Materialized path of the org unit the record belongs to, so auditors read it within their scope. */
    default String scopePath() {
        return null;
    }

    /** Overrides the actor for events without an authenticated user (login failures, CLI); null = current actor. */
    default String actorOverride() {
        return null;
    }

    /** The overriding actor's org unit, when {@link #actorOverride()} names a known user; null otherwise. */
    default Long actorOrgUnitOverride() {
        return null;
    }
}
