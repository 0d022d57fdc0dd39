package io.zhenwu.cases;

import java.time.Instant;
import java.util.Map;

/** One step of a case's 办理过程: who fired which transition when, from → to, with the fields it recorded. */
public record TimelineEntry(int seq, String transition, String fromState, String toState, String actor, Instant occurredAt,
                            Map<String, String> fields, String comment) {
}
