package io.zhenwu.security;

import io.zhenwu.shared.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

/** The logged-in user: Spring Security's view plus the {@link Actor} (with its data scope) other modules read. */
final class ZhenwuPrincipal implements UserDetails, CredentialsContainer, Serializable {

    private final Actor actor;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;

    ZhenwuPrincipal(Actor actor, String displayName, String passwordHash, boolean enabled) {
        this.actor = actor;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    Actor actor() {
        return actor;
    }

    String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    /**
     * Never: throttling locks a client address out of a user name ({@link LoginAttempts}) before authentication, not
     * the account, so the owner elsewhere and their API tokens keep working.
     */
    @Override
    public boolean isAccountNonLocked() {
        return true;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** Drops the hash once authenticated, so the session never carries it. */
    ZhenwuPrincipal withoutPassword() {
        return withPassword("");
    }

    ZhenwuPrincipal withPassword(String hash) {
        return new ZhenwuPrincipal(actor, displayName, hash, enabled);
    }

    List<String> roleNames() {
        return actor.roles().stream().map(Enum::name).sorted().toList();
    }
}
