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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Residents and the households they make up, in plain SQL; in scope when their org unit lies in the caller's subtree. */
@Repository
class ResidentRepository {

    static final String SELECT = "SELECT r.id, r.id_number, r.name, r.gender, r.birth_date, r.org_unit_id, o.code AS org_code, "
            + "o.name AS org_name, r.household_no, r.relation_to_head, r.phone, r.tags, r.version, r.created_at, r.updated_at "
            + "FROM resident r JOIN org_unit o ON o.id = r.org_unit_id ";

    /** Members in the order of the 户口簿: 户主 first, then by relation, then the elder first. */
    private static final String MEMBER_ORDER = " ORDER BY CASE r.relation_to_head WHEN 'HEAD' THEN 0 WHEN 'SPOUSE' THEN 1 "
            + "WHEN 'PARENT' THEN 2 WHEN 'CHILD' THEN 3 ELSE 4 END, r.birth_date, r.id";

    private final JdbcClient jdbc;

    ResidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** List filters; null = any. {@code text} is a name fragment or a full ID number (exact). */
    record Filter(String text, String orgUnitCode, ResidentTag tag, String householdNo) {
        static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    Optional<Resident> findById(DataScope scope, long id) {
        return jdbc.sql(SELECT + "WHERE r.id = :id AND o.path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern()).query(ResidentRepository::map).optional();
    }

    Optional<Resident> findByIdNumber(DataScope scope, String idNumber) {
        return jdbc.sql(SELECT + "WHERE r.id_number = :number AND o.path LIKE :scope")
                .param("number", idNumber).param("scope", scope.likePattern()).query(ResidentRepository::map).optional();
    }

    PageResult<Resident> find(DataScope scope, Filter filter, PageQuery page) {
        var where = where(filter);
        var count = jdbc.sql("SELECT COUNT(*) FROM resident r JOIN org_unit o ON o.id = r.org_unit_id " + where.sql);
        var select = jdbc.sql(SELECT + where.sql + " ORDER BY " + page.orderBy() + ", r.id LIMIT :limit OFFSET :offset");
        bind(count, where, scope);
        bind(select, where, scope);
        long total = count.query(Long.class).single();
        return new PageResult<>(select.param("limit", page.size()).param("offset", page.offset())
                .query(ResidentRepository::map).list(), page.page(), page.size(), total);
    }

    /** Streams every matching resident by household and relation, for exports (rows go straight to the consumer). */
    void export(DataScope scope, Filter filter, Consumer<Resident> consumer) {
        var where = where(filter);
        var spec = jdbc.sql(SELECT + where.sql + " ORDER BY o.code, r.household_no, CASE r.relation_to_head WHEN 'HEAD' "
                + "THEN 0 ELSE 1 END, r.birth_date, r.id").withFetchSize(1000);
        bind(spec, where, scope);
        try (var rows = spec.query(ResidentRepository::map).stream()) {
            rows.forEach(consumer);
        }
    }

    /** The members of a household the scope shows. */
    List<Resident> members(DataScope scope, String householdNo) {
        return jdbc.sql(SELECT + "WHERE r.household_no = :no AND o.path LIKE :scope" + MEMBER_ORDER)
                .param("no", householdNo).param("scope", scope.likePattern()).query(ResidentRepository::map).list();
    }

    /**
     * A household as its members in scope make it up: where it belongs (its 户主's unit, else its first member's), its
     * head, its size — one aggregate in SQL; the address from {@code household} when recorded.
     */
    Optional<Household> household(DataScope scope, String householdNo) {
        return jdbc.sql("SELECT g.household_no, g.members, o.id AS org_id, o.code AS org_code, o.name AS org_name, "
                        + "h.address, hd.id AS head_id, hd.name AS head_name FROM ("
                        + "SELECT r.household_no, COUNT(*) AS members, MIN(r.org_unit_id) AS any_org, "
                        + "MIN(CASE WHEN r.relation_to_head = 'HEAD' THEN r.id END) AS head_id "
                        + "FROM resident r JOIN org_unit ro ON ro.id = r.org_unit_id "
                        + "WHERE r.household_no = :no AND ro.path LIKE :scope GROUP BY r.household_no) g "
                        + "LEFT JOIN resident hd ON hd.id = g.head_id "
                        + "JOIN org_unit o ON o.id = COALESCE(hd.org_unit_id, g.any_org) "
                        + "LEFT JOIN household h ON h.household_no = g.household_no")
                .param("no", householdNo).param("scope", scope.likePattern())
                .query((rs, i) -> new Household(rs.getString("household_no"), rs.getLong("org_id"), rs.getString("org_code"),
                        rs.getString("org_name"), rs.getString("address"), (Long) rs.getObject("head_id", Long.class),
                        rs.getString("head_name"), rs.getLong("members")))
                .optional();
    }

    @Unscoped("ID numbers are unique across the installation, whoever can see the holder")
    boolean idNumberExists(String idNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM resident WHERE id_number = :number").param("number", idNumber)
                .query(Long.class).single() > 0;
    }

    @Unscoped("a household has one 户主 wherever its members are registered; only the yes/no leaves the repository")
    boolean otherHeadExists(String householdNo, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM resident WHERE household_no = :no AND relation_to_head = 'HEAD' AND id <> :except")
                .param("no", householdNo).param("except", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    @Unscoped("the org unit was resolved within the caller's scope before the insert")
    long insert(ResidentDraft d, ResidentId id, long orgUnitId) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("INSERT INTO resident (id_number, name, gender, birth_date, org_unit_id, household_no, relation_to_head, "
                + "phone, tags, version, created_at, updated_at) VALUES (:number, :name, :gender, :birth, :org, :household, "
                + ":relation, :phone, :tags, 0, :now, :now)"), d, id, orgUnitId)
                .param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    int update(DataScope scope, long residentId, long version, ResidentDraft d, ResidentId id, long orgUnitId) {
        return bind(jdbc.sql("UPDATE resident SET id_number = :number, name = :name, gender = :gender, birth_date = :birth, "
                        + "org_unit_id = :org, household_no = :household, relation_to_head = :relation, phone = :phone, "
                        + "tags = :tags, version = version + 1, updated_at = :now WHERE id = :id AND version = :version "
                        + "AND org_unit_id IN (SELECT o.id FROM org_unit o WHERE o.path LIKE :scope)"), d, id, orgUnitId)
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE))
                .param("id", residentId).param("version", version).param("scope", scope.likePattern())
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ResidentDraft d, ResidentId id, long orgUnitId) {
        return spec.param("number", id.value()).param("name", d.name()).param("gender", id.gender().name())
                .param("birth", id.birthDate()).param("org", orgUnitId).param("household", d.householdNo())
                .param("relation", d.relationToHead() == null ? null : d.relationToHead().name())
                .param("phone", d.phone()).param("tags", ResidentTag.toColumn(d.tags()));
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
            // A name fragment, or a whole ID number: a partial number finds nobody (no fishing by digits).
            sql.append(" AND (r.name LIKE :text OR r.id_number = :number)");
            params.add(new Object[]{"text", "%" + f.text().strip().replace("%", "").replace("_", "") + "%"});
            params.add(new Object[]{"number", CodeText.normalize(f.text())});
        }
        if (f.orgUnitCode() != null && !f.orgUnitCode().isBlank()) {
            sql.append(" AND o.path LIKE (SELECT u.path FROM org_unit u WHERE u.code = :orgCode) || '%'");
            params.add(new Object[]{"orgCode", f.orgUnitCode().strip().toUpperCase()});
        }
        if (f.tag() != null) {
            sql.append(" AND (',' || r.tags || ',') LIKE :tag");
            params.add(new Object[]{"tag", "%," + f.tag().name() + ",%"});
        }
        if (f.householdNo() != null && !f.householdNo().isBlank()) {
            sql.append(" AND r.household_no = :household");
            params.add(new Object[]{"household", f.householdNo().strip()});
        }
        return new Where(sql.toString(), params);
    }

    static Resident map(ResultSet rs, int row) throws SQLException {
        String relation = rs.getString("relation_to_head");
        return new Resident(rs.getLong("id"), rs.getString("id_number"), rs.getString("name"), Gender.valueOf(rs.getString("gender")),
                EnterpriseRepository.date(rs, "birth_date"), rs.getLong("org_unit_id"), rs.getString("org_code"),
                rs.getString("org_name"), rs.getString("household_no"), relation == null ? null : Relation.valueOf(relation),
                rs.getString("phone"), ResidentTag.fromColumn(rs.getString("tags")), rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
