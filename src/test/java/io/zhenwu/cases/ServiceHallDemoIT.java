package io.zhenwu.cases;

import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.figures.FigurePeriod;
import io.zhenwu.shared.figures.FigureRequest;
import io.zhenwu.shared.figures.Fingerprint;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo town's service hall reproduces the seed's figures, counted in SQL from the individual cases. */
@Tag("db")
@ZhenwuTest
class ServiceHallDemoIT {

    @Autowired
    CaseFigures figures;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    JdbcTemplate jdbc;

    DataScope county() {
        return TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY));
    }

    BigDecimal value(String code, Map<String, String> filters) {
        return figures.compute(county(), new FigureRequest(code, TestOrgs.XIASHU, FigurePeriod.year(2023), filters)).value();
    }

    @Test
    void theSeedsServiceHallFiguresComeOutOfTheRecords() {
        assertThat(value("cases.service_hall.handled", Map.of())).isEqualByComparingTo("7776");
        assertThat(value("cases.service_hall.handled", Map.of("category", "公共服务"))).isEqualByComparingTo("6810");
        assertThat(value("cases.service_hall.handled", Map.of("category", "行政审批"))).isEqualByComparingTo("966");
        assertThat(value("cases.service_hall.bundles", Map.of())).isEqualByComparingTo("59");
        assertThat(value("cases.service_hall.resident_windows", Map.of())).isEqualByComparingTo("3209");
        assertThat(value("cases.service_hall.handled", Map.of("resident_window", "true"))).isEqualByComparingTo("3209");
        assertThat(value("cases.assistance.items", Map.of())).isEqualByComparingTo("37");
        assertThat(value("cases.service_hall.out_of_hours", Map.of())).isPositive();
        assertThat(value("cases.service_hall.on_time_rate", Map.of())).isBetween(new BigDecimal("95"), new BigDecimal("100"));
        assertThat(value("cases.service_hall.avg_working_days", Map.of())).isPositive();
        // The engine's generic figures agree with the service hall's own.
        assertThat(value("cases.opened", Map.of("type", "service_bundle"))).isEqualByComparingTo("59");
        assertThat(value("cases.closed", Map.of("type", "service_matter", "outcome", "cancelled"))).isEqualByComparingTo("23");
        assertThat(value("cases.on_time_rate", Map.of("type", "service_matter")))
                .isEqualByComparingTo(value("cases.service_hall.on_time_rate", Map.of()));
        // The withdrawn matters exist as cases but are not "handled".
        Integer withdrawn = jdbc.queryForObject("SELECT COUNT(*) FROM case_record c JOIN org_unit o ON o.id = c.org_unit_id "
                + "WHERE c.type_code = 'service_matter' AND c.outcome = 'cancelled' AND o.code = 'XS-ZWFW'", Integer.class);
        assertThat(withdrawn).isEqualTo(23);
    }

    @Test
    void theRecordsCountedAreListedAndFingerprinted() {
        FigureRequest bundles = new FigureRequest("cases.service_hall.bundles", TestOrgs.XIASHU, FigurePeriod.year(2023));
        var page = figures.records(county(), bundles, PageQuery.of(0, 100, null, "c.id", java.util.Set.of("id")));
        assertThat(page.totalElements()).isEqualTo(59);
        assertThat(page.content()).allSatisfy(r -> assertThat(r.label()).matches("XS-YJS-2023-\\d{6}"));
        Fingerprint first = figures.fingerprint(county(), bundles);
        assertThat(first.count()).isEqualTo(59);
        assertThat(figures.fingerprint(county(), bundles)).isEqualTo(first);
        assertThat(figures.fingerprint(county(), new FigureRequest("cases.service_hall.handled", TestOrgs.XIASHU, FigurePeriod.year(2023))).count())
                .isEqualTo(7776);
    }

    @Test
    void unknownFiltersFiguresAndOutOfScopeOrgsAreRefused() {
        assertThatThrownBy(() -> value("cases.service_hall.handled", Map.of("colour", "red"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> value("cases.no_such.figure", Map.of())).isInstanceOf(NotFoundException.class);
        DataScope village = TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.KONGQING));
        assertThatThrownBy(() -> figures.compute(village, new FigureRequest("cases.service_hall.handled", TestOrgs.XIASHU,
                FigurePeriod.year(2023)))).isInstanceOf(NotFoundException.class);
        assertThat(value("cases.service_hall.handled", Map.of("category", "其他行政权力"))).isEqualByComparingTo("0");
        assertThat(figures.compute(county(), new FigureRequest("cases.service_hall.handled", TestOrgs.XIASHU, FigurePeriod.year(2019)))
                .value()).isEqualByComparingTo("0");
    }
}
