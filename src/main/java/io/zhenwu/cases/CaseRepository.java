package io.zhenwu.cases;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cases, their timelines, numbers and escalations, in plain SQL. A case is in scope when its handling org unit is in
 * the caller's subtree; an enterprise user additionally sees only their enterprise's cases ({@link CaseQuery}).
 */
@Repository
class CaseRepository {

    static final String COLUMNS = "c.id, c.case_number, c.type_code, c.type_version, c.town_org_id, c.org_unit_id, c.category, "
            + "c.subject_code, c.subject_name, c.title, c.channel_code, c.out_of_hours, c.applicant_kind, c.applicant_ref, "
            + "c.applicant_name, c.applicant_id_masked, c.enterprise_id, c.assignee, c.parent_id, c.state, c.state_kind, c.outcome, "
            + "c.opened_at, c.opened_on, c.closed_at, c.closed_on, c.calendar_days, c.promised_days, c.legal_days, c.due_on, "
            + "c.legal_due_on, c.warn_on, c.paused_on, c.paused_days, c.working_days_used, c.overdue, c.reopen_count, c.version, "
            + "c.created_by";
    /**
     * Joins a loop's record ({@code idColumn}: its case id) to its case and the case's handling unit, for a scope test
     * on {@code o.path}. Naming the case type lets PostgreSQL go from the units in scope to their cases of that type
     * by {@code case_record_org_type_idx} (V20), instead of visiting every case of those units — 1.6 s → 3 ms for a
     * county's open hazards among 6M cases.
     */
    static String caseInScope(String idColumn, String typeCode) {
        return "JOIN case_record c ON c.id = " + idColumn + " AND c.type_code = '" + typeCode + "' JOIN org_unit o ON o.id = c.org_unit_id ";
    }

    private static final String SELECT = "SELECT " + COLUMNS + " FROM case_record c JOIN org_unit o ON o.id = c.org_unit_id ";
    /** {@link #SELECT} with the handling unit's path, which the engine's events carry (saves reading it again). */
    private static final String SELECT_WITH_PATH = "SELECT " + COLUMNS + ", o.path AS handling_path "
            + "FROM case_record c JOIN org_unit o ON o.id = c.org_unit_id ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    private final io.zhenwu.shared.Database database;

    CaseRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, io.zhenwu.shared.Database database) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.database = database;
    }

    Optional<Case> find(DataScope scope, long id, Long enterpriseId) {
        return jdbc.sql(SELECT_WITH_PATH + "WHERE c.id = :id AND " + scopeClause(enterpriseId))
                .param("id", id).param("scope", scope.likePattern()).param("ent", enterpriseId)
                .query((rs, n) -> map(rs, n).readAt(rs.getString("handling_path"))).optional();
    }

    PageResult<Case> search(DataScope scope, CaseQuery q, PageQuery page) {
        StringBuilder where = new StringBuilder("WHERE " + scopeClause(q.enterpriseId()));
        Map<String, Object> params = new HashMap<>();
        params.put("scope", q.orgPath() != null && q.enterpriseId() == null ? q.orgPath() + "%" : scope.likePattern());
        if (q.orgPath() != null && !scope.contains(q.orgPath())) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        q.appendFilters(where, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM case_record c JOIN org_unit o ON o.id = c.org_unit_id " + where)
                .params(params).query(Long.class).single();
        List<Case> rows = jdbc.sql(SELECT + where + " ORDER BY " + page.orderBy() + ", c.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(CaseRepository::map).list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** The engine's own re-reads: a conflict's current state, a bundle's parent after its sub-case closed. */
    @Unscoped("re-reads a case the caller already reached within its scope (or its bundle parent)")
    Optional<Case> findAsSystem(long id) {
        return jdbc.sql(SELECT + "WHERE c.id = :id").param("id", id).query(CaseRepository::map).optional();
    }

    @Unscoped("the sub-cases of a bundle the engine is completing")
    List<Case> childrenAsSystem(long parentId) {
        return jdbc.sql(SELECT + "WHERE c.parent_id = :p ORDER BY c.id").param("p", parentId).query(CaseRepository::map).list();
    }

    /**
     * Who may see a case: normally its handling unit lies in the caller's subtree. An enterprise user instead sees
     * their own enterprise's cases — whichever department handles them — provided the enterprise itself lies in
     * their scope (the binding was made by an administrator of that scope).
     */
    private static String scopeClause(Long enterpriseId) {
        return enterpriseId == null ? "o.path LIKE :scope"
                : "c.enterprise_id = :ent AND EXISTS (SELECT 1 FROM enterprise e JOIN org_unit eo ON eo.id = e.org_unit_id "
                + "WHERE e.id = c.enterprise_id AND eo.path LIKE :scope)";
    }

    List<Case> children(DataScope scope, long parentId) {
        return jdbc.sql(SELECT + "WHERE c.parent_id = :p AND o.path LIKE :scope ORDER BY c.id")
                .param("p", parentId).param("scope", scope.likePattern()).query(CaseRepository::map).list();
    }

    /** The town (镇/街道) above an org unit, and its number prefix; empty when the unit is not under a town. */
    @Unscoped("reads the org tree above a unit the caller's scope already contains")
    Optional<Town> townOf(long orgUnitId) {
        return jdbc.sql("SELECT t.id, t.code, t.path, p.prefix FROM org_unit u JOIN org_unit t ON u.path LIKE t.path || '%' "
                        + "LEFT JOIN case_number_prefix p ON p.org_unit_id = t.id "
                        + "WHERE u.id = :id AND t.unit_type IN ('TOWN', 'SUBDISTRICT')")
                .param("id", orgUnitId)
                .query((rs, n) -> new Town(rs.getLong("id"), rs.getString("code"), rs.getString("path"), rs.getString("prefix")))
                .optional();
    }

    /** The path of a unit, to scope-check the handling unit of a new case. */
    @Unscoped("returns the path so the caller can check it against its scope")
    Optional<String> pathOf(long orgUnitId) {
        return jdbc.sql("SELECT path FROM org_unit WHERE id = :id AND active = TRUE").param("id", orgUnitId).query(String.class).optional();
    }

    record Town(long id, String code, String path, String prefix) {
        String numberPrefix() {
            return prefix != null ? prefix : code.substring(0, 9);
        }
    }

    @Unscoped("configuration of a town the caller administers; checked by the service")
    void setPrefix(long townId, String prefix) {
        if (jdbc.sql("UPDATE case_number_prefix SET prefix = :p WHERE org_unit_id = :t").param("p", prefix).param("t", townId).update() == 0) {
            jdbc.sql("INSERT INTO case_number_prefix (org_unit_id, prefix) VALUES (:t, :p)").param("t", townId).param("p", prefix).update();
        }
    }

    /**
     * Takes the next number of a town, type and year. The UPDATE locks the counter row until the transaction ends,
     * so numbers are gapless: a rolled-back case releases its number, concurrent openings wait for each other.
     */
    @Unscoped("numbering is per town; the case itself is scope-checked")
    long nextSequence(long townId, String typeCode, int year, int count) {
        // Create the counter row if it is missing without failing the transaction when another one creates it at the
        // same moment (a failed INSERT would abort a PostgreSQL transaction); then the UPDATE takes the row lock.
        String take = "UPDATE case_counter SET last_seq = last_seq + :n WHERE town_org_id = :t AND type_code = :c AND counter_year = :y";
        if (jdbc.sql(take).param("n", count).param("t", townId).param("c", typeCode).param("y", year).update() == 0) {
            jdbc.sql("INSERT INTO case_counter (town_org_id, type_code, counter_year, last_seq) VALUES (:t, :c, :y, 0) ON CONFLICT DO NOTHING")
                    .param("t", townId).param("c", typeCode).param("y", year).update();
            jdbc.sql(take).param("n", count).param("t", townId).param("c", typeCode).param("y", year).update();
        }
        return jdbc.sql("SELECT last_seq FROM case_counter WHERE town_org_id = :t AND type_code = :c AND counter_year = :y")
                .param("t", townId).param("c", typeCode).param("y", year).query(Long.class).single() - count + 1;
    }

    @Unscoped("the service checked the handling org unit against the caller's scope")
    long insert(Case c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_record (case_number, type_code, type_version, town_org_id, org_unit_id, category, subject_code, "
                        + "subject_name, title, channel_code, out_of_hours, applicant_kind, applicant_ref, applicant_name, "
                        + "applicant_id_masked, enterprise_id, assignee, parent_id, state, state_kind, outcome, opened_at, opened_on, "
                        + "closed_at, closed_on, calendar_days, promised_days, legal_days, due_on, legal_due_on, warn_on, paused_on, "
                        + "paused_days, working_days_used, overdue, reopen_count, version, created_by, updated_at) VALUES "
                        + "(:number, :type, :tv, :town, :org, :category, :subject, :subjectName, :title, :channel, :ooh, :ak, :aref, "
                        + ":aname, :aid, :ent, :assignee, :parent, :state, :kind, :outcome, :openedAt, :openedOn, :closedAt, :closedOn, "
                        + ":cal, :promised, :legal, :due, :legalDue, :warn, :paused, :pausedDays, :used, :overdue, :reopen, 0, :by, :now)")
                .params(with(params(c), Map.of("by", c.createdBy, "now", ts(c.openedAt))))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Batch path for historical cases (demo data, generators, migrations): inserts the cases, then their timelines,
     * in JDBC batches. Returns the new ids in input order (looked up by the unique case numbers).
     */
    @Unscoped("the service checked every case's org unit against the caller's scope")
    List<Long> insertBatch(List<Case> batch, List<List<TimelineEntry>> timelines) {
        var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(
                jdbcTemplate);
        String insert = "INSERT INTO case_record (case_number, type_code, type_version, town_org_id, org_unit_id, category, subject_code, "
                + "subject_name, title, channel_code, out_of_hours, applicant_kind, applicant_ref, applicant_name, "
                + "applicant_id_masked, enterprise_id, assignee, parent_id, state, state_kind, outcome, opened_at, opened_on, "
                + "closed_at, closed_on, calendar_days, promised_days, legal_days, due_on, legal_due_on, warn_on, paused_on, "
                + "paused_days, working_days_used, overdue, reopen_count, version, created_by, updated_at) VALUES "
                + "(:number, :type, :tv, :town, :org, :category, :subject, :subjectName, :title, :channel, :ooh, :ak, :aref, "
                + ":aname, :aid, :ent, :assignee, :parent, :state, :kind, :outcome, :openedAt, :openedOn, :closedAt, :closedOn, "
                + ":cal, :promised, :legal, :due, :legalDue, :warn, :paused, :pausedDays, :used, :overdue, :reopen, :version, :by, :now)";
        var rows = batch.stream().map(c -> (org.springframework.jdbc.core.namedparam.SqlParameterSource)
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(with(params(c), Map.of("by", c.createdBy,
                        "now", ts(c.closedAt != null ? c.closedAt : c.openedAt), "version", c.version)))).toList();
        // The generated ids come back from the batch itself, in input order (no lookup by number: a cached generic
        // plan of such a lookup went stale on a table that grew from empty during one load).
        var keys = new GeneratedKeyHolder();
        named.batchUpdate(insert, rows.toArray(new org.springframework.jdbc.core.namedparam.SqlParameterSource[0]), keys, new String[] {"id"});
        List<Long> idList = keys.getKeyList().stream().map(k -> ((Number) k.values().iterator().next()).longValue()).toList();
        if (idList.size() != batch.size()) {
            throw new IllegalStateException("expected " + batch.size() + " generated ids, got " + idList.size());
        }
        List<org.springframework.jdbc.core.namedparam.SqlParameterSource> events = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            long id = idList.get(i);
            for (TimelineEntry e : timelines.get(i)) {
                events.add(new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                        .addValue("c", id).addValue("seq", e.seq()).addValue("t", e.transition()).addValue("from", e.fromState())
                        .addValue("to", e.toState()).addValue("actor", e.actor()).addValue("at", ts(e.occurredAt()))
                        .addValue("fields", e.fields().isEmpty() ? null : JSON.writeValueAsString(e.fields()))
                        .addValue("comment", e.comment()));
            }
        }
        named.batchUpdate("INSERT INTO case_event (case_id, seq, transition, from_state, to_state, actor, occurred_at, fields_json, comment) "
                + "VALUES (:c, :seq, :t, :from, :to, :actor, :at, :fields, :comment)",
                events.toArray(new org.springframework.jdbc.core.namedparam.SqlParameterSource[0]));
        return idList;
    }

    private static final String UPDATE = "UPDATE case_record SET state = :state, state_kind = :kind, outcome = :outcome, "
            + "assignee = :assignee, closed_at = :closedAt, closed_on = :closedOn, due_on = :due, legal_due_on = :legalDue, "
            + "warn_on = :warn, paused_on = :paused, paused_days = :pausedDays, working_days_used = :used, overdue = :overdue, "
            + "reopen_count = :reopen, version = version + 1, updated_at = :now WHERE id = :id AND version = :expected";
    /** The timeline columns and the select list that numbers an entry after the case's last one (see {@link #appendEvent}). */
    private static final String EVENT_COLUMNS = "INSERT INTO case_event (case_id, seq, transition, from_state, to_state, actor, "
            + "occurred_at, fields_json, comment) ";
    private static final String EVENT_VALUES = "CAST(:t AS VARCHAR), CAST(:from AS VARCHAR), CAST(:to AS VARCHAR), "
            + "CAST(:actor AS VARCHAR), :at, CAST(:fields AS VARCHAR), CAST(:comment AS VARCHAR)";

    /** Writes the state and clock of a case if nobody changed it since {@code expectedVersion}; false otherwise. */
    @Unscoped("the case was read within the caller's scope before")
    boolean update(Case c, long expectedVersion, Instant now) {
        return jdbc.sql(UPDATE).params(with(params(c), Map.of("id", c.id, "expected", expectedVersion, "now", ts(now)))).update() == 1;
    }

    /**
     * Takes the case's row until the transaction ends if it is still at {@code expectedVersion} (an update that
     * changes nothing); false otherwise. A concurrent holder or transition makes this wait, then fail the version check.
     */
    @Unscoped("the case was read within the caller's scope before")
    boolean holdAtVersion(long id, long expectedVersion) {
        return jdbc.sql("UPDATE case_record SET version = version WHERE id = :id AND version = :expected")
                .param("id", id).param("expected", expectedVersion).update() == 1;
    }

    /**
     * A transition's write: the case's state and clock if nobody changed it since {@code expectedVersion}, and its
     * timeline entry; false, and nothing written, otherwise. On PostgreSQL one statement (a data-modifying WITH), one
     * round trip fewer of a transition's five: the entry is inserted only if the update matched, and numbered after the
     * last one. A concurrent transition of the same case waits for the row, then fails the version check (every
     * appender bumps the version), so the number cannot be taken twice. H2 has no data-modifying WITH: two statements.
     */
    @Unscoped("the case was read within the caller's scope before")
    boolean updateAndAppend(Case c, long expectedVersion, Instant now, TimelineEntry e) {
        if (!database.postgres()) {
            if (!update(c, expectedVersion, now)) {
                return false;
            }
            appendEvent(c.id, e);
            return true;
        }
        return jdbc.sql("WITH u AS (" + UPDATE + " RETURNING id) " + EVENT_COLUMNS + "SELECT u.id, "
                        + "(SELECT COALESCE(MAX(x.seq), 0) + 1 FROM case_event x WHERE x.case_id = u.id), " + EVENT_VALUES + " FROM u")
                .params(with(with(params(c), Map.of("id", c.id, "expected", expectedVersion, "now", ts(now))), eventParams(e)))
                .update() == 1;
    }

    private static Map<String, Object> eventParams(TimelineEntry e) {
        Map<String, Object> p = new HashMap<>();
        p.put("t", e.transition());
        p.put("from", e.fromState());
        p.put("to", e.toState());
        p.put("actor", e.actor());
        p.put("at", ts(e.occurredAt()));
        p.put("fields", e.fields().isEmpty() ? null : JSON.writeValueAsString(e.fields()));
        p.put("comment", e.comment());
        return p;
    }

    private static Map<String, Object> with(Map<String, Object> params, Map<String, Object> more) {
        params.putAll(more);
        return params;
    }

    private static Map<String, Object> params(Case c) {
        Map<String, Object> p = new HashMap<>();
        p.put("number", c.number);
        p.put("type", c.typeCode);
        p.put("tv", c.typeVersion);
        p.put("town", c.townOrgId);
        p.put("org", c.orgUnitId);
        p.put("category", c.category);
        p.put("subject", c.subjectCode);
        p.put("subjectName", c.subjectName);
        p.put("title", c.title);
        p.put("channel", c.channelCode);
        p.put("ooh", c.outOfHours);
        p.put("ak", c.applicantKind.name());
        p.put("aref", c.applicantRef);
        p.put("aname", c.applicantName);
        p.put("aid", c.applicantIdMasked);
        p.put("ent", c.enterpriseId);
        p.put("assignee", c.assignee);
        p.put("parent", c.parentId);
        p.put("state", c.state);
        p.put("kind", c.stateKind.name());
        p.put("outcome", c.outcome);
        p.put("openedAt", ts(c.openedAt));
        p.put("openedOn", c.openedOn);
        p.put("closedAt", ts(c.closedAt));
        p.put("closedOn", c.closedOn);
        p.put("cal", c.calendarDays);
        p.put("promised", c.promisedDays);
        p.put("legal", c.legalDays);
        p.put("due", c.dueOn);
        p.put("legalDue", c.legalDueOn);
        p.put("warn", c.warnOn);
        p.put("paused", c.pausedOn);
        p.put("pausedDays", c.pausedDays);
        p.put("used", c.workingDaysUsed);
        p.put("overdue", c.overdue);
        p.put("reopen", c.reopenCount);
        return p;
    }

    /**
     * Appends an entry after the case's last one, numbering it in the statement. The caller has updated the case's
     * row in this transaction (its version), which keeps any other appender of the same case waiting until commit. The
     * casts type the parameters of the select list for PostgreSQL; the columns still check the lengths.
     */
    @Unscoped("appends to the timeline of a case read within the caller's scope")
    void appendEvent(long caseId, TimelineEntry e) {
        jdbc.sql(EVENT_COLUMNS + "SELECT :c, COALESCE(MAX(seq), 0) + 1, " + EVENT_VALUES + " FROM case_event WHERE case_id = :c")
                .params(with(eventParams(e), Map.of("c", caseId))).update();
    }

    @Unscoped("the first entry of a case the caller just opened within its scope")
    void insertEvent(long caseId, TimelineEntry e) {
        jdbc.sql("INSERT INTO case_event (case_id, seq, transition, from_state, to_state, actor, occurred_at, fields_json, comment) "
                        + "VALUES (:c, :seq, :t, :from, :to, :actor, :at, :fields, :comment)")
                .param("c", caseId).param("seq", e.seq()).param("t", e.transition()).param("from", e.fromState())
                .param("to", e.toState()).param("actor", e.actor()).param("at", ts(e.occurredAt()))
                .param("fields", e.fields().isEmpty() ? null : JSON.writeValueAsString(e.fields())).param("comment", e.comment())
                .update();
    }

    /** The name of a town, for document numbers (下蜀镇 → 下蜀安责改〔2023〕第1号). */
    @Unscoped("the name of the town above a unit the caller's scope contains")
    String townName(long townId) {
        return jdbc.sql("SELECT name FROM org_unit WHERE id = :id").param("id", townId).query(String.class).single();
    }

    @Unscoped("the timeline of a case read within the caller's scope")
    List<TimelineEntry> timeline(long caseId) {
        return jdbc.sql("SELECT seq, transition, from_state, to_state, actor, occurred_at, fields_json, comment FROM case_event "
                        + "WHERE case_id = :c ORDER BY seq")
                .param("c", caseId)
                .query((rs, n) -> new TimelineEntry(rs.getInt("seq"), rs.getString("transition"), rs.getString("from_state"),
                        rs.getString("to_state"), rs.getString("actor"), instant(rs, "occurred_at"), fields(rs.getString("fields_json")),
                        rs.getString("comment")))
                .list();
    }

    /** Who fired which transition on a case, in timeline order (for the "different person" rule). */
    @Unscoped("the timeline of a case read within the caller's scope")
    Map<String, List<String>> actorsByTransition(long caseId) {
        Map<String, List<String>> actors = new LinkedHashMap<>();
        jdbc.sql("SELECT transition, actor FROM case_event WHERE case_id = :c ORDER BY seq").param("c", caseId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        actors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return actors;
    }

    // --- escalation -------------------------------------------------------------------------------------------------

    /** Open cases whose deadline passed before {@code today} and that were not escalated yet (the daily job). */
    @Unscoped("the escalation job runs for every town as the system")
    List<Case> dueForEscalation(LocalDate today, int limit) {
        return jdbc.sql(SELECT + "WHERE c.state_kind = 'OPEN' AND c.due_on < :today AND c.overdue = FALSE ORDER BY c.id LIMIT :limit")
                .param("today", today).param("limit", limit).query(CaseRepository::map).list();
    }

    @Unscoped("the escalation job runs for every town as the system")
    boolean markEscalated(Case c, String notifyRole, Instant now) {
        int rows = jdbc.sql("UPDATE case_record SET overdue = TRUE, escalated_at = :now, version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND version = :v AND overdue = FALSE")
                .param("now", ts(now)).param("id", c.id).param("v", c.version).update();
        if (rows == 1) {
            jdbc.sql("INSERT INTO case_escalation (case_id, notify_role, due_on, created_at) VALUES (:c, :r, :d, :now)")
                    .param("c", c.id).param("r", notifyRole).param("d", c.dueOn).param("now", ts(now)).update();
        }
        return rows == 1;
    }

    /** Open escalations of the caller's scope, most overdue first (the leaders' 督办 board). */
    List<Escalation> escalations(DataScope scope, boolean openOnly, int limit) {
        return jdbc.sql("SELECT e.id, e.case_id, c.case_number, c.title, c.type_code, c.state, e.due_on, e.created_at, e.acknowledged_at, "
                        + "e.acknowledged_by FROM case_escalation e JOIN case_record c ON c.id = e.case_id JOIN org_unit o ON o.id = c.org_unit_id "
                        + "WHERE o.path LIKE :scope" + (openOnly ? " AND e.acknowledged_at IS NULL AND c.state_kind <> 'CLOSED'" : "")
                        + " ORDER BY e.due_on, e.id LIMIT :limit")
                .param("scope", scope.likePattern()).param("limit", limit)
                .query((rs, n) -> new Escalation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, LocalDate.class), instant(rs, "created_at"), instant(rs, "acknowledged_at"),
                        rs.getString(10)))
                .list();
    }

    boolean acknowledge(DataScope scope, long escalationId, String by, Instant now) {
        return jdbc.sql("UPDATE case_escalation SET acknowledged_at = :now, acknowledged_by = :by WHERE id = :id AND acknowledged_at IS NULL "
                        + "AND case_id IN (SELECT c.id FROM case_record c JOIN org_unit o ON o.id = c.org_unit_id WHERE o.path LIKE :scope)")
                .param("now", ts(now)).param("by", by).param("id", escalationId).param("scope", scope.likePattern()).update() == 1;
    }

    /** 督办: one escalation as the leaders' board shows it. */
    public record Escalation(long id, long caseId, String caseNumber, String title, String type, String state, LocalDate dueOn,
                             Instant createdAt, Instant acknowledgedAt, String acknowledgedBy) {
    }

    // --- mapping ------------------------------------------------------------------------------------------------------

    static Case map(ResultSet rs, int row) throws SQLException {
        return new Case(rs.getLong("id"), rs.getString("case_number"), rs.getString("type_code"), rs.getInt("type_version"),
                rs.getLong("town_org_id"), rs.getLong("org_unit_id"), rs.getString("category"), rs.getString("subject_code"),
                rs.getString("subject_name"), rs.getString("title"), rs.getString("channel_code"), rs.getBoolean("out_of_hours"),
                ApplicantKind.valueOf(rs.getString("applicant_kind")), (Long) rs.getObject("applicant_ref", Long.class),
                rs.getString("applicant_name"), rs.getString("applicant_id_masked"), rs.getObject("enterprise_id", Long.class),
                rs.getString("assignee"), rs.getObject("parent_id", Long.class), rs.getString("state"),
                CaseType.StateKind.valueOf(rs.getString("state_kind")), rs.getString("outcome"), instant(rs, "opened_at"),
                rs.getObject("opened_on", LocalDate.class), instant(rs, "closed_at"), rs.getObject("closed_on", LocalDate.class),
                rs.getBoolean("calendar_days"), rs.getObject("promised_days", Integer.class), rs.getObject("legal_days", Integer.class),
                rs.getObject("due_on", LocalDate.class), rs.getObject("legal_due_on", LocalDate.class), rs.getObject("warn_on", LocalDate.class),
                rs.getObject("paused_on", LocalDate.class), rs.getInt("paused_days"), rs.getObject("working_days_used", Integer.class),
                rs.getBoolean("overdue"), rs.getInt("reopen_count"), rs.getLong("version"), rs.getString("created_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, Times.ZONE);
    }

    private static Map<String, String> fields(String json) {
        if (json == null) {
            return Map.of();
        }
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
    }

}
