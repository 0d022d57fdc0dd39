package io.zhenwu.web;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The side navigation: each section's links together, so that each section heading is shown once. */
class LayoutModelTest {

    @Test
    void everySectionAppearsOnceForEveryRoleAndForAllRolesTogether() {
        List<Set<Role>> actors = new ArrayList<>();
        for (Role role : Role.values()) {
            actors.add(EnumSet.of(role));
        }
        actors.add(EnumSet.allOf(Role.class));
        for (Set<Role> roles : actors) {
            List<String> sections = new ArrayList<>();
            for (LayoutModel.NavItem item : LayoutModel.navigation(new Actor(1, "nav", new DataScope(1, "/1/"), roles))) {
                if (sections.isEmpty() || !sections.get(sections.size() - 1).equals(item.section())) {
                    assertThat(sections).as("%s: the section %s again after %s", roles, item.section(), sections)
                            .doesNotContain(item.section());
                    sections.add(item.section());
                }
            }
            assertThat(sections).as(roles.toString()).startsWith("nav.section.overview");
        }
    }
}
