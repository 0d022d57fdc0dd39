package io.zhenwu.registry;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Enterprises in plain SQL; in scope when their org unit lies in the caller's subtree. */
@Repository
class EnterpriseRepository {

    static final String SELECT = "SELECT e.id, e.credit_code, e.name, e.org_unit_id, o.code AS org_code, o.name AS org_name, "
            + "e.industry_code, e.address, e.legal_representative, e.contact_phone, e.status, e.established_on, "
            + "e.above_scale_from, e.above_scale_to, e.night_production_from, e.night_production_to, e.version, "
            + "e.created_at, e.updated_at FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id ";

    private final JdbcClient jdbc;

    EnterpriseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** List filters; null = any. */
    record Filter(String text, String orgUnitCode, EnterpriseStatus status, Boolean aboveScale, Boolean nightProduction) {
        static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    Optional<Enterprise> findById(DataScope scope, long id) {
        return jdbc.sql(SELECT + "WHERE e.id = :id AND o.path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern()).query(EnterpriseRepository::map).optional();
    }

    Optional<Enterprise> findByCreditCode(DataScope scope, String code) {
        return jdbc.sql(SELECT + "WHERE e.credit_code = :code AND o.path LIKE :scope")
                .param("code", code).param("scope", scope.likePattern()).query(EnterpriseRepository::map).optional();
    }

    PageResult<Enterprise> find(DataScope scope, Filter filter, PageQuery page) {
        var where = where(filter);
        var count = jdbc.sql("SELECT COUNT(*) FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id " + where.sql);
        var select = jdbc.sql(SELECT + where.sql + " ORDER BY " + page.orderBy() + ", e.id LIMIT :limit OFFSET :offset");
        bind(count, where, scope);
        bind(select, where, scope);
        long total = count.query(Long.class).single();
        return new PageResult<>(select.param("limit", page.size()).param("offset", page.offset())
                .query(EnterpriseRepository::map).list(), page.page(), page.size(), total);
    }

    /** Streams every matching enterprise in code order, for exports (constant memory: rows go to the consumer). */
    void export(DataScope scope, Filter filter, Consumer<Enterprise> consumer) {
        var where = where(filter);
        var spec = jdbc.sql(SELECT + where.sql + " ORDER BY e.credit_code").withFetchSize(1000);
        bind(spec, where, scope);
        try (var rows = spec.query(EnterpriseRepository::map).stream()) {
            rows.forEach(consumer);
        }
    }

    /** 研发投入 by year of one enterprise in scope. */
    List<RdSpending> rdSpending(DataScope scope, long enterpriseId) {
        return jdbc.sql("SELECT r.spending_year, r.amount FROM enterprise_rd_spending r JOIN enterprise e ON e.id = r.enterprise_id "
                        + "JOIN org_unit o ON o.id = e.org_unit_id WHERE r.enterprise_id = :id AND o.path LIKE :scope ORDER BY r.spending_year")
                .param("id", enterpriseId).param("scope", scope.likePattern())
                .query((rs, i) -> new RdSpending(rs.getInt(1), rs.getBigDecimal(2))).list();
    }

    /** Sets one year's spending (insert or replace); the enterprise was read within the caller's scope first. */
    @Unscoped("the enterprise was read within the caller's scope before")
    void setRdSpending(long enterpriseId, int year, java.math.BigDecimal amount) {
        int n = jdbc.sql("UPDATE enterprise_rd_spending SET amount = :amount WHERE enterprise_id = :id AND spending_year = :year")
                .param("amount", amount).param("id", enterpriseId).param("year", year).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO enterprise_rd_spending (enterprise_id, spending_year, amount) VALUES (:id, :year, :amount)")
                    .param("id", enterpriseId).param("year", year).param("amount", amount).update();
        }
    }

    @Unscoped("credit codes are unique across the installation, whoever can see the holder")
    boolean creditCodeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = :code").param("code", code).query(Long.class).single() > 0;
    }

