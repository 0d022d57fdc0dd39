package io.zhenwu.registry;

import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo town reproduces the seed report's 2023 counts, each computed by an SQL-backed service query over
 * 下蜀镇's subtree (the other tests work in towns of their own).
 */
@Tag("db")
@ZhenwuTest
class XiashuFiguresIT {

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    Honours honours;

    @Autowired
    Facilities facilities;

    @Autowired
    EnterpriseFigures figures;

    DataScope county() {
        return TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY));
    }

    @Test
    void honours2023() {
        // 全年共获得各级荣誉45项，其中国家级荣誉20项、省级荣誉22项
        var counts = honours.countByLevel(county(), TestOrgs.XIASHU, 2023);
        assertThat(counts.total()).isEqualTo(45);
        assertThat(counts.of(HonourLevel.NATIONAL)).isEqualTo(20);
        assertThat(counts.of(HonourLevel.PROVINCIAL)).isEqualTo(22);
        // a leader of the town counts the same within their own scope
        var town = TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.XIASHU));
        assertThat(honours.countByLevel(town, null, 2023).total()).isEqualTo(45);
    }

    @Test
    void facilities() {
        DataScope scope = county();
        String xs = TestOrgs.XIASHU;
        assertThat(facilities.count(scope, xs, "MICRO_FIRE_STATION", null)).as("设置微型消防站14处").isEqualTo(14);
        assertThat(facilities.count(scope, xs, "GEO_HAZARD_POINT", null)).as("地质灾害隐患点17处").isEqualTo(17);
        assertThat(facilities.count(scope, xs, "RURAL_SEWAGE", null)).as("46个自然村农村污水处理设施").isEqualTo(46);
        assertThat(facilities.count(scope, xs, "EV_CHARGER", 2023)).as("新增新能源汽车充电桩6台套").isEqualTo(6);
        assertThat(facilities.count(scope, xs, "EV_CHARGER", null)).as("older chargers exist too").isGreaterThan(6);
        assertThat(facilities.count(scope, xs, "COLD_STORAGE", 2023)).as("冷藏保鲜设施项目4家").isEqualTo(4);
        assertThat(facilities.count(scope, xs, "PUBLIC_PARKING", 2023)).as("建成公共停车场1处").isEqualTo(1);
        assertThat(facilities.count(scope, xs, "MONITORING_SECTION", null)).as("2个省考断面").isEqualTo(2);
        assertThat(facilities.count(scope, xs, "FOREST_FIRE_BROADCASTER", 2023)).as("10套森林火灾语音宣传播放器").isEqualTo(10);
        assertThat(facilities.countByType(scope, FacilityQuery.in(xs), null))
                .filteredOn(c -> c.typeCode().equals("RESERVOIR")).singleElement().extracting(Facilities.TypeCount::count).isEqualTo(2L);
    }

    @Test
    void enterprises() {
        assertThat(figures.nightProduction(county(), TestOrgs.XIASHU, 2023)).as("19家夜间生产企业").isEqualTo(19);
        var change = figures.aboveScaleChange(county(), TestOrgs.XIASHU, 2023);
        assertThat(change.entered()).isEqualTo(14);
        assertThat(change.exited()).isEqualTo(2);
        assertThat(change.net()).as("净增入规“四上”单位12家").isEqualTo(12);
        assertThat(change.atYearEnd()).isEqualTo(54);
    }
}
