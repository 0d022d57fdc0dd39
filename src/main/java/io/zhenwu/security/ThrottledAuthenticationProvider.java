package io.zhenwu.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Refuses a password attempt from an address that is locked out of the name ({@link LoginAttempts}) before any user
 * is looked up — the same quick answer for an account that exists and one that does not — and hands the others to
 * the password check.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final LoginAttempts attempts;
    private final AuthenticationProvider passwords;

    ThrottledAuthenticationProvider(LoginAttempts attempts, AuthenticationProvider passwords) {
        this.attempts = attempts;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        if (attempts.locked(String.valueOf(attempt.getPrincipal()), LoginAttempts.address(attempt))) {
            throw new LockedException("too many failed attempts from this address");
        }
        return passwords.authenticate(attempt);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
