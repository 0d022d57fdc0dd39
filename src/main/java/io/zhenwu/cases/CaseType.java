package io.zhenwu.cases;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.figures.LocalizedText;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 办件类型: a versioned, declared workflow. Built only by {@link CaseTypeParser}, which refuses unknown states,
 * unreachable states and types without a closing state, so a loaded type is always well formed. A new version
 * applies to new cases only; a case keeps the version it was opened with.
 *
 * @param numberCode the type's part of the case number ({@code ZW} in {@code XS-ZW-2023-000123})
 * @param openRoles  roles that may open a case of this type
 */
public record CaseType(String code, int version, LocalizedText name, String numberCode, Set<Role> openRoles,
                       String initial, List<State> states, List<Transition> transitions, TimeLimit timeLimit,
                       Role escalateTo, String checksum) {

    /** How a state counts: open cases run the clock, paused ones stop it (补正), closed ones end the case. */
    public enum StateKind { OPEN, PAUSED, CLOSED }

    /** @param outcome for closed states: what the closing means (done, refused, cancelled …) for statistics */
    public record State(String code, StateKind kind, LocalizedText name, String outcome) {
    }

    /** A field a transition records; required ones must be non-blank. */
    public record Field(String name, boolean required, LocalizedText label) {
    }

    /**
     * @param differentActorThan the actor must not be anyone who fired one of these transitions on the same case
     *                           (a re-inspection by someone other than the inspector)
     * @param reopen             firing it counts a re-opening (back to rectifying after a failed re-inspection)
     * @param system             fired by the engine (a bundle completing), never by a user
     */
    public record Transition(String name, LocalizedText label, Set<String> from, String to, Set<Role> roles,
                             List<Field> fields, Set<String> differentActorThan, boolean reopen, boolean system) {

        public boolean allowedFrom(String state) {
            return from.contains(state);
        }

        /** Whether one of the actor's roles may fire it. */
        public boolean allowedFor(Actor actor) {
            return actor.roles().stream().anyMatch(roles::contains);
        }

        /**
         * The earlier transition whose actor this one must not be, if the actor fired it ({@code differentActorThan}),
         * given the actors of the case's earlier steps by transition name.
         */
        public Optional<String> firedEarlierBy(Actor actor, Map<String, List<String>> priorActors) {
            return differentActorThan.stream()
                    .filter(earlier -> priorActors.getOrDefault(earlier, List.of()).contains(actor.username())).findFirst();
        }
    }

    /** Default limits; a case may carry its own (a matter's 承诺时限). {@code calendarDays} when not working days. */
    public record TimeLimit(boolean calendarDays, Integer promisedDays, Integer legalDays, int warnDaysBefore) {
    }

    public State state(String stateCode) {
        return stateIndex().get(stateCode);
    }

    public Optional<Transition> transition(String name) {
        return transitions.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Transitions a user may fire from the given state (system transitions excluded). */
    public List<Transition> available(String stateCode) {
        return transitions.stream().filter(t -> !t.system() && t.allowedFrom(stateCode)).toList();
    }

    /**
     * The transitions this actor may fire from the given state: {@link #available(String)} limited to the actor's
     * roles and to those no "different person" rule keeps from them — what a case page offers.
     */
    public List<Transition> availableTo(String stateCode, Actor actor, Map<String, List<String>> priorActors) {
        return available(stateCode).stream()
                .filter(t -> t.allowedFor(actor) && t.firedEarlierBy(actor, priorActors).isEmpty()).toList();
    }

    private Map<String, State> stateIndex() {
        return states.stream().collect(Collectors.toMap(State::code, Function.identity()));
    }
}
