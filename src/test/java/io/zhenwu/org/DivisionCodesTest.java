package io.zhenwu.org;

import io.zhenwu.shared.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import static io.zhenwu.org.OrgUnitType.*;
import static org.assertj.core.api.Assertions.assertThat;

class DivisionCodesTest {

    private static final OrgUnit JIANGSU = unit(1, PROVINCE, "320000");
    private static final OrgUnit ZHENJIANG = unit(2, PREFECTURE, "321100");
    private static final OrgUnit JURONG = unit(3, COUNTY, "321183");
    private static final OrgUnit XIASHU = unit(4, TOWN, "321183102000");
    private static final OrgUnit HUAYANG = unit(5, SUBDISTRICT, "321183002000");
    private static final OrgUnit KONGQING = unit(6, VILLAGE, "321183102201");
    private static final OrgUnit DEPT = unit(7, DEPARTMENT, "XS-JJFZ");
    private static final OrgUnit PARK_UNIT = unit(8, PARK, "XS-PARK");

    private static OrgUnit unit(long id, OrgUnitType type, String code) {
        return new OrgUnit(id, null, "/" + id + "/", 0, code, code, type, true, false, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private static String key(Optional<FieldViolation> violation) {
        return violation.map(v -> v.field() + ":" + v.messageKey()).orElse("ok");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // six-digit GB/T 2260 codes: 2 / 4 / 6 significant digits, the rest zero, the level's own pair not 00
            "PROVINCE,   320000, ok",
            "PROVINCE,   110000, ok",
            "PROVINCE,   321100, code:org.code.level",
            "PROVINCE,   000000, code:org.code.level",
            "PREFECTURE, 321100, ok",
            "PREFECTURE, 320000, code:org.code.level",
            "PREFECTURE, 321183, code:org.code.level",
            "COUNTY,     321183, ok",
            "COUNTY,     321100, code:org.code.level",
            "COUNTY,     320000, code:org.code.level",
            // twelve-digit statistical codes: town/subdistrict 9 significant digits, village/community 12
            "TOWN,        321183102000, ok",
            "SUBDISTRICT, 321183002000, ok",
            "TOWN,        321183102201, code:org.code.level",
            "TOWN,        321183000000, code:org.code.level",
            "SUBDISTRICT, 321183000000, code:org.code.level",
            "VILLAGE,     321183102201, ok",
            "COMMUNITY,   321183102001, ok",
            "VILLAGE,     321183102000, code:org.code.level",
            "COMMUNITY,   321183102000, code:org.code.level",
            // wrong length or not digits
            "PROVINCE,    32000,         code:org.code.division6",
            "COUNTY,      3211830,       code:org.code.division6",
            "COUNTY,      321183102000,  code:org.code.division6",
            "COUNTY,      32118A,        code:org.code.division6",
            "TOWN,        321183102,     code:org.code.statistical12",
            "TOWN,        321183,        code:org.code.statistical12",
            "VILLAGE,     3211831022011, code:org.code.statistical12",
            "VILLAGE,     32118310220A,  code:org.code.statistical12",
            // internal codes of 部门 and 园区: a letter, then 1–31 of A-Z, 0-9, '-'
            "DEPARTMENT,  XS-JJFZ, ok",
            "DEPARTMENT,  A1,      ok",
            "PARK,        XS-PARK, ok",
            "DEPARTMENT,  X,       code:org.code.internal",
            "DEPARTMENT,  1XS,     code:org.code.internal",
            "DEPARTMENT,  XS_JJFZ, code:org.code.internal",
            "DEPARTMENT,  xs-jjfz, code:org.code.internal",
            "PARK,        321183102000, code:org.code.internal",
    })
    void codeFormPerType(OrgUnitType type, String code, String expected) {
        assertThat(key(DivisionCodes.check(code, type, null))).isEqualTo(expected);
    }

    @Test
    void internalCodesAreLimitedTo32Characters() {
        String ok = "A" + "B".repeat(31);
        assertThat(DivisionCodes.check(ok, DEPARTMENT, XIASHU)).isEmpty();
        assertThat(key(DivisionCodes.check(ok + "C", DEPARTMENT, XIASHU))).isEqualTo("code:org.code.internal");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingCodeIsRequired(String code) {
        for (OrgUnitType type : OrgUnitType.values()) {
            assertThat(key(DivisionCodes.check(code, type, null))).as(type.name()).isEqualTo("code:org.code.required");
        }
    }

    @Test
    void normalizeTrimsAndUpperCases() {
        assertThat(DivisionCodes.normalize("  xs-jjfz ")).isEqualTo("XS-JJFZ");
        assertThat(DivisionCodes.normalize(" 321183102201")).isEqualTo("321183102201");
        assertThat(DivisionCodes.normalize(null)).isNull();
    }

    @Test
    void codedChildMustExtendItsParentsSignificantDigits() {
        assertThat(DivisionCodes.check("321100", PREFECTURE, JIANGSU)).isEmpty();
        assertThat(DivisionCodes.check("321183", COUNTY, ZHENJIANG)).isEmpty();
        assertThat(DivisionCodes.check("321183102000", TOWN, JURONG)).isEmpty();
        assertThat(DivisionCodes.check("321183002000", SUBDISTRICT, JURONG)).isEmpty();
        assertThat(DivisionCodes.check("321183102201", VILLAGE, XIASHU)).isEmpty();
        assertThat(DivisionCodes.check("321183002001", COMMUNITY, HUAYANG)).isEmpty();

        Optional<FieldViolation> wrongProvince = DivisionCodes.check("331100", PREFECTURE, JIANGSU);
        assertThat(key(wrongProvince)).isEqualTo("code:org.code.extendParent");
        assertThat(wrongProvince.orElseThrow().args()).containsExactly("331100", "320000", "32");
        assertThat(key(DivisionCodes.check("320583", COUNTY, ZHENJIANG))).isEqualTo("code:org.code.extendParent");
        assertThat(key(DivisionCodes.check("321182102000", TOWN, JURONG))).isEqualTo("code:org.code.extendParent");
        // a village of another town (白兔镇 321183103) does not extend 下蜀镇's nine digits
        Optional<FieldViolation> otherTown = DivisionCodes.check("321183103201", VILLAGE, XIASHU);
        assertThat(key(otherTown)).isEqualTo("code:org.code.extendParent");
        assertThat(otherTown.orElseThrow().args()).containsExactly("321183103201", "321183102000", "321183102");
    }

    @Test
    void formIsCheckedBeforeTheParentPrefix() {
        // a wrong-level code under the right parent is reported as a level error, not as "does not extend"
        assertThat(key(DivisionCodes.check("321183102000", VILLAGE, XIASHU))).isEqualTo("code:org.code.level");
    }

    @Test
    void internalCodesNeedNotExtendAnything() {
        assertThat(DivisionCodes.check("XS-NEW", DEPARTMENT, XIASHU)).isEmpty();
        assertThat(DivisionCodes.check("JR-DEPT", DEPARTMENT, JURONG)).isEmpty();
        assertThat(DivisionCodes.check("XS-SUB", DEPARTMENT, DEPT)).isEmpty();
        assertThat(DivisionCodes.check("XS-PARK2", PARK, XIASHU)).isEmpty();
    }

    @ParameterizedTest(name = "{0} under {1} -> {2}")
    @CsvSource({
            "PREFECTURE, PROVINCE,    ok",
            "COUNTY,     PREFECTURE,  ok",
            "TOWN,       COUNTY,      ok",
            "SUBDISTRICT,COUNTY,      ok",
            "VILLAGE,    TOWN,        ok",
            "VILLAGE,    SUBDISTRICT, ok",
            "COMMUNITY,  TOWN,        ok",
            "DEPARTMENT, TOWN,        ok",
            "DEPARTMENT, DEPARTMENT,  ok",
            "DEPARTMENT, PROVINCE,    ok",
            "PARK,       TOWN,        ok",
            "PARK,       COUNTY,      ok",
            "PREFECTURE, COUNTY,      parentId:org.parent.type",
            "COUNTY,     PROVINCE,    parentId:org.parent.type",
            "TOWN,       PREFECTURE,  parentId:org.parent.type",
            "TOWN,       TOWN,        parentId:org.parent.type",
            "VILLAGE,    COUNTY,      parentId:org.parent.type",
            "VILLAGE,    VILLAGE,     parentId:org.parent.type",
            "DEPARTMENT, VILLAGE,     parentId:org.parent.type",
            "DEPARTMENT, PARK,        parentId:org.parent.type",
            "PARK,       PROVINCE,    parentId:org.parent.type",
            "PARK,       DEPARTMENT,  parentId:org.parent.type",
            "PROVINCE,   PROVINCE,    parentId:org.parent.type",
    })
    void placement(OrgUnitType type, OrgUnitType parentType, String expected) {
        OrgUnit parent = Arrays.asList(JIANGSU, ZHENJIANG, JURONG, XIASHU, HUAYANG, KONGQING, DEPT, PARK_UNIT).stream()
                .filter(u -> u.type() == parentType).findFirst()
                .orElseGet(() -> unit(99, parentType, "321183002001"));
        assertThat(key(DivisionCodes.checkPlacement(type, parent))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = OrgUnitType.class, names = {"PROVINCE", "PREFECTURE", "COUNTY", "TOWN", "SUBDISTRICT"})
    void administrativeLevelsMayBeRoots(OrgUnitType type) {
        assertThat(DivisionCodes.checkPlacement(type, null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = OrgUnitType.class, names = {"VILLAGE", "COMMUNITY", "DEPARTMENT", "PARK"})
    void villagesAndInternalUnitsNeedAParent(OrgUnitType type) {
        assertThat(key(DivisionCodes.checkPlacement(type, null))).isEqualTo("parentId:org.parent.required");
    }

    @Test
    void villagesCommunitiesAndParksAreLeaves() {
        for (OrgUnitType type : OrgUnitType.values()) {
            assertThat(type.allowedParents()).as(type.name()).doesNotContain(VILLAGE, COMMUNITY, PARK);
        }
    }
}
