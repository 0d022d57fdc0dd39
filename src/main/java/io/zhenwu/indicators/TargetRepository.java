package io.zhenwu.indicators;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Targets in plain SQL, scoped by the org unit they belong to. */
@Repository
class TargetRepository {

    private static final String SELECT = "SELECT t.id, t.indicator_code, t.org_unit_id, o.code AS org_code, t.target_year, t.comparator, "
            + "t.num_value, t.wording, t.version FROM target t JOIN org_unit o ON o.id = t.org_unit_id ";

    private final JdbcClient jdbc;

    TargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Target> forOrgUnit(DataScope scope, long orgUnitId, int year) {
        return jdbc.sql(SELECT + "JOIN indicator i ON i.code = t.indicator_code WHERE t.org_unit_id = :org AND t.target_year = :year "
                        + "AND o.path LIKE :scope ORDER BY i.group_code, i.sort_order, i.code")
                .param("org", orgUnitId).param("year", year).param("scope", scope.likePattern())
                .query(TargetRepository::map).list();
    }

    Optional<Target> find(DataScope scope, String indicator, long orgUnitId, int year) {
        return jdbc.sql(SELECT + "WHERE t.indicator_code = :code AND t.org_unit_id = :org AND t.target_year = :year AND o.path LIKE :scope")
                .param("code", indicator).param("org", orgUnitId).param("year", year).param("scope", scope.likePattern())
                .query(TargetRepository::map).optional();
    }

    @Unscoped("the org unit was read within the caller's scope before the insert")
    long insert(String indicator, long orgUnitId, int year, Target.Comparator comparator, BigDecimal value, String wording) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO target (indicator_code, org_unit_id, target_year, comparator, num_value, wording, version, created_at, updated_at) "
                        + "VALUES (:code, :org, :year, :cmp, :value, :wording, 0, :now, :now)")
                .param("code", indicator).param("org", orgUnitId).param("year", year).param("cmp", comparator.name())
                .param("value", value).param("wording", wording).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    int update(DataScope scope, long id, long version, Target.Comparator comparator, BigDecimal value, String wording) {
        return jdbc.sql("UPDATE target SET comparator = :cmp, num_value = :value, wording = :wording, version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND version = :version AND org_unit_id IN (SELECT o.id FROM org_unit o WHERE o.path LIKE :scope)")
                .param("cmp", comparator.name()).param("value", value).param("wording", wording)
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE)).param("id", id).param("version", version)
                .param("scope", scope.likePattern()).update();
    }

    /** The splits of every target of an org unit's year, by target id, in period order (one statement for a board). */
    Map<Long, List<Split>> splitsForOrgUnit(DataScope scope, long orgUnitId, int year) {
        Map<Long, List<Split>> splits = new HashMap<>();
        jdbc.sql("SELECT s.target_id, s.period_type, s.period_start, s.num_value FROM target_split s JOIN target t ON t.id = s.target_id "
                        + "JOIN org_unit o ON o.id = t.org_unit_id WHERE t.org_unit_id = :org AND t.target_year = :year AND o.path LIKE :scope "
                        + "ORDER BY s.target_id, s.period_start")
                .param("org", orgUnitId).param("year", year).param("scope", scope.likePattern())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> splits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Split(new Period(PeriodType.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate()), rs.getBigDecimal(4))));
        return splits;
    }

    @Unscoped("the target was read within the caller's scope before")
    void replaceSplits(long targetId, List<Split> splits) {
        jdbc.sql("DELETE FROM target_split WHERE target_id = :id").param("id", targetId).update();
        for (Split split : splits) {
            jdbc.sql("INSERT INTO target_split (target_id, period_type, period_start, num_value) VALUES (:id, :type, :start, :value)")
                    .param("id", targetId).param("type", split.period().type().name()).param("start", split.period().start())
                    .param("value", split.value()).update();
        }
    }

    /** A quarter's or month's share of a yearly target. */
    record Split(Period period, BigDecimal value) {
    }

    static Target map(ResultSet rs, int row) throws SQLException {
        return new Target(rs.getLong("id"), rs.getString("indicator_code"), rs.getLong("org_unit_id"), rs.getString("org_code"),
                rs.getInt("target_year"), Target.Comparator.valueOf(rs.getString("comparator")), rs.getBigDecimal("num_value"),
                rs.getString("wording"), rs.getLong("version"));
    }
}
