package io.zhenwu.security;

import io.zhenwu.shared.Permission;
import io.zhenwu.shared.Role;

import java.time.Instant;
import java.util.Set;

/** 用户账号 as other modules and the API see it (never the password hash). */
public record UserAccount(long id, String username, String displayName, long orgUnitId, String orgUnitName,
                          Set<Role> roles, Set<Permission> permissions, boolean enabled, Instant lockedUntil, long version, Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
