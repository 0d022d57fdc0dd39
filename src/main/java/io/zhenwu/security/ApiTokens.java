package io.zhenwu.security;

import io.zhenwu.security.SecurityEvents.ApiTokenCreated;
import io.zhenwu.security.SecurityEvents.ApiTokenRevoked;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * 个人 API 令牌: 256 random bits, shown once as {@code zw_…}, stored as SHA-256 (a slow hash adds nothing for a
 * secret of that entropy, and lookups must be fast on every API call). Revocable by the owner.
 */
@Service
@Transactional
public class ApiTokens {

    static final String PREFIX = "zw_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository repository;
    private final ApplicationEventPublisher events;

    ApiTokens(ApiTokenRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /** What a listing shows of a token: never the secret. */
    public record TokenInfo(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** A newly created token: the secret is in here and nowhere else. */
    public record NewToken(long id, String name, String token) {
    }

    public NewToken create(Actor owner, String name) {
        String label = name == null || name.isBlank() ? "api" : name.strip();
        if (label.length() > 100) {
            throw new InvalidInputException("name", "token.name.tooLong", 100);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = token.substring(0, 10);
        long id = repository.insert(owner.userId(), label, hash(token), prefix);
        events.publishEvent(new ApiTokenCreated(id, owner.userId(), label, prefix, owner.scope().path()));
        return new NewToken(id, label, token);
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> list(Actor owner) {
        return repository.findByUser(owner.scope(), owner.userId());
    }

    public void revoke(Actor owner, long tokenId) {
        if (repository.revoke(owner.scope(), owner.userId(), tokenId) != 1) {
            throw new NotFoundException("api_token", tokenId);
        }
        events.publishEvent(new ApiTokenRevoked(tokenId, owner.userId(), owner.scope().path()));
    }

    /** The owner's user id for a live token. */
    Optional<Long> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return repository.useToken(hash(token));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
