package io.zhenwu.security;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.Permission;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Users in plain SQL; a user is in scope when their org unit's path lies under the scope's path. */
@Repository
class UserRepository {

    /** Roles aggregated in SQL as a comma list; portable across H2 and PostgreSQL via STRING_AGG/LISTAGG. */
    private static final String SELECT = "SELECT u.id, u.username, u.display_name, u.org_unit_id, o.name AS org_name, "
            + "u.enabled, (SELECT MAX(t.locked_until) FROM login_throttle t WHERE t.username = u.username) AS locked_until, "
            + "u.version, u.created_at, "
            + "(SELECT STRING_AGG(r.role, ',') FROM user_role r WHERE r.user_id = u.id) AS roles, "
            + "(SELECT STRING_AGG(p.permission, ',') FROM user_permission p WHERE p.user_id = u.id) AS permissions "
            + "FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id ";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findById(DataScope scope, long id) {
        return jdbc.sql(SELECT + "WHERE u.id = :id AND o.path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern())
                .query(UserRepository::map).optional();
    }

    PageResult<UserAccount> find(DataScope scope, String text, Role role, PageQuery page) {
        String where = "WHERE o.path LIKE :scope"
                + (text != null ? " AND (u.username LIKE :text OR u.display_name LIKE :text)" : "")
                + (role != null ? " AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = :role)" : "");
        var count = jdbc.sql("SELECT COUNT(*) FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id " + where);
        var select = jdbc.sql(SELECT + where + " ORDER BY " + page.orderBy() + ", u.id LIMIT :limit OFFSET :offset");
        for (var spec : List.of(count, select)) {
            spec.param("scope", scope.likePattern());
            if (text != null) {
                spec.param("text", "%" + text.replace("%", "").replace("_", "") + "%");
            }
            if (role != null) {
                spec.param("role", role.name());
            }
        }
        long total = count.query(Long.class).single();
        return new PageResult<>(select.param("limit", page.size()).param("offset", page.offset())
                .query(UserRepository::map).list(), page.page(), page.size(), total);
    }

    /** The enabled users of the scope holding {@code role} whose login or display name is one of {@code names}. */
    List<UserAccount> findEnabledWithRoleNamed(DataScope scope, Role role, Set<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE o.path LIKE :scope AND u.enabled = TRUE"
                        + " AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = :role)"
                        + " AND (u.username IN (:names) OR u.display_name IN (:names)) ORDER BY u.username")
                .param("scope", scope.likePattern()).param("role", role.name()).param("names", names)
                .query(UserRepository::map).list();
    }

    Map<Role, Long> countByRole(DataScope scope) {
        Map<Role, Long> counts = new EnumMap<>(Role.class);
        jdbc.sql("SELECT r.role, COUNT(*) AS n FROM user_role r JOIN app_user u ON u.id = r.user_id "
                        + "JOIN org_unit o ON o.id = u.org_unit_id WHERE o.path LIKE :scope AND u.enabled = TRUE GROUP BY r.role")
                .param("scope", scope.likePattern())
                .query((RowCallbackHandler) rs -> counts.put(Role.valueOf(rs.getString("role")), rs.getLong("n")));
        return counts;
    }

