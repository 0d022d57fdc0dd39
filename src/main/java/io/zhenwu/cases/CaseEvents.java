package io.zhenwu.cases;

import io.zhenwu.shared.AuditableEvent;

import java.time.LocalDate;
import java.util.Map;

/** Past-tense events of the case engine; every one is audited, and other modules may listen. */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** 受理/立案: a case was opened. */
    public record CaseOpened(CaseView after, String scopePath) implements AuditableEvent {
        public String action() { return "case.opened"; }
        public String entityType() { return "case"; }
        public String entityId() { return String.valueOf(after.id()); }
    }

    /** A transition was fired: from → to, by whom, with the fields it recorded. */
    public record CaseTransitioned(long caseId, String number, String type, String transition, String fromState, String toState,
                                   CaseType.StateKind toKind, Map<String, String> fields, Long parentId, String scopePath)
            implements AuditableEvent {
        public String action() { return "case.transitioned"; }
        public String entityType() { return "case"; }
        public String entityId() { return String.valueOf(caseId); }
        public Object after() {
            return Map.of("number", number, "transition", transition, "from", String.valueOf(fromState), "to", toState, "fields", fields);
        }
    }

    /** 督办: a case passed its deadline while its clock ran; the town's leaders were notified. */
    public record CaseEscalated(long caseId, String number, LocalDate dueOn, String notifyRole, String scopePath) implements AuditableEvent {
        public String action() { return "case.escalated"; }
        public String entityType() { return "case"; }
        public String entityId() { return String.valueOf(caseId); }
        public Object after() { return Map.of("number", number, "dueOn", dueOn.toString(), "notify", notifyRole); }
        public String actorOverride() { return "system"; }
    }

    /** A batch of historical cases was written in one go (demo data, generators, migrations from an old system). */
    public record CasesLoaded(String type, int count, String scopePath) implements AuditableEvent {
        public String action() { return "case.loaded"; }
        public String entityType() { return "case"; }
        public String entityId() { return type; }
        public Object after() { return Map.of("type", type, "count", count); }
    }
}
