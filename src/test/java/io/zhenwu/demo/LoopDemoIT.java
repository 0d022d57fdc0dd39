package io.zhenwu.demo;

import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 下蜀镇 2023's closed loops as the demo loads them: their figures equal the seed report's. */
@Tag("db")
@ZhenwuTest
class LoopDemoIT {

    static final String XIASHU = "(SELECT id FROM org_unit WHERE code = '321183102000')";
    static final String Y2023 = " BETWEEN DATE '2023-01-01' AND DATE '2023-12-31'";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.zhenwu.cases.Safety safety;

    @Autowired
    io.zhenwu.org.OrgUnits orgUnits;

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void theLeadersBoardCountsEachMonthInSql() {
        var root = orgUnits.roots().get(0);
        var town = orgUnits.findByCode(new io.zhenwu.shared.DataScope(root.id(), root.path()), "321183102000").orElseThrow();
        var leader = new io.zhenwu.shared.Actor(0, "leader", new io.zhenwu.shared.DataScope(town.id(), town.path()),
                java.util.EnumSet.of(io.zhenwu.shared.Role.LEADER));
        var board = safety.board(leader, 2023);
        long found = board.byMonth().values().stream().mapToLong(m -> m[0]).sum();
        long rectified = board.byMonth().values().stream().mapToLong(m -> m[1]).sum();
        assertThat(board.byMonth()).hasSize(12);
        assertThat(found).isPositive().isEqualTo(((Number) board.figures().get("found")).longValue());
        assertThat(rectified).isPositive().isEqualTo(((Number) board.figures().get("rectified")).longValue());
        for (int m = 1; m <= 12; m++) {
            String month = String.format(" BETWEEN DATE '2023-%02d-01' AND DATE '2023-%02d-%02d'", m, m, java.time.YearMonth.of(2023, m).lengthOfMonth());
            assertThat(board.byMonth().get(m)[0]).as("found in month %d", m).isEqualTo(count("SELECT COUNT(*) FROM safety_hazard h "
                    + "JOIN case_record c ON c.id = h.case_id WHERE c.town_org_id = " + XIASHU + " AND h.found_on" + month));
            assertThat(board.byMonth().get(m)[1]).as("rectified in month %d", m).isEqualTo(count("SELECT COUNT(*) FROM safety_hazard h "
                    + "JOIN case_record c ON c.id = h.case_id WHERE c.town_org_id = " + XIASHU + " AND c.outcome = 'done' AND c.closed_on" + month));
        }
    }

