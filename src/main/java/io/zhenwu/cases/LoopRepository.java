package io.zhenwu.cases;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Labor disputes and farmland plots beside their cases; in scope when their case's unit is. */
@Repository
class LoopRepository {


    private final JdbcClient jdbc;

    LoopRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- disputes ---------------------------------------------------------------------------------------------------

    @Unscoped("the dispute's case was just opened within the caller's scope")
    void insertDispute(long caseId, long enterpriseId, Long villageOrgId, int workers, String masked, BigDecimal claim, String category) {
        jdbc.sql("INSERT INTO labor_dispute (case_id, enterprise_id, village_org_id, workers_count, workers_masked, claim_amount, "
                        + "dispute_category) VALUES (:c, :e, :v, :w, :m, :a, :cat)")
                .param("c", caseId).param("e", enterpriseId).param("v", villageOrgId).param("w", workers).param("m", masked)
                .param("a", claim).param("cat", category).update();
    }

    @Unscoped("the engine fired the transition on a case read within the caller's scope")
    void setDisputePath(long caseId, String path) {
        jdbc.sql("UPDATE labor_dispute SET resolution_path = :p WHERE case_id = :c").param("p", path).param("c", caseId).update();
    }

    @Unscoped("the engine closed the case within the caller's scope")
    void settleDispute(long caseId, BigDecimal settled) {
        jdbc.sql("UPDATE labor_dispute SET settled_amount = :s WHERE case_id = :c").param("s", settled).param("c", caseId).update();
    }

    Optional<LaborDisputes.Dispute> dispute(DataScope scope, long caseId, CaseView view) {
        return jdbc.sql("SELECT d.* FROM labor_dispute d " + CaseRepository.caseInScope("d.case_id", "labor_dispute") + "WHERE d.case_id = :c AND o.path LIKE :scope")
                .param("c", caseId).param("scope", scope.likePattern())
                .query((rs, n) -> new LaborDisputes.Dispute(view, rs.getObject("enterprise_id", Long.class), rs.getObject("village_org_id", Long.class),
                        rs.getInt("workers_count"), rs.getString("workers_masked"), rs.getBigDecimal("claim_amount"),
                        rs.getString("dispute_category"), rs.getString("resolution_path"), rs.getBigDecimal("settled_amount")))
                .optional();
    }

    List<Long> disputeIds(DataScope scope, String category, String stateKind, int year, int limit) {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("scope", scope.likePattern(), "limit", limit,
                "from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31)));
        return jdbc.sql("SELECT d.case_id FROM labor_dispute d " + CaseRepository.caseInScope("d.case_id", "labor_dispute") + "WHERE o.path LIKE :scope "
                        + "AND c.opened_on BETWEEN :from AND :to" + SafetyRepository.and(p, "d.dispute_category", "cat", category)
                        + SafetyRepository.and(p, "c.state_kind", "kind", stateKind) + " ORDER BY c.opened_on DESC, d.case_id DESC LIMIT :limit")
                .params(p).query(Long.class).list();
    }

    // --- plots --------------------------------------------------------------------------------------------------------

    @Unscoped("plot codes are unique across the installation (图斑号 of the land survey)")
    boolean plotCodeTaken(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM farmland_plot WHERE plot_code = :c").param("c", code).query(Long.class).single() > 0;
    }

    @Unscoped("the plot's case was just opened within the caller's scope")
    void insertPlot(long caseId, String code, long villageOrgId, BigDecimal area, String use, String problem) {
        jdbc.sql("INSERT INTO farmland_plot (case_id, plot_code, village_org_id, area_mu, current_use, problem_type) "
                        + "VALUES (:c, :code, :v, :a, :u, :p)")
                .param("c", caseId).param("code", code).param("v", villageOrgId).param("a", area).param("u", use).param("p", problem).update();
    }

    @Unscoped("the engine fired the transition on a case read within the caller's scope")
    void setPlan(long caseId, String plan) {
        jdbc.sql("UPDATE farmland_plot SET plan = :p WHERE case_id = :c").param("p", plan).param("c", caseId).update();
    }

    @Unscoped("the engine fired the transition on a case read within the caller's scope")
    void setReplanted(long caseId, BigDecimal area, String crop) {
        jdbc.sql("UPDATE farmland_plot SET replanted_area = :a, crop = :crop WHERE case_id = :c")
                .param("a", area).param("crop", crop).param("c", caseId).update();
    }

    Optional<FarmlandPlots.Plot> plot(DataScope scope, long caseId, CaseView view) {
        return jdbc.sql("SELECT p.*, v.name AS village_name FROM farmland_plot p " + CaseRepository.caseInScope("p.case_id", "farmland_plot")
                        + "JOIN org_unit v ON v.id = p.village_org_id WHERE p.case_id = :c AND o.path LIKE :scope")
                .param("c", caseId).param("scope", scope.likePattern())
                .query((rs, n) -> new FarmlandPlots.Plot(view, rs.getString("plot_code"), rs.getLong("village_org_id"),
                        rs.getString("village_name"), rs.getBigDecimal("area_mu"), rs.getString("current_use"), rs.getString("problem_type"),
                        rs.getString("plan"), rs.getBigDecimal("replanted_area"), rs.getString("crop")))
                .optional();
    }

    List<Long> plotIds(DataScope scope, String problem, String stateKind, Long villageOrgId, int limit) {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("scope", scope.likePattern(), "limit", limit));
        return jdbc.sql("SELECT p.case_id FROM farmland_plot p " + CaseRepository.caseInScope("p.case_id", "farmland_plot") + "WHERE o.path LIKE :scope"
                        + SafetyRepository.and(p, "p.problem_type", "prob", problem) + SafetyRepository.and(p, "c.state_kind", "kind", stateKind)
                        + SafetyRepository.and(p, "p.village_org_id", "v", villageOrgId) + " ORDER BY p.plot_code LIMIT :limit")
                .params(p).query(Long.class).list();
    }

    /** Totals of the plots of a scope: count, 亩, re-planted 亩, closed. */
    Map<String, Object> plotTotals(DataScope scope) {
        return jdbc.sql("SELECT COUNT(*) AS plots, COALESCE(SUM(p.area_mu), 0) AS area, COALESCE(SUM(p.replanted_area), 0) AS replanted, "
                        + "SUM(CASE WHEN c.state_kind = 'CLOSED' THEN 1 ELSE 0 END) AS closed FROM farmland_plot p "
                        + CaseRepository.caseInScope("p.case_id", "farmland_plot") + "WHERE o.path LIKE :scope")
                .param("scope", scope.likePattern()).query().singleRow();
    }

    /** Totals of the disputes of a scope and year: count, claimed, settled, closed. */
    Map<String, Object> disputeTotals(DataScope scope, int year) {
        return jdbc.sql("SELECT COUNT(*) AS disputes, COALESCE(SUM(d.claim_amount), 0) AS claimed, COALESCE(SUM(d.settled_amount), 0) AS settled, "
                        + "SUM(CASE WHEN c.state_kind = 'CLOSED' THEN 1 ELSE 0 END) AS closed FROM labor_dispute d "
                        + CaseRepository.caseInScope("d.case_id", "labor_dispute") + "WHERE o.path LIKE :scope AND c.opened_on BETWEEN :from AND :to")
                .param("scope", scope.likePattern()).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query().singleRow();
    }
}
