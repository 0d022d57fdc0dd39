package io.zhenwu.security;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Personal API tokens; the table holds SHA-256 hashes only. */
@Repository
class ApiTokenRepository {

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Unscoped("a user creates tokens for themselves only; the owner is the authenticated caller")
    long insert(long userId, String name, String hash, String prefix) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, token_prefix, created_at) VALUES (:user, :name, :hash, :prefix, :now)")
                .param("user", userId).param("name", name).param("hash", hash).param("prefix", prefix)
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * The owner of a live (not revoked) token, marking it used — at most once a minute: a script firing many requests
     * with one token would otherwise queue every request behind the same row lock.
     */
    @Unscoped("bearer authentication: the token identifies the caller, there is no scope yet")
    Optional<Long> useToken(String hash) {
        Optional<Long> owner = jdbc.sql("SELECT user_id FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", hash).query(Long.class).optional();
        OffsetDateTime now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        owner.ifPresent(u -> jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE token_hash = :hash "
                        + "AND (last_used_at IS NULL OR last_used_at < :stale)")
                .param("now", now).param("stale", now.minusMinutes(1)).param("hash", hash).update());
        return owner;
    }

    List<ApiTokens.TokenInfo> findByUser(DataScope scope, long userId) {
        return jdbc.sql("SELECT t.id, t.name, t.token_prefix, t.created_at, t.last_used_at, t.revoked_at FROM api_token t "
                        + "JOIN app_user u ON u.id = t.user_id JOIN org_unit o ON o.id = u.org_unit_id "
                        + "WHERE t.user_id = :user AND o.path LIKE :scope ORDER BY t.id DESC")
                .param("user", userId).param("scope", scope.likePattern())
                .query((rs, i) -> new ApiTokens.TokenInfo(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        toInstant(rs.getObject("last_used_at", OffsetDateTime.class)),
                        toInstant(rs.getObject("revoked_at", OffsetDateTime.class))))
                .list();
    }

    /** Revokes one of the user's own live tokens; 0 if it is not theirs, unknown or already revoked. */
    int revoke(DataScope scope, long userId, long tokenId) {
        return jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND user_id = :user AND revoked_at IS NULL "
                        + "AND user_id IN (SELECT u.id FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE o.path LIKE :scope)")
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE))
                .param("id", tokenId).param("user", userId).param("scope", scope.likePattern())
                .update();
    }

    private static java.time.Instant toInstant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
