package io.zhenwu.cases;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

/**
 * 办件: one case of a declared type. Its state changes only through {@link #fire}, which checks the current state,
 * the actor's role, the required fields and the "different person" rule, moves the SLA clock (pausing it in paused
 * states, extending the deadlines by the paused working days) and returns the timeline entry to append. There is no
 * state setter.
 */
public final class Case {

    final long id;
    final String number;
    final String typeCode;
    final int typeVersion;
    final long townOrgId;
    final long orgUnitId;
    final String category;
    final String subjectCode;
    final String subjectName;
    final String title;
    final String channelCode;
    final boolean outOfHours;
    final ApplicantKind applicantKind;
    final Long applicantRef;
    final String applicantName;
    final String applicantIdMasked;
    final Long enterpriseId;
    String assignee;
    final Long parentId;
    String state;
    CaseType.StateKind stateKind;
    String outcome;
    final Instant openedAt;
    final LocalDate openedOn;
    Instant closedAt;
    LocalDate closedOn;
    final boolean calendarDays;
    final Integer promisedDays;
    final Integer legalDays;
    LocalDate dueOn;
    LocalDate legalDueOn;
    LocalDate warnOn;
    LocalDate pausedOn;
    int pausedDays;
    Integer workingDaysUsed;
    boolean overdue;
    int reopenCount;
    long version;
    final String createdBy;
    /** The handling unit's path when the case was read with it (not stored on the case); null otherwise. */
    private String handlingPath;

    Case(long id, String number, String typeCode, int typeVersion, long townOrgId, long orgUnitId, String category,
         String subjectCode, String subjectName, String title, String channelCode, boolean outOfHours, ApplicantKind applicantKind,
         Long applicantRef, String applicantName, String applicantIdMasked, Long enterpriseId, String assignee, Long parentId,
         String state, CaseType.StateKind stateKind, String outcome, Instant openedAt, LocalDate openedOn, Instant closedAt,
         LocalDate closedOn, boolean calendarDays, Integer promisedDays, Integer legalDays, LocalDate dueOn, LocalDate legalDueOn,
         LocalDate warnOn, LocalDate pausedOn, int pausedDays, Integer workingDaysUsed, boolean overdue, int reopenCount,
         long version, String createdBy) {
        this.id = id;
        this.number = number;
        this.typeCode = typeCode;
        this.typeVersion = typeVersion;
        this.townOrgId = townOrgId;
        this.orgUnitId = orgUnitId;
        this.category = category;
        this.subjectCode = subjectCode;
        this.subjectName = subjectName;
        this.title = title;
        this.channelCode = channelCode;
        this.outOfHours = outOfHours;
        this.applicantKind = applicantKind;
        this.applicantRef = applicantRef;
        this.applicantName = applicantName;
        this.applicantIdMasked = applicantIdMasked;
        this.enterpriseId = enterpriseId;
        this.assignee = assignee;
        this.parentId = parentId;
        this.state = state;
        this.stateKind = stateKind;
        this.outcome = outcome;
        this.openedAt = openedAt;
        this.openedOn = openedOn;
        this.closedAt = closedAt;
        this.closedOn = closedOn;
        this.calendarDays = calendarDays;
        this.promisedDays = promisedDays;
        this.legalDays = legalDays;
        this.dueOn = dueOn;
        this.legalDueOn = legalDueOn;
        this.warnOn = warnOn;
        this.pausedOn = pausedOn;
        this.pausedDays = pausedDays;
        this.workingDaysUsed = workingDaysUsed;
        this.overdue = overdue;
        this.reopenCount = reopenCount;
        this.version = version;
        this.createdBy = createdBy;
    }

    /** A transition field of this name (ISO date, not before today) sets the case's promised deadline. */
    static final String DUE_ON = "due_on";

    /** What the engine needs from the calendar: deadline arithmetic in working or calendar days. */
    interface Clock {
        LocalDate add(LocalDate from, int days, boolean calendarDays);

        /** Days in (from, to] — the days that passed after {@code from}, up to and including {@code to}. */
        int daysAfter(LocalDate from, LocalDate to, boolean calendarDays);
    }

    /**
     * Fires a transition. {@code priorActors} are the actors of earlier timeline entries by transition name, for the
     * "different person" rule.
     *
     * @return the timeline entry to append (its seq is assigned by the caller)
     */
    TimelineEntry fire(CaseType type, String transitionName, Actor actor, Map<String, String> fields, String comment,
                       Map<String, List<String>> priorActors, Instant now, LocalDate today, Clock clock) {
        CaseType.Transition t = type.transition(transitionName)
                .orElseThrow(() -> new InvalidInputException("transition", "case.transition.unknown", transitionName));
        if (t.system()) {
            throw new InvalidInputException("transition", "case.transition.system", transitionName);
        }
        if (!t.allowedFrom(state)) {
            throw new ConflictException("case.transition.notFromState", CaseView.of(this, type));
        }
        if (!t.allowedFor(actor)) {
            throw new AccessDeniedException("role may not fire " + transitionName);
        }
        Optional<String> sameActor = t.firedEarlierBy(actor, priorActors);
        if (sameActor.isPresent()) {
            String earlier = sameActor.get();
            throw new InvalidInputException("actor", "case.transition.sameActor", t.label().zh(),
                    type.transition(earlier).map(e -> e.label().zh())
                            .orElse(CaseTypeParser.OPEN.equals(earlier) ? "登记" : earlier));
        }
        Map<String, String> recorded = checkFields(t, fields);
        checkDueOn(recorded, today);
        return move(type, t, actor.username(), recorded, comment, now, today, clock);
    }

