package io.zhenwu.cases;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.figures.CountedRecord;
import io.zhenwu.shared.figures.Fingerprint;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs declared case figures. The SQL parts come from code ({@link CaseFigure}), never from a request; request
 * values (org, period, filter values) are bound parameters. Scope: the org subtree must lie inside the caller's
 * scope, and the statement bounds by both.
 */
@Repository
class CaseFigureRepository {

    private final JdbcClient jdbc;

    CaseFigureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Totals(long count, BigDecimal total, long numerator, long denominator) {
    }

    Totals totals(DataScope scope, CaseFigure f, String orgPath, LocalDate from, LocalDate to, Map<String, Object> filters) {
        String aggregate = "COUNT(*)"
                + ", " + (f.sum() == null ? "NULL" : (f.distinct() ? "COUNT(DISTINCT " : f.average() ? "AVG(" : "SUM(") + f.sum() + ")")
                + ", " + (f.numerator() == null ? "0" : "SUM(CASE WHEN " + f.numerator() + " THEN 1 ELSE 0 END)");
        Map<String, Object> params = params(scope, orgPath, from, to, filters);
        return jdbc.sql("SELECT " + aggregate + from(f, filters)).params(params)
                .query((rs, n) -> {
                    BigDecimal total = rs.getBigDecimal(2);
                    long count = rs.getLong(1);
                    return new Totals(count, total, rs.getLong(3), count);
                }).single();
    }

    /** Whether any case of the org subtree was opened on or before {@code to} (the records' coverage). */
    boolean anyCaseUpTo(DataScope scope, String orgPath, LocalDate to) {
        return jdbc.sql("SELECT c.id FROM case_record c JOIN org_unit o ON o.id = c.org_unit_id WHERE o.path LIKE :org "
                        + "AND o.path LIKE :scope AND c.opened_on <= :to LIMIT 1")
                .param("org", orgPath + "%").param("scope", scope.likePattern()).param("to", to).query(Long.class).optional().isPresent();
    }

    PageResult<CountedRecord> records(DataScope scope, CaseFigure f, String orgPath, LocalDate from, LocalDate to,
                                      Map<String, Object> filters, PageQuery page) {
        Map<String, Object> params = params(scope, orgPath, from, to, filters);
        long total = jdbc.sql("SELECT COUNT(*)" + from(f, filters)).params(params).query(Long.class).single();
        List<CountedRecord> rows = jdbc.sql("SELECT c.id, " + f.numberSql() + " AS record_number, " + f.dateColumn() + " AS counted_on, "
                        + f.labelSql() + " AS record_label" + from(f, filters) + " ORDER BY c.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new CountedRecord(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), f.linkPrefix() + rs.getLong(1)))
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    Fingerprint fingerprint(DataScope scope, CaseFigure f, String orgPath, LocalDate from, LocalDate to, Map<String, Object> filters) {
        Fingerprint.Builder b = Fingerprint.builder();
        jdbc.sql("SELECT c.id" + from(f, filters) + " ORDER BY c.id").params(params(scope, orgPath, from, to, filters)).withFetchSize(5000)
                .query((RowCallbackHandler) rs -> b.add(rs.getLong(1)));
        return b.build();
    }

    private static String from(CaseFigure f, Map<String, Object> filters) {
        StringBuilder sql = new StringBuilder(" FROM " + f.source() + " c ").append(f.joins())
                .append(" JOIN org_unit o ON o.id = c.org_unit_id WHERE o.path LIKE :org AND o.path LIKE :scope AND ")
                .append(f.dateColumn()).append(" BETWEEN :from AND :to AND (").append(f.predicate()).append(")");
        for (String name : filters.keySet()) {
            sql.append(" AND (").append(f.filters().get(name)).append(")");
        }
        return sql.toString();
    }

    private static Map<String, Object> params(DataScope scope, String orgPath, LocalDate from, LocalDate to, Map<String, Object> filters) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", orgPath + "%");
        p.put("scope", scope.likePattern());
        p.put("from", from);
        p.put("to", to);
        filters.forEach((k, v) -> p.put("f_" + k, v));
        return p;
    }
}
