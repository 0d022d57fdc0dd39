package io.zhenwu.shared;

import java.util.Set;

/**
 * The authenticated user acting in the current request, as other modules need to know them.
 *
 * @param scope the user's data scope; never null for an authenticated user (a user without an org unit cannot log in)
 */
public record Actor(long userId, String username, DataScope scope, Set<Role> roles) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public long orgUnitId() {
        return scope.orgUnitId();
    }
}
