package io.zhenwu.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as the API, the pages and other modules read it: personal data masked, names of the type and state in
 * both languages, and the transitions that can be fired from the current state.
 */
public record CaseView(long id, String number, String type, int typeVersion, String typeName, String category,
                       String subjectCode, String subjectName, String title, String channelCode, boolean outOfHours,
                       ApplicantKind applicantKind, Long applicantRef, String applicantName, String applicantIdMasked,
                       Long enterpriseId, long orgUnitId, String assignee, Long parentId, String state, String stateName,
                       CaseType.StateKind stateKind, String outcome, Instant openedAt, LocalDate openedOn, Instant closedAt,
                       LocalDate closedOn, boolean calendarDays, Integer promisedDays, Integer legalDays, LocalDate dueOn,
                       LocalDate legalDueOn, int pausedDays, Integer workingDaysUsed, boolean overdue, int reopenCount,
                       long version, List<String> transitions) {

    static CaseView of(Case c, CaseType type) {
        CaseType.State s = type.state(c.state);
        return new CaseView(c.id, c.number, c.typeCode, c.typeVersion, type.name().zh(), c.category, c.subjectCode,
                c.subjectName, c.title, c.channelCode, c.outOfHours, c.applicantKind, c.applicantRef, c.applicantName,
                c.applicantIdMasked, c.enterpriseId, c.orgUnitId, c.assignee, c.parentId, c.state,
                s == null ? c.state : s.name().zh(), c.stateKind, c.outcome, c.openedAt, c.openedOn, c.closedAt, c.closedOn,
                c.calendarDays, c.promisedDays, c.legalDays, c.dueOn, c.legalDueOn, c.pausedDays, c.workingDaysUsed,
                c.overdue, c.reopenCount, c.version, type.available(c.state).stream().map(CaseType.Transition::name).toList());
    }

    public boolean closed() {
        return stateKind == CaseType.StateKind.CLOSED;
    }
}
