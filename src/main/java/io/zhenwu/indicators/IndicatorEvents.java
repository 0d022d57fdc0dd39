package io.zhenwu.indicators;

import io.zhenwu.shared.AuditableEvent;

import java.util.Map;

/** Past-tense events of the indicators module; each is audited. */
public final class IndicatorEvents {

    private IndicatorEvents() {
    }

    /** A value was entered or revised (before is null for a first entry). */
    public record DataValueSaved(DataValue before, DataValue after, String scopePath) implements AuditableEvent {
        public String action() { return before == null ? "data_value.entered" : "data_value.revised"; }
        public String entityType() { return "data_value"; }
        public String entityId() { return String.valueOf(after.id()); }
    }

    /** 期间锁定 after sign-off. */
    public record PeriodLocked(long orgUnitId, String period, String scopePath) implements AuditableEvent {
        public String action() { return "period.locked"; }
        public String entityType() { return "org_unit"; }
        public String entityId() { return String.valueOf(orgUnitId); }
        public Object after() { return Map.of("period", period); }
    }

    /** A target was set or changed. */
    public record TargetSet(Target before, Target after, String scopePath) implements AuditableEvent {
        public String action() { return before == null ? "target.set" : "target.changed"; }
        public String entityType() { return "target"; }
        public String entityId() { return String.valueOf(after.id()); }
    }

    /** An indicator's definition changed. */
    public record IndicatorChanged(Indicator before, Indicator after) implements AuditableEvent {
        public String action() { return "indicator.changed"; }
        public String entityType() { return "indicator"; }
        public String entityId() { return after.code(); }
    }

    /** An indicator was added to the catalogue. */
    public record IndicatorDefined(Indicator after) implements AuditableEvent {
        public String action() { return "indicator.defined"; }
        public String entityType() { return "indicator"; }
        public String entityId() { return after.code(); }
    }

    /** A validation rule was added. */
    public record ValidationRuleDefined(ValidationRules.Rule after) implements AuditableEvent {
        public String action() { return "validation_rule.defined"; }
        public String entityType() { return "validation_rule"; }
        public String entityId() { return after.code(); }
    }

    /** A validation rule was changed, or deactivated. */
    public record ValidationRuleChanged(ValidationRules.Rule before, ValidationRules.Rule after) implements AuditableEvent {
        public String action() {
            return before.active() && !after.active() ? "validation_rule.deactivated" : "validation_rule.changed";
        }
        public String entityType() { return "validation_rule"; }
        public String entityId() { return after.code(); }
    }
}
