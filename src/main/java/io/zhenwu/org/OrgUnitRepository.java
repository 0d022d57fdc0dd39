package io.zhenwu.org;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.RowMapper;
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

/** Org units in plain SQL. Subtrees are {@code path LIKE '/1/2/%'}; every read and write is bounded by a scope. */
@Repository
class OrgUnitRepository {

    private static final String COLUMNS = "id, parent_id, path, depth, code, name, unit_type, active, demo_code, version, created_at, updated_at";

    private static final RowMapper<OrgUnit> MAPPER = OrgUnitRepository::map;

    private final JdbcClient jdbc;

    OrgUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrgUnit> findById(DataScope scope, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE id = :id AND path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern())
                .query(MAPPER).optional();
    }

    Optional<OrgUnit> findByCode(DataScope scope, String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE code = :code AND path LIKE :scope")
                .param("code", code).param("scope", scope.likePattern())
                .query(MAPPER).optional();
    }

    PageResult<OrgUnit> find(DataScope scope, String text, OrgUnitType type, Boolean active, PageQuery page) {
        String where = " WHERE path LIKE :scope"
                + (text != null ? " AND (name LIKE :text OR code LIKE :text)" : "")
                + (type != null ? " AND unit_type = :type" : "")
                + (active != null ? " AND active = :active" : "");
        var count = jdbc.sql("SELECT COUNT(*) FROM org_unit" + where);
        var select = jdbc.sql("SELECT " + COLUMNS + " FROM org_unit" + where + " ORDER BY " + page.orderBy()
                + ", id LIMIT :limit OFFSET :offset");
        for (var spec : List.of(count, select)) {
            spec.param("scope", scope.likePattern());
            if (text != null) {
                spec.param("text", "%" + text.replace("\\", "").replace("%", "").replace("_", "") + "%");
            }
            if (type != null) {
                spec.param("type", type.name());
            }
            if (active != null) {
                spec.param("active", active);
            }
        }
        long total = count.query(Long.class).single();
        List<OrgUnit> rows = select.param("limit", page.size()).param("offset", page.offset()).query(MAPPER).list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    List<OrgUnit> children(DataScope scope, long parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE parent_id = :parent AND path LIKE :scope ORDER BY code")
                .param("parent", parentId).param("scope", scope.likePattern())
                .query(MAPPER).list();
    }

    /** The scope's root and its descendants down to {@code maxDepth} levels below it, ordered for a tree. */
    List<OrgUnit> subtree(DataScope scope, int levels) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE path LIKE :scope AND depth <= "
                        + "(SELECT depth FROM org_unit WHERE id = :root) + :levels ORDER BY depth, code")
                .param("scope", scope.likePattern()).param("root", scope.orgUnitId()).param("levels", levels)
                .query(MAPPER).list();
    }

    Map<OrgUnitType, Long> countByType(DataScope scope) {
        Map<OrgUnitType, Long> counts = new EnumMap<>(OrgUnitType.class);
        jdbc.sql("SELECT unit_type, COUNT(*) AS n FROM org_unit WHERE path LIKE :scope AND active = TRUE GROUP BY unit_type")
                .param("scope", scope.likePattern())
                .query((rs, i) -> counts.put(OrgUnitType.valueOf(rs.getString("unit_type")), rs.getLong("n")))
                .list(); // JdbcClient runs the query only on a terminal call
        return counts;
    }

    long countChildren(DataScope scope, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE parent_id = :id AND path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern()).query(Long.class).single();
    }

    long countActiveDescendants(DataScope scope, OrgUnit unit) {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE path LIKE :sub AND id <> :id AND active = TRUE AND path LIKE :scope")
                .param("sub", unit.path() + "%").param("id", unit.id()).param("scope", scope.likePattern())
                .query(Long.class).single();
    }

    /** Direct children whose division code would no longer extend the parent's prefix. */
    long countChildrenNotExtending(DataScope scope, long id, String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE parent_id = :id AND path LIKE :scope "
                        + "AND unit_type NOT IN ('DEPARTMENT', 'PARK') AND code NOT LIKE :prefix")
                .param("id", id).param("scope", scope.likePattern()).param("prefix", prefix + "%")
                .query(Long.class).single();
    }

    @Unscoped("codes are unique across the whole installation, including units the caller cannot see")
    boolean codeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = :code").param("code", code).query(Long.class).single() > 0;
    }

    @Unscoped("login builds the caller's scope from their own org unit; there is no scope yet")
    Optional<OrgUnit> findForScope(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE id = :id").param("id", id).query(MAPPER).optional();
    }

    @Unscoped("roots are created by installation set-up and the CLI only")
    List<OrgUnit> roots() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE parent_id IS NULL ORDER BY code").query(MAPPER).list();
    }

    /** Inserts a unit under a parent that the caller has already loaded within scope (or a root). */
    @Unscoped("the parent was read within the caller's scope before this insert")
    long insert(OrgUnit parent, String code, String name, OrgUnitType type, boolean demoCode) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO org_unit (parent_id, path, depth, code, name, unit_type, active, demo_code, version, created_at, updated_at) "
                        + "VALUES (:parent, '/', :depth, :code, :name, :type, TRUE, :demo, 0, :now, :now)")
                .param("parent", parent == null ? null : parent.id())
                .param("depth", parent == null ? 0 : parent.depth() + 1)
                .param("code", code).param("name", name).param("type", type.name())
                .param("demo", demoCode).param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE org_unit SET path = :path WHERE id = :id")
                .param("path", (parent == null ? "/" : parent.path()) + id + "/").param("id", id).update();
        return id;
    }

    /** Renames / re-codes; 0 rows means the version was stale or the unit is out of scope. */
    int update(DataScope scope, long id, long expectedVersion, String code, String name, boolean active) {
        return jdbc.sql("UPDATE org_unit SET code = :code, name = :name, active = :active, version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND version = :version AND path LIKE :scope")
                .param("code", code).param("name", name).param("active", active)
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE))
                .param("id", id).param("version", expectedVersion).param("scope", scope.likePattern())
                .update();
    }

    /**
     * Moves a unit and its whole subtree in two statements: the unit's parent and version, then every path and depth
     * below it rewritten from the old prefix to the new one.
     */
    int move(DataScope scope, OrgUnit unit, long expectedVersion, OrgUnit newParent) {
        int updated = jdbc.sql("UPDATE org_unit SET parent_id = :parent, version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND version = :version AND path LIKE :scope")
                .param("parent", newParent.id()).param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE))
                .param("id", unit.id()).param("version", expectedVersion).param("scope", scope.likePattern())
                .update();
        if (updated == 1) {
            String newPath = newParent.path() + unit.id() + "/";
            jdbc.sql("UPDATE org_unit SET path = :newPrefix || SUBSTRING(path FROM :cut), depth = depth + :shift "
                            + "WHERE path LIKE :old AND path LIKE :scope")
                    .param("newPrefix", newPath).param("cut", unit.path().length() + 1)
                    .param("shift", newParent.depth() + 1 - unit.depth())
                    .param("old", unit.path() + "%").param("scope", scope.likePattern())
                    .update();
        }
        return updated;
    }

    int delete(DataScope scope, long id, long expectedVersion) {
        return jdbc.sql("DELETE FROM org_unit WHERE id = :id AND version = :version AND path LIKE :scope")
                .param("id", id).param("version", expectedVersion).param("scope", scope.likePattern())
                .update();
    }

    private static OrgUnit map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        return new OrgUnit(rs.getLong("id"), rs.wasNull() ? null : parent, rs.getString("path"), rs.getInt("depth"),
                rs.getString("code"), rs.getString("name"), OrgUnitType.valueOf(rs.getString("unit_type")),
                rs.getBoolean("active"), rs.getBoolean("demo_code"), rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
