package io.zhenwu.security;

import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a user for authentication and builds the actor's data scope from their org unit. A user whose org unit is
 * missing or inactive is treated as disabled: no scope, no login.
 */
@Component
class ZhenwuUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final OrgUnits orgUnits;

    ZhenwuUserDetailsService(UserRepository users, OrgUnits orgUnits) {
        this.users = users;
        this.orgUnits = orgUnits;
    }

    @Override
    public ZhenwuPrincipal loadUserByUsername(String username) {
        var credentials = users.findCredentials(username == null ? "" : username.trim().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return toPrincipal(credentials);
    }

    ZhenwuPrincipal loadById(long userId) {
        return users.findCredentials(userId).map(this::toPrincipal)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    private ZhenwuPrincipal toPrincipal(UserRepository.Credentials c) {
        var scope = orgUnits.scopeOf(c.orgUnitId());
        DataScope dataScope = scope.orElse(null);
        Actor actor = new Actor(c.id(), c.username(), dataScope == null ? new DataScope(c.orgUnitId(), "/0/") : dataScope,
                c.roles(), c.permissions(), c.enterpriseId());
        String displayName = c.displayName();
        return new ZhenwuPrincipal(actor, displayName, c.passwordHash(), c.enabled() && scope.isPresent(), c.lockedUntil());
    }
}
