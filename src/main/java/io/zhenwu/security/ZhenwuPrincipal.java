package io.zhenwu.security;

import io.zhenwu.shared.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The logged-in user: Spring Security's view plus the {@link Actor} (with its data scope) other modules read. */
final class ZhenwuPrincipal implements UserDetails, CredentialsContainer, Serializable {

    private final Actor actor;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final Instant lockedUntil;

    ZhenwuPrincipal(Actor actor, String displayName, String passwordHash, boolean enabled, Instant lockedUntil) {
        this.actor = actor;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
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

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(Instant.now());
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
        return new ZhenwuPrincipal(actor, displayName, "", enabled, lockedUntil);
    }

    List<String> roleNames() {
        return actor.roles().stream().map(Enum::name).sorted().toList();
    }
}
