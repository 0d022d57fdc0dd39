package io.zhenwu.demo;

import io.zhenwu.ZhenwuApplication;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.ResidentId;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.figures.FigurePeriod;
import io.zhenwu.shared.figures.FigureProvider;
import io.zhenwu.shared.figures.FigureRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

    /** One generation per installation (a second is refused), shared by the tests. */
    private static DemoGenerator.Summary generated;

    private DemoGenerator.Summary generated() {
        if (generated == null) {
            generated = generator.generate(3, 2, 7, 120, n -> { });
        }
        return generated;
    }

    @Test
    void generatesTownsYearsAndCasesThatTheFiguresCount() {
        DemoGenerator.Summary s = generated();
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

    private static final String COUNTY_RESIDENTS = "FROM resident r JOIN org_unit o ON o.id = r.org_unit_id "
            + "WHERE o.path LIKE (SELECT path FROM org_unit WHERE code = '321190') || '%'";

    @Test
    void residentsLiveInTheVillagesInHouseholdsWithOneHeadAndValidIdNumbersDeterminedByTheSeed() {
        DemoGenerator.Summary s = generated();
        assertThat(s.residents()).isEqualTo(3 * 60);
        assertThat(s.households()).isBetween(3 * 60 / 5L, 3 * 60L);
        assertThat(s.records()).isEqualTo(s.orgUnits() + s.enterprises() + s.values() + s.targets() + s.residents() + s.cases()
                + s.timelineRows() + s.loopRecords());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) " + COUNTY_RESIDENTS, Long.class)).isEqualTo(s.residents());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) " + COUNTY_RESIDENTS + " AND o.unit_type <> 'VILLAGE'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT r.household_no) " + COUNTY_RESIDENTS, Long.class)).isEqualTo(s.households());
        // One 户主 per household, households of 1–5.
        assertThat(jdbc.queryForList("SELECT r.household_no " + COUNTY_RESIDENTS + " GROUP BY r.household_no HAVING COUNT(*) > 5 "
                + "OR SUM(CASE WHEN r.relation_to_head = 'HEAD' THEN 1 ELSE 0 END) <> 1", String.class)).isEmpty();
        // GB 11643 numbers of the generated county, birth date and gender the ones the number carries.
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT r.id_number, r.birth_date, r.gender " + COUNTY_RESIDENTS);
        assertThat(rows).hasSize((int) s.residents()).allSatisfy(r -> {
            var id = ResidentId.parse("idNumber", (String) r.get("ID_NUMBER"), LocalDate.of(2023, 12, 31));
            assertThat(id.isValid()).as("%s", r).isTrue();
            assertThat(id.value().divisionCode()).isEqualTo("321190");
            assertThat(((java.sql.Date) r.get("BIRTH_DATE")).toLocalDate()).isEqualTo(id.value().birthDate());
            assertThat(r.get("GENDER")).isEqualTo(id.value().gender().name());
        });
        // The county's 2023 targets, one per generated monthly indicator.
        assertThat(s.targets()).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM target t JOIN org_unit o ON o.id = t.org_unit_id "
                + "WHERE o.code = '321190' AND t.target_year = 2023", Long.class)).isEqualTo(s.targets());

        // The same seed in a second installation: the same residents, number for number.
        try (var other = new SpringApplicationBuilder(ZhenwuApplication.class).web(WebApplicationType.NONE).profiles("test")
                .properties("spring.datasource.url=jdbc:h2:mem:generator-again;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
                .run()) {
            other.getBean(DemoGenerator.class).generate(3, 2, 7, 120, n -> { });
            String fingerprint = "SELECT r.id_number, r.name, o.code, r.household_no, r.relation_to_head, r.phone, r.tags "
                    + COUNTY_RESIDENTS + " ORDER BY r.id_number";
            assertThat(other.getBean(JdbcTemplate.class).queryForList(fingerprint)).isEqualTo(jdbc.queryForList(fingerprint));
        }
    }
}
