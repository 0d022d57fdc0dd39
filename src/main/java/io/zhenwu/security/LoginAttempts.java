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
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * 登录限制: password failures are counted per user name <em>and client address</em>; the fifth in a row locks that
 * address out of that name for 15 minutes. Success from the address resets its count; an administrator's password
 * reset clears every address. The same holds for names that do not exist, so neither the answer ("locked") nor its
 * timing tells whether an account exists, and a stranger's failures never lock the owner out from their own address.
 * API tokens are not affected: a lock only refuses passwords. Every outcome is audited (through the events it
 * publishes inside its own transaction).
 */
@Component
class LoginAttempts {

    /** How long a pair without a lock is remembered after its last failure. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final UserRepository users;
    private final LoginThrottleRepository throttle;
    private final OrgUnits orgUnits;
    private final ApplicationEventPublisher events;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttempts(UserRepository users, LoginThrottleRepository throttle, OrgUnits orgUnits, ApplicationEventPublisher events,
                  @Value("${zhenwu.security.max-failed-logins:5}") int maxFailures,
                  @Value("${zhenwu.security.lock-duration:PT15M}") Duration lockDuration) {
        this.users = users;
        this.throttle = throttle;
        this.orgUnits = orgUnits;
        this.events = events;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    /** The user name as looked up: trimmed, lower case, at most as long as a stored one. */
    static String name(Object raw) {
        String name = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** The client address of a login attempt (the peer, or the forwarded client behind a trusted proxy). */
    static String address(Authentication attempt) {
        return address(attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null);
    }

    /** A client address as stored: at most 64 characters, "unknown" for none. */
    static String address(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        return remoteAddress.length() > 64 ? remoteAddress.substring(0, 64) : remoteAddress;
    }

    /** Whether passwords for this name are refused from this address for now. */
    @Transactional(readOnly = true)
    public boolean locked(String username, String address) {
        return throttle.lockedUntil(name(username), address(address), Times.now()).isPresent();
    }

    /** An administrator reset the password: every address may try again. */
    void clearAll(String username) {
        throttle.clearAll(name(username));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)
                || !(event.getAuthentication().getPrincipal() instanceof ZhenwuPrincipal principal)) {
            return; // bearer-token requests are not logins
        }
        throttle.clear(principal.getUsername(), address(event.getAuthentication()));
        events.publishEvent(new UserLoggedIn(principal.actor().userId(), principal.getUsername(), principal.actor().orgUnitId(), "password",
                principal.actor().scope().path()));
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = name(event.getAuthentication().getPrincipal());
        String address = address(event.getAuthentication());
        Exception cause = event.getException();
        var credentials = users.findCredentials(username);
        if (cause instanceof BadCredentialsException) {
            Instant now = Times.now();
            Instant until = now.plus(lockDuration);
            int failures = throttle.recordFailure(username, address, maxFailures, now, until);
            if (failures == 1) {
                throttle.purge(now.minus(FORGET_AFTER), now);
            }
            if (credentials.isEmpty()) {
                events.publishEvent(new UserLoginFailed(null, username, null, "unknown_user", failures, null));
                return;
            }
            var c = credentials.get();
            String path = orgUnits.scopeOf(c.orgUnitId()).map(DataScope::path).orElse(null);
            events.publishEvent(new UserLoginFailed(c.id(), c.username(), c.orgUnitId(), "bad_password", failures, path));
            if (failures == maxFailures) {
                events.publishEvent(new UserLocked(c.id(), c.username(), c.orgUnitId(), until.toString(), path));
            }
            return;
        }
        String reason = cause instanceof LockedException ? "locked" : cause instanceof DisabledException ? "disabled" : "other";
        if (credentials.isEmpty()) {
            events.publishEvent(new UserLoginFailed(null, username, null, reason.equals("locked") ? reason : "unknown_user", 0, null));
            return;
        }
        var c = credentials.get();
        String path = orgUnits.scopeOf(c.orgUnitId()).map(DataScope::path).orElse(null);
        events.publishEvent(new UserLoginFailed(c.id(), c.username(), c.orgUnitId(), reason, 0, path));
    }
}
