package io.zhenwu.org;

import io.zhenwu.security.Users;
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
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.zhenwu.org.OrgUnitType.*;
import static io.zhenwu.testsupport.TestOrgs.childCode;
import static io.zhenwu.testsupport.TestOrgs.internalCode;
import static io.zhenwu.testsupport.TestOrgs.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ZhenwuTest
@Tag("db")
class OrgUnitsIT {

    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Users users;
    @Autowired
    JdbcTemplate jdbc;

    OrgUnit town;
    DataScope townScope;

    @BeforeEach
    void newTown() {
        town = TestOrgs.newTown(orgUnits);
        townScope = scopeOf(town);
    }

    private static FieldViolation violation(Executable call, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        return e.violations().stream().filter(v -> v.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no violation on " + field + ": " + e.violations()));
    }

    @Test
    void createsAUnitUnderAParentInScope() {
        OrgUnit county = TestOrgs.byCode(orgUnits, TestOrgs.COUNTY);
        assertThat(town.parentId()).isEqualTo(county.id());
        assertThat(town.path()).isEqualTo(county.path() + town.id() + "/");
        assertThat(town.depth()).isEqualTo(county.depth() + 1);

        OrgUnit village = orgUnits.create(townScope, town.id(), " " + childCode(town, 201) + " ", "  测试村  ", VILLAGE);
        assertThat(village.parentId()).isEqualTo(town.id());
        assertThat(village.path()).isEqualTo(town.path() + village.id() + "/");
        assertThat(village.depth()).isEqualTo(town.depth() + 1);
        assertThat(village.code()).isEqualTo(childCode(town, 201));
        assertThat(village.name()).isEqualTo("测试村");
        assertThat(village.type()).isEqualTo(VILLAGE);
        assertThat(village.active()).isTrue();
        assertThat(village.demoCode()).isFalse();
        assertThat(village.version()).isZero();
        assertThat(orgUnits.get(townScope, village.id())).isEqualTo(village);

        String code = internalCode("dept");
        OrgUnit dept = orgUnits.create(townScope, town.id(), code.toLowerCase(), "综合办", DEPARTMENT);
        assertThat(dept.code()).isEqualTo(code);
        assertThat(jdbc.queryForObject("SELECT path FROM org_unit WHERE id = ?", String.class, dept.id()))
                .isEqualTo(town.path() + dept.id() + "/");
    }

    @Test
    void aParentOutsideTheCallersScopeIsNotFound() {
        DataScope kongqing = scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.KONGQING));
        FieldViolation v = violation(() -> orgUnits.create(kongqing, town.id(), internalCode("x"), "越权部门", DEPARTMENT), "parentId");
        assertThat(v.messageKey()).isEqualTo("org.parent.notFound");
        assertThat(violation(() -> orgUnits.create(townScope, null, internalCode("x"), "无上级", DEPARTMENT), "parentId").messageKey())
                .isEqualTo("org.parent.required");
    }

    @Test
    void duplicateCodesAreRejectedEvenWhenTheOtherUnitIsOutOfScope() {
        String code = childCode(town, 202);
        orgUnits.create(townScope, town.id(), code, "甲村", VILLAGE);
        FieldViolation v = violation(() -> orgUnits.create(townScope, town.id(), code, "乙村", VILLAGE), "code");
        assertThat(v.messageKey()).isEqualTo("org.code.duplicate");
        assertThat(v.args()).containsExactly(code);

        // XS-JJFZ belongs to 下蜀镇, which this town's scope cannot see: codes are unique installation-wide
        FieldViolation other = violation(() -> orgUnits.create(townScope, town.id(), "xs-jjfz", "经济发展局", DEPARTMENT), "code");
        assertThat(other.messageKey()).isEqualTo("org.code.duplicate");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE code = ?", Long.class, "XS-JJFZ")).isEqualTo(1);
    }

    @Test
    void aCodeNotExtendingTheParentsIsRejected() {
        // 321183102299 would be a village of 下蜀镇, not of this town
        FieldViolation v = violation(() -> orgUnits.create(townScope, town.id(), "321183102299", "错码村", VILLAGE), "code");
        assertThat(v.messageKey()).isEqualTo("org.code.extendParent");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE code = '321183102299'", Long.class)).isZero();
        // and a village placed directly under the county is a placement error
        OrgUnit county = TestOrgs.byCode(orgUnits, TestOrgs.COUNTY);
        assertThat(violation(() -> orgUnits.create(scopeOf(county), county.id(), "321183999201", "错位村", VILLAGE), "parentId")
                .messageKey()).isEqualTo("org.parent.type");
    }

    @Test
    void aUnitCannotMoveUnderItselfOrItsOwnDescendant() {
        OrgUnit dept = orgUnits.create(townScope, town.id(), internalCode("d"), "部门", DEPARTMENT);
        OrgUnit section = orgUnits.create(townScope, dept.id(), internalCode("s"), "科室", DEPARTMENT);
        OrgUnit team = orgUnits.create(townScope, section.id(), internalCode("t"), "小组", DEPARTMENT);

        assertThat(violation(() -> orgUnits.move(townScope, dept.id(), dept.version(), team.id()), "parentId").messageKey())
                .isEqualTo("org.move.intoOwnSubtree");
        assertThat(violation(() -> orgUnits.move(townScope, dept.id(), dept.version(), dept.id()), "parentId").messageKey())
                .isEqualTo("org.move.intoOwnSubtree");
        assertThat(orgUnits.get(townScope, dept.id())).isEqualTo(dept);
        assertThat(orgUnits.get(townScope, team.id()).path()).isEqualTo(team.path());
    }

    @Test
    void movingADepartmentToAnotherTownRewritesTheWholeSubtree() {
        OrgUnit otherTown = TestOrgs.newTown(orgUnits);
        OrgUnit dept = orgUnits.create(townScope, town.id(), internalCode("d"), "部门", DEPARTMENT);
        OrgUnit section = orgUnits.create(townScope, dept.id(), internalCode("s"), "科室", DEPARTMENT);
        OrgUnit team = orgUnits.create(townScope, section.id(), internalCode("t"), "小组", DEPARTMENT);
        OrgUnit sibling = orgUnits.create(townScope, town.id(), internalCode("d"), "留守部门", DEPARTMENT);
        OrgUnit county = TestOrgs.byCode(orgUnits, TestOrgs.COUNTY);
        DataScope countyScope = scopeOf(county);

        OrgUnit moved = orgUnits.move(countyScope, dept.id(), dept.version(), otherTown.id());
        assertThat(moved.parentId()).isEqualTo(otherTown.id());
        assertThat(moved.path()).isEqualTo(otherTown.path() + dept.id() + "/");
        assertThat(moved.version()).isEqualTo(dept.version() + 1);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT id, parent_id, path, depth FROM org_unit WHERE id IN (?, ?, ?, ?) ORDER BY depth, id",
                dept.id(), section.id(), team.id(), sibling.id());
        assertThat(rows).extracting(r -> ((Number) r.get("id")).longValue(), r -> r.get("path"), r -> ((Number) r.get("depth")).intValue())
                .containsExactlyInAnyOrder(
                        tuple(dept.id(), otherTown.path() + dept.id() + "/", otherTown.depth() + 1),
                        tuple(section.id(), otherTown.path() + dept.id() + "/" + section.id() + "/", otherTown.depth() + 2),
                        tuple(team.id(), otherTown.path() + dept.id() + "/" + section.id() + "/" + team.id() + "/", otherTown.depth() + 3),
                        tuple(sibling.id(), town.path() + sibling.id() + "/", town.depth() + 1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE path LIKE ?", Long.class, town.path() + "%"))
                .as("the old town keeps itself and the sibling").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE path LIKE ?", Long.class, otherTown.path() + "%"))
                .isEqualTo(4);
        // every path is its parent's path plus its own id, and depth follows the path
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit c JOIN org_unit p ON p.id = c.parent_id "
                + "WHERE c.path <> p.path || CAST(c.id AS VARCHAR(20)) || '/' OR c.depth <> p.depth + 1", Long.class)).isZero();

        // the old town's scope no longer sees the moved subtree; the new one does
        assertThrows(NotFoundException.class, () -> orgUnits.get(townScope, team.id()));
        assertThat(orgUnits.get(scopeOf(otherTown), team.id()).depth()).isEqualTo(otherTown.depth() + 3);

        // moving again with the version from before the first move is a conflict
        assertThrows(ConflictException.class, () -> orgUnits.move(countyScope, dept.id(), dept.version(), town.id()));
    }

    @Test
    void aVillageCannotMoveToATownWhoseCodeItDoesNotExtend() {
        OrgUnit otherTown = TestOrgs.newTown(orgUnits);
        OrgUnit village = orgUnits.create(townScope, town.id(), childCode(town, 203), "丙村", VILLAGE);
        DataScope countyScope = scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY));
        assertThat(violation(() -> orgUnits.move(countyScope, village.id(), village.version(), otherTown.id()), "code").messageKey())
                .isEqualTo("org.code.extendParent");
    }

    @Test
    void renamingWithAStaleVersionIsAConflict() {
        OrgUnit dept = orgUnits.create(townScope, town.id(), internalCode("r"), "旧名", DEPARTMENT);
        OrgUnit renamed = orgUnits.update(townScope, dept.id(), dept.version(), null, "新名", null);
        assertThat(renamed.name()).isEqualTo("新名");
        assertThat(renamed.version()).isEqualTo(dept.version() + 1);

        ConflictException e = assertThrows(ConflictException.class,
                () -> orgUnits.update(townScope, dept.id(), dept.version(), null, "覆盖", null));
        assertThat(e.messageKey()).isEqualTo("conflict.stale");
        assertThat(e.current()).isEqualTo(renamed);
        assertThat(orgUnits.get(townScope, dept.id()).name()).isEqualTo("新名");
    }

    @Test
    void aUnitThatStillHasUsersOrChildrenCannotBeDeleted() {
        OrgUnit dept = orgUnits.create(townScope, town.id(), internalCode("u"), "有人部门", DEPARTMENT);
        users.create(townScope, "deluser" + dept.id(), "部门员工", dept.id(), Set.of(Role.STAFF), true, "Zhenwu@2023");

        FieldViolation v = violation(() -> orgUnits.delete(townScope, dept.id(), dept.version()), "id");
        assertThat(v.messageKey()).isEqualTo("org.delete.inUse");
        assertThat(v.args()).hasSize(2);
        assertThat(v.args().get(0)).isEqualTo(1L);
        assertThat(v.args().get(1)).isInstanceOfSatisfying(MessageSourceResolvable.class,
                r -> assertThat(Arrays.asList(r.getCodes())).containsExactly("usage.users"));
        assertThat(orgUnits.find(townScope, dept.id())).isPresent();

        FieldViolation children = violation(() -> orgUnits.delete(townScope, town.id(), town.version()), "id");
        assertThat(children.args().get(1)).isInstanceOfSatisfying(MessageSourceResolvable.class,
                r -> assertThat(Arrays.asList(r.getCodes())).containsExactly("usage.children"));

        OrgUnit empty = orgUnits.create(townScope, town.id(), internalCode("e"), "空部门", DEPARTMENT);
        assertThrows(ConflictException.class, () -> orgUnits.delete(townScope, empty.id(), empty.version() + 1));
        orgUnits.delete(townScope, empty.id(), empty.version());
        assertThat(orgUnits.find(townScope, empty.id())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE id = ?", Long.class, empty.id())).isZero();
    }

    @Test
    void aUnitOutsideTheCallersScopeIsNotFound() {
        OrgUnit kongqing = TestOrgs.byCode(orgUnits, TestOrgs.KONGQING);
        OrgUnit fanxiang = TestOrgs.byCode(orgUnits, TestOrgs.FANXIANG);
        DataScope scope = scopeOf(kongqing);

        assertThat(orgUnits.find(scope, kongqing.id())).contains(kongqing);
        assertThat(orgUnits.find(scope, fanxiang.id())).isEmpty();
        assertThrows(NotFoundException.class, () -> orgUnits.get(scope, fanxiang.id()));
        assertThat(orgUnits.findByCode(scope, TestOrgs.FANXIANG)).isEmpty();
        assertThrows(NotFoundException.class, () -> orgUnits.update(scope, fanxiang.id(), fanxiang.version(), null, "改名", null));
        assertThrows(NotFoundException.class, () -> orgUnits.delete(scope, fanxiang.id(), fanxiang.version()));
        assertThrows(NotFoundException.class, () -> orgUnits.children(scope, kongqing.parentId()));
        var page = orgUnits.search(scope, null, null, null, PageQuery.of(0, 100, null, "code", OrgUnits.SORTABLE));
        assertThat(page.totalElements()).isEqualTo(1);
        assertThat(page.content()).extracting(OrgUnit::code).containsExactly(TestOrgs.KONGQING);
        assertThat(orgUnits.search(scope, "范巷", null, null, PageQuery.of(0, 20, null, "code", OrgUnits.SORTABLE)).totalElements())
                .isZero();
        assertThat(orgUnits.countByType(scope)).isEqualTo(Map.of(VILLAGE, 1L));
        // the town's scope sees both
        assertThat(orgUnits.find(scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.XIASHU)), fanxiang.id())).contains(fanxiang);
        assertThat(orgUnits.get(scopeOf(fanxiang), fanxiang.id()).name()).isEqualTo("范巷村");
    }

    @Test
    void markupInANameIsStoredVerbatimAsText() {
        String xss = "<script>alert(1)</script>";
        OrgUnit dept = orgUnits.create(townScope, town.id(), internalCode("xss"), xss, DEPARTMENT);
        assertThat(dept.name()).isEqualTo(xss);
        assertThat(orgUnits.get(townScope, dept.id()).name()).isEqualTo(xss);
        assertThat(jdbc.queryForObject("SELECT name FROM org_unit WHERE id = ?", String.class, dept.id())).isEqualTo(xss);
        String quotes = "O'Brien \"测试\" & <b>x</b> %_\\";
        OrgUnit renamed = orgUnits.update(townScope, dept.id(), dept.version(), null, quotes, null);
        assertThat(jdbc.queryForObject("SELECT name FROM org_unit WHERE id = ?", String.class, renamed.id())).isEqualTo(quotes);
        var found = orgUnits.search(townScope, "O'Brien", null, null, PageQuery.of(0, 20, null, "code", OrgUnits.SORTABLE));
        assertThat(found.content()).extracting(OrgUnit::id).containsExactly(dept.id());
    }

    @Test
    void countsByTypeAndSubtreeQueriesStayInScope() {
        OrgUnit v1 = orgUnits.create(townScope, town.id(), childCode(town, 211), "一村", VILLAGE);
        OrgUnit v2 = orgUnits.create(townScope, town.id(), childCode(town, 212), "二村", VILLAGE);
        OrgUnit c1 = orgUnits.create(townScope, town.id(), childCode(town, 1), "一社区", COMMUNITY);
        OrgUnit dept = orgUnits.create(townScope, town.id(), internalCode("a"), "部门", DEPARTMENT);
        OrgUnit park = orgUnits.create(townScope, town.id(), internalCode("p"), "园区", PARK);
        OrgUnit section = orgUnits.create(townScope, dept.id(), internalCode("b"), "科室", DEPARTMENT);

        assertThat(orgUnits.countByType(townScope)).isEqualTo(Map.of(TOWN, 1L, VILLAGE, 2L, COMMUNITY, 1L, DEPARTMENT, 2L, PARK, 1L));
        orgUnits.update(townScope, v2.id(), v2.version(), null, null, false);
        assertThat(orgUnits.countByType(townScope)).as("inactive units are not counted")
                .isEqualTo(Map.of(TOWN, 1L, VILLAGE, 1L, COMMUNITY, 1L, DEPARTMENT, 2L, PARK, 1L));
        assertThat(orgUnits.countByType(scopeOf(dept))).isEqualTo(Map.of(DEPARTMENT, 2L));

        assertThat(orgUnits.tree(townScope, 0)).extracting(OrgUnit::id).containsExactly(town.id());
        List<OrgUnit> oneLevel = orgUnits.tree(townScope, 1);
        assertThat(oneLevel).extracting(OrgUnit::id).containsExactlyInAnyOrder(town.id(), v1.id(), v2.id(), c1.id(), dept.id(), park.id());
        assertThat(oneLevel.get(0).id()).isEqualTo(town.id());
        assertThat(orgUnits.tree(townScope, 5)).extracting(OrgUnit::id).hasSize(7).contains(section.id());
        assertThat(orgUnits.tree(scopeOf(dept), 5)).extracting(OrgUnit::id).containsExactly(dept.id(), section.id());

        assertThat(orgUnits.children(townScope, town.id())).extracting(OrgUnit::code)
                .containsExactly(c1.code(), v1.code(), v2.code(), dept.code(), park.code());

        var villages = orgUnits.search(townScope, null, VILLAGE, null, PageQuery.of(0, 20, "code,desc", "code", OrgUnits.SORTABLE));
        assertThat(villages.content()).extracting(OrgUnit::id).containsExactly(v2.id(), v1.id());
        assertThat(orgUnits.search(townScope, null, VILLAGE, true, PageQuery.of(0, 20, null, "code", OrgUnits.SORTABLE)).totalElements())
                .isEqualTo(1);
        var paged = orgUnits.search(townScope, null, null, null, PageQuery.of(1, 3, "code", "code", OrgUnits.SORTABLE));
        assertThat(paged.totalElements()).isEqualTo(7);
        assertThat(paged.content()).hasSize(3);
        assertThat(paged.totalPages()).isEqualTo(3);
    }

    @Test
    void theDemoTownHasItsNineVillagesAndTwoCommunities() {
        DataScope xiashu = scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.XIASHU));
        Map<OrgUnitType, Long> counts = orgUnits.countByType(xiashu);
        assertThat(counts.get(VILLAGE)).isEqualTo(9);
        assertThat(counts.get(COMMUNITY)).isEqualTo(2);
        assertThat(counts.get(PARK)).isEqualTo(1);
        assertThat(counts.get(TOWN)).isEqualTo(1);
        assertThat(counts.get(DEPARTMENT)).isGreaterThanOrEqualTo(6);
    }
}
