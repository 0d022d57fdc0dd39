package io.zhenwu.cases;

import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.figures.FigurePeriod;
import io.zhenwu.shared.figures.FigureRequest;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The safety, labor and farmland figures of 下蜀镇 2023, computed in SQL from the demo's individual records. */
@Tag("db")
@ZhenwuTest
class LoopFiguresIT {

    @Autowired
    CaseFigures figures;
    @Autowired
    OrgUnits orgUnits;

    DataScope county() {
        return TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY));
    }

    BigDecimal value(String code, Map<String, String> filters) {
        return figures.compute(county(), new FigureRequest(code, TestOrgs.XIASHU, FigurePeriod.year(2023), filters)).value();
    }

    BigDecimal value(String code) {
        return value(code, Map.of());
    }

    @Test
    void safetyFiguresComeOutOfTheRecords() {
        assertThat(value("cases.safety.notices")).isEqualByComparingTo("227");
        assertThat(value("cases.safety.enforcement_filed")).isEqualByComparingTo("6");
        assertThat(value("cases.safety.hazards_found")).isEqualByComparingTo("930");
        assertThat(value("cases.safety.hazards_rectified")).as("900余处").isBetween(new BigDecimal(901), new BigDecimal(999));
        assertThat(value("cases.safety.hazards_found", Map.of("category", "COLOR_STEEL"))).isEqualByComparingTo("34");
        assertThat(value("cases.safety.on_the_spot", Map.of("category", "EBIKE"))).isEqualByComparingTo("35");
        assertThat(value("cases.safety.inspected_enterprises", Map.of("kind", "NIGHT"))).isEqualByComparingTo("19");
        assertThat(value("cases.safety.inspected_facilities", Map.of("kind", "FLOOD"))).isEqualByComparingTo("17");
        assertThat(value("cases.safety.hazards_found", Map.of("level", "MAJOR"))).isEqualByComparingTo("12");
        assertThat(value("cases.safety.on_time_rate")).isBetween(new BigDecimal(50), new BigDecimal(100));
        assertThat(value("cases.safety.reopen_rate")).isGreaterThan(BigDecimal.ZERO).isLessThan(new BigDecimal(10));
        BigDecimal inspections = value("cases.safety.inspections");
        assertThat(value("cases.safety.inspections", Map.of("kind", "NIGHT")).add(value("cases.safety.inspections", Map.of("kind", "FLOOD")))
                .add(value("cases.safety.inspections", Map.of("kind", "ROUTINE"))).add(value("cases.safety.inspections", Map.of("kind", "CAMPAIGN"))))
                .isEqualByComparingTo(inspections);
        // an inspection figure lists inspections (records of the type's own table), not cases
        var page = figures.records(county(), new FigureRequest("cases.safety.inspections", TestOrgs.XIASHU, FigurePeriod.year(2023),
                Map.of("kind", "FLOOD")), PageQuery.of(0, 50, null, "c.id", java.util.Set.of("id")));
        assertThat(page.totalElements()).isEqualTo(17);
        assertThat(page.content().get(0).href()).startsWith("/safety/inspections/");
        assertThat(figures.fingerprint(county(), new FigureRequest("cases.safety.notices", TestOrgs.XIASHU, FigurePeriod.year(2023))).count())
                .isEqualTo(227);
        assertThatThrownBy(() -> value("cases.safety.notices", Map.of("kind", "NIGHT"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void laborAndFarmlandFiguresComeOutOfTheRecords() {
        assertThat(value("cases.labor.accepted")).isEqualByComparingTo("55");
        assertThat(value("cases.labor.amount")).isEqualByComparingTo("870000.00");
        assertThat(value("cases.labor.closure_rate")).isEqualByComparingTo("100");
        assertThat(value("cases.labor.accepted", Map.of("category", "WAGES"))).isEqualByComparingTo("38");
        assertThat(value("cases.farmland.plots")).isEqualByComparingTo("220");
        assertThat(value("cases.farmland.area")).isEqualByComparingTo("508");
        assertThat(value("cases.farmland.rectified")).isEqualByComparingTo("220");
        assertThat(value("cases.farmland.rectified_area")).isEqualByComparingTo("508");
        assertThat(value("cases.farmland.replanted_area")).isEqualByComparingTo("667");
    }
}
