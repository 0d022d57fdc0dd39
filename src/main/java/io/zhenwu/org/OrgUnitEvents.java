package io.zhenwu.org;

import io.zhenwu.shared.AuditableEvent;

/** Past-tense events of the org tree; each is audited with the unit's state before and after. */
public final class OrgUnitEvents {

    private OrgUnitEvents() {
    }

    /** 新建组织机构. */
    public record OrgUnitCreated(OrgUnit after) implements AuditableEvent {
        public String action() { return "org_unit.created"; }
        public String entityType() { return "org_unit"; }
        public String entityId() { return String.valueOf(after.id()); }
        public String scopePath() { return after.path(); }
    }

    /** Name, code or active flag changed (更名/停用/启用). */
    public record OrgUnitUpdated(OrgUnit before, OrgUnit after) implements AuditableEvent {
        public String action() { return before.active() && !after.active() ? "org_unit.deactivated"
                : !before.active() && after.active() ? "org_unit.reactivated" : "org_unit.updated"; }
        public String entityType() { return "org_unit"; }
        public String entityId() { return String.valueOf(after.id()); }
        public String scopePath() { return after.path(); }
    }

    /** Moved under another parent, with its subtree (调整隶属关系). */
    public record OrgUnitMoved(OrgUnit before, OrgUnit after) implements AuditableEvent {
        public String action() { return "org_unit.moved"; }
        public String entityType() { return "org_unit"; }
        public String entityId() { return String.valueOf(after.id()); }
        public String scopePath() { return after.path(); }
    }

    /** Deleted (only possible while nothing refers to it). */
    public record OrgUnitDeleted(OrgUnit before) implements AuditableEvent {
        public String action() { return "org_unit.deleted"; }
        public String entityType() { return "org_unit"; }
        public String entityId() { return String.valueOf(before.id()); }
        public String scopePath() { return before.path(); }
    }
}
