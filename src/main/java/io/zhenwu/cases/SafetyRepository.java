package io.zhenwu.cases;

import io.zhenwu.cases.SafetyRecords.Evidence;
import io.zhenwu.cases.SafetyRecords.Hazard;
import io.zhenwu.cases.SafetyRecords.Inspection;
import io.zhenwu.cases.SafetyRecords.Notice;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inspections, hazards, evidence and rectification notices in plain SQL. A hazard, its evidence and its notice are
 * in scope when their case's handling unit is; an enterprise user reads only notices addressed to their enterprise.
 */
@Repository
class SafetyRepository {


    private final JdbcClient jdbc;

    SafetyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- inspections ------------------------------------------------------------------------------------------------

    @Unscoped("the service checked the inspecting unit against the caller's scope")
    long insertInspection(long orgUnitId, Long villageOrgId, Long enterpriseId, Long facilityId, String place, LocalDate on,
                          String kind, String campaign, List<String> inspectors, String findings, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO safety_inspection (org_unit_id, village_org_id, enterprise_id, facility_id, place, inspected_on, "
                        + "inspection_kind, campaign, inspectors, inspector_count, findings, created_by, created_at) VALUES "
                        + "(:org, :village, :ent, :fac, :place, :on, :kind, :campaign, :inspectors, :count, :findings, :by, :at)")
                .param("org", orgUnitId).param("village", villageOrgId).param("ent", enterpriseId).param("fac", facilityId)
                .param("place", place).param("on", on).param("kind", kind).param("campaign", campaign)
                .param("inspectors", String.join(",", inspectors)).param("count", inspectors.size()).param("findings", findings)
                .param("by", by).param("at", CaseRepository.ts(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Inspection> inspection(DataScope scope, long id) {
        return jdbc.sql("SELECT i.* FROM safety_inspection i JOIN org_unit o ON o.id = i.org_unit_id WHERE i.id = :id AND o.path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern()).query(SafetyRepository::inspection).optional();
    }

    List<Inspection> inspections(DataScope scope, LocalDate from, LocalDate to, String kind, int limit) {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("scope", scope.likePattern(), "from", from, "to", to, "limit", limit));
        return jdbc.sql("SELECT i.* FROM safety_inspection i JOIN org_unit o ON o.id = i.org_unit_id WHERE o.path LIKE :scope "
                        + "AND i.inspected_on BETWEEN :from AND :to" + and(p, "i.inspection_kind", "kind", kind)
                        + " ORDER BY i.inspected_on DESC, i.id DESC LIMIT :limit")
                .params(p).query(SafetyRepository::inspection).list();
    }

    // --- hazards ------------------------------------------------------------------------------------------------------

    @Unscoped("the hazard's case was just opened within the caller's scope")
    void insertHazard(long caseId, Long inspectionId, String category, String level, Long villageOrgId, String location,
                      String description, BigDecimal lat, BigDecimal lng, LocalDate foundOn, boolean onTheSpot) {
        jdbc.sql("INSERT INTO safety_hazard (case_id, inspection_id, category, hazard_level, village_org_id, location, description, "
                        + "latitude, longitude, found_on, on_the_spot) VALUES (:c, :i, :cat, :lvl, :v, :loc, :d, :lat, :lng, :on, :spot)")
                .param("c", caseId).param("i", inspectionId).param("cat", category).param("lvl", level).param("v", villageOrgId)
                .param("loc", location).param("d", description).param("lat", lat).param("lng", lng).param("on", foundOn)
                .param("spot", onTheSpot).update();
    }

    Optional<Hazard> hazard(DataScope scope, long caseId) {
        return jdbc.sql("SELECT h.*, v.name AS village_name FROM safety_hazard h " + CaseRepository.caseInScope("h.case_id", "safety_hazard")
                        + "LEFT JOIN org_unit v ON v.id = h.village_org_id WHERE h.case_id = :c AND o.path LIKE :scope")
                .param("c", caseId).param("scope", scope.likePattern()).query(SafetyRepository::hazard).optional();
    }

    @Unscoped("marks a hazard whose case the service read within the caller's scope")
    void markOnTheSpot(long caseId) {
        jdbc.sql("UPDATE safety_hazard SET on_the_spot = TRUE WHERE case_id = :c").param("c", caseId).update();
    }

    @Unscoped("files a hazard whose case the service read within the caller's scope")
    boolean fileEnforcement(long caseId, String reference, LocalDate on) {
        return jdbc.sql("UPDATE safety_hazard SET enforcement_filed = TRUE, enforcement_ref = :r, enforcement_on = :on "
                        + "WHERE case_id = :c AND enforcement_filed = FALSE")
                .param("c", caseId).param("r", reference).param("on", on).update() == 1;
    }

    /** Hazard case ids of the scope, newest first, with optional filters on level, category, state kind and village. */
    List<Long> hazardIds(DataScope scope, String level, String category, String stateKind, Long villageOrgId, Boolean overdue, int limit) {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("scope", scope.likePattern(), "limit", limit));
        return jdbc.sql("SELECT h.case_id FROM safety_hazard h " + CaseRepository.caseInScope("h.case_id", "safety_hazard") + "WHERE o.path LIKE :scope"
                        + and(p, "h.hazard_level", "lvl", level) + and(p, "h.category", "cat", category)
                        + and(p, "c.state_kind", "kind", stateKind) + and(p, "h.village_org_id", "v", villageOrgId)
                        + and(p, "c.overdue", "overdue", overdue) + " ORDER BY h.found_on DESC, h.case_id DESC LIMIT :limit")
                .params(p).query(Long.class).list();
    }

    // --- evidence -----------------------------------------------------------------------------------------------------

    @Unscoped("the evidence belongs to a case the service read within the caller's scope")
    long insertEvidence(long caseId, String stage, String fileName, String contentType, long size, String sha256, String storedName,
                        BigDecimal lat, BigDecimal lng, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO safety_evidence (case_id, stage, file_name, content_type, size_bytes, sha256, stored_name, latitude, "
                        + "longitude, uploaded_by, uploaded_at) VALUES (:c, :stage, :name, :type, :size, :sha, :stored, :lat, :lng, :by, :at)")
                .param("c", caseId).param("stage", stage).param("name", fileName).param("type", contentType).param("size", size)
                .param("sha", sha256).param("stored", storedName).param("lat", lat).param("lng", lng).param("by", by)
                .param("at", CaseRepository.ts(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    @Unscoped("counts the evidence of a case the engine is firing a transition on within the caller's scope")
    int evidenceCount(long caseId, String stage) {
        return jdbc.sql("SELECT COUNT(*) FROM safety_evidence WHERE case_id = :c AND stage = :s").param("c", caseId).param("s", stage)
                .query(Integer.class).single();
    }

    List<Evidence> evidence(DataScope scope, long caseId) {
        return jdbc.sql("SELECT e.* FROM safety_evidence e " + CaseRepository.caseInScope("e.case_id", "safety_hazard")
                        + "WHERE e.case_id = :c AND o.path LIKE :scope ORDER BY e.id")
                .param("c", caseId).param("scope", scope.likePattern())
                .query((rs, n) -> new Evidence(rs.getLong("id"), rs.getLong("case_id"), rs.getString("stage"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getBigDecimal("latitude"),
                        rs.getBigDecimal("longitude"), rs.getString("uploaded_by"), instant(rs, "uploaded_at")))
                .list();
    }

    /** The stored file name and type of one evidence photo within scope. */
    Optional<String[]> evidenceFile(DataScope scope, long evidenceId) {
        return jdbc.sql("SELECT e.stored_name, e.content_type FROM safety_evidence e " + CaseRepository.caseInScope("e.case_id", "safety_hazard")
                        + "WHERE e.id = :id AND o.path LIKE :scope")
                .param("id", evidenceId).param("scope", scope.likePattern())
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
    }

    // --- notices ------------------------------------------------------------------------------------------------------

    @Unscoped("the notice's case was read within the caller's scope; its number was taken from the town's counter")
    long insertNotice(long caseId, long townId, int year, long seq, String number, Long enterpriseId, String addressee,
                      LocalDate issuedOn, LocalDate deadline, String items, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rectification_notice (case_id, town_org_id, notice_year, seq, notice_number, enterprise_id, addressee, "
                        + "issued_on, deadline, items, issued_by, created_at) VALUES (:c, :t, :y, :s, :n, :e, :a, :i, :d, :items, :by, :at)")
                .param("c", caseId).param("t", townId).param("y", year).param("s", seq).param("n", number).param("e", enterpriseId)
                .param("a", addressee).param("i", issuedOn).param("d", deadline).param("items", items).param("by", by)
                .param("at", CaseRepository.ts(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The number of the notice recorded for a hazard, if any (the issue_notice guard compares it). */
    @Unscoped("the engine is firing a transition on a case read within the caller's scope")
    Optional<String> noticeNumberOfCase(long caseId) {
        return jdbc.sql("SELECT notice_number FROM rectification_notice WHERE case_id = :c").param("c", caseId).query(String.class).optional();
    }

    private static final String NOTICE = "SELECT n.*, c.case_number, c.state FROM rectification_notice n ";

    Optional<Notice> notice(DataScope scope, long id) {
        return jdbc.sql(NOTICE + CaseRepository.caseInScope("n.case_id", "safety_hazard") + "WHERE n.id = :id AND o.path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern()).query(SafetyRepository::notice).optional();
    }

    Optional<Notice> noticeOfCase(DataScope scope, long caseId) {
        return jdbc.sql(NOTICE + CaseRepository.caseInScope("n.case_id", "safety_hazard") + "WHERE n.case_id = :c AND o.path LIKE :scope")
                .param("c", caseId).param("scope", scope.likePattern()).query(SafetyRepository::notice).optional();
    }

    /**
     * 企业用户: a notice addressed to their enterprise, whichever department issued it (the enterprise binding, not
     * the org tree, decides what an enterprise user reads).
     */
    @Unscoped("narrowed to the enterprise an enterprise user is bound to, which is stricter than an org scope")
    Optional<Notice> noticeForEnterprise(long id, long enterpriseId) {
        return jdbc.sql(NOTICE + "JOIN case_record c ON c.id = n.case_id WHERE n.id = :id AND n.enterprise_id = :e AND c.enterprise_id = :e")
                .param("id", id).param("e", enterpriseId).query(SafetyRepository::notice).optional();
    }

    @Unscoped("narrowed to the enterprise an enterprise user is bound to")
    List<Notice> noticesForEnterprise(long enterpriseId) {
        return jdbc.sql(NOTICE + "JOIN case_record c ON c.id = n.case_id WHERE n.enterprise_id = :e ORDER BY n.issued_on DESC, n.id DESC")
                .param("e", enterpriseId).query(SafetyRepository::notice).list();
    }

    /** Open notices past their deadline that the user issued (an inspector's "my overdue notices"). */
    List<Notice> overdueNotices(DataScope scope, String issuedBy, LocalDate today) {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("scope", scope.likePattern(), "today", today));
        return jdbc.sql(NOTICE + CaseRepository.caseInScope("n.case_id", "safety_hazard") + "WHERE o.path LIKE :scope" + and(p, "n.issued_by", "by", issuedBy)
                        + " AND c.state = 'rectifying' AND c.due_on < :today ORDER BY c.due_on, n.id")
                .params(p).query(SafetyRepository::notice).list();
    }

    // --- the leader's board ---------------------------------------------------------------------------------------------

    /** Open hazards by village and level. */
    List<Map<String, Object>> openByVillageAndLevel(DataScope scope) {
        return jdbc.sql("SELECT COALESCE(v.name, '-') AS village, h.hazard_level AS lvl, COUNT(*) AS n FROM safety_hazard h "
                        + CaseRepository.caseInScope("h.case_id", "safety_hazard") + "LEFT JOIN org_unit v ON v.id = h.village_org_id "
                        + "WHERE o.path LIKE :scope AND c.state_kind <> 'CLOSED' GROUP BY v.name, h.hazard_level ORDER BY v.name, h.hazard_level")
                .param("scope", scope.likePattern()).query().listOfRows();
    }

    /** Hazards found and closed per month of a year: {month → [found, closed]}. */
    Map<Integer, long[]> byMonth(DataScope scope, int year) {
        Map<Integer, long[]> months = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(m, new long[2]);
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        // Counted in SQL, grouped by month: hazards found in the year, and hazards rectified (closed as done) in it.
        String hazardsInScope = "FROM safety_hazard h " + CaseRepository.caseInScope("h.case_id", "safety_hazard") + "WHERE o.path LIKE :scope AND ";
        jdbc.sql("SELECT 0 AS k, EXTRACT(MONTH FROM h.found_on) AS m, COUNT(*) AS n " + hazardsInScope + "h.found_on BETWEEN :from AND :to "
                        + "GROUP BY EXTRACT(MONTH FROM h.found_on) "
                        + "UNION ALL SELECT 1 AS k, EXTRACT(MONTH FROM c.closed_on) AS m, COUNT(*) AS n " + hazardsInScope
                        + "c.outcome = 'done' AND c.closed_on BETWEEN :from AND :to GROUP BY EXTRACT(MONTH FROM c.closed_on)")
                .param("scope", scope.likePattern()).param("from", from).param("to", to)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> months.get(rs.getInt("m"))[rs.getInt("k")] = rs.getLong("n"));
        return months;
    }

    /** This year's headline counts. */
    Map<String, Object> yearFigures(DataScope scope, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        return jdbc.sql("SELECT "
                        + "(SELECT COUNT(*) FROM safety_inspection i JOIN org_unit o ON o.id = i.org_unit_id WHERE o.path LIKE :scope "
                        + "   AND i.inspected_on BETWEEN :from AND :to) AS inspections, "
                        + "(SELECT COUNT(*) FROM safety_hazard h " + CaseRepository.caseInScope("h.case_id", "safety_hazard") + "WHERE o.path LIKE :scope "
                        + "   AND h.found_on BETWEEN :from AND :to) AS found, "
                        + "(SELECT COUNT(*) FROM safety_hazard h " + CaseRepository.caseInScope("h.case_id", "safety_hazard") + "WHERE o.path LIKE :scope "
                        + "   AND c.outcome = 'done' AND c.closed_on BETWEEN :from AND :to) AS rectified, "
                        + "(SELECT COUNT(*) FROM rectification_notice n " + CaseRepository.caseInScope("n.case_id", "safety_hazard") + "WHERE o.path LIKE :scope "
                        + "   AND n.issued_on BETWEEN :from AND :to) AS notices, "
                        + "(SELECT COUNT(*) FROM safety_hazard h " + CaseRepository.caseInScope("h.case_id", "safety_hazard") + "WHERE o.path LIKE :scope "
                        + "   AND h.enforcement_filed = TRUE AND h.enforcement_on BETWEEN :from AND :to) AS filed, "
                        + "(SELECT COUNT(*) FROM safety_hazard h " + CaseRepository.caseInScope("h.case_id", "safety_hazard") + "WHERE o.path LIKE :scope "
                        + "   AND c.state_kind <> 'CLOSED' AND c.overdue = TRUE) AS overdue")
                .param("scope", scope.likePattern()).param("from", from).param("to", to).query().singleRow();
    }

    /** An optional filter: a bound parameter when given, nothing otherwise (PostgreSQL cannot type a bare null). */
    static String and(Map<String, Object> params, String column, String name, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return "";
        }
        params.put(name, value);
        return " AND " + column + " = :" + name;
    }

    // --- mapping ----------------------------------------------------------------------------------------------------------

    private static Inspection inspection(ResultSet rs, int n) throws SQLException {
        return new Inspection(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getObject("village_org_id", Long.class),
                rs.getObject("enterprise_id", Long.class), rs.getObject("facility_id", Long.class), rs.getString("place"),
                rs.getObject("inspected_on", LocalDate.class), rs.getString("inspection_kind"), rs.getString("campaign"),
                Arrays.asList(rs.getString("inspectors").split(",")), rs.getString("findings"), rs.getString("created_by"),
                instant(rs, "created_at"));
    }

    private static Hazard hazard(ResultSet rs, int n) throws SQLException {
        return new Hazard(rs.getLong("case_id"), rs.getObject("inspection_id", Long.class), rs.getString("category"),
                rs.getString("hazard_level"), rs.getObject("village_org_id", Long.class), rs.getString("village_name"),
                rs.getString("location"), rs.getString("description"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                rs.getObject("found_on", LocalDate.class), rs.getBoolean("on_the_spot"), rs.getBoolean("enforcement_filed"),
                rs.getString("enforcement_ref"), rs.getObject("enforcement_on", LocalDate.class));
    }

    private static Notice notice(ResultSet rs, int n) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_number"), rs.getString("notice_number"),
                rs.getObject("enterprise_id", Long.class), rs.getString("addressee"), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("deadline", LocalDate.class), rs.getString("items"), rs.getString("issued_by"), rs.getString("state"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
