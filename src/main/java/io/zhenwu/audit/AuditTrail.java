package io.zhenwu.audit;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.AuditableBatch;
import io.zhenwu.shared.AuditableEvent;
import io.zhenwu.shared.CurrentActor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Times;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The audit trail. {@link #record} appends an event inside the writer's transaction (so it commits or rolls back
 * with the change, and writers never wait on each other); {@link #sealPending} then chains new events in batches
 * under a lock on the chain head; {@link #verify} recomputes every hash.
 */
@Service
public class AuditTrail {

    public static final Set<String> SORTABLE = Set.of("id=e.id", "occurredAt=e.occurred_at", "action=e.action", "actor=e.actor");

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    /** How far back (in event ids) the periodic sealer looks for late commits; verify sweeps everything. */
    private static final long LATE_COMMIT_WINDOW = 100_000;
    /**
     * Every how many scheduled runs one also looks back over {@link #LATE_COMMIT_WINDOW} for late commits (30 s at the
     * default 2 s). The other runs start after the last sealed event: looking back means walking up to 100k sealed
     * events to find the rare late one, which under sustained writes cost more than the sealing itself.
     */
    static final int LOOK_BACK_EVERY = 15;
    private static final int BATCH = 1000;

    private final AuditRepository repository;
    private final CurrentActor currentActor;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();

    AuditTrail(AuditRepository repository, CurrentActor currentActor, JsonMapper json, TransactionTemplate tx) {
        this.repository = repository;
        this.currentActor = currentActor;
        this.json = json;
        this.tx = tx;
    }

    /** Appends one event; runs in the publisher's transaction (or its own if there is none). */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditableEvent event) {
        Optional<Actor> actor = currentActor.current();
        String actorName = event.actorOverride() != null ? event.actorOverride()
                : actor.map(Actor::username).orElse("system");
        Long actorOrg = event.actorOverride() != null ? event.actorOrgUnitOverride() : actor.map(Actor::orgUnitId).orElse(null);
        String scopePath = event.scopePath() != null ? event.scopePath() : actor.map(a -> a.scope().path()).orElse(null);
        repository.insert(Times.now(), truncate(actorName, 64), actorOrg, scopePath, event.action(), event.entityType(),
                event.entityId(), toJson(event.before()), toJson(event.after()), clientAddress());
    }

    /**
     * Appends many events with one batched insert, in the publisher's transaction: every record an import changed.
     * Each is recorded as {@link #record} would record it.
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(AuditableBatch batch) {
        Optional<Actor> actor = currentActor.current();
        var now = java.time.OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        String client = clientAddress();
        List<Object[]> rows = new ArrayList<>(batch.events().size());
        for (AuditableEvent event : batch.events()) {
            boolean overridden = event.actorOverride() != null;
            rows.add(new Object[]{now, truncate(overridden ? event.actorOverride() : actor.map(Actor::username).orElse("system"), 64),
                    overridden ? event.actorOrgUnitOverride() : actor.map(Actor::orgUnitId).orElse(null),
                    event.scopePath() != null ? event.scopePath() : actor.map(a -> a.scope().path()).orElse(null),
                    event.action(), event.entityType(), event.entityId(), toJson(event.before()), toJson(event.after()), client});
        }
        repository.insertAll(rows);
    }

    @Transactional(readOnly = true)
    public PageResult<AuditRecord> search(DataScope scope, boolean rootScope, String action, String actor, String entityType,
                                          String entityId, Instant from, Instant to, PageQuery page) {
        return repository.find(scope, rootScope, blankToNull(action), blankToNull(actor), blankToNull(entityType),
                blankToNull(entityId), from, to, page);
    }

    /**
     * Seals events written since the last run, and every {@value #LOOK_BACK_EVERY}th run also events that committed
     * late (their id taken before the last sealed one); scheduled, and safe to call from several processes.
     */
    @Scheduled(fixedDelayString = "${zhenwu.audit.seal-interval:PT2S}", initialDelayString = "PT5S")
    public void sealRecent() {
        seal(runs.incrementAndGet() % LOOK_BACK_EVERY == 0 ? LATE_COMMIT_WINDOW : 0);
    }

    /** Seals every unsealed event, including any that committed long after their id was taken. */
    public long sealPending() {
        return seal(Long.MAX_VALUE);
    }

    /** Seals in batches the unsealed events after the last sealed one, looking back {@code lookBack} ids before it. */
    private long seal(long lookBack) {
        long total = 0;
        // After the first batch, the next starts after the last event sealed: everything unsealed below it was in the
        // batch, so each batch reads only new ids instead of the whole trail from the look-back floor again.
        long[] after = {-1};
        while (true) {
            Long sealed = tx.execute(status -> {
                AuditRepository.Head head = repository.lockHead();
                long floor = after[0] >= 0 ? after[0] : Math.max(0, head.lastEventId() - lookBack);
                List<AuditRecord> batch = repository.unsealed(floor, BATCH);
                if (batch.isEmpty()) {
                    return 0L;
                }
                after[0] = batch.get(batch.size() - 1).id();
                List<Object[]> seals = new ArrayList<>(batch.size());
                long seq = head.lastSeq();
                String previous = head.lastHash();
                long maxEvent = head.lastEventId();
                for (AuditRecord record : batch) {
                    String hash = AuditHashing.hash(previous, record);
                    seals.add(new Object[]{++seq, record.id(), previous, hash});
                    previous = hash;
                    maxEvent = Math.max(maxEvent, record.id());
                }
                repository.insertSeals(seals);
                repository.moveHead(seq, previous, maxEvent);
                return (long) batch.size();
            });
            total += sealed == null ? 0 : sealed;
            if (sealed == null || sealed < BATCH) {
                return total;
            }
        }
    }

    /** Seals what is pending, then walks the whole chain recomputing every hash. */
    public ChainVerification verify() {
        sealPending();
        var count = new long[]{0};
        var expectedPrev = new AtomicReference<>(AuditHashing.GENESIS);
        var broken = new AtomicReference<ChainVerification>();
        repository.walkChain(row -> {
            if (broken.get() != null) {
                return;
            }
            count[0]++;
            String reason = null;
            if (row.seq() != count[0]) {
                reason = "sequence gap before " + row.seq();
            } else if (row.record() == null) {
                reason = "event " + row.eventId() + " is missing";
            } else if (!row.prevHash().equals(expectedPrev.get())) {
                reason = "previous hash does not match";
            } else if (!row.hash().equals(AuditHashing.hash(row.prevHash(), row.record()))) {
                reason = "event " + row.eventId() + " was altered";
            }
            if (reason != null) {
                broken.set(new ChainVerification(count[0] - 1, false, row.seq(), row.record() == null ? null : row.eventId(), reason, 0));
            }
            expectedPrev.set(row.hash());
        });
        long pending = repository.countUnsealed();
        if (broken.get() != null) {
            ChainVerification b = broken.get();
            return new ChainVerification(b.records(), false, b.firstBrokenSeq(), b.firstBrokenEvent(), b.reason(), pending);
        }
        var head = repository.head();
        if (head.lastSeq() != count[0] || !head.lastHash().equals(expectedPrev.get())) {
            log.warn("Audit chain head ({}) disagrees with the chain ({} seals)", head.lastSeq(), count[0]);
            return new ChainVerification(count[0], false, head.lastSeq(), null, "chain head does not match the last seal", pending);
        }
        return new ChainVerification(count[0], true, null, null, null, pending);
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : json.writeValueAsString(value);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return truncate(request.getRemoteAddr(), 64);
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
