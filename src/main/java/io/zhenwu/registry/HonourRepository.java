package io.zhenwu.registry;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Honours and their catalogue. An enterprise's honours are in scope with the enterprise; counts are bounded by the
 * honours' own org unit (where the enterprise was when it was awarded).
 */
@Repository
class HonourRepository {

    private static final String SELECT = "SELECT h.id, h.enterprise_id, e.name AS enterprise_name, e.credit_code, h.honour_type, "
            + "t.name_zh, t.name_en, h.level, h.award_year, h.issuing_body, h.note, h.org_unit_id, h.version, h.created_at "
            + "FROM enterprise_honour h JOIN enterprise e ON e.id = h.enterprise_id JOIN honour_type t ON t.code = h.honour_type "
            + "JOIN org_unit o ON o.id = e.org_unit_id ";

    private final JdbcClient jdbc;

    HonourRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EnterpriseHonour> findByEnterprise(DataScope scope, long enterpriseId) {
        return jdbc.sql(SELECT + "WHERE h.enterprise_id = :id AND o.path LIKE :scope ORDER BY h.award_year DESC, t.name_zh")
                .param("id", enterpriseId).param("scope", scope.likePattern()).query(HonourRepository::map).list();
    }

    Optional<EnterpriseHonour> findById(DataScope scope, long id) {
        return jdbc.sql(SELECT + "WHERE h.id = :id AND o.path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern()).query(HonourRepository::map).optional();
    }

    void export(DataScope scope, Integer year, java.util.function.Consumer<EnterpriseHonour> consumer) {
        var spec = jdbc.sql(SELECT + "WHERE o.path LIKE :scope" + (year == null ? "" : " AND h.award_year = :y")
                + " ORDER BY e.credit_code, h.award_year, h.honour_type").param("scope", scope.likePattern()).withFetchSize(1000);
        if (year != null) {
            spec.param("y", year);
        }
        try (var rows = spec.query(HonourRepository::map).stream()) {
            rows.forEach(consumer);
        }
    }

    @Unscoped("the enterprise was read within the caller's scope before")
    boolean exists(long enterpriseId, String typeCode, int year) {
        return jdbc.sql("SELECT COUNT(*) FROM enterprise_honour WHERE enterprise_id = :e AND honour_type = :t AND award_year = :y")
                .param("e", enterpriseId).param("t", typeCode).param("y", year).query(Long.class).single() > 0;
    }

    @Unscoped("the enterprise was read within the caller's scope before the insert")
    long insert(Enterprise e, HonourType type, HonourLevel level, int year, String issuingBody, String note) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO enterprise_honour (enterprise_id, honour_type, level, award_year, issuing_body, note, org_unit_id, "
                        + "honour_key, version, created_at, updated_at) VALUES (:e, :t, :level, :y, :body, :note, :org, :key, 0, :now, :now)")
                .param("e", e.id()).param("t", type.code()).param("level", level.name()).param("y", year).param("body", issuingBody)
                .param("note", note).param("org", e.orgUnitId()).param("key", HonourImportType.key(e.creditCode(), type.code(), year))
                .param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Keeps the import keys of an enterprise's honours in step with a corrected credit code. */
    @Unscoped("follows an enterprise update that was bounded by the caller's scope")
    int rekey(long enterpriseId, String creditCode) {
        return jdbc.sql("UPDATE enterprise_honour SET honour_key = :code || SUBSTRING(honour_key, 19) WHERE enterprise_id = :e "
                        + "AND SUBSTRING(honour_key, 1, 18) <> :code")
                .param("code", creditCode).param("e", enterpriseId).update();
    }

    /**
     * Honours awarded in {@code year} counted by level, in SQL, for those credited to the subtree of
     * {@code orgUnitCode} (null: the whole scope) within the scope.
     */
    Map<HonourLevel, Long> countByLevel(DataScope scope, String orgUnitCode, int year) {
        var spec = jdbc.sql("SELECT h.level, COUNT(*) FROM enterprise_honour h JOIN org_unit o ON o.id = h.org_unit_id "
                + "WHERE h.award_year = :y AND o.path LIKE :scope"
                + (orgUnitCode == null ? "" : " AND o.path LIKE (SELECT u.path FROM org_unit u WHERE u.code = :org) || '%'")
                + " GROUP BY h.level").param("y", year).param("scope", scope.likePattern());
        if (orgUnitCode != null) {
            spec.param("org", orgUnitCode.strip().toUpperCase());
        }
        Map<HonourLevel, Long> counts = new EnumMap<>(HonourLevel.class);
        for (HonourLevel l : HonourLevel.values()) {
            counts.put(l, 0L);
        }
        spec.query((rs, i) -> Map.entry(HonourLevel.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Unscoped("the honour catalogue is the same for every org unit")
    List<HonourType> types(boolean activeOnly) {
        return jdbc.sql("SELECT code, name_zh, name_en, default_level, active FROM honour_type"
                + (activeOnly ? " WHERE active = TRUE" : "") + " ORDER BY code").query(HonourRepository::mapType).list();
    }

    @Unscoped("the honour catalogue is the same for every org unit")
    boolean typeExists(String code, String nameZh) {
        return jdbc.sql("SELECT COUNT(*) FROM honour_type WHERE code = :code OR name_zh = :zh").param("code", code).param("zh", nameZh)
                .query(Long.class).single() > 0;
    }

    @Unscoped("the honour catalogue is the same for every org unit")
    void insertType(HonourType t) {
        jdbc.sql("INSERT INTO honour_type (code, name_zh, name_en, default_level, active) VALUES (:code, :zh, :en, :level, TRUE)")
                .param("code", t.code()).param("zh", t.nameZh()).param("en", t.nameEn()).param("level", t.defaultLevel().name())
                .update();
    }

    /** A type by its code or its Chinese name. */
    @Unscoped("the honour catalogue is the same for every org unit")
    Optional<HonourType> type(String codeOrName) {
        return jdbc.sql("SELECT code, name_zh, name_en, default_level, active FROM honour_type WHERE code = :v OR name_zh = :v "
                + "ORDER BY code").param("v", codeOrName).query(HonourRepository::mapType).list().stream().findFirst();
    }

    private static HonourType mapType(ResultSet rs, int row) throws SQLException {
        return new HonourType(rs.getString(1), rs.getString(2), rs.getString(3), HonourLevel.valueOf(rs.getString(4)), rs.getBoolean(5));
    }

    private static EnterpriseHonour map(ResultSet rs, int row) throws SQLException {
        return new EnterpriseHonour(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("credit_code"), rs.getString("honour_type"), rs.getString("name_zh"), rs.getString("name_en"),
                HonourLevel.valueOf(rs.getString("level")), rs.getInt("award_year"), rs.getString("issuing_body"),
                rs.getString("note"), rs.getLong("org_unit_id"), rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