    long countInScope(DataScope scope) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE o.path LIKE :scope")
                .param("scope", scope.likePattern()).query(Long.class).single();
    }

    @Unscoped("counts users of one org unit for the org module's delete check, which already checked scope")
    long countByOrgUnit(long orgUnitId) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE org_unit_id = :org").param("org", orgUnitId).query(Long.class).single();
    }

    /** Login: the credentials row by user name, before any scope exists. */
    @Unscoped("login looks a user up by name before the caller has a scope")
    Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("SELECT u.id, u.username, u.display_name, u.password_hash, u.enabled, u.org_unit_id, u.enterprise_id, "
                        + "(SELECT STRING_AGG(r.role, ',') FROM user_role r WHERE r.user_id = u.id) AS roles, "
                        + "(SELECT STRING_AGG(p.permission, ',') FROM user_permission p WHERE p.user_id = u.id) AS permissions "
                        + "FROM app_user u WHERE u.username = :username")
                .param("username", username)
                .query((rs, i) -> new Credentials(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), rs.getLong("org_unit_id"), roles(rs.getString("roles")), permissions(rs.getString("permissions")),
                        rs.getObject("enterprise_id", Long.class)))
                .optional();
    }

    @Unscoped("bearer-token authentication resolves the token's owner before a scope exists")
    Optional<Credentials> findCredentials(long userId) {
        String name = jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", userId).query(String.class).optional().orElse(null);
        return name == null ? Optional.empty() : findCredentials(name);
    }

    /** Binds an enterprise user to the enterprise they act for (企业用户绑定企业). */
    @Unscoped("the enterprise and the user were both read within the caller's scope before")
    void bindEnterprise(long userId, Long enterpriseId) {
        jdbc.sql("UPDATE app_user SET enterprise_id = :e, version = version + 1 WHERE id = :id")
                .param("e", enterpriseId).param("id", userId).update();
    }

    @Unscoped("user names are unique across the installation")
    boolean usernameExists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u").param("u", username).query(Long.class).single() > 0;
    }

    @Unscoped("the org unit was checked against the caller's scope before the insert")
    long insert(String username, String displayName, long orgUnitId, String passwordHash, boolean enabled, Set<Role> roles) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (username, display_name, org_unit_id, password_hash, enabled, failed_attempts, "
                        + "password_changed_at, version, created_at, updated_at) "
                        + "VALUES (:username, :display, :org, :hash, :enabled, 0, :now, 0, :now, :now)")
                .param("username", username).param("display", displayName).param("org", orgUnitId)
                .param("hash", passwordHash).param("enabled", enabled).param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertRoles(id, roles);
        return id;
    }

    int update(DataScope scope, long id, long version, String displayName, long orgUnitId, boolean enabled, Set<Role> roles) {
        int n = jdbc.sql("UPDATE app_user SET display_name = :display, org_unit_id = :org, enabled = :enabled, "
                        + "version = version + 1, updated_at = :now WHERE id = :id AND version = :version "
                        + "AND org_unit_id IN (SELECT o.id FROM org_unit o WHERE o.path LIKE :scope)")
                .param("display", displayName).param("org", orgUnitId).param("enabled", enabled)
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE))
                .param("id", id).param("version", version).param("scope", scope.likePattern())
                .update();
        if (n == 1) {
            jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", id).update();
            insertRoles(id, roles);
        }
        return n;
    }

    int updatePassword(DataScope scope, long id, String hash) {
        return jdbc.sql("UPDATE app_user SET password_hash = :hash, password_changed_at = :now, failed_attempts = 0, "
                        + "locked_until = NULL, version = version + 1, updated_at = :now WHERE id = :id "
                        + "AND org_unit_id IN (SELECT o.id FROM org_unit o WHERE o.path LIKE :scope)")
                .param("hash", hash).param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE))
                .param("id", id).param("scope", scope.likePattern())
                .update();
    }

    /** Stores a password hash of the current form for a user who just proved the password. */
    @Unscoped("runs at login, for the user who just authenticated, before a scope exists")
    void upgradePasswordHash(long id, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id").param("hash", hash).param("id", id).update();
    }

    private void insertRoles(long id, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)").param("id", id).param("role", role.name()).update();
        }
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("org_unit_id"), rs.getString("org_name"), roles(rs.getString("roles")),
                permissions(rs.getString("permissions")),
                rs.getBoolean("enabled"), instant(rs, "locked_until"), rs.getLong("version"),
                instant(rs, "created_at"));
    }

    static Set<Permission> permissions(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).map(Permission::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
    }

    /** Replaces a user's grants (the user was checked against the caller's scope by the update before). */
    @Unscoped("called right after a scoped update of the same user")
    void replacePermissions(long userId, Set<Permission> permissions) {
        jdbc.sql("DELETE FROM user_permission WHERE user_id = :id").param("id", userId).update();
        for (Permission permission : permissions) {
            jdbc.sql("INSERT INTO user_permission (user_id, permission) VALUES (:id, :p)")
                    .param("id", userId).param("p", permission.name()).update();
        }
    }

    static Set<Role> roles(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** What authentication needs of a user. */
    record Credentials(long id, String username, String displayName, String passwordHash, boolean enabled, long orgUnitId, Set<Role> roles, Set<Permission> permissions, Long enterpriseId) {
    }
}
