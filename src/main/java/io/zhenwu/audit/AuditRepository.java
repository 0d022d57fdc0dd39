package io.zhenwu.audit;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The audit tables: inserts only, plus reads; nothing here updates or deletes an event or a seal. */
@Repository
class AuditRepository {

    private static final String COLUMNS = "e.id, e.occurred_at, e.actor, e.actor_org_unit_id, e.scope_path, e.action, "
            + "e.entity_type, e.entity_id, e.before_json, e.after_json, e.client_address";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Unscoped("appending to the trail is allowed for every writer; reading it is scoped")
    void insert(Instant occurredAt, String actor, Long actorOrgUnitId, String scopePath, String action, String entityType,
                String entityId, String beforeJson, String afterJson, String clientAddress) {
        jdbc.sql("INSERT INTO audit_event (occurred_at, actor, actor_org_unit_id, scope_path, action, entity_type, entity_id, "
                        + "before_json, after_json, client_address) VALUES (:at, :actor, :org, :scope, :action, :type, :id, :before, :after, :client)")
                .param("at", OffsetDateTime.ofInstant(occurredAt, Times.ZONE)).param("actor", actor).param("org", actorOrgUnitId)
                .param("scope", scopePath).param("action", action).param("type", entityType).param("id", entityId)
                .param("before", beforeJson).param("after", afterJson).param("client", clientAddress)
                .update();
    }

    /**
     * Many events in one batch, each as {occurred at, actor, actor's org unit id, scope path, action, entity type,
     * entity id, before JSON, after JSON, client address}.
     */
    @Unscoped("appending to the trail is allowed for every writer; reading it is scoped")
    void insertAll(List<Object[]> events) {
        if (!events.isEmpty()) {
            batch.batchUpdate("INSERT INTO audit_event (occurred_at, actor, actor_org_unit_id, scope_path, action, entity_type, "
                    + "entity_id, before_json, after_json, client_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events);
        }
    }

    /** Events in the scope; those with no org unit (e.g. a failed login of an unknown name) only for root scopes. */
    PageResult<AuditRecord> find(DataScope scope, boolean rootScope, String action, String actor, String entityType,
                                 String entityId, Instant from, Instant to, PageQuery page) {
        String where = " WHERE (e.scope_path LIKE :scope" + (rootScope ? " OR e.scope_path IS NULL)" : ")")
                + (action != null ? " AND e.action = :action" : "")
                + (actor != null ? " AND e.actor = :actor" : "")
                + (entityType != null ? " AND e.entity_type = :type" : "")
                + (entityId != null ? " AND e.entity_id = :entityId" : "")
                + (from != null ? " AND e.occurred_at >= :from" : "")
                + (to != null ? " AND e.occurred_at < :to" : "");
        var count = jdbc.sql("SELECT COUNT(*) FROM audit_event e" + where);
        var select = jdbc.sql("SELECT " + COLUMNS + " FROM audit_event e" + where + " ORDER BY " + page.orderBy()
                + " LIMIT :limit OFFSET :offset");
        for (var spec : List.of(count, select)) {
            spec.param("scope", scope.likePattern());
            if (action != null) spec.param("action", action);
            if (actor != null) spec.param("actor", actor);
            if (entityType != null) spec.param("type", entityType);
            if (entityId != null) spec.param("entityId", entityId);
            if (from != null) spec.param("from", OffsetDateTime.ofInstant(from, Times.ZONE));
            if (to != null) spec.param("to", OffsetDateTime.ofInstant(to, Times.ZONE));
        }
        long total = count.query(Long.class).single();
        return new PageResult<>(select.param("limit", page.size()).param("offset", page.offset())
                .query(AuditRepository::map).list(), page.page(), page.size(), total);
    }

    record Head(long lastSeq, String lastHash, long lastEventId) {
    }

    /** Locks the chain head so that only one sealer (app or CLI) extends the chain at a time. */
    @Unscoped("the chain spans the whole trail")
    Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash, last_event_id FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
    }

    @Unscoped("the chain spans the whole trail")
    List<AuditRecord> unsealed(long afterId, int limit) {
        // The bound is repeated on the seals: without it PostgreSQL's anti-join reads the seal index from the start,
        // all of the trail on every run of the sealer, instead of the ids after the last sealed one.
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event e WHERE e.id > :after "
                        + "AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id AND s.event_id > :after) "
                        + "ORDER BY e.id LIMIT :limit")
                .param("after", afterId).param("limit", limit)
                .query(AuditRepository::map).list();
    }

    /** A new seal: its place in the chain, the event, the previous hash, its hash and the key that made it. */
    record NewSeal(long seq, long eventId, String prevHash, String hash, String keyId) {
    }

    @Unscoped("the chain spans the whole trail")
    void insertSeals(List<NewSeal> seals) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        batch.batchUpdate("INSERT INTO audit_seal (seq, event_id, prev_hash, hash, key_id, sealed_at) VALUES (?, ?, ?, ?, ?, ?)",
                seals.stream().map(s -> new Object[]{s.seq(), s.eventId(), s.prevHash(), s.hash(), s.keyId(), now}).toList());
    }

    /** The hash of the seal at a chain position, if there is one. */
    @Unscoped("the chain spans the whole trail")
    Optional<String> sealHash(long seq) {
        return jdbc.sql("SELECT hash FROM audit_seal WHERE seq = :seq").param("seq", seq).query(String.class).optional();
    }

    /** Seals made before keyed chaining (plain SHA-256, no key id). */
    @Unscoped("the chain spans the whole trail")
    long countPlainSeals() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_seal WHERE key_id IS NULL").query(Long.class).single();
    }

    @Unscoped("the chain spans the whole trail")
    void moveHead(long seq, String hash, long lastEventId) {
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash, "
                        + "last_event_id = CASE WHEN last_event_id > :event THEN last_event_id ELSE :event END WHERE id = 1")
                .param("seq", seq).param("hash", hash).param("event", lastEventId).update();
    }

    /** Streams the chain in order with each seal's event (null columns where the event row is missing). */
    @Unscoped("verification reads the whole chain")
    void walkChain(Consumer<SealedRow> consumer) {
        jdbc.sql("SELECT s.seq, s.event_id AS sealed_event, s.prev_hash, s.hash, s.key_id, " + COLUMNS
                        + " FROM audit_seal s LEFT JOIN audit_event e ON e.id = s.event_id ORDER BY s.seq")
                .query((ResultSet rs) -> {
                    rs.getLong("id");
                    AuditRecord record = rs.wasNull() ? null : map(rs, 0);
                    consumer.accept(new SealedRow(rs.getLong("seq"), rs.getLong("sealed_event"), rs.getString("prev_hash"),
                            rs.getString("hash"), rs.getString("key_id"), record));
                });
    }

    @Unscoped("verification reads the whole chain")
    long countUnsealed() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)")
                .query(Long.class).single();
    }

    @Unscoped("verification reads the whole chain")
    Head head() {
        return jdbc.sql("SELECT last_seq, last_hash, last_event_id FROM audit_chain_head WHERE id = 1")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
    }

    /** A seal as stored; {@code keyId} null for a plain SHA-256 seal from before keyed chaining. */
    record SealedRow(long seq, long eventId, String prevHash, String hash, String keyId, AuditRecord record) {
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        long org = rs.getLong("actor_org_unit_id");
        Long actorOrg = rs.wasNull() ? null : org;
        return new AuditRecord(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), actorOrg, rs.getString("scope_path"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before_json"),
                rs.getString("after_json"), rs.getString("client_address"));
    }
}