    @Unscoped("the org unit was resolved within the caller's scope before the insert")
    long insert(EnterpriseDraft d, long orgUnitId) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("INSERT INTO enterprise (credit_code, name, org_unit_id, industry_code, address, legal_representative, "
                + "contact_phone, status, established_on, above_scale_from, above_scale_to, night_production_from, "
                + "night_production_to, version, created_at, updated_at) VALUES (:code, :name, :org, :industry, :address, :legal, "
                + ":phone, :status, :established, :asFrom, :asTo, :npFrom, :npTo, 0, :now, :now)"), d, orgUnitId)
                .param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    int update(DataScope scope, long id, long version, EnterpriseDraft d, long orgUnitId) {
        return bind(jdbc.sql("UPDATE enterprise SET credit_code = :code, name = :name, org_unit_id = :org, industry_code = :industry, "
                        + "address = :address, legal_representative = :legal, contact_phone = :phone, status = :status, "
                        + "established_on = :established, above_scale_from = :asFrom, above_scale_to = :asTo, "
                        + "night_production_from = :npFrom, night_production_to = :npTo, version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND version = :version "
                        + "AND org_unit_id IN (SELECT o.id FROM org_unit o WHERE o.path LIKE :scope)"), d, orgUnitId)
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE))
                .param("id", id).param("version", version).param("scope", scope.likePattern())
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, EnterpriseDraft d, long orgUnitId) {
        return spec.param("code", d.creditCode()).param("name", d.name()).param("org", orgUnitId)
                .param("industry", d.industryCode()).param("address", d.address()).param("legal", d.legalRepresentative())
                .param("phone", d.contactPhone()).param("status", d.status().name())
                .param("established", d.establishedOn()).param("asFrom", d.aboveScaleFrom()).param("asTo", d.aboveScaleTo())
                .param("npFrom", d.nightProductionFrom()).param("npTo", d.nightProductionTo());
    }

    /** The WHERE clause of a filter, always bounded by the scope. */
    private record Where(String sql, List<Object[]> params) {
    }

    private static void bind(JdbcClient.StatementSpec spec, Where where, DataScope scope) {
        spec.param("scope", scope.likePattern());
        where.params().forEach(p -> spec.param((String) p[0], p[1]));
    }

    private static Where where(Filter f) {
        StringBuilder sql = new StringBuilder("WHERE o.path LIKE :scope");
        List<Object[]> params = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" AND (e.name LIKE :text OR e.credit_code LIKE :text)");
            params.add(new Object[]{"text", "%" + f.text().strip().replace("%", "").replace("_", "") + "%"});
        }
        if (f.orgUnitCode() != null && !f.orgUnitCode().isBlank()) {
            sql.append(" AND o.path LIKE (SELECT u.path FROM org_unit u WHERE u.code = :orgCode) || '%'");
            params.add(new Object[]{"orgCode", f.orgUnitCode().strip().toUpperCase()});
        }
        if (f.status() != null) {
            sql.append(" AND e.status = :status");
            params.add(new Object[]{"status", f.status().name()});
        }
        if (f.aboveScale() != null) {
            sql.append(f.aboveScale() ? " AND e.above_scale_from IS NOT NULL AND e.above_scale_to IS NULL"
                    : " AND (e.above_scale_from IS NULL OR e.above_scale_to IS NOT NULL)");
        }
        if (f.nightProduction() != null) {
            sql.append(f.nightProduction() ? " AND e.night_production_from IS NOT NULL AND e.night_production_to IS NULL"
                    : " AND (e.night_production_from IS NULL OR e.night_production_to IS NOT NULL)");
        }
        return new Where(sql.toString(), params);
    }

    static Enterprise map(ResultSet rs, int row) throws SQLException {
        return new Enterprise(rs.getLong("id"), rs.getString("credit_code"), rs.getString("name"), rs.getLong("org_unit_id"),
                rs.getString("org_code"), rs.getString("org_name"), rs.getString("industry_code"), rs.getString("address"),
                rs.getString("legal_representative"), rs.getString("contact_phone"), EnterpriseStatus.valueOf(rs.getString("status")),
                date(rs, "established_on"), date(rs, "above_scale_from"), date(rs, "above_scale_to"),
                date(rs, "night_production_from"), date(rs, "night_production_to"), rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
