package io.zhenwu.cases;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a case page offers its reader: the state's transitions, for the reader's roles, not against "a different person". */
class CaseTypeActionsTest {

    static CaseType shipped(String file) throws IOException {
        try (InputStream in = CaseTypeActionsTest.class.getResourceAsStream("/cases/types/" + file)) {
            return CaseTypeParser.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Actor actor(String name, Role role) {
        return new Actor(1, name, new DataScope(1, "/1/"), Set.of(role));
    }

    static List<String> names(List<CaseType.Transition> transitions) {
        return transitions.stream().map(CaseType.Transition::name).toList();
    }

    @Test
    void theReinspectionIsOfferedToAnotherInspectorThanTheFinderOnly() throws IOException {
        CaseType hazard = shipped("safety_hazard.v1.yml");
        Map<String, List<String>> earlier = Map.of("open", List.of("inspector"), "report_rectification", List.of("enterprise"));
        assertThat(names(hazard.availableTo("reported", actor("inspector", Role.INSPECTOR), earlier))).isEmpty();
        assertThat(names(hazard.availableTo("reported", actor("inspector2", Role.INSPECTOR), earlier)))
                .containsExactlyInAnyOrder("reinspect_pass", "reinspect_fail");
        assertThat(names(hazard.availableTo("reported", actor("cadre", Role.CADRE), earlier))).isEmpty();
        assertThat(names(hazard.available("reported"))).as("what the state allows anyone").contains("reinspect_pass", "reinspect_fail");
    }

    @Test
    void aServiceMatterIsWorkedByTheWindowStaffOnly() throws IOException {
        CaseType matter = shipped("service_matter.v1.yml");
        assertThat(names(matter.availableTo("accepted", actor("staff", Role.STAFF), Map.of()))).contains("complete", "hand_over");
        assertThat(matter.availableTo("accepted", actor("leader", Role.LEADER), Map.of())).isEmpty();
        assertThat(matter.availableTo("completed", actor("staff", Role.STAFF), Map.of())).isEmpty();
    }
}
