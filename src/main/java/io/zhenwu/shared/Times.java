package io.zhenwu.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Time conventions: the town's clock is Asia/Shanghai; stored instants carry microseconds (what both databases keep). */
public final class Times {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
