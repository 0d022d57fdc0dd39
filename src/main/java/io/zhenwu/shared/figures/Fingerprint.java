package io.zhenwu.shared.figures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.PrimitiveIterator;

/**
 * The identity of the set of records a figure counted: their number and a SHA-256 over their ids in ascending order.
 * Two computations that counted the same records have equal fingerprints, whatever the value.
 */
public record Fingerprint(long count, String sha256) {

    /** Hashes ids that arrive in ascending order (the provider's SQL orders them; only ids leave the database). */
    public static Fingerprint ofAscendingIds(PrimitiveIterator.OfLong ids) {
        MessageDigest digest = newDigest();
        long count = 0;
        long previous = Long.MIN_VALUE;
        while (ids.hasNext()) {
            long id = ids.nextLong();
            if (id < previous) {
                throw new IllegalArgumentException("ids must be ascending: " + id + " after " + previous);
            }
            previous = id;
            digest.update(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ',');
            count++;
        }
        return new Fingerprint(count, HexFormat.of().formatHex(digest.digest()));
    }

    /** Incremental form for providers that stream ids from a row callback. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final MessageDigest digest = newDigest();
        private long count;
        private long previous = Long.MIN_VALUE;

        public Builder add(long id) {
            if (id < previous) {
                throw new IllegalArgumentException("ids must be ascending: " + id + " after " + previous);
            }
            previous = id;
            digest.update(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ',');
            count++;
            return this;
        }

        public Fingerprint build() {
            return new Fingerprint(count, HexFormat.of().formatHex(digest.digest()));
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
