package io.zhenwu.cases;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.InvalidInputException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/** The loops' own preconditions, applied by the engine to every caller (see {@link TransitionGuard}). */
final class LoopGuards {

    private LoopGuards() {
    }

    /**
     * A notice is issued only through the notice form (numbered, recorded); a hazard is reported rectified (on the spot
     * or after a notice) only with a photo of the rectification.
     */
    @Component
    static class HazardEvidence implements TransitionGuard {

        private final SafetyRepository repository;

        HazardEvidence(SafetyRepository repository) {
            this.repository = repository;
        }

        @Override
        public String caseType() {
            return Safety.TYPE;
        }

        @Override
        public void check(Actor actor, CaseView current, String transition, Map<String, String> fields) {
            if (transition.equals("issue_notice")
                    && !repository.noticeNumberOfCase(current.id()).map(n -> n.equals(fields.get("notice_number"))).orElse(false)) {
                // a notice is numbered and written by the notice form (POST /api/v1/safety/hazards/{id}/notice), not typed in
                throw new InvalidInputException("fields.notice_number", "case.safety.notice.useForm");
            }
            if (transition.equals("rectify_on_spot") || transition.equals("report_rectification")) {
                int photos = repository.evidenceCount(current.id(), SafetyRecords.RECTIFIED);
                if (photos == 0) {
                    throw new InvalidInputException("evidence", "case.safety.evidence.required");
                }
                if (!String.valueOf(photos).equals(fields.get("evidence_count"))) {
                    throw new InvalidInputException("fields.evidence_count", "case.safety.evidence.count", photos);
                }
            }
        }
    }

    /** A settled amount is yuan with at most two decimals, not negative. */
    @Component
    static class DisputeAmount implements TransitionGuard {

        @Override
        public String caseType() {
            return LaborDisputes.TYPE;
        }

        @Override
        public void check(Actor actor, CaseView current, String transition, Map<String, String> fields) {
            if (transition.equals("close")) {
                LaborDisputes.yuan("fields.settled_amount", fields.get("settled_amount"));
            }
        }
    }

    /** A re-planted area is 亩, positive, at most four decimals. */
    @Component
    static class PlotArea implements TransitionGuard {

        @Override
        public String caseType() {
            return FarmlandPlots.TYPE;
        }

        @Override
        public void check(Actor actor, CaseView current, String transition, Map<String, String> fields) {
            if (transition.equals("replant")) {
                FarmlandPlots.mu("fields.replanted_area", fields.get("replanted_area"));
            }
        }
    }

    /**
     * A plain decimal as a person writes it: ASCII digits, an optional sign and decimal point. {@link BigDecimal}
     * alone would also take full-width digits (１２３) and exponents (1e10), which nobody means as an amount or area.
     */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

    static BigDecimal parse(String field, String text, String messageKey) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, messageKey);
        }
        String written = text.strip();
        if (!PLAIN_DECIMAL.matcher(written).matches() || written.length() > 40) {
            throw new InvalidInputException(field, "case.number.invalid", written.length() > 40 ? written.substring(0, 40) + "…" : written);
        }
        return new BigDecimal(written);
    }
}
