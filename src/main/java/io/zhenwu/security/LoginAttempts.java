package io.zhenwu.security;

import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.SecurityEvents.UserLocked;
import io.zhenwu.security.SecurityEvents.UserLoggedIn;
import io.zhenwu.security.SecurityEvents.UserLoginFailed;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * 登录限制: counts password failures per account; the fifth in a row locks it for 15 minutes. Success resets the
 * count. Every outcome is audited (through the events it publishes inside its own transaction).
 */
@Component
class LoginAttempts {

    private final UserRepository users;
    private final OrgUnits orgUnits;
    private final ApplicationEventPublisher events;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttempts(UserRepository users, OrgUnits orgUnits, ApplicationEventPublisher events,
                  @Value("${zhenwu.security.max-failed-logins:5}") int maxFailures,
                  @Value("${zhenwu.security.lock-duration:PT15M}") Duration lockDuration) {
        this.users = users;
        this.orgUnits = orgUnits;
        this.events = events;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)
                || !(event.getAuthentication().getPrincipal() instanceof ZhenwuPrincipal principal)) {
            return; // bearer-token requests are not logins
        }
        users.recordSuccess(principal.actor().userId());
        events.publishEvent(new UserLoggedIn(principal.actor().userId(), principal.getUsername(), principal.actor().orgUnitId(), "password",
                principal.actor().scope().path()));
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal()).trim().toLowerCase();
        var credentials = users.findCredentials(username);
        if (credentials.isEmpty()) {
            events.publishEvent(new UserLoginFailed(null, username, null, "unknown_user", 0, null));
            return;
        }
        var c = credentials.get();
        String path = orgUnits.scopeOf(c.orgUnitId()).map(DataScope::path).orElse(null);
        Exception cause = event.getException();
        if (cause instanceof BadCredentialsException) {
            Instant until = Times.now().plus(lockDuration);
            int failures = users.recordFailure(c.id(), maxFailures, until);
            events.publishEvent(new UserLoginFailed(c.id(), c.username(), c.orgUnitId(), "bad_password", failures, path));
            if (failures == maxFailures) {
                events.publishEvent(new UserLocked(c.id(), c.username(), c.orgUnitId(), until.toString(), path));
            }
        } else {
            String reason = cause instanceof LockedException ? "locked" : cause instanceof DisabledException ? "disabled" : "other";
            events.publishEvent(new UserLoginFailed(c.id(), c.username(), c.orgUnitId(), reason, c.failedAttempts(), path));
        }
    }
}
