package io.zhenwu.audit;

import io.zhenwu.audit.ChainVerification.Finding;
import io.zhenwu.audit.ChainVerification.Problem;

import java.util.function.Consumer;

/**
 * One pass over the seals in order (fed by {@link AuditRepository#walkChain}): recomputes every hash — HMAC-SHA256
 * with the seal's key, or plain SHA-256 for the prefix sealed before keyed chaining — and remembers the chain's end
 * and its hash at the last anchor's position, so that the caller can compare both with the head row and the anchor.
 */
final class ChainWalk implements Consumer<AuditRepository.SealedRow> {

    private final AuditKeys keys;
    private final AuditAnchor anchor;

    private long seen;
    private long lastSeq;
    private String expectedPrev = AuditHashing.GENESIS;
    private boolean keyedSeen;
    private String hashAtAnchor;
    private Finding firstBreak;
    private Long firstBrokenEvent;
    private long verified;

    ChainWalk(AuditKeys keys, AuditAnchor anchor) {
        this.keys = keys;
        this.anchor = anchor;
    }

    @Override
    public void accept(AuditRepository.SealedRow row) {
        seen++;
        lastSeq = row.seq();
        if (anchor != null && row.seq() == anchor.seq()) {
            hashAtAnchor = row.hash();
        }
        if (firstBreak == null) {
            Finding finding = check(row);
            if (finding == null) {
                verified++;
            } else {
                firstBreak = finding;
                firstBrokenEvent = row.record() == null ? null : row.eventId();
            }
        }
        keyedSeen |= row.keyId() != null;
        expectedPrev = row.hash();
    }

    private Finding check(AuditRepository.SealedRow row) {
        if (row.seq() != seen) {
            return new Finding(Problem.SEQUENCE_GAP, row.seq(), "seals #" + seen + " to #" + (row.seq() - 1) + " are missing");
        }
        if (row.record() == null) {
            return new Finding(Problem.EVENT_MISSING, row.seq(), "event " + row.eventId() + " is missing");
        }
        if (!row.prevHash().equals(expectedPrev)) {
            return new Finding(Problem.PREVIOUS_HASH_MISMATCH, row.seq(), "seal #" + row.seq() + " does not follow seal #" + (row.seq() - 1));
        }
        String expected;
        if (row.keyId() == null) {
            if (keyedSeen || (anchor != null && row.seq() > anchor.plainSeals())) {
                return new Finding(Problem.UNKEYED_SEAL, row.seq(), "seal #" + row.seq() + " is plain SHA-256 where only keyed seals may be"
                        + " (the chain was rebuilt without the audit key)");
            }
            expected = AuditHashing.hash(row.prevHash(), row.record());
        } else if (!keys.knows(row.keyId())) {
            return new Finding(Problem.UNKNOWN_KEY, row.seq(), "seal #" + row.seq() + " names audit key " + row.keyId() + ", which is not configured");
        } else {
            expected = AuditHashing.keyedHash(keys, row.keyId(), row.prevHash(), row.record());
        }
        if (!row.hash().equals(expected)) {
            return new Finding(Problem.EVENT_ALTERED, row.seq(), "event " + row.eventId() + " was altered");
        }
        return null;
    }

    /** The first break of the chain itself, null when every seal held. */
    Finding firstBreak() {
        return firstBreak;
    }

    Long firstBrokenEvent() {
        return firstBrokenEvent;
    }

    /** Seals that held before the first break (all of them when none). */
    long verified() {
        return verified;
    }

    /** The chain's last position and hash as stored (whether or not it held). */
    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return expectedPrev;
    }

    /** The chain compared with the head row and the anchor: head mismatch, truncation or re-chaining, else null. */
    Finding endFinding(AuditRepository.Head head) {
        if (anchor != null && lastSeq < anchor.seq()) {
            return new Finding(Problem.TRUNCATED, lastSeq, "the chain ends at #" + lastSeq + " but was anchored at #"
                    + anchor.seq() + " on " + anchor.at());
        }
        if (anchor != null && !anchor.headHash().equals(hashAtAnchor)) {
            return new Finding(Problem.RECHAINED, anchor.seq(), "seal #" + anchor.seq() + " is not the one anchored on " + anchor.at());
        }
        if (head.lastSeq() != lastSeq || !head.lastHash().equals(expectedPrev)) {
            return new Finding(Problem.HEAD_MISMATCH, head.lastSeq(), "the chain head (#" + head.lastSeq()
                    + ") disagrees with the last seal (#" + lastSeq + ")");
        }
        return null;
    }
}
