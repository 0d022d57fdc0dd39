package io.zhenwu.cases;

import io.zhenwu.shared.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A case type that cannot run is refused with a message naming the file and the problem. */
class CaseTypeParserTest {

    static final String VALID = """
            code: demo_loop
            version: 1
            name: {zh: 演示, en: Demo}
            numberCode: DM
            openRoles: [INSPECTOR]
            initial: found
            states:
              - {code: found, kind: open, name: {zh: 发现, en: Found}}
              - {code: rectifying, kind: open, name: {zh: 整改中, en: Rectifying}}
              - {code: waiting, kind: paused, name: {zh: 等待, en: Waiting}}
              - {code: closed, kind: closed, name: {zh: 销号, en: Closed}}
            transitions:
              - {name: notify, label: {zh: 下达通知, en: Notify}, from: [found], to: rectifying, roles: [INSPECTOR]}
              - {name: wait, label: {zh: 等待, en: Wait}, from: [rectifying], to: waiting, roles: [INSPECTOR]}
              - {name: resume, label: {zh: 继续, en: Resume}, from: [waiting], to: rectifying, roles: [INSPECTOR]}
              - name: reinspect_fail
                label: {zh: 复查不合格, en: Re-inspection failed}
                from: [rectifying]
                to: rectifying
                roles: [INSPECTOR]
                reopen: true
                differentActorThan: [notify]
              - name: close
                label: {zh: 复查销号, en: Close}
                from: [rectifying]
                to: closed
                roles: [INSPECTOR]
                differentActorThan: [notify]
                fields:
                  - {name: evidence, required: true, label: {zh: 整改证据, en: Evidence}}
            timeLimit: {unit: working, promisedDays: 5, warnDaysBefore: 1}
            """;

    @Test
    void parsesAValidType() {
        CaseType type = CaseTypeParser.parse("demo.yml", VALID);
        assertThat(type.code()).isEqualTo("demo_loop");
        assertThat(type.states()).hasSize(4);
        assertThat(type.transition("close").orElseThrow().differentActorThan()).containsExactly("notify");
        assertThat(type.transition("close").orElseThrow().fields().get(0).required()).isTrue();
        assertThat(type.openRoles()).containsExactly(Role.INSPECTOR);
        assertThat(type.timeLimit().promisedDays()).isEqualTo(5);
        assertThat(type.available("rectifying")).extracting(CaseType.Transition::name)
                .containsExactlyInAnyOrder("wait", "reinspect_fail", "close");
    }

    @Test
    void everyBuiltInTypeParses() throws IOException {
        for (String name : new String[] {"service_matter.v1.yml", "service_bundle.v1.yml", "assistance_request.v1.yml", "enterprise_visit.v1.yml"}) {
            String text = new String(Objects.requireNonNull(getClass().getResourceAsStream("/cases/types/" + name)).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(CaseTypeParser.parse(name, text).code()).isNotBlank();
        }
    }

    @Test
    void refusesATransitionToAnUnknownState() {
        assertThatThrownBy(() -> CaseTypeParser.parse("bad.yml", VALID.replace("to: closed", "to: archived")))
                .hasMessageContaining("bad.yml").hasMessageContaining("transition 'close' goes to unknown state 'archived'");
    }

    @Test
    void refusesAnUnreachableState() {
        String unreachable = VALID.replace("  - {code: closed, kind: closed", "  - {code: limbo, kind: open, name: {zh: 悬空, en: Limbo}}\n  - {code: closed, kind: closed");
        assertThatThrownBy(() -> CaseTypeParser.parse("bad.yml", unreachable))
                .hasMessageContaining("state 'limbo' cannot be reached from the initial state 'found'");
    }

    @Test
    void refusesATypeThatNeverCloses() {
        String noClose = VALID.replace("kind: closed", "kind: open");
        assertThatThrownBy(() -> CaseTypeParser.parse("bad.yml", noClose)).hasMessageContaining("no closed state");
    }

    @Test
    void refusesUnknownRolesKeysAndDifferentActorReferences() {
        assertThatThrownBy(() -> CaseTypeParser.parse("bad.yml", VALID.replace("openRoles: [INSPECTOR]", "openRoles: [JANITOR]")))
                .hasMessageContaining("unknown role 'JANITOR'");
        assertThatThrownBy(() -> CaseTypeParser.parse("bad.yml", VALID.replace("timeLimit: {unit: working", "timeLimit: {unit: fortnights")))
                .hasMessageContaining("timeLimit unit 'fortnights'");
        assertThatThrownBy(() -> CaseTypeParser.parse("bad.yml", VALID.replace("version: 1", "version: 1\ncolour: red")))
                .hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> CaseTypeParser.parse("bad.yml", VALID.replace("differentActorThan: [notify]\n    fields", "differentActorThan: [inspect]\n    fields")))
                .hasMessageContaining("unknown transition 'inspect'");
    }

    @Test
    void refusesLeavingAClosedStateAndDuplicateStates() {
        String leaving = VALID.replace("from: [waiting], to: rectifying", "from: [closed], to: rectifying");
        assertThatThrownBy(() -> CaseTypeParser.parse("bad.yml", leaving)).hasMessageContaining("leaves closed state 'closed'");
        String dup = VALID.replace("{code: waiting, kind: paused", "{code: found, kind: paused");
        assertThatThrownBy(() -> CaseTypeParser.parse("bad.yml", dup)).hasMessageContaining("state 'found' is declared twice");
    }

    @Test
    void refusesBrokenYaml() {
        assertThatThrownBy(() -> CaseTypeParser.parse("bad.yml", "code: [unclosed")).hasMessageContaining("not valid YAML");
    }
}