    /** Fires a system transition (a bundle completing when its last sub-case completes). */
    TimelineEntry fireSystem(CaseType type, String transitionName, String actorName, String comment, Instant now, LocalDate today, Clock clock) {
        CaseType.Transition t = type.transition(transitionName).filter(CaseType.Transition::system)
                .orElseThrow(() -> new IllegalStateException("no system transition " + transitionName + " in " + type.code()));
        if (!t.allowedFrom(state)) {
            throw new ConflictException("case.transition.notFromState", CaseView.of(this, type));
        }
        return move(type, t, actorName, Map.of(), comment, now, today, clock);
    }

    private TimelineEntry move(CaseType type, CaseType.Transition t, String actorName, Map<String, String> recorded, String comment,
                               Instant now, LocalDate today, Clock clock) {
        String from = state;
        CaseType.State target = type.state(t.to());
        if (stateKind == CaseType.StateKind.PAUSED && target.kind() != CaseType.StateKind.PAUSED) {
            // The applicant's days do not count against the office: push the deadlines by the paused days.
            int paused = clock.daysAfter(pausedOn, today, calendarDays);
            pausedDays += paused;
            dueOn = dueOn == null ? null : clock.add(dueOn, paused, calendarDays);
            legalDueOn = legalDueOn == null ? null : clock.add(legalDueOn, paused, calendarDays);
            warnOn = warnOn == null ? null : clock.add(warnOn, paused, calendarDays);
            pausedOn = null;
        }
        if (target.kind() == CaseType.StateKind.PAUSED && stateKind != CaseType.StateKind.PAUSED) {
            pausedOn = today;
        }
        if (target.kind() == CaseType.StateKind.CLOSED) {
            closedAt = now;
            closedOn = today;
            outcome = target.outcome();
            workingDaysUsed = Math.max(0, clock.daysAfter(openedOn, today, false) - pausedDays);
        }
        if (t.reopen()) {
            reopenCount++;
            overdue = false;
        }
        if (recorded.containsKey("assignee") && recorded.get("assignee") != null) {
            assignee = recorded.get("assignee");
        }
        if (recorded.get(DUE_ON) != null) {
            // A transition may set the deadline (a rectification notice's 整改期限): the clock runs to it from now on.
            dueOn = LocalDate.parse(recorded.get(DUE_ON));
            warnOn = null;
            overdue = false;
        }
        state = target.code();
        stateKind = target.kind();
        if (stateKind != CaseType.StateKind.OPEN) {
            overdue = false;
        }
        return new TimelineEntry(0, t.name(), from, target.code(), actorName, now, recorded, comment == null || comment.isBlank() ? null : comment.strip());
    }

    private static Map<String, String> checkFields(CaseType.Transition t, Map<String, String> fields) {
        Map<String, String> given = fields == null ? Map.of() : fields;
        List<FieldViolation> problems = new ArrayList<>();
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (t.fields().stream().noneMatch(f -> f.name().equals(name))) {
                problems.add(FieldViolation.of("fields." + name, "case.field.unknown", name));
            }
        }
        for (CaseType.Field f : t.fields()) {
            String v = given.get(f.name());
            v = v == null || v.isBlank() ? null : v.strip();
            if (v == null && f.required()) {
                problems.add(FieldViolation.of("fields." + f.name(), "case.field.required", f.label().zh()));
            } else if (v != null && v.length() > 2000) {
                problems.add(FieldViolation.of("fields." + f.name(), "case.field.tooLong", f.label().zh(), 2000));
            }
            if (v != null) {
                recorded.put(f.name(), v);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return recorded;
    }

    private void checkDueOn(Map<String, String> recorded, LocalDate today) {
        String due = recorded.get(DUE_ON);
        if (due == null) {
            return;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(due);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("fields." + DUE_ON, "case.field.date", due);
        }
        if (d.isBefore(today)) {
            throw new InvalidInputException("fields." + DUE_ON, "case.field.dueBeforeToday", d, today);
        }
    }

    /** Whether the case is past its (promised) deadline on {@code today} while the clock runs. */
    boolean pastDue(LocalDate today) {
        return stateKind == CaseType.StateKind.OPEN && dueOn != null && dueOn.isBefore(today);
    }

    /** Notes the handling unit's path, read together with the case; not a change of the case. */
    Case readAt(String handlingPath) {
        this.handlingPath = handlingPath;
        return this;
    }

    /** The handling unit's path if the case was read with it, else null. */
    String handlingPath() {
        return handlingPath;
    }

    public long id() { return id; }
    public String number() { return number; }
    public String typeCode() { return typeCode; }
    public int typeVersion() { return typeVersion; }
    public long orgUnitId() { return orgUnitId; }
    public String state() { return state; }
    public CaseType.StateKind stateKind() { return stateKind; }
    public long version() { return version; }
    public Long parentId() { return parentId; }
    public Long enterpriseId() { return enterpriseId; }
    public LocalDate openedOn() { return openedOn; }
    public LocalDate dueOn() { return dueOn; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Case c && c.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
