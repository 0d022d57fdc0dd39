package io.zhenwu.audit;

import java.time.Instant;

/**
 * 审计锚点: the chain's head at a moment, written outside the database (the anchor file beside the data, a published
 * report, the output of {@code audit verify}) so that a later truncation or re-chaining of the trail is detected
 * against it. The MAC (with the audit key {@code keyId}) covers every other field.
 *
 * @param seq         the chain's length (the last seal's sequence number)
 * @param headHash    the last seal's hash
 * @param plainSeals  how many seals at the start of the chain are plain SHA-256 (from before keyed chaining)
 */
public record AuditAnchor(Instant at, long seq, String headHash, long plainSeals, String keyId, String mac) {

    private static final String VERSION = "A1";

    /** The fields the MAC covers, in the anchor file's order. */
    static String signed(Instant at, long seq, String headHash, long plainSeals, String keyId) {
        return VERSION + " " + at + " seq=" + seq + " head=" + headHash + " plain=" + plainSeals + " key=" + keyId;
    }

    /** The anchor as one line of the anchor file, as printed on reports and by {@code audit verify}. */
    public String line() {
        return signed(at, seq, headHash, plainSeals, keyId) + " mac=" + mac;
    }

    /** Parses one line of the anchor file; null when it is not an anchor line at all. */
    static AuditAnchor parse(String line) {
        String[] f = line.strip().split(" ");
        if (f.length != 7 || !VERSION.equals(f[0]) || !f[2].startsWith("seq=") || !f[3].startsWith("head=")
                || !f[4].startsWith("plain=") || !f[5].startsWith("key=") || !f[6].startsWith("mac=")) {
            return null;
        }
        try {
            return new AuditAnchor(Instant.parse(f[1]), Long.parseLong(f[2].substring(4)), f[3].substring(5),
                    Long.parseLong(f[4].substring(6)), f[5].substring(4), f[6].substring(4));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
