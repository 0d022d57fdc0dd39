package io.zhenwu.shared;

import java.util.Set;

/**
 * The authenticated user acting in the current request, as other modules need to know them.
 *
 * @param scope the user's data scope; never null for an authenticated user (a user without an org unit cannot log in)
 */
public record Actor(long userId, String username, DataScope scope, Set<Role> roles, Set<Permission> permissions) {

    public Actor(long userId, String username, DataScope scope, Set<Role> roles) {
        this(userId, username, scope, roles, Set.of());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public long orgUnitId() {
        return scope.orgUnitId();
    }
}
