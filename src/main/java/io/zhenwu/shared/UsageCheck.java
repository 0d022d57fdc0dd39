package io.zhenwu.shared;

/**
 * Lets a module say why an org unit cannot be deleted (it still has users, cases, enterprises…). The org module
 * asks every implementation before deleting, without depending on the modules that own those records.
 */
public interface UsageCheck {

    /** Number of records of this kind attached to the org unit itself (not its descendants). */
    long countFor(long orgUnitId);

    /** Message key naming the kind of record, e.g. {@code usage.users}. */
    String messageKey();
}
