package io.zhenwu.cases;

import io.zhenwu.cases.CaseEvents.CaseTransitioned;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Keeps the loops' records in step with their cases whichever way a transition is fired — the loops' own pages and
 * API, or the engine's generic {@code /cases/{id}} form and {@code /api/v1/cases/{id}/transitions/{name}}: the
 * transition's recorded fields (already checked by the type and its {@link TransitionGuard}) are copied into the
 * record in the same transaction, and the record write is audited.
 */
@Component
class LoopRecordSync {

    private final SafetyRepository safety;
    private final LoopRepository loops;
    private final ApplicationEventPublisher events;

    LoopRecordSync(SafetyRepository safety, LoopRepository loops, ApplicationEventPublisher events) {
        this.safety = safety;
        this.loops = loops;
        this.events = events;
    }

    @EventListener
    void on(CaseTransitioned t) {
        Map<String, String> f = t.fields();
        switch (t.type() + "/" + t.transition()) {
            case "safety_hazard/rectify_on_spot" -> safety.markOnTheSpot(t.caseId());
            case "labor_dispute/mediate" -> {
                loops.setDisputePath(t.caseId(), "MEDIATION");
                events.publishEvent(new LoopEvents.DisputeRecorded(t.caseId(), Map.of("path", "MEDIATION"), t.scopePath()));
            }
            case "labor_dispute/refer_arbitration" -> {
                loops.setDisputePath(t.caseId(), "ARBITRATION");
                events.publishEvent(new LoopEvents.DisputeRecorded(t.caseId(), Map.of("path", "ARBITRATION"), t.scopePath()));
            }
            case "labor_dispute/close" -> {
                BigDecimal settled = LaborDisputes.yuan("fields.settled_amount", f.get("settled_amount"));
                loops.settleDispute(t.caseId(), settled);
                events.publishEvent(new LoopEvents.DisputeRecorded(t.caseId(), Map.of("settledAmount", settled.toPlainString()), t.scopePath()));
            }
            case "farmland_plot/plan" -> {
                loops.setPlan(t.caseId(), f.get("plan"));
                events.publishEvent(new LoopEvents.PlotRecorded(t.caseId(), Map.of("plan", f.get("plan")), t.scopePath()));
            }
            case "farmland_plot/replant" -> {
                BigDecimal area = FarmlandPlots.mu("fields.replanted_area", f.get("replanted_area"));
                loops.setReplanted(t.caseId(), area, f.get("crop"));
                events.publishEvent(new LoopEvents.PlotRecorded(t.caseId(), Map.of("replantedArea", area.toPlainString(),
                        "crop", f.get("crop")), t.scopePath()));
            }
            default -> {
                // other transitions change only the case
            }
        }
    }
}
