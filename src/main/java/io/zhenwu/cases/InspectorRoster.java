package io.zhenwu.cases;

import io.zhenwu.security.UserAccount;
import io.zhenwu.security.Users;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.Role;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 检查人员: who may sign an inspection. Every name given must be an enabled account holding 安全检查员 (INSPECTOR)
 * in the inspection's town — written as its login, or as its display name when exactly one such inspector bears it
 * — there must be two different ones (执法检查不少于两人), and the person recording the inspection must be one of them.
 */
@Component
class InspectorRoster {

    private final Users users;

    InspectorRoster(Users users) {
        this.users = users;
    }

    /** The display names of the inspectors written (in the order given, each once), or violations added to {@code problems}. */
    List<String> resolve(Actor recorder, DataScope town, List<String> written, List<FieldViolation> problems) {
        List<String> given = written == null ? List.of()
                : written.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
        // Only the town's inspectors the form names, read in one statement.
        List<UserAccount> roster = users.enabledWithRoleNamed(town, Role.INSPECTOR, new LinkedHashSet<>(given));
        Map<String, UserAccount> chosen = new LinkedHashMap<>();
        int before = problems.size();
        for (String n : given) {
            List<UserAccount> matches = roster.stream().filter(u -> u.username().equals(n)).toList();
            if (matches.isEmpty()) {
                matches = roster.stream().filter(u -> Objects.equals(u.displayName(), n)).toList();
            }
            if (matches.size() == 1) {
                chosen.putIfAbsent(matches.get(0).username(), matches.get(0));
            } else {
                problems.add(FieldViolation.of("inspectors", matches.isEmpty()
                        ? "case.safety.inspection.inspectorUnknown" : "case.safety.inspection.inspectorAmbiguous", n));
            }
        }
        if (problems.size() == before && chosen.size() < 2) {
            problems.add(FieldViolation.of("inspectors", "case.safety.inspection.twoInspectors"));
        }
        if (problems.size() == before && !chosen.containsKey(recorder.username())) {
            problems.add(FieldViolation.of("inspectors", "case.safety.inspection.recorderNotAmong", recorder.username()));
        }
        List<String> names = new ArrayList<>();
        chosen.values().forEach(u -> names.add(u.displayName()));
        return names;
    }
}