    @Test
    void safetyFiguresEqualTheSeed() {
        assertThat(count("SELECT COUNT(*) FROM rectification_notice WHERE notice_year = 2023 AND town_org_id = " + XIASHU)).isEqualTo(227);
        List<Long> seqs = jdbc.queryForList("SELECT seq FROM rectification_notice WHERE notice_year = 2023 AND town_org_id = " + XIASHU
                + " ORDER BY seq", Long.class);
        assertThat(seqs).as("gapless").hasSize(227).first().isEqualTo(1L);
        assertThat(seqs.get(226)).isEqualTo(227L);
        assertThat(jdbc.queryForObject("SELECT notice_number FROM rectification_notice WHERE notice_year = 2023 AND seq = 227 AND town_org_id = "
                + XIASHU, String.class)).isEqualTo("下蜀安责改〔2023〕第227号");
        // notices are numbered in the order they were issued
        assertThat(count("SELECT COUNT(*) FROM rectification_notice a JOIN rectification_notice b ON a.town_org_id = b.town_org_id "
                + "AND a.notice_year = b.notice_year AND a.seq < b.seq AND a.issued_on > b.issued_on WHERE a.notice_year = 2023")).isZero();
        assertThat(count("SELECT COUNT(*) FROM safety_hazard h JOIN case_record c ON c.id = h.case_id WHERE h.enforcement_filed = TRUE "
                + "AND h.enforcement_on" + Y2023 + " AND c.town_org_id = " + XIASHU)).isEqualTo(6);
        long rectified = count("SELECT COUNT(*) FROM safety_hazard h JOIN case_record c ON c.id = h.case_id WHERE c.outcome = 'done' "
                + "AND c.closed_on" + Y2023 + " AND c.town_org_id = " + XIASHU);
        assertThat(rectified).as("900余处").isBetween(901L, 999L);
        assertThat(count("SELECT COUNT(*) FROM safety_hazard h JOIN case_record c ON c.id = h.case_id WHERE h.category = 'EBIKE' "
                + "AND h.on_the_spot = TRUE AND c.outcome = 'done' AND h.found_on" + Y2023)).isEqualTo(35);
        assertThat(count("SELECT COUNT(*) FROM safety_hazard h WHERE h.category = 'COLOR_STEEL' AND h.found_on" + Y2023)).isEqualTo(34);
        assertThat(count("SELECT COUNT(DISTINCT facility_id) FROM safety_inspection WHERE inspection_kind = 'FLOOD' AND inspected_on" + Y2023)).isEqualTo(17);
        assertThat(count("SELECT COUNT(DISTINCT enterprise_id) FROM safety_inspection WHERE inspection_kind = 'NIGHT' AND inspected_on" + Y2023)).isEqualTo(19);
        assertThat(count("SELECT MIN(n) FROM (SELECT enterprise_id, COUNT(*) AS n FROM safety_inspection WHERE inspection_kind = 'NIGHT' "
                + "AND inspected_on" + Y2023 + " GROUP BY enterprise_id) t")).as("regularly: monthly while producing at night").isGreaterThanOrEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM safety_inspection WHERE inspector_count < 2")).isZero();
        // every demo hazard went through the engine: its timeline starts with open and the re-inspector differs from the finder
        assertThat(count("SELECT COUNT(*) FROM safety_hazard h JOIN case_event e ON e.case_id = h.case_id AND e.transition = 'reinspect_pass' "
                + "JOIN case_event o ON o.case_id = h.case_id AND o.transition = 'open' WHERE e.actor = o.actor")).isZero();
    }

    @Test
    void laborAndFarmlandFiguresEqualTheSeed() {
        assertThat(count("SELECT COUNT(*) FROM labor_dispute d JOIN case_record c ON c.id = d.case_id WHERE c.opened_on" + Y2023
                + " AND c.town_org_id = " + XIASHU)).isEqualTo(55);
        assertThat(jdbc.queryForObject("SELECT SUM(d.claim_amount) FROM labor_dispute d JOIN case_record c ON c.id = d.case_id WHERE c.opened_on"
                + Y2023 + " AND c.town_org_id = " + XIASHU, BigDecimal.class)).isEqualByComparingTo("870000.00");
        assertThat(count("SELECT COUNT(*) FROM labor_dispute d JOIN case_record c ON c.id = d.case_id WHERE c.opened_on" + Y2023
                + " AND c.town_org_id = " + XIASHU + " AND c.state_kind = 'CLOSED' AND c.closed_on" + Y2023)).as("100% closed").isEqualTo(55);
        assertThat(count("SELECT COUNT(*) FROM farmland_plot p JOIN case_record c ON c.id = p.case_id WHERE c.opened_on" + Y2023
                + " AND c.town_org_id = " + XIASHU)).isEqualTo(220);
        assertThat(jdbc.queryForObject("SELECT SUM(p.area_mu) FROM farmland_plot p JOIN case_record c ON c.id = p.case_id WHERE c.opened_on"
                + Y2023 + " AND c.town_org_id = " + XIASHU, BigDecimal.class)).isEqualByComparingTo("508");
        assertThat(jdbc.queryForObject("SELECT SUM(p.replanted_area) FROM farmland_plot p JOIN case_record c ON c.id = p.case_id WHERE c.opened_on"
                + Y2023 + " AND c.town_org_id = " + XIASHU, BigDecimal.class)).isEqualByComparingTo("667");
        assertThat(count("SELECT COUNT(*) FROM farmland_plot WHERE area_mu <= 0")).isZero();
    }
}
