package io.zhenwu.registry;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.figures.CountedRecord;
import io.zhenwu.shared.figures.Fingerprint;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's figures in SQL: for one figure, its count and whether the register holds any record of the kind
 * up to the period's end (otherwise the figure has no value, never 0) in ONE statement over the org unit's subtree;
 * the records counted, page by page; and their ids streamed in order for the fingerprint. The org unit must lie in
 * the caller's scope: the statements start from it, so an outside unit yields no row.
 */
@Repository
class RegistryFigureRepository {

    /**
     * How one figure is counted: a FROM clause (aliases {@code o} for the record's org unit), filter predicates, the
     * per-row value ({@code value}: 1 or 0, or −1 for a record that takes one away), which rows are counted records
     * ({@code member}), and which rows show the register covers the period ({@code exists}, judged without filters).
     */
    record Spec(String from, String id, Map<String, String> filterSql, String value, String member, String exists,
                String recordColumns, RowMapper<CountedRecord> recordMapper) {
    }

    private final JdbcClient jdbc;

    RegistryFigureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Count and whether the register holds records of the kind up to the period's end. */
    record Count(long value, boolean hasData) {
    }

    /** Empty when the org unit is unknown or outside the scope. */
    Optional<Count> count(DataScope scope, Spec spec, String orgCode, LocalDate from, LocalDate to, Map<String, String> filters) {
        String filtered = filters.isEmpty() ? "1 = 1" : filterSql(spec, filters).substring(" AND ".length());
        String sql = "SELECT (SELECT COUNT(*) FROM org_unit u2 WHERE u2.code = :org AND u2.path LIKE :scope), "
                + "COALESCE(SUM(CASE WHEN " + filtered + " THEN " + spec.value() + " ELSE 0 END), 0), "
                + "COALESCE(SUM(CASE WHEN " + spec.exists() + " THEN 1 ELSE 0 END), 0) FROM " + spec.from()
                + " JOIN org_unit u ON o.path LIKE u.path || '%' WHERE u.code = :org AND u.path LIKE :scope AND o.path LIKE :scope";
        return bind(jdbc.sql(sql), scope, orgCode, from, to, filters)
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).optional()
                .filter(r -> r[0] > 0).map(r -> new Count(r[1], r[2] > 0));
    }

    PageResult<CountedRecord> records(DataScope scope, Spec spec, String orgPath, LocalDate from, LocalDate to, Map<String, String> filters,
                                      PageQuery page) {
        String where = " WHERE o.path LIKE :subtree AND o.path LIKE :scope AND (" + spec.member() + ")" + filterSql(spec, filters);
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM " + spec.from() + where), scope, null, from, to, filters)
                .param("subtree", orgPath + "%").query(Long.class).single();
        var rows = bind(jdbc.sql("SELECT " + spec.recordColumns() + " FROM " + spec.from() + where + " ORDER BY " + spec.id()
                        + " LIMIT :limit OFFSET :offset"), scope, null, from, to, filters)
                .param("subtree", orgPath + "%").param("limit", page.size()).param("offset", page.offset())
                .query(spec.recordMapper()).list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    Fingerprint fingerprint(DataScope scope, Spec spec, String orgPath, LocalDate from, LocalDate to, Map<String, String> filters) {
        Fingerprint.Builder builder = Fingerprint.builder();
        bind(jdbc.sql("SELECT " + spec.id() + " FROM " + spec.from() + " WHERE o.path LIKE :subtree AND o.path LIKE :scope AND ("
                        + spec.member() + ")" + filterSql(spec, filters) + " ORDER BY " + spec.id()), scope, null, from, to, filters)
                .param("subtree", orgPath + "%")
                .query(rs -> {
                    builder.add(rs.getLong(1));
                });
        return builder.build();
    }

    private static String filterSql(Spec spec, Map<String, String> filters) {
        StringBuilder sql = new StringBuilder();
        filters.keySet().forEach(name -> sql.append(" AND ").append(spec.filterSql().get(name)));
        return sql.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, DataScope scope, String orgCode, LocalDate from,
                                                 LocalDate to, Map<String, String> filters) {
        statement.param("scope", scope.likePattern()).param("from", from).param("to", to)
                .param("fromYear", from.getYear()).param("toYear", to.getYear());
        if (orgCode != null) {
            statement.param("org", orgCode);
        }
        filters.forEach((name, value) -> statement.param("f_" + name, value));
        return statement;
    }
}
