package io.zhenwu.cases;

import io.zhenwu.shared.Actor;

import java.util.Map;

/**
 * A type's own precondition on a transition, checked by the engine before it fires (whoever calls: the type's
 * pages, the generic {@code /api/v1/cases/{id}/transitions/{name}} endpoint or a script) — e.g. a hazard cannot be
 * reported rectified without an evidence photo, a settled amount must be yuan with at most two decimals. A guard
 * refuses by throwing {@link io.zhenwu.shared.InvalidInputException}; it never changes the case. Historical loads
 * ({@link Cases#load}) are not guarded: they record what happened.
 */
public interface TransitionGuard {

    /** The case type code this guard belongs to. */
    String caseType();

    void check(Actor actor, CaseView current, String transition, Map<String, String> fields);
}
