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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data values, their revisions, period locks and the aggregates over them — all in SQL. An aggregate for an org
 * unit counts each value whose unit has no ancestor inside the subtree with a value for the same period: a town's
 * own GDP wins over the sum of its villages, and a county without its own value is the sum of its towns.
 */
@Repository
class DataValueRepository {

    private static final String SELECT = "SELECT dv.id, dv.indicator_code, dv.org_unit_id, o.code AS org_code, dv.period_type, "
            + "dv.period_start, dv.num_value, dv.reported_growth, dv.source, dv.comment, dv.revision, dv.version, dv.updated_by, "
            + "dv.updated_at FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id ";

    /** Values of the subtree that are not shadowed by a value of an ancestor within the subtree. */
    private static final String TOP_MOST = " AND NOT EXISTS (SELECT 1 FROM data_value a JOIN org_unit ao ON ao.id = a.org_unit_id "
            + "WHERE a.indicator_code = dv.indicator_code AND a.period_type = dv.period_type AND a.period_start = dv.period_start "
            + "AND ao.id <> o.id AND o.path LIKE ao.path || '%' AND ao.path LIKE :subtree) ";

    private final JdbcClient jdbc;

    DataValueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DataValue> find(DataScope scope, String indicator, long orgUnitId, Period period) {
        return jdbc.sql(SELECT + "WHERE dv.indicator_code = :code AND dv.org_unit_id = :org AND dv.period_type = :type "
                        + "AND dv.period_start = :start AND o.path LIKE :scope")
                .param("code", indicator).param("org", orgUnitId).param("type", period.type().name())
                .param("start", period.start()).param("scope", scope.likePattern())
                .query(DataValueRepository::map).optional();
    }

