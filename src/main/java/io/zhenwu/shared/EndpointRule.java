package io.zhenwu.shared;

import java.util.Set;

/**
 * One explicit authorization rule: an HTTP method (null = any) and a path pattern, open to everyone, to any
 * authenticated user, or to the listed roles. Modules declare theirs through {@link EndpointRules}; the security
 * module installs them and denies everything no rule names.
 */
public record EndpointRule(String method, String pattern, Access access, Set<Role> roles) {

    public enum Access { PUBLIC, AUTHENTICATED, ROLES }

    public static EndpointRule publicAccess(String method, String pattern) {
        return new EndpointRule(method, pattern, Access.PUBLIC, Set.of());
    }

    public static EndpointRule authenticated(String method, String pattern) {
        return new EndpointRule(method, pattern, Access.AUTHENTICATED, Set.of());
    }

    public static EndpointRule roles(String method, String pattern, Role... roles) {
        return new EndpointRule(method, pattern, Access.ROLES, Set.of(roles));
    }
}
