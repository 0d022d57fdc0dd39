package io.zhenwu.registry;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Facilities and their catalogue in plain SQL; a facility is in scope when its org unit lies in the caller's subtree. */
@Repository
class FacilityRepository {

    static final String SELECT = "SELECT f.id, f.facility_code, f.facility_type, t.name_zh AS type_zh, t.name_en AS type_en, f.name, "
            + "f.org_unit_id, o.code AS org_code, o.name AS org_name, f.latitude, f.longitude, f.status, f.commissioned_on, "
            + "f.version, f.created_at, f.updated_at FROM facility f JOIN facility_type t ON t.code = f.facility_type "
            + "JOIN org_unit o ON o.id = f.org_unit_id ";
    private static final String FROM = "FROM facility f JOIN facility_type t ON t.code = f.facility_type JOIN org_unit o ON o.id = f.org_unit_id ";

    private final JdbcClient jdbc;

    FacilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of a count by type. */
    record TypeCount(String typeCode, String nameZh, String nameEn, long count) {
    }

    Optional<Facility> findById(DataScope scope, long id) {
        return jdbc.sql(SELECT + "WHERE f.id = :id AND o.path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern()).query(FacilityRepository::map).optional();
    }

    PageResult<Facility> find(DataScope scope, FacilityQuery filter, PageQuery page) {
        var where = where(filter);
        var count = jdbc.sql("SELECT COUNT(*) " + FROM + where.sql);
        var select = jdbc.sql(SELECT + where.sql + " ORDER BY " + page.orderBy() + ", f.id LIMIT :limit OFFSET :offset");
        bind(count, where, scope);
        bind(select, where, scope);
        long total = count.query(Long.class).single();
        return new PageResult<>(select.param("limit", page.size()).param("offset", page.offset())
                .query(FacilityRepository::map).list(), page.page(), page.size(), total);
    }

    /** Streams every matching facility in code order (exports). */
    void export(DataScope scope, FacilityQuery filter, Consumer<Facility> consumer) {
        var where = where(filter);
        var spec = jdbc.sql(SELECT + where.sql + " ORDER BY f.facility_code").withFetchSize(1000);
        bind(spec, where, scope);
        try (var rows = spec.query(FacilityRepository::map).stream()) {
            rows.forEach(consumer);
        }
    }

    /**
     * Matching facilities counted by type, in SQL; {@code commissionedInYear} (nullable) keeps those put into service
     * in that year. Every catalogue type that has a match appears, in catalogue order by code.
     */
    List<TypeCount> countByType(DataScope scope, FacilityQuery filter, Integer commissionedInYear) {
        var where = where(filter);
        String sql = "SELECT f.facility_type, t.name_zh, t.name_en, COUNT(*) " + FROM + where.sql
                + (commissionedInYear == null ? "" : " AND f.commissioned_on >= :yearStart AND f.commissioned_on < :yearEnd")
                + " GROUP BY f.facility_type, t.name_zh, t.name_en ORDER BY f.facility_type";
        var spec = jdbc.sql(sql);
        bind(spec, where, scope);
        if (commissionedInYear != null) {
            spec.param("yearStart", LocalDate.of(commissionedInYear, 1, 1)).param("yearEnd", LocalDate.of(commissionedInYear + 1, 1, 1));
        }
        return spec.query((rs, i) -> new TypeCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    @Unscoped("facility codes are unique across the installation, whoever can see the holder")
    boolean codeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM facility WHERE facility_code = :code").param("code", code).query(Long.class).single() > 0;
    }

    @Unscoped("the org unit was resolved within the caller's scope before the insert")
    long insert(FacilityDraft d, long orgUnitId) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("INSERT INTO facility (facility_code, facility_type, name, org_unit_id, latitude, longitude, status, "
                + "commissioned_on, version, created_at, updated_at) VALUES (:code, :type, :name, :org, :lat, :lng, :status, "
                + ":commissioned, 0, :now, :now)"), d, orgUnitId).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    int update(DataScope scope, long id, long version, FacilityDraft d, long orgUnitId) {
        return bind(jdbc.sql("UPDATE facility SET facility_code = :code, facility_type = :type, name = :name, org_unit_id = :org, "
                        + "latitude = :lat, longitude = :lng, status = :status, commissioned_on = :commissioned, "
                        + "version = version + 1, updated_at = :now WHERE id = :id AND version = :version "
                        + "AND org_unit_id IN (SELECT o.id FROM org_unit o WHERE o.path LIKE :scope)"), d, orgUnitId)
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE))
                .param("id", id).param("version", version).param("scope", scope.likePattern()).update();
    }

    // --- catalogue ---------------------------------------------------------------------------------------------

    @Unscoped("the facility catalogue is the same for every org unit")
    List<FacilityType> types(boolean activeOnly) {
        return jdbc.sql("SELECT code, name_zh, name_en, active FROM facility_type" + (activeOnly ? " WHERE active = TRUE" : "")
                        + " ORDER BY code")
                .query((rs, i) -> new FacilityType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list();
    }

    /** A type by its code or its Chinese name. */
    @Unscoped("the facility catalogue is the same for every org unit")
    Optional<FacilityType> type(String codeOrName) {
        return jdbc.sql("SELECT code, name_zh, name_en, active FROM facility_type WHERE code = :v OR name_zh = :v ORDER BY code")
                .param("v", codeOrName)
                .query((rs, i) -> new FacilityType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list().stream().findFirst();
    }

    @Unscoped("the facility catalogue is the same for every org unit")
    boolean typeExists(String code, String nameZh) {
        return jdbc.sql("SELECT COUNT(*) FROM facility_type WHERE code = :code OR name_zh = :name")
                .param("code", code).param("name", nameZh).query(Long.class).single() > 0;
    }

    @Unscoped("the facility catalogue is the same for every org unit")
    void insertType(FacilityType t) {
        jdbc.sql("INSERT INTO facility_type (code, name_zh, name_en, active) VALUES (:code, :zh, :en, TRUE)")
                .param("code", t.code()).param("zh", t.nameZh()).param("en", t.nameEn()).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, FacilityDraft d, long orgUnitId) {
        return spec.param("code", d.code()).param("type", d.typeCode()).param("name", d.name()).param("org", orgUnitId)
                .param("lat", d.latitude()).param("lng", d.longitude()).param("status", d.status().name())
                .param("commissioned", d.commissionedOn());
    }

    private record Where(String sql, List<Object[]> params) {
    }

    private static void bind(JdbcClient.StatementSpec spec, Where where, DataScope scope) {
        spec.param("scope", scope.likePattern());
        where.params().forEach(p -> spec.param((String) p[0], p[1]));
    }

    private static Where where(FacilityQuery f) {
        StringBuilder sql = new StringBuilder("WHERE o.path LIKE :scope");
        List<Object[]> params = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" AND (f.name LIKE :text OR f.facility_code LIKE :text)");
            params.add(new Object[]{"text", "%" + f.text().strip().replace("%", "").replace("_", "") + "%"});
        }
        if (f.orgUnitCode() != null && !f.orgUnitCode().isBlank()) {
            sql.append(" AND o.path LIKE (SELECT u.path FROM org_unit u WHERE u.code = :orgCode) || '%'");
            params.add(new Object[]{"orgCode", f.orgUnitCode().strip().toUpperCase()});
        }
        if (f.typeCode() != null) {
            sql.append(" AND f.facility_type = :type");
            params.add(new Object[]{"type", f.typeCode()});
        }
        if (f.status() != null) {
            sql.append(" AND f.status = :status");
            params.add(new Object[]{"status", f.status().name()});
        }
        return new Where(sql.toString(), params);
    }

    static Facility map(ResultSet rs, int row) throws SQLException {
        return new Facility(rs.getLong("id"), rs.getString("facility_code"), rs.getString("facility_type"), rs.getString("type_zh"),
                rs.getString("type_en"), rs.getString("name"), rs.getLong("org_unit_id"), rs.getString("org_code"),
                rs.getString("org_name"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                FacilityStatus.valueOf(rs.getString("status")), EnterpriseRepository.date(rs, "commissioned_on"),
                rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
