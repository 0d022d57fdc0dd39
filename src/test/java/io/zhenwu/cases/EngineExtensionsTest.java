package io.zhenwu.cases;

import io.zhenwu.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine mechanisms added for the safety, labor and farmland loops, for every type: {@code open} in
 * {@code differentActorThan} (not whoever opened the case), a {@code due_on} field that sets the deadline, and the
 * built-in types of the three loops parse.
 */
class EngineExtensionsTest {

    static final String TYPE = """
            code: loop
            version: 1
            name: {zh: 闭环, en: Loop}
            numberCode: LP
            openRoles: [INSPECTOR]
            initial: found
            states:
              - {code: found, kind: open, name: {zh: 发现}}
              - {code: fixing, kind: open, name: {zh: 整改}}
              - {code: closed, kind: closed, name: {zh: 销号}}
            transitions:
              - name: notify
                label: {zh: 通知}
                from: [found]
                to: fixing
                roles: [INSPECTOR]
                fields:
                  - {name: due_on, required: true, label: {zh: 期限}}
              - name: close
                label: {zh: 复查销号}
                from: [fixing]
                to: closed
                roles: [INSPECTOR]
                differentActorThan: [open]
            """;

    final Instant now = Instant.parse("2023-03-06T02:00:00Z");
    final LocalDate monday = LocalDate.of(2023, 3, 6);

    Case newCase(CaseType type) {
        return new Case(1, "XS-LP-2023-000001", type.code(), 1, 1, 1, null, null, null, "t", null, false, ApplicantKind.NONE,
                null, null, null, null, null, null, "found", CaseType.StateKind.OPEN, null, now, monday, null, null, false, null, null,
                null, null, null, null, 0, null, false, 0, 0, "ann");
    }

    @Test
    void whoeverOpenedTheCaseMayBeExcludedAndADueOnFieldSetsTheDeadline() {
        CaseType type = CaseTypeParser.parse("loop.yml", TYPE);
        Case c = newCase(type);
        assertThatThrownBy(() -> c.fire(type, "notify", CaseTest.ANN, Map.of("due_on", "2023-03-01"), null, Map.of(), now, monday, CaseTest.WEEKDAYS))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("case.field.dueBeforeToday"));
        assertThatThrownBy(() -> c.fire(type, "notify", CaseTest.ANN, Map.of("due_on", "soon"), null, Map.of(), now, monday, CaseTest.WEEKDAYS))
                .isInstanceOf(InvalidInputException.class);
        c.fire(type, "notify", CaseTest.ANN, Map.of("due_on", "2023-03-20"), null, Map.of("open", List.of("ann")), now, monday, CaseTest.WEEKDAYS);
        assertThat(c.dueOn()).isEqualTo(LocalDate.of(2023, 3, 20));
        assertThat(c.pastDue(LocalDate.of(2023, 3, 21))).isTrue();
        Map<String, List<String>> prior = Map.of("open", List.of("ann"), "notify", List.of("ann"));
        assertThatThrownBy(() -> c.fire(type, "close", CaseTest.ANN, Map.of(), null, prior, now, monday, CaseTest.WEEKDAYS))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).args()).contains("复查销号", "登记"));
        c.fire(type, "close", CaseTest.BOB, Map.of(), null, prior, now, monday, CaseTest.WEEKDAYS);
        assertThat(c.stateKind()).isEqualTo(CaseType.StateKind.CLOSED);
    }

    @Test
    void openIsReservedAsATransitionName() {
        assertThatThrownBy(() -> CaseTypeParser.parse("bad.yml", TYPE.replace("name: notify", "name: open")))
                .hasMessageContaining("reserved");
    }

    @Test
    void theLoopTypesParse() throws Exception {
        for (String name : List.of("safety_hazard.v1.yml", "labor_dispute.v1.yml", "farmland_plot.v1.yml")) {
            try (var in = getClass().getResourceAsStream("/cases/types/" + name)) {
                CaseType t = CaseTypeParser.parse(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                assertThat(t.states()).anyMatch(s -> s.kind() == CaseType.StateKind.CLOSED);
            }
        }
        try (var in = getClass().getResourceAsStream("/cases/types/safety_hazard.v1.yml")) {
            CaseType hazard = CaseTypeParser.parse("h", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(hazard.transition("reinspect_pass").orElseThrow().differentActorThan()).contains("open", "issue_notice");
            assertThat(hazard.transition("reinspect_fail").orElseThrow().reopen()).isTrue();
        }
    }
}
