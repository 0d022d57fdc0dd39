package io.zhenwu.audit;

/**
 * Result of walking the chain: how many sealed records, whether every hash matched, and where it first broke.
 *
 * @param firstBrokenSeq   chain position of the first mismatch, or null when intact
 * @param firstBrokenEvent the event id at that position (null if the event row itself is missing)
 * @param pending          events not yet sealed (written in the last moments, sealed within seconds)
 */
public record ChainVerification(long records, boolean intact, Long firstBrokenSeq, Long firstBrokenEvent, String reason,
                                long pending) {
}
