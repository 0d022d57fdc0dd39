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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The audit trail. {@link #record} appends an event inside the writer's transaction (so it commits or rolls back
 * with the change, and writers never wait on each other); {@link #sealPending} then chains new events in batches
 * under a lock on the chain head, each seal an HMAC with the audit key, and anchors the head outside the database;
 * {@link #verify} checks triggers, every hash and the last anchor before it seals anything.
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
    private final AuditKeys keys;
    private final AuditAnchors anchors;
    private final AppendOnlyGuards guards;
    private final Duration anchorInterval;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicReference<Checkpoint> checkpoint = new AtomicReference<>();
    private final AtomicLong refusedAt = new AtomicLong(-1);

    AuditTrail(AuditRepository repository, CurrentActor currentActor, JsonMapper json, TransactionTemplate tx,
               AuditChainSecurity security, @Value("${zhenwu.audit.anchor-interval:PT1M}") Duration anchorInterval) {
        this.repository = repository;
        this.currentActor = currentActor;
        this.json = json;
        this.tx = tx;
        this.keys = security.keys();
        this.anchors = security.anchors();
        this.guards = security.guards();
        this.anchorInterval = anchorInterval;
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
     * late (their id taken before the last sealed one); anchors the head every {@code zhenwu.audit.anchor-interval}.
     * Scheduled, and safe to call from several processes.
     */
    @Scheduled(fixedDelayString = "${zhenwu.audit.seal-interval:PT2S}", initialDelayString = "${zhenwu.audit.seal-initial-delay:PT5S}")
    public void sealRecent() {
        seal(runs.incrementAndGet() % LOOK_BACK_EVERY == 0 ? LATE_COMMIT_WINDOW : 0);
        Checkpoint cp = checkpoint.get();
        if (cp != null && cp.anchoredAt().plus(anchorInterval).isBefore(Times.now()) && cp.seq() > cp.anchoredSeq()) {
            anchorNow();
        }
    }

    /** Seals every unsealed event, including any that committed long after their id was taken. */
    public long sealPending() {
        return seal(Long.MAX_VALUE);
    }

    /**
     * The last point of the chain this process knows to be genuine — the last anchor on file, or what it sealed or
     * checked itself since — and when it was last anchored. The sealer never extends a chain that no longer
     * contains it: a chain truncated or rebuilt under the sealer is left as found, for verify to report.
     */
    private record Checkpoint(long seq, String hash, long anchoredSeq, Instant anchoredAt) {
        Checkpoint advancedTo(long newSeq, String newHash) {
            return new Checkpoint(newSeq, newHash, anchoredSeq, anchoredAt);
        }
    }

    private Checkpoint checkpoint() {
        Checkpoint cp = checkpoint.get();
        if (cp == null) {
            AuditAnchor last = anchors.read().last();
            cp = last == null ? null : new Checkpoint(last.seq(), last.headHash(), last.seq(), last.at());
            checkpoint.compareAndSet(null, cp);
        }
        return checkpoint.get();
    }

    /** Whether the locked head still extends the chain through the checkpoint (logged once when it does not). */
    private boolean extendsCheckpoint(AuditRepository.Head head) {
        Checkpoint cp = checkpoint();
        boolean holds = cp == null || (head.lastSeq() >= cp.seq()
                && cp.hash().equals(cp.seq() == 0 ? AuditHashing.GENESIS : repository.sealHash(cp.seq()).orElse(null)));
        if (!holds && refusedAt.getAndSet(head.lastSeq()) != head.lastSeq()) {
            log.error("The audit chain no longer contains seal #{} as this platform sealed or anchored it: it was truncated "
                    + "or rebuilt in the database. Nothing is sealed until it is restored; run 'zhenwu audit verify'.", cp.seq());
        }
        return holds;
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
                if (!extendsCheckpoint(head)) {
                    return 0L;
                }
                long floor = after[0] >= 0 ? after[0] : Math.max(0, head.lastEventId() - lookBack);
                List<AuditRecord> batch = repository.unsealed(floor, BATCH);
                if (batch.isEmpty()) {
                    return 0L;
                }
                after[0] = batch.get(batch.size() - 1).id();
                List<AuditRepository.NewSeal> seals = new ArrayList<>(batch.size());
                long seq = head.lastSeq();
                String previous = head.lastHash();
                long maxEvent = head.lastEventId();
                String keyId = keys.currentId();
                for (AuditRecord record : batch) {
                    String hash = AuditHashing.keyedHash(keys, keyId, previous, record);
                    seals.add(new AuditRepository.NewSeal(++seq, record.id(), previous, hash, keyId));
                    previous = hash;
                    maxEvent = Math.max(maxEvent, record.id());
                }
                repository.insertSeals(seals);
                repository.moveHead(seq, previous, maxEvent);
                advanceCheckpoint(seq, previous);
                return (long) batch.size();
            });
            total += sealed == null ? 0 : sealed;
            if (sealed == null || sealed < BATCH) {
                return total;
            }
        }
    }

    private void advanceCheckpoint(long seq, String hash) {
        checkpoint.updateAndGet(cp -> cp == null ? new Checkpoint(seq, hash, 0, Instant.EPOCH)
                : cp.seq() < seq ? cp.advancedTo(seq, hash) : cp);
    }

    /**
     * Writes an anchor of the current head to the anchor file (when the head still extends this process's
     * checkpoint) and returns it; otherwise returns the last anchor on file. Printed on published reports.
     */
    public AuditAnchor anchorNow() {
        AuditRepository.Head head = repository.head();
        if (!extendsCheckpoint(head)) {
            return anchors.lastKnown();
        }
        return writeAnchor(head.lastSeq(), head.lastHash());
    }

    private AuditAnchor writeAnchor(long seq, String hash) {
        AuditAnchor previous = anchors.lastKnown();
        long plain = previous != null ? previous.plainSeals() : repository.countPlainSeals();
        AuditAnchor anchor = anchors.append(seq, hash, plain);
        checkpoint.updateAndGet(cp -> new Checkpoint(Math.max(seq, cp == null ? 0 : cp.seq()),
                cp == null || cp.seq() <= seq ? hash : cp.hash(), seq, anchor.at()));
        return anchor;
    }

    /**
     * Checks the trail BEFORE sealing anything: the append-only triggers, every seal's hash (keyed, or plain for the
     * pre-V24 prefix), the head row, and the chain against the last anchor on file (truncation, re-chaining). Only
     * when all of that holds are the pending events sealed and a new anchor written.
     */
    public ChainVerification verify() {
        AuditAnchors.Log anchorLog = anchors.read();
        List<ChainVerification.Finding> findings = new ArrayList<>(guards.check());
        findings.addAll(anchorLog.findings());
        var walk = new ChainWalk(keys, anchorLog.last());
        // under the head's lock, so that no sealer extends the chain between the walk and the head's read
        long pending = tx.execute(status -> {
            AuditRepository.Head head = repository.lockHead();
            repository.walkChain(walk);
            if (walk.firstBreak() != null) {
                findings.add(walk.firstBreak());
            }
            ChainVerification.Finding end = walk.endFinding(head);
            if (end != null) {
                findings.add(end);
            }
            return repository.countUnsealed();
        });
        if (!findings.isEmpty()) {
            findings.forEach(f -> log.warn("Audit verification: {}", f));
            ChainVerification.Finding first = findings.get(0);
            return new ChainVerification(walk.verified(), false, first.seq(), walk.firstBrokenEvent(), first.toString(), pending, 0,
                    List.copyOf(findings), anchorLog.last());
        }
        checkpoint.updateAndGet(cp -> cp == null || cp.seq() < walk.lastSeq()
                ? new Checkpoint(walk.lastSeq(), walk.lastHash(), cp == null ? 0 : cp.anchoredSeq(), cp == null ? Instant.EPOCH : cp.anchoredAt())
                : cp);
        long sealed = sealPending();
        AuditRepository.Head head = repository.head();
        AuditAnchor anchor = writeAnchor(head.lastSeq(), head.lastHash());
        return new ChainVerification(head.lastSeq(), true, null, null, null, repository.countUnsealed(), sealed, List.of(), anchor);
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
