package io.zhenwu.testsupport;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo tree as tests reach it, and fresh units with codes unique in the JVM (the shared database keeps every
 * test's rows, so each test builds its own town under 句容市 instead of changing the demo town).
 */
public final class TestOrgs {

    public static final String PROVINCE = "320000";
    public static final String COUNTY = "321183";
    public static final String XIASHU = "321183102000";
    public static final String KONGQING = "321183102201";
    public static final String FANXIANG = "321183102202";

    /** Town codes 321183{nnn}000 for nnn from 500: above every real town or subdistrict of the demo county. */
    private static final AtomicInteger TOWNS = new AtomicInteger(500);
    private static final AtomicInteger INTERNAL = new AtomicInteger();

    private TestOrgs() {
    }

    public static DataScope scopeOf(OrgUnit unit) {
        return new DataScope(unit.id(), unit.path());
    }

    public static OrgUnit root(OrgUnits orgUnits) {
        return orgUnits.roots().stream().filter(u -> u.code().equals(PROVINCE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo tree not loaded: no root " + PROVINCE));
    }

    public static DataScope rootScope(OrgUnits orgUnits) {
        return scopeOf(root(orgUnits));
    }

    public static OrgUnit byCode(OrgUnits orgUnits, String code) {
        return orgUnits.findByCode(rootScope(orgUnits), code)
                .orElseThrow(() -> new IllegalStateException("demo unit " + code + " missing"));
    }

    /** A new, empty town under 句容市, created within the county's scope. */
    public static OrgUnit newTown(OrgUnits orgUnits) {
        OrgUnit county = byCode(orgUnits, COUNTY);
        int n = TOWNS.getAndIncrement();
        if (n > 999) {
            throw new IllegalStateException("out of test town codes");
        }
        return orgUnits.create(scopeOf(county), county.id(), COUNTY + n + "000", "测试镇" + n, OrgUnitType.TOWN);
    }

    /** A village or community code under a town: its nine significant digits and a three-digit suffix. */
    public static String childCode(OrgUnit town, int suffix) {
        return town.code().substring(0, 9) + String.format("%03d", suffix);
    }

    /** A fresh internal code (部门/园区), e.g. {@code T-DEPT-7}. */
    public static String internalCode(String prefix) {
        return ("T-" + prefix + "-" + INTERNAL.incrementAndGet()).toUpperCase(java.util.Locale.ROOT);
    }
}
