package io.zhenwu.audit;

import java.util.List;

/**
 * Result of checking the trail: how many sealed records, whether everything held, and where it first broke.
 * The chain is checked BEFORE anything pending is sealed; pending events are sealed (and an anchor written) only
 * when every check passed.
 *
 * @param firstBrokenSeq   chain position of the first mismatch, or null when intact
 * @param firstBrokenEvent the event id at that position (null if the event row itself is missing)
 * @param reason           the first finding's description (null when intact)
 * @param pending          events still not sealed (after sealing when intact; as found when not)
 * @param sealedNow        events found pending and sealed by this verification
 * @param findings         every problem found, each named by its code
 * @param anchor           the anchor written by this verification when intact, else the last valid one on file
 */
public record ChainVerification(long records, boolean intact, Long firstBrokenSeq, Long firstBrokenEvent, String reason,
                                long pending, long sealedNow, List<Finding> findings, AuditAnchor anchor) {

    /** What verification can find wrong, one code per tamper it detects. */
    public enum Problem {
        /** an append-only trigger (or H2's truncate guard) is missing */
        TRIGGER_MISSING,
        /** an append-only trigger exists but does not fire (ALTER TABLE … DISABLE TRIGGER) */
        TRIGGER_DISABLED,
        /** an append-only trigger calls something that does not reject the change */
        TRIGGER_ALTERED,
        /** a seal's sequence number is not the next one (seals deleted in the middle) */
        SEQUENCE_GAP,
        /** a sealed event's row is gone */
        EVENT_MISSING,
        /** a seal does not point at its predecessor's hash */
        PREVIOUS_HASH_MISMATCH,
        /** a sealed event's stored columns no longer give its hash */
        EVENT_ALTERED,
        /** a seal names a key the platform does not have */
        UNKNOWN_KEY,
        /** a plain SHA-256 seal where only keyed seals may be (re-chained without the key) */
        UNKEYED_SEAL,
        /** the chain head row disagrees with the last seal */
        HEAD_MISMATCH,
        /** the chain is shorter than the last anchor (seals or events deleted from the end) */
        TRUNCATED,
        /** the seal at the last anchor's position is not the anchored one (the chain was rebuilt) */
        RECHAINED,
        /** a line of the anchor file is not one the platform wrote (MAC, order) */
        ANCHOR_ALTERED
    }

    /** One problem, at a chain position when it has one. */
    public record Finding(Problem problem, Long seq, String detail) {
        @Override
        public String toString() {
            return problem + (seq == null ? "" : " at #" + seq) + ": " + detail;
        }
    }
}
