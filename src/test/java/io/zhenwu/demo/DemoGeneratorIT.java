package io.zhenwu.demo;

import io.zhenwu.ZhenwuApplication;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.figures.FigurePeriod;
import io.zhenwu.shared.figures.FigureProvider;
import io.zhenwu.shared.figures.FigureRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scale generator on a database of its own (it adds counties under 镇江市, which the shared test database must
 * not see): what it writes is counted by the same figures the reports use.
 */
@SpringBootTest(classes = ZhenwuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.url=jdbc:h2:mem:generator;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class DemoGeneratorIT {

    @Autowired
    DemoGenerator generator;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<FigureProvider> providers;

    @Test
    void generatesTownsYearsAndCasesThatTheFiguresCount() {
        DemoGenerator.Summary s = generator.generate(3, 2, 7, 120, n -> { });
        assertThat(s.towns()).isEqualTo(3);
        assertThat(s.counties()).isEqualTo(1);
        assertThat(s.cases()).isEqualTo(3 * 2 * 120);
        assertThat(s.enterprises()).isEqualTo(90);
        assertThat(s.values()).isPositive();
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM case_event e JOIN case_record c ON c.id = e.case_id "
                + "JOIN org_unit o ON o.id = c.org_unit_id WHERE c.type_code = 'service_matter' AND o.path LIKE (SELECT path FROM org_unit WHERE code = '321190') || '%'", Long.class);
        assertThat(events).isEqualTo(s.timelineRows());

        var root = orgUnits.roots().get(0);
        DataScope all = new DataScope(root.id(), root.path());
        FigureProvider cases = providers.stream().filter(p -> p.definitions().stream().anyMatch(d -> d.code().equals("cases.opened")))
                .findFirst().orElseThrow();
        assertThat(cases.compute(all, new FigureRequest("cases.service_hall.handled", "321190", FigurePeriod.year(2023))).value())
                .isEqualByComparingTo("360");
        assertThat(cases.compute(all, new FigureRequest("cases.service_hall.handled", "321190", FigurePeriod.year(2022))).value())
                .isEqualByComparingTo("360");
        // The closed loops: per town and year 1 hazard with a notice, 1 dispute, 1 plot (120 matters / 100, 400, 200 → at least 1).
        assertThat(s.loopRecords()).isEqualTo(3 * 2 * 3);
        assertThat(cases.compute(all, new FigureRequest("cases.safety.notices", "321190", FigurePeriod.year(2023))).value())
                .isEqualByComparingTo("3");
        assertThat(cases.compute(all, new FigureRequest("cases.labor.accepted", "321190", FigurePeriod.year(2023))).value())
                .isEqualByComparingTo("3");
        assertThat(cases.compute(all, new FigureRequest("cases.farmland.plots", "321190", FigurePeriod.year(2023))).value())
                .isEqualByComparingTo("3");
        assertThatThrownBy(() -> generator.generate(1, 1, 7, 1, n -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exists already");
    }
}
