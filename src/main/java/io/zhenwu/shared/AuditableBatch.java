package io.zhenwu.shared;

import java.util.List;

/**
 * Many {@link AuditableEvent}s at once — one per record a bulk write changed (an import) — that the audit trail
 * appends with one batched insert. Published inside the writing transaction, like a single event.
 */
public record AuditableBatch(List<? extends AuditableEvent> events) {

    public AuditableBatch {
        events = List.copyOf(events);
    }
}
