package io.zhenwu.org;

import java.util.EnumSet;
import java.util.Set;

/** Kinds of org unit and how each is coded and nested. */
public enum OrgUnitType {
    /** 省: 6-digit GB/T 2260, two significant digits. */
    PROVINCE(CodeKind.DIVISION_6, 2),
    /** 市 (地级). */
    PREFECTURE(CodeKind.DIVISION_6, 4),
    /** 县 / 县级市 / 区. */
    COUNTY(CodeKind.DIVISION_6, 6),
    /** 镇: 12-digit statistical code, nine significant digits. */
    TOWN(CodeKind.STATISTICAL_12, 9),
    /** 街道. */
    SUBDISTRICT(CodeKind.STATISTICAL_12, 9),
    /** 村 (村民委员会). */
    VILLAGE(CodeKind.STATISTICAL_12, 12),
    /** 社区 (居民委员会). */
    COMMUNITY(CodeKind.STATISTICAL_12, 12),
    /** 部门 / 窗口: internal code. */
    DEPARTMENT(CodeKind.INTERNAL, 0),
    /** 园区: internal code. */
    PARK(CodeKind.INTERNAL, 0);

    /** How a type's code is written. */
    public enum CodeKind { DIVISION_6, STATISTICAL_12, INTERNAL }

    private final CodeKind codeKind;
    private final int significantDigits;

    OrgUnitType(CodeKind codeKind, int significantDigits) {
        this.codeKind = codeKind;
        this.significantDigits = significantDigits;
    }

    public CodeKind codeKind() {
        return codeKind;
    }

    /** Digits of the code that identify this unit; a coded child's code must start with them. */
    public int significantDigits() {
        return significantDigits;
    }

    /** The types this type may be placed under. */
    public Set<OrgUnitType> allowedParents() {
        return switch (this) {
            case PROVINCE -> EnumSet.noneOf(OrgUnitType.class);
            case PREFECTURE -> EnumSet.of(PROVINCE);
            case COUNTY -> EnumSet.of(PREFECTURE);
            case TOWN, SUBDISTRICT -> EnumSet.of(COUNTY);
            case VILLAGE, COMMUNITY -> EnumSet.of(TOWN, SUBDISTRICT);
            case DEPARTMENT -> EnumSet.of(PROVINCE, PREFECTURE, COUNTY, TOWN, SUBDISTRICT, DEPARTMENT);
            case PARK -> EnumSet.of(COUNTY, TOWN, SUBDISTRICT);
        };
    }

    /** A deployment may start at any administrative level, e.g. a single town. */
    public boolean mayBeRoot() {
        return codeKind != CodeKind.INTERNAL && this != VILLAGE && this != COMMUNITY;
    }

    public String messageKey() {
        return "org.type." + name();
    }
}
