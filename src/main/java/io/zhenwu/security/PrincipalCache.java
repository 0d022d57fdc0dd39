package io.zhenwu.security;

import io.zhenwu.shared.AuditableEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current principal of a bearer token, or of a signed-in user, for a few seconds (default 5), so a script firing
 * many requests does not reload token, user, roles and scope on each one, and a web session can be re-checked on each
 * request at the cost of a map lookup. Any change to users, tokens or the org tree empties it — when the change is
 * published and again after it commits — so a revoked token, a disabled user, a removed role or a moved unit takes
 * effect at once on this instance (another instance of a cluster sees it within the time to live). Tokens are keyed
 * by their SHA-256, never the token itself.
 */
@Component
class PrincipalCache {

    private static final Set<String> INVALIDATING = Set.of("user", "api_token", "org_unit");
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(ZhenwuPrincipal principal, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    PrincipalCache(@Value("${zhenwu.security.bearer-cache-ttl:PT5S}") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The cached principal of a bearer token, by the token's hash. */
    Optional<ZhenwuPrincipal> forToken(String tokenHash) {
        return get("t:" + tokenHash);
    }

    void putToken(String tokenHash, ZhenwuPrincipal principal) {
        put("t:" + tokenHash, principal);
    }

    /** The cached current principal of a user, as {@link ZhenwuUserDetailsService#loadById} built it. */
    Optional<ZhenwuPrincipal> forUser(long userId) {
        return get("u:" + userId);
    }

    void putUser(long userId, ZhenwuPrincipal principal) {
        put("u:" + userId, principal);
    }

    private Optional<ZhenwuPrincipal> get(String key) {
        Entry e = entries.get(key);
        if (e == null || System.nanoTime() - e.expiresAtNanos() > 0) {
            return Optional.empty();
        }
        return Optional.of(e.principal());
    }

    private void put(String key, ZhenwuPrincipal principal) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(principal, System.nanoTime() + ttlNanos));
    }

    @EventListener
    void onPublished(AuditableEvent event) {
        if (INVALIDATING.contains(event.entityType())) {
            entries.clear();
        }
    }

    /** Again after the commit: a request that read the old rows between publication and commit must not keep them. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onCommitted(AuditableEvent event) {
        onPublished(event);
    }
}