    /** The values with these {@link #key keys} within the scope, by key (in chunks: one IN list per 500 keys). */
    Map<String, DataValue> findByKeys(DataScope scope, List<String> keys) {
        Map<String, DataValue> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 500) {
            jdbc.sql(SELECT + "WHERE dv.value_key IN (:keys) AND o.path LIKE :scope")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + 500))).param("scope", scope.likePattern())
                    .query(DataValueRepository::map)
                    .list().forEach(v -> found.put(key(v.indicatorCode(), v.orgUnitId(), v.period()), v));
        }
        return found;
    }

    List<DataValue> list(DataScope scope, long orgUnitId, PeriodType type, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + "WHERE dv.org_unit_id = :org AND dv.period_type = :type AND dv.period_start >= :from "
                        + "AND dv.period_start < :to AND o.path LIKE :scope ORDER BY dv.indicator_code, dv.period_start")
                .param("org", orgUnitId).param("type", type.name()).param("from", from).param("to", to)
                .param("scope", scope.likePattern()).query(DataValueRepository::map).list();
    }

    /** Streams the scope's values (optionally one indicator, one org unit's subtree) for exports. */
    void export(DataScope scope, String indicator, String orgCode, java.util.function.Consumer<DataValue> consumer) {
        var spec = jdbc.sql(SELECT + "WHERE o.path LIKE :scope"
                        + (indicator != null ? " AND dv.indicator_code = :code" : "")
                        + (orgCode != null ? " AND o.path LIKE (SELECT u.path FROM org_unit u WHERE u.code = :org) || '%'" : "")
                        + " ORDER BY dv.indicator_code, o.code, dv.period_start")
                .param("scope", scope.likePattern()).withFetchSize(1000);
        if (indicator != null) {
            spec.param("code", indicator);
        }
        if (orgCode != null) {
            spec.param("org", orgCode.toUpperCase());
        }
        try (var rows = spec.query(DataValueRepository::map).stream()) {
            rows.forEach(consumer);
        }
    }

    @Unscoped("the org unit was read within the caller's scope before the insert")
    long insert(String indicator, long orgUnitId, Period period, BigDecimal value, BigDecimal growth, DataValue.ValueSource source,
                String comment, String by, Instant at) {
        var now = OffsetDateTime.ofInstant(at, Times.ZONE);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO data_value (indicator_code, org_unit_id, period_type, period_start, value_key, num_value, reported_growth, "
                        + "source, comment, revision, version, updated_by, created_at, updated_at) VALUES (:code, :org, :type, :start, :key, "
                        + ":value, :growth, :source, :comment, 1, 0, :by, :now, :now)")
                .param("key", key(indicator, orgUnitId, period))
                .param("code", indicator).param("org", orgUnitId).param("type", period.type().name()).param("start", period.start())
                .param("value", value).param("growth", growth).param("source", source.name()).param("comment", comment)
                .param("by", by).param("now", now).update(keys, "id");
        long id = keys.getKey().longValue();
        insertRevision(id, 1, value, growth, source, comment, by, now);
        return id;
    }

    /** The one-column key the import pipeline merges on: indicator|org unit id|period type|period start. */
    static String key(String indicator, long orgUnitId, Period period) {
        return indicator + "|" + orgUnitId + "|" + period.type().name() + "|" + period.start();
    }

    /** A new revision; 0 rows when the version is stale (someone saved in between) or the value is out of scope. */
    int update(DataScope scope, long id, long version, BigDecimal value, BigDecimal growth, DataValue.ValueSource source,
               String comment, String by) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        int n = jdbc.sql("UPDATE data_value SET num_value = :value, reported_growth = :growth, source = :source, comment = :comment, "
                        + "revision = revision + 1, version = version + 1, updated_by = :by, updated_at = :now WHERE id = :id "
                        + "AND version = :version AND org_unit_id IN (SELECT o.id FROM org_unit o WHERE o.path LIKE :scope)")
                .param("value", value).param("growth", growth).param("source", source.name()).param("comment", comment)
                .param("by", by).param("now", now).param("id", id).param("version", version).param("scope", scope.likePattern())
                .update();
        if (n == 1) {
            int revision = jdbc.sql("SELECT revision FROM data_value WHERE id = :id").param("id", id).query(Integer.class).single();
            insertRevision(id, revision, value, growth, source, comment, by, now);
        }
        return n;
    }

    private void insertRevision(long id, int revision, BigDecimal value, BigDecimal growth, DataValue.ValueSource source,
                                String comment, String by, OffsetDateTime at) {
        jdbc.sql("INSERT INTO data_value_revision (data_value_id, revision, num_value, reported_growth, source, comment, revised_by, "
                        + "revised_at) VALUES (:id, :revision, :value, :growth, :source, :comment, :by, :at)")
                .param("id", id).param("revision", revision).param("value", value).param("growth", growth)
                .param("source", source.name()).param("comment", comment).param("by", by).param("at", at).update();
    }

    List<DataValue.Revision> revisions(DataScope scope, long dataValueId) {
        return jdbc.sql("SELECT r.revision, r.num_value, r.reported_growth, r.source, r.comment, r.revised_by, r.revised_at "
                        + "FROM data_value_revision r JOIN data_value dv ON dv.id = r.data_value_id JOIN org_unit o ON o.id = dv.org_unit_id "
                        + "WHERE r.data_value_id = :id AND o.path LIKE :scope ORDER BY r.revision")
                .param("id", dataValueId).param("scope", scope.likePattern())
                .query((rs, i) -> new DataValue.Revision(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        DataValue.ValueSource.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The value as it stood at {@code asOf}: the latest revision entered by then. */
    Optional<DataValue.Revision> asOf(DataScope scope, String indicator, long orgUnitId, Period period, Instant asOf) {
        return jdbc.sql("SELECT r.revision, r.num_value, r.reported_growth, r.source, r.comment, r.revised_by, r.revised_at "
                        + "FROM data_value_revision r JOIN data_value dv ON dv.id = r.data_value_id JOIN org_unit o ON o.id = dv.org_unit_id "
                        + "WHERE dv.indicator_code = :code AND dv.org_unit_id = :org AND dv.period_type = :type AND dv.period_start = :start "
                        + "AND o.path LIKE :scope AND r.revised_at <= :asOf ORDER BY r.revision DESC LIMIT 1")
                .param("code", indicator).param("org", orgUnitId).param("type", period.type().name()).param("start", period.start())
                .param("scope", scope.likePattern()).param("asOf", OffsetDateTime.ofInstant(asOf, Times.ZONE))
                .query((rs, i) -> new DataValue.Revision(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        DataValue.ValueSource.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** A staged row of an import job: where it sits in the file, its org unit, indicator and period. */
    record StagedValue(long rowNumber, long orgUnitId, String indicatorCode, Period period) {
    }

    /** The rows of an import job that hold one of {@code indicators}, in file order. */
    @Unscoped("the rows of one running import job, staged within the importer's scope by the pipeline")
    List<StagedValue> staged(long jobId, Collection<String> indicators) {
        if (indicators.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT row_no, org_unit_id, indicator_code, period_type, period_start FROM data_value_staging "
                        + "WHERE job_id = :job AND indicator_code IN (:codes) ORDER BY row_no")
                .param("job", jobId).param("codes", indicators)
                .query((rs, i) -> new StagedValue(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        new Period(PeriodType.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate())))
                .list();
    }

    /** Whether the period is locked for the unit or any unit above it. */
    @Unscoped("locks set higher up the tree apply to the caller's units too; the unit itself was checked in scope")
    boolean locked(String orgPath, Period period) {
        return jdbc.sql("SELECT COUNT(*) FROM period_lock l JOIN org_unit o ON o.id = l.org_unit_id WHERE :path LIKE o.path || '%' "
                        + "AND l.period_type = :type AND l.period_start = :start")
                .param("path", orgPath).param("type", period.type().name()).param("start", period.start())
                .query(Long.class).single() > 0;
    }

    @Unscoped("the org unit was read within the caller's scope before the lock")
    void lock(long orgUnitId, Period period, String by) {
        jdbc.sql("INSERT INTO period_lock (org_unit_id, period_type, period_start, locked_by, locked_at) VALUES (:org, :type, :start, :by, :now)")
                .param("org", orgUnitId).param("type", period.type().name()).param("start", period.start()).param("by", by)
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE)).update();
    }

    /**
     * One indicator over the subtree of {@code org} per period in [from, to): own value or the top-most values
     * below it, summed or averaged per the indicator; also how many values went in.
     */
    List<Aggregate> series(DataScope scope, String indicator, String orgPath, PeriodType type, LocalDate from, LocalDate to,
                           Indicator.OrgAggregation aggregation) {
        boolean nested = nestedValues(scope, indicator, orgPath, type, from, to);
        return bindSeries(jdbc.sql(seriesSql(aggregation, nested) + " ORDER BY dv.period_start"), scope, indicator, orgPath, type, from, to)
                .query((rs, i) -> new Aggregate(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2), rs.getLong(3)))
                .list();
    }

    /**
     * The periods of [from, to) combined as the indicator combines periods: the sum of the months, the last period's
     * value, their maximum or their average — in one statement.
     */
    Optional<BigDecimal> combined(DataScope scope, String indicator, String orgPath, PeriodType type, LocalDate from, LocalDate to,
                                  Indicator.OrgAggregation orgAggregation, Indicator.PeriodAggregation periodAggregation) {
        String series = seriesSql(orgAggregation, nestedValues(scope, indicator, orgPath, type, from, to));
        String sql = switch (periodAggregation) {
            case SUM -> "SELECT SUM(s.v) FROM (" + series + ") s";
            case MAX -> "SELECT MAX(s.v) FROM (" + series + ") s";
            case AVERAGE -> "SELECT AVG(s.v) FROM (" + series + ") s";
            case LAST -> "SELECT s.v FROM (" + series + ") s ORDER BY s.period_start DESC LIMIT 1";
        };
        return bindSeries(jdbc.sql(sql), scope, indicator, orgPath, type, from, to)
                .query((rs, i) -> rs.getBigDecimal(1)).optional().filter(java.util.Objects::nonNull);
    }

    /**
     * Whether values of the indicator sit at more than one level of the subtree in [from, to). Usually they do not
     * (a value is entered at one level), and then no value can shadow another: the aggregate skips the costly
     * "no ancestor has a value" test. Two cheap statements instead of one expensive one.
     */
    private boolean nestedValues(DataScope scope, String indicator, String orgPath, PeriodType type, LocalDate from, LocalDate to) {
        Long levels = bindSeries(jdbc.sql("SELECT COUNT(DISTINCT o.depth) FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id "
                        + "WHERE dv.indicator_code = :code AND dv.period_type = :type AND dv.period_start >= :from AND dv.period_start < :to "
                        + "AND o.path LIKE :subtree AND o.path LIKE :scope"),
                scope, indicator, orgPath, type, from, to).query(Long.class).single();
        return levels != null && levels > 1;
    }

    private static String seriesSql(Indicator.OrgAggregation aggregation, boolean nested) {
        String fn = aggregation == Indicator.OrgAggregation.AVERAGE ? "AVG" : "SUM";
        String own = aggregation == Indicator.OrgAggregation.NONE ? " AND o.path = :subtreePath " : nested ? TOP_MOST : " ";
        return "SELECT dv.period_start AS period_start, " + fn + "(dv.num_value) AS v, COUNT(*) AS n FROM data_value dv "
                + "JOIN org_unit o ON o.id = dv.org_unit_id WHERE dv.indicator_code = :code AND dv.period_type = :type "
                + "AND dv.period_start >= :from AND dv.period_start < :to AND o.path LIKE :subtree AND o.path LIKE :scope"
                + own + "GROUP BY dv.period_start";
    }

    private static JdbcClient.StatementSpec bindSeries(JdbcClient.StatementSpec spec, DataScope scope, String indicator, String orgPath,
                                                       PeriodType type, LocalDate from, LocalDate to) {
        return spec.param("code", indicator).param("type", type.name()).param("from", from).param("to", to)
                .param("subtree", orgPath + "%").param("subtreePath", orgPath).param("scope", scope.likePattern());
    }

    /** A per-period aggregate. */
    record Aggregate(LocalDate periodStart, BigDecimal value, long count) {
    }

    /** Each direct child's aggregate for one period, side by side (a county leader's view of its towns). */
    List<ChildAggregate> byChild(DataScope scope, String indicator, String parentPath, long parentId, Period period,
                                 Indicator.OrgAggregation aggregation) {
        String fn = aggregation == Indicator.OrgAggregation.AVERAGE ? "AVG" : "SUM";
        boolean nested = nestedValues(scope, indicator, parentPath, period.type(), period.start(), period.end());
        return jdbc.sql("SELECT c.id, c.code, c.name, (SELECT " + fn + "(dv.num_value) FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id "
                        + "WHERE dv.indicator_code = :code AND dv.period_type = :type AND dv.period_start = :start AND o.path LIKE c.path || '%'"
                        + (nested ? TOP_MOST.replace(":subtree", "c.path || '%'") : " ") + ") AS total FROM org_unit c WHERE c.parent_id = :parent "
                        + "AND c.path LIKE :scope ORDER BY c.code")
                .param("code", indicator).param("type", period.type().name()).param("start", period.start())
                .param("parent", parentId).param("scope", scope.likePattern())
                .query((rs, i) -> new ChildAggregate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
                .list();
    }

    /**
     * The given stored indicators' values in the subtree of {@code orgPath}, period by period, in ONE statement grouped
     * by indicator and period (a target board's): each indicator's periods from {@code from} up to (excluding) the end date
     * of its period type in {@code to} (a type missing from {@code to} counts nothing), each aggregated over the org
     * units as {@link #series} aggregates one indicator — own value or the top-most ones below it, summed, or averaged
     * for the indicators whose org aggregation is AVERAGE, or only the unit's own value for those with NONE (the same SQL
     * expressions). A value has its indicator's period type (entry and import make sure), so the window is the
     * value's own type's. The statement has the shape of the hand-written one (subtree → values by org unit and date)
     * and also says which groups hold values at more than one level; only for their indicators (rare: values are
     * entered at one level) a second statement applies the costly shadowing test. In period order.
     */
    List<PeriodAggregate> perPeriod(DataScope scope, String orgPath, Collection<Indicator> indicators, LocalDate from,
                                    Map<PeriodType, LocalDate> to) {
        // Derived indicators have no values of their own; the others are aggregated as their org aggregation says.
        List<String> codes = indicators.stream().filter(i -> !i.derived()).map(Indicator::code).distinct().toList();
        List<String> ownOnly = indicators.stream().filter(i -> !i.derived() && i.orgAggregation() == Indicator.OrgAggregation.NONE)
                .map(Indicator::code).distinct().toList();
        List<String> averaged = indicators.stream().filter(i -> !i.derived() && i.orgAggregation() == Indicator.OrgAggregation.AVERAGE)
                .map(Indicator::code).distinct().toList();
        LocalDate end = to.values().stream().max(LocalDate::compareTo).orElse(from);
        if (!end.isAfter(from) || codes.isEmpty()) {
            return List.of();
        }
        String value = averaged.isEmpty() ? "SUM(dv.num_value)"
                : "CASE WHEN dv.indicator_code IN (:averaged) THEN AVG(dv.num_value) ELSE SUM(dv.num_value) END";
        String sql = "SELECT dv.indicator_code, dv.period_start, " + value + ", MIN(o.depth), MAX(o.depth) "
                + "FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id WHERE dv.indicator_code IN (:codes) "
                + "AND dv.period_start >= :from AND dv.period_start < :to "
                + "AND dv.period_start < CASE dv.period_type WHEN 'MONTH' THEN :toMonth WHEN 'QUARTER' THEN :toQuarter ELSE :toYear END "
                + "AND o.path LIKE :subtree AND o.path LIKE :scope "
                + (ownOnly.isEmpty() ? "" : "AND (dv.indicator_code NOT IN (:ownOnly) OR o.path = :subtreePath) ");
        String order = "GROUP BY dv.indicator_code, dv.period_start ORDER BY dv.period_start";
        List<Object[]> rows = perPeriodQuery(sql + order, scope, orgPath, codes, from, end, to, ownOnly, averaged, List.of());
        List<String> nested = rows.stream().filter(r -> (int) r[3] < (int) r[4]).map(r -> (String) r[0]).distinct().toList();
        if (!nested.isEmpty()) {
            List<Object[]> corrected = perPeriodQuery(sql + "AND dv.indicator_code IN (:nested)" + TOP_MOST + order, scope, orgPath,
                    codes, from, end, to, ownOnly, averaged, nested);
            List<Object[]> merged = new ArrayList<>(rows.stream().filter(r -> !nested.contains((String) r[0])).toList());
            merged.addAll(corrected);
            merged.sort(java.util.Comparator.comparing(r -> (LocalDate) r[1]));
            rows = merged;
        }
        return rows.stream().map(r -> new PeriodAggregate((String) r[0], (LocalDate) r[1], (BigDecimal) r[2])).toList();
    }

    private List<Object[]> perPeriodQuery(String sql, DataScope scope, String orgPath, Collection<String> codes, LocalDate from,
                                          LocalDate end, Map<PeriodType, LocalDate> to, Collection<String> ownOnly,
                                          Collection<String> averaged, Collection<String> nested) {
        var spec = bindWindow(jdbc.sql(sql), scope, orgPath, from, end, to).param("codes", codes);
        if (!ownOnly.isEmpty()) {
            spec = spec.param("ownOnly", ownOnly).param("subtreePath", orgPath);
        }
        if (!averaged.isEmpty()) {
            spec = spec.param("averaged", averaged);
        }
        if (!nested.isEmpty()) {
            spec = spec.param("nested", nested);
        }
        return spec.query((rs, i) -> new Object[]{rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3), rs.getInt(4),
                rs.getInt(5)}).list();
    }

    private static JdbcClient.StatementSpec bindWindow(JdbcClient.StatementSpec spec, DataScope scope, String orgPath, LocalDate from,
                                                       LocalDate end, Map<PeriodType, LocalDate> to) {
        return spec.param("from", from).param("to", end).param("toMonth", to.getOrDefault(PeriodType.MONTH, from))
                .param("toQuarter", to.getOrDefault(PeriodType.QUARTER, from)).param("toYear", to.getOrDefault(PeriodType.YEAR, from))
                .param("subtree", orgPath + "%").param("scope", scope.likePattern());
    }

    /** One indicator's value over the org units for one period. */
    record PeriodAggregate(String indicatorCode, LocalDate periodStart, BigDecimal value) {
    }

    /**
     * Each direct child's aggregate of every indicator for one period, in ONE statement grouped by child and
     * indicator (a county's towns × every indicator), of the hand-written statement's shape. Per child: the sum and
     * the average of the values in its subtree that no ancestor inside it shadows — the same expressions as
     * {@link #byChild} — for the caller to pick. The statement also says which groups hold values at more than one
     * level; only for their indicators (rare) a second statement applies the costly shadowing test. Children without
     * any value do not appear.
     */
    List<ChildRollup> rollup(DataScope scope, String parentPath, long parentId, Period period) {
        String sql = "SELECT c.id, dv.indicator_code, SUM(dv.num_value), AVG(dv.num_value), MIN(o.depth), MAX(o.depth) "
                + "FROM org_unit c JOIN org_unit o ON o.path LIKE c.path || '%' JOIN data_value dv ON dv.org_unit_id = o.id "
                + "WHERE c.parent_id = :parent AND c.path LIKE :scope AND dv.period_type = :type AND dv.period_start = :start ";
        String group = "GROUP BY c.id, dv.indicator_code";
        List<Object[]> rows = rollupQuery(sql + group, scope, parentId, period, List.of());
        List<String> nested = rows.stream().filter(r -> (int) r[4] < (int) r[5]).map(r -> (String) r[1]).distinct().toList();
        if (!nested.isEmpty()) {
            List<Object[]> merged = new ArrayList<>(rows.stream().filter(r -> !nested.contains((String) r[1])).toList());
            merged.addAll(rollupQuery(sql + "AND dv.indicator_code IN (:nested)" + TOP_MOST.replace(":subtree", "c.path || '%'") + group,
                    scope, parentId, period, nested));
            rows = merged;
        }
        return rows.stream().map(r -> new ChildRollup((long) r[0], (String) r[1], (BigDecimal) r[2], (BigDecimal) r[3])).toList();
    }

    private List<Object[]> rollupQuery(String sql, DataScope scope, long parentId, Period period, Collection<String> nested) {
        var spec = jdbc.sql(sql).param("type", period.type().name()).param("start", period.start()).param("scope", scope.likePattern())
                .param("parent", parentId);
        if (!nested.isEmpty()) {
            spec = spec.param("nested", nested);
        }
        return spec.query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getInt(5),
                rs.getInt(6)}).list();
    }

    /** One child's sum and average of one indicator. */
    record ChildRollup(long orgUnitId, String indicatorCode, BigDecimal sum, BigDecimal average) {
    }

    /** A child org unit's aggregate (null when it has no value). */
    record ChildAggregate(long orgUnitId, String code, String name, BigDecimal value) {
    }

    static DataValue map(ResultSet rs, int row) throws SQLException {
        return new DataValue(rs.getLong("id"), rs.getString("indicator_code"), rs.getLong("org_unit_id"), rs.getString("org_code"),
                new Period(PeriodType.valueOf(rs.getString("period_type")), rs.getDate("period_start").toLocalDate()),
                rs.getBigDecimal("num_value"), rs.getBigDecimal("reported_growth"), DataValue.ValueSource.valueOf(rs.getString("source")),
                rs.getString("comment"), rs.getInt("revision"), rs.getLong("version"), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
