package io.zhenwu.audit;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The chain's arithmetic: {@code hash = HMAC-SHA256(key, prevHash + canonical(record))} with an audit key kept outside
 * the database ({@link AuditKeys}); seals from before keyed chaining are {@code SHA-256(prevHash + canonical(record))}.
 * The canonical form is a JSON array of every stored column in a fixed order (unambiguous, whatever the values contain).
 */
final class AuditHashing {

    static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditHashing() {
    }

    static String canonical(AuditRecord r) {
        Object[] fields = {r.id(), r.occurredAt().toString(), r.actor(), r.actorOrgUnitId(), r.scopePath(), r.action(),
                r.entityType(), r.entityId(), r.beforeJson(), r.afterJson(), r.clientAddress()};
        return JSON.writeValueAsString(Arrays.asList(fields));
    }

    static String keyedHash(AuditKeys keys, String keyId, String previousHash, AuditRecord record) {
        return keys.mac(keyId, previousHash, canonical(record));
    }

    /** The plain SHA-256 of seals made before keyed chaining (migration V24); new seals are always keyed. */
    static String hash(String previousHash, AuditRecord record) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(canonical(record).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
