package io.zhenwu.security;

import io.zhenwu.shared.AuditableEvent;

import java.util.Map;

/** Past-tense events of accounts, logins and tokens; every one is audited. */
public final class SecurityEvents {

    private SecurityEvents() {
    }

    /** 用户新建. */
    public record UserCreated(UserAccount after, String scopePath) implements AuditableEvent {
        public String action() { return "user.created"; }
        public String entityType() { return "user"; }
        public String entityId() { return String.valueOf(after.id()); }
    }

    /** Display name, org unit, roles or enabled flag changed. */
    public record UserUpdated(UserAccount before, UserAccount after, String scopePath) implements AuditableEvent {
        public String action() { return "user.updated"; }
        public String entityType() { return "user"; }
        public String entityId() { return String.valueOf(after.id()); }
    }

    /** An administrator set a new password for a user (重置密码). */
    public record PasswordReset(long userId, String username, String scopePath) implements AuditableEvent {
        public String action() { return "user.password_reset"; }
        public String entityType() { return "user"; }
        public String entityId() { return String.valueOf(userId); }
    }

    /** A user changed their own password. */
    public record PasswordChanged(long userId, String username, String scopePath) implements AuditableEvent {
        public String action() { return "user.password_changed"; }
        public String entityType() { return "user"; }
        public String entityId() { return String.valueOf(userId); }
    }

    /** 登录成功. */
    public record UserLoggedIn(long userId, String username, long orgUnitId, String method, String scopePath)
            implements AuditableEvent {
        public String action() { return "user.login"; }
        public String entityType() { return "user"; }
        public String entityId() { return String.valueOf(userId); }
        public Object after() { return Map.of("method", method); }
        public String actorOverride() { return username; }
        public Long actorOrgUnitOverride() { return orgUnitId; }
    }

    /** 登录失败: wrong password, unknown user, disabled or locked account. */
    public record UserLoginFailed(Long userId, String username, Long orgUnitId, String reason, int failedAttempts,
                                  String scopePath) implements AuditableEvent {
        public String action() { return "user.login_failed"; }
        public String entityType() { return "user"; }
        public String entityId() { return userId == null ? null : String.valueOf(userId); }
        public Object after() { return Map.of("reason", reason, "failedAttempts", failedAttempts); }
        public String actorOverride() { return username == null || username.isBlank() ? "(blank)" : username; }
        public Long actorOrgUnitOverride() { return orgUnitId; }
    }

    /** 账号锁定 after too many failures. */
    public record UserLocked(long userId, String username, long orgUnitId, String lockedUntil, String scopePath)
            implements AuditableEvent {
        public String action() { return "user.locked"; }
        public String entityType() { return "user"; }
        public String entityId() { return String.valueOf(userId); }
        public Object after() { return Map.of("lockedUntil", lockedUntil); }
        public String actorOverride() { return username; }
        public Long actorOrgUnitOverride() { return orgUnitId; }
    }

    /** The stored password hash was upgraded to the current form at a login (the hash itself is never recorded). */
    public record PasswordHashUpgraded(long userId, String username, long orgUnitId, String scopePath) implements AuditableEvent {
        public String action() { return "user.password_rehashed"; }
        public String entityType() { return "user"; }
        public String entityId() { return String.valueOf(userId); }
        public Object after() { return Map.of("scheme", Sha256BCryptPasswordEncoder.ID); }
        public String actorOverride() { return username; }
        public Long actorOrgUnitOverride() { return orgUnitId; }
    }

    /** A personal API token was created; the secret itself is never recorded. */
    public record ApiTokenCreated(long tokenId, long userId, String name, String prefix, String scopePath) implements AuditableEvent {
        public String action() { return "api_token.created"; }
        public String entityType() { return "api_token"; }
        public String entityId() { return String.valueOf(tokenId); }
        public Object after() { return Map.of("userId", userId, "name", name, "prefix", prefix); }
    }

    /** A token was revoked. */
    public record ApiTokenRevoked(long tokenId, long userId, String scopePath) implements AuditableEvent {
        public String action() { return "api_token.revoked"; }
        public String entityType() { return "api_token"; }
        public String entityId() { return String.valueOf(tokenId); }
    }
}
