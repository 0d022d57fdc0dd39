package io.zhenwu.security;

import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.security.SecurityEvents.PasswordHashUpgraded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a user for authentication and builds the actor's data scope from their org unit. A user whose org unit is
 * missing or inactive is treated as disabled: no scope, no login.
 */
@Component
class ZhenwuUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final UserRepository users;
    private final OrgUnits orgUnits;
    private final ApplicationEventPublisher events;

    ZhenwuUserDetailsService(UserRepository users, OrgUnits orgUnits, ApplicationEventPublisher events) {
        this.users = users;
        this.orgUnits = orgUnits;
        this.events = events;
    }

    /**
     * A login with a hash of an older form (plain {@code {bcrypt}}, which ignores what lies beyond 72 bytes) stores the
     * password again in the current form; audited, the hash itself never.
     */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        ZhenwuPrincipal principal = (ZhenwuPrincipal) user;
        users.upgradePasswordHash(principal.actor().userId(), newPassword);
        events.publishEvent(new PasswordHashUpgraded(principal.actor().userId(), principal.getUsername(),
                principal.actor().orgUnitId(), principal.actor().scope().path()));
        return principal.withPassword(newPassword);
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
        return new ZhenwuPrincipal(actor, displayName, c.passwordHash(), c.enabled() && scope.isPresent());
    }
}
