package io.zhenwu.security;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.zhenwu.testsupport.TestOrgs.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ZhenwuTest
@Tag("db")
class UsersIT {

    private static final String GOOD = "Zhenwu@2023";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired
    Users users;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    OrgUnit town;
    DataScope townScope;

    @BeforeEach
    void newTown() {
        town = TestOrgs.newTown(orgUnits);
        townScope = scopeOf(town);
    }

    private static String username() {
        return "it-user" + NAMES.incrementAndGet();
    }

    private static List<FieldViolation> violations(Executable call) {
        return assertThrows(InvalidInputException.class, call).violations();
    }

    private static FieldViolation violation(Executable call, String field) {
        return violations(call).stream().filter(v -> v.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no violation on " + field));
    }

    private UserAccount byUsername(String username) {
        DataScope root = TestOrgs.rootScope(orgUnits);
        return users.search(root, username, null, PageQuery.of(0, 50, null, "u.username", Users.SORTABLE)).content().stream()
                .filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void createsAUserWithABcryptHashInAnOrgUnitOfTheScope() {
        String name = username();
        UserAccount created = users.create(townScope, name.toUpperCase() + " ", "  张三 ", town.id(), EnumSet.of(Role.STAFF, Role.INSPECTOR), true, GOOD);
        assertThat(created.username()).isEqualTo(name);
        assertThat(created.displayName()).isEqualTo("张三");
        assertThat(created.orgUnitId()).isEqualTo(town.id());
        assertThat(created.orgUnitName()).isEqualTo(town.name());
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.INSPECTOR);
        assertThat(created.enabled()).isTrue();
        assertThat(created.version()).isZero();

        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, created.id());
        assertThat(hash).startsWith("{bcrypt-sha256}$2").doesNotContain(GOOD);
        assertThat(passwordEncoder.matches(GOOD, hash)).isTrue();
        assertThat(passwordEncoder.matches("Zhenwu@2024", hash)).isFalse();
    }

    @Test
    void aUserWithoutAnOrgUnitIsRejected() {
        FieldViolation v = violation(() -> users.create(townScope, username(), "无单位", null, Set.of(Role.STAFF), true, GOOD), "orgUnitId");
        assertThat(v.messageKey()).isEqualTo("user.orgUnit.required");
    }

    @Test
    void anOrgUnitOutsideTheScopeIsRejected() {
        OrgUnit kongqing = TestOrgs.byCode(orgUnits, TestOrgs.KONGQING);
        FieldViolation v = violation(() -> users.create(townScope, username(), "越权", kongqing.id(), Set.of(Role.CADRE), true, GOOD), "orgUnitId");
        assertThat(v.messageKey()).isEqualTo("user.orgUnit.notFound");
    }

    @Test
    void weakPasswordsAreRejected() {
        String name = username();
        assertThat(violation(() -> users.create(townScope, name, "弱密码", town.id(), Set.of(Role.STAFF), true, "abcdefghijkl"), "password")
                .messageKey()).isEqualTo("password.weak");
        assertThat(violation(() -> users.create(townScope, name, "短密码", town.id(), Set.of(Role.STAFF), true, "Zw@1"), "password")
                .messageKey()).isEqualTo("password.tooShort");
        assertThat(violation(() -> users.create(townScope, name, "含用户名", town.id(), Set.of(Role.STAFF), true, name.toUpperCase() + "@x1"), "password")
                .messageKey()).isEqualTo("password.containsUsername");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Long.class, name)).isZero();
    }

    @Test
    void duplicateUsernamesAreRejectedWhateverTheCase() {
        for (String taken : List.of("cadre", " Cadre2 ", "ADMIN")) {
            FieldViolation v = violation(() -> users.create(townScope, taken, "重名", town.id(), Set.of(Role.CADRE), true, GOOD), "username");
            assertThat(v.messageKey()).isEqualTo("user.username.duplicate");
        }
        assertThat(violation(() -> users.create(townScope, "张三", "中文名", town.id(), Set.of(Role.CADRE), true, GOOD), "username")
                .messageKey()).isEqualTo("user.username.format");
        assertThat(violation(() -> users.create(townScope, username(), "无角色", town.id(), Set.of(), true, GOOD), "roles")
                .messageKey()).isEqualTo("user.roles.required");
    }

    @Test
    void updatingWithAStaleVersionIsAConflict() {
        UserAccount created = users.create(townScope, username(), "李四", town.id(), Set.of(Role.STAFF), true, GOOD);
        UserAccount updated = users.update(townScope, created.id(), created.version(), "李四（改）", null, Set.of(Role.STAFF, Role.LEADER), null);
        assertThat(updated.version()).isEqualTo(created.version() + 1);
        assertThat(updated.displayName()).isEqualTo("李四（改）");
        assertThat(updated.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.LEADER);

        ConflictException e = assertThrows(ConflictException.class,
                () -> users.update(townScope, created.id(), created.version(), "覆盖", null, null, false));
        assertThat(e.messageKey()).isEqualTo("conflict.stale");
        assertThat(e.current()).isEqualTo(updated);
        UserAccount now = users.get(townScope, created.id());
        assertThat(now.displayName()).isEqualTo("李四（改）");
        assertThat(now.enabled()).isTrue();
    }

    @Test
    void aVillageCadreCannotSeeAnotherVillagesCadre() {
        UserAccount cadre = byUsername("cadre");
        UserAccount cadre2 = byUsername("cadre2");
        DataScope kongqing = scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.KONGQING));
        assertThat(cadre.orgUnitId()).isEqualTo(kongqing.orgUnitId());

        assertThat(users.get(kongqing, cadre.id())).isEqualTo(cadre);
        assertThrows(NotFoundException.class, () -> users.get(kongqing, cadre2.id()));
        assertThrows(NotFoundException.class, () -> users.update(kongqing, cadre2.id(), cadre2.version(), "改名", null, null, false));
        assertThrows(NotFoundException.class, () -> users.resetPassword(kongqing, cadre2.id(), "Hijack@2023x"));
        var visible = users.search(kongqing, null, null, PageQuery.of(0, 100, null, "u.username", Users.SORTABLE));
        assertThat(visible.content()).extracting(UserAccount::username).containsExactly("cadre");
        assertThat(users.count(kongqing)).isEqualTo(1);
        // cadre2's account is untouched
        assertThat(users.get(scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.FANXIANG)), cadre2.id())).isEqualTo(cadre2);
    }

    @Test
    void countsByRoleOfEnabledUsersInScope() {
        OrgUnit village = orgUnits.create(townScope, town.id(), TestOrgs.childCode(town, 201), "计数村", OrgUnitType.VILLAGE);
        users.create(townScope, username(), "甲", town.id(), Set.of(Role.STAFF), true, GOOD);
        users.create(townScope, username(), "乙", town.id(), Set.of(Role.STAFF, Role.INSPECTOR), true, GOOD);
        users.create(townScope, username(), "丙", village.id(), Set.of(Role.CADRE), true, GOOD);
        users.create(townScope, username(), "丁", village.id(), Set.of(Role.CADRE), false, GOOD);

        assertThat(users.count(townScope)).isEqualTo(4);
        assertThat(users.countByRole(townScope)).isEqualTo(Map.of(Role.STAFF, 2L, Role.INSPECTOR, 1L, Role.CADRE, 1L));
        assertThat(users.countByRole(scopeOf(village))).isEqualTo(Map.of(Role.CADRE, 1L));
        assertThat(users.search(townScope, null, Role.CADRE, PageQuery.of(0, 20, null, "u.username", Users.SORTABLE)).totalElements())
                .isEqualTo(2);
    }
}
