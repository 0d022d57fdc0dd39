package io.zhenwu.authz;

import io.zhenwu.shared.Role;
import io.zhenwu.web.HttpTestClient;

import java.util.Set;

/**
 * One caller of the matrix: a demo account (or nobody) with its roles and data scope as the database holds them,
 * an API client carrying its bearer token and a browser-like client carrying its signed-in session.
 *
 * @param name the demo user name, or {@code anonymous}
 * @param userId the account's id (0 for anonymous)
 * @param roles the roles held (empty for anonymous)
 * @param scopePath the materialized path of the user's org unit (数据范围), null for anonymous
 * @param enterpriseId the enterprise an enterprise user is bound to (企业用户绑定的企业), else null
 * @param api client sending {@code Authorization: Bearer} (none for anonymous)
 * @param web client holding the session cookie after form login (none for anonymous)
 * @param csrf the session's CSRF token for form posts (a fresh anonymous one for anonymous)
 */
record MatrixPrincipal(String name, long userId, Set<Role> roles, String scopePath, Long enterpriseId,
                       HttpTestClient api, HttpTestClient web, String csrf) {

    static final String ANONYMOUS = "anonymous";

    boolean anonymous() {
        return scopePath == null;
    }

    /** 企业用户: reads narrowed to their own enterprise on top of the org scope. */
    boolean boundToEnterprise() {
        return roles.equals(Set.of(Role.ENTERPRISE));
    }

    boolean sees(String path) {
        return scopePath != null && path != null && path.startsWith(scopePath);
    }
}
