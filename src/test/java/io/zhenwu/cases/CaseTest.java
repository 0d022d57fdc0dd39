package io.zhenwu.cases;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate's rules: state, role, required fields, "a different person", the paused clock, reopen counting. */
class CaseTest {

    /** Mon–Fri calendar: enough to check the clock's arithmetic without the holiday table. */
    static final Case.Clock WEEKDAYS = new Case.Clock() {
        @Override
        public LocalDate add(LocalDate from, int days, boolean calendarDays) {
            LocalDate d = from;
            for (int left = days; left > 0; ) {
                d = d.plusDays(1);
                if (d.getDayOfWeek().getValue() < 6) {
                    left--;
                }
            }
            return d;
        }

        @Override
        public int daysAfter(LocalDate from, LocalDate to, boolean calendarDays) {
            int n = 0;
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() < 6) {
                    n++;
                }
            }
            return n;
        }
    };

    static final Actor ANN = new Actor(1, "ann", new DataScope(1, "/1/"), Set.of(Role.INSPECTOR));
    static final Actor BOB = new Actor(2, "bob", new DataScope(1, "/1/"), Set.of(Role.INSPECTOR));
    static final Actor CAROL = new Actor(3, "carol", new DataScope(1, "/1/"), Set.of(Role.STAFF));

    CaseType type;
    Case c;
    final Instant now = Instant.parse("2023-03-06T02:00:00Z");
    final LocalDate monday = LocalDate.of(2023, 3, 6);

    @BeforeEach
    void setUp() {
        type = CaseTypeParser.parse("demo.yml", CaseTypeParserTest.VALID);
        c = new Case(1, "XS-DM-2023-000001", type.code(), 1, 1, 1, null, null, null, "t", null, false, ApplicantKind.NONE,
                null, null, null, null, null, null, "found", CaseType.StateKind.OPEN, null, now, monday, null, null, false, 5, null,
                LocalDate.of(2023, 3, 13), null, null, null, 0, null, false, 0, 0, "ann");
    }

    @Test
    void refusesATransitionNotAllowedFromTheCurrentState() {
        assertThatThrownBy(() -> c.fire(type, "close", BOB, Map.of("evidence", "x"), null, Map.of(), now, monday, WEEKDAYS))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void refusesARoleThatMayNotFireIt() {
        assertThatThrownBy(() -> c.fire(type, "notify", CAROL, Map.of(), null, Map.of(), now, monday, WEEKDAYS))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesAMissingRequiredFieldAndAnUnknownField() {
        c.fire(type, "notify", ANN, Map.of(), null, Map.of(), now, monday, WEEKDAYS);
        assertThatThrownBy(() -> c.fire(type, "close", BOB, Map.of(), null, Map.of("notify", List.of("ann")), now, monday, WEEKDAYS))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("fields.evidence"));
        assertThatThrownBy(() -> c.fire(type, "close", BOB, Map.of("evidence", "x", "colour", "red"), null,
                Map.of("notify", List.of("ann")), now, monday, WEEKDAYS))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("fields.colour"));
    }

    @Test
    void theSamePersonMayNotReinspectTheirOwnNotice() {
        c.fire(type, "notify", ANN, Map.of(), null, Map.of(), now, monday, WEEKDAYS);
        Map<String, List<String>> prior = Map.of("notify", List.of("ann"));
        assertThatThrownBy(() -> c.fire(type, "close", ANN, Map.of("evidence", "photo"), null, prior, now, monday, WEEKDAYS))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations().get(0).messageKey()).isEqualTo("case.transition.sameActor"));
        TimelineEntry closed = c.fire(type, "close", BOB, Map.of("evidence", "photo"), "ok", prior, now, monday, WEEKDAYS);
        assertThat(closed.toState()).isEqualTo("closed");
        assertThat(c.stateKind).isEqualTo(CaseType.StateKind.CLOSED);
        assertThat(c.outcome).isEqualTo("done");
        assertThat(c.closedOn).isEqualTo(monday);
    }

    @Test
    void aFailedReinspectionCountsAReopening() {
        c.fire(type, "notify", ANN, Map.of(), null, Map.of(), now, monday, WEEKDAYS);
        c.fire(type, "reinspect_fail", BOB, Map.of(), null, Map.of("notify", List.of("ann")), now, monday, WEEKDAYS);
        assertThat(c.reopenCount).isEqualTo(1);
        assertThat(c.state).isEqualTo("rectifying");
    }

    @Test
    void pausedWorkingDaysPushTheDeadlineAndAreNotCountedAsUsed() {
        c.fire(type, "notify", ANN, Map.of(), null, Map.of(), now, monday, WEEKDAYS);
        LocalDate tuesday = monday.plusDays(1);
        c.fire(type, "wait", ANN, Map.of(), null, Map.of(), now, tuesday, WEEKDAYS);
        assertThat(c.stateKind).isEqualTo(CaseType.StateKind.PAUSED);
        assertThat(c.pastDue(LocalDate.of(2023, 4, 1))).as("a paused case is never overdue").isFalse();
        // Paused Tuesday, resumed the Monday after: Wed, Thu, Fri, Mon = 4 working days the applicant took.
        LocalDate nextMonday = monday.plusDays(7);
        c.fire(type, "resume", ANN, Map.of(), null, Map.of(), now.plus(7, ChronoUnit.DAYS), nextMonday, WEEKDAYS);
        assertThat(c.pausedDays).isEqualTo(4);
        assertThat(c.dueOn).isEqualTo(LocalDate.of(2023, 3, 17));
        LocalDate wednesday = nextMonday.plusDays(2);
        c.fire(type, "close", BOB, Map.of("evidence", "x"), null, Map.of("notify", List.of("ann")), now, wednesday, WEEKDAYS);
        // Working days after the Monday of acceptance up to Wed 15th: 7 (Tue 7 … Wed 15), 4 of them paused.
        assertThat(c.workingDaysUsed).isEqualTo(3);
    }
}
