package io.zhenwu.shared;

import java.util.Set;

/**
 * The authenticated user acting in the current request, as other modules need to know them.
 *
 * @param enterpriseId for an enterprise user, the registry id of their enterprise (企业用户绑定的企业); null otherwise
 * @param scope the user's data scope; never null for an authenticated user (a user without an org unit cannot log in)
 */
public record Actor(long userId, String username, DataScope scope, Set<Role> roles, Set<Permission> permissions,
                    Long enterpriseId) {

    public Actor(long userId, String username, DataScope scope, Set<Role> roles) {
        this(userId, username, scope, roles, Set.of(), null);
    }

    public Actor(long userId, String username, DataScope scope, Set<Role> roles, Set<Permission> permissions) {
        this(userId, username, scope, roles, permissions, null);
    }

    /**
     * The enterprise an enterprise user acts for: their reads are narrowed to it on top of the org scope. An
     * enterprise user without one sees nothing (a missing binding is a failure, not a silent pass).
     */
    public boolean boundToEnterprise() {
        return roles.contains(Role.ENTERPRISE) && roles.stream().noneMatch(r -> r != Role.ENTERPRISE);
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
