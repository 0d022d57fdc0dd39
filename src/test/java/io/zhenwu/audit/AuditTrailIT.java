package io.zhenwu.audit;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.CurrentActor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.zhenwu.testsupport.TestOrgs.internalCode;
import static io.zhenwu.testsupport.TestOrgs.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ZhenwuTest
@Tag("db")
class AuditTrailIT {

    @Autowired
    AuditTrail auditTrail;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    CurrentActor currentActor;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    private final JsonMapper json = JsonMapper.builder().build();

    private List<Map<String, Object>> eventsOf(String entityType, long entityId) {
        return jdbc.queryForList("SELECT * FROM audit_event WHERE entity_type = ? AND entity_id = ? ORDER BY id",
                entityType, String.valueOf(entityId));
    }

    private static String s(Map<String, Object> row, String column) {
        Object v = row.get(column) != null ? row.get(column) : row.get(column.toUpperCase());
        return v == null ? null : v.toString();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    @WithUserDetails("leader")
    void writesAreAuditedWithActorActionEntityAndBeforeAndAfterState() {
        DataScope scope = currentActor.requireScope();
        OrgUnit xiashu = TestOrgs.byCode(orgUnits, TestOrgs.XIASHU);
        assertThat(scope).isEqualTo(scopeOf(xiashu));

        OrgUnit dept = orgUnits.create(scope, xiashu.id(), internalCode("aud"), "审计前", OrgUnitType.DEPARTMENT);
        OrgUnit renamed = orgUnits.update(scope, dept.id(), dept.version(), null, "审计后", null);

        List<Map<String, Object>> rows = eventsOf("org_unit", dept.id());
        assertThat(rows).hasSize(2);
        Map<String, Object> created = rows.get(0);
        Map<String, Object> updated = rows.get(1);
        assertThat(s(created, "action")).isEqualTo("org_unit.created");
        assertThat(s(updated, "action")).isEqualTo("org_unit.updated");
        for (Map<String, Object> row : rows) {
            assertThat(s(row, "actor")).isEqualTo("leader");
            assertThat(s(row, "actor_org_unit_id")).isEqualTo(String.valueOf(xiashu.id()));
            assertThat(s(row, "scope_path")).isEqualTo(dept.path());
            assertThat(s(row, "entity_type")).isEqualTo("org_unit");
            assertThat(s(row, "occurred_at")).isNotNull();
        }
        assertThat(s(created, "before_json")).isNull();
        JsonNode createdAfter = json.readTree(s(created, "after_json"));
        assertThat(createdAfter.get("name").asString()).isEqualTo("审计前");
        assertThat(createdAfter.get("code").asString()).isEqualTo(dept.code());
        assertThat(createdAfter.get("id").asLong()).isEqualTo(dept.id());

        JsonNode before = json.readTree(s(updated, "before_json"));
        JsonNode after = json.readTree(s(updated, "after_json"));
        assertThat(before.get("name").asString()).isEqualTo("审计前");
        assertThat(before.get("version").asLong()).isEqualTo(dept.version());
        assertThat(after.get("name").asString()).isEqualTo("审计后");
        assertThat(after.get("version").asLong()).isEqualTo(renamed.version());

        // the trail is searchable within the scope, and not from a scope that does not contain the unit
        var page = auditTrail.search(scope, false, null, null, "org_unit", String.valueOf(dept.id()), null, null,
                PageQuery.of(0, 20, "id", "e.id", AuditTrail.SORTABLE));
        assertThat(page.content()).extracting(AuditRecord::action).containsExactly("org_unit.created", "org_unit.updated");
        DataScope kongqing = scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.KONGQING));
        assertThat(auditTrail.search(kongqing, false, null, null, "org_unit", String.valueOf(dept.id()), null, null,
                PageQuery.of(0, 20, null, "e.id", AuditTrail.SORTABLE)).totalElements()).isZero();
    }

    @Test
    void writesWithoutAnAuthenticatedUserAreAuditedAsSystem() {
        OrgUnit town = TestOrgs.newTown(orgUnits);
        List<Map<String, Object>> rows = eventsOf("org_unit", town.id());
        assertThat(rows).hasSize(1);
        assertThat(s(rows.get(0), "actor")).isEqualTo("system");
        assertThat(s(rows.get(0), "actor_org_unit_id")).isNull();
        assertThat(s(rows.get(0), "scope_path")).isEqualTo(town.path());
    }

    @Test
    void aRolledBackWriteLeavesNoAuditEvent() {
        OrgUnit town = TestOrgs.newTown(orgUnits);
        String code = internalCode("rb");
        assertThrows(IllegalStateException.class, () -> tx.executeWithoutResult(status -> {
            orgUnits.create(scopeOf(town), town.id(), code, "回滚", OrgUnitType.DEPARTMENT);
            throw new IllegalStateException("roll back");
        }));
        assertThat(count("SELECT COUNT(*) FROM org_unit WHERE code = ?", code)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE after_json LIKE ?", "%" + code + "%")).isZero();
    }

    @Test
    void verifySealsEverythingAndReportsTheChainIntact() {
        TestOrgs.newTown(orgUnits);
        ChainVerification result = auditTrail.verify();
        assertThat(result.intact()).as(String.valueOf(result)).isTrue();
        assertThat(result.reason()).isNull();
        assertThat(result.firstBrokenSeq()).isNull();
        assertThat(result.pending()).isZero();
        assertThat(result.records()).isEqualTo(count("SELECT COUNT(*) FROM audit_event"));
        assertThat(count("SELECT COUNT(*) FROM audit_seal")).isEqualTo(result.records());
        assertThat(count("SELECT last_seq FROM audit_chain_head WHERE id = 1")).isEqualTo(result.records());
        assertThat(count("SELECT COUNT(*) FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)"))
                .isZero();
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** The page's verify button shows the anchor that verification wrote (issue 18), as the CLI prints it. */
    @Test
    void theAuditPageVerificationShowsTheNewAnchor() {
        TestOrgs.newTown(orgUnits);
        var auditor = new io.zhenwu.web.HttpTestClient(port, true);
        auditor.login("auditor", "Zhenwu@2023");
        var response = auditor.postForm("/admin/audit", "/admin/audit/verify", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsPattern("A1 \\S+ seq=[1-9]\\d* head=[0-9a-f]{64} plain=0 key=\\S+ mac=[0-9a-f]{64}");
    }

    @Test
    void theDatabaseRejectsUpdatesAndDeletesOfTheTrail() {
        TestOrgs.newTown(orgUnits);
        auditTrail.verify();
        long events = count("SELECT COUNT(*) FROM audit_event");
        long seals = count("SELECT COUNT(*) FROM audit_seal");
        assertThat(events).isPositive();
        assertThat(seals).isEqualTo(events);
        long anEvent = count("SELECT MIN(id) FROM audit_event");

        DataAccessException update = assertThrows(DataAccessException.class, () -> jdbc.update("UPDATE audit_event SET actor = 'x'"));
        assertThat(update.getMostSpecificCause().getMessage()).contains("append-only");
        assertThrows(DataAccessException.class, () -> jdbc.update("UPDATE audit_event SET after_json = NULL WHERE id = ?", anEvent));
        DataAccessException delete = assertThrows(DataAccessException.class, () -> jdbc.update("DELETE FROM audit_seal"));
        assertThat(delete.getMostSpecificCause().getMessage()).contains("append-only");
        assertThrows(DataAccessException.class, () -> jdbc.update("UPDATE audit_seal SET hash = prev_hash"));
        assertThrows(DataAccessException.class, () -> jdbc.update("DELETE FROM audit_event WHERE id = ?", anEvent));

        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE actor = 'x'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
        assertThat(count("SELECT COUNT(*) FROM audit_seal")).isEqualTo(seals);
        assertThat(count("SELECT COUNT(*) FROM audit_seal WHERE hash = prev_hash")).isZero();
        assertThat(auditTrail.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRejectsTruncatingTheTrail() {
        TestOrgs.newTown(orgUnits);
        auditTrail.verify();
        long events = count("SELECT COUNT(*) FROM audit_event");
        long seals = count("SELECT COUNT(*) FROM audit_seal");
        assertThat(seals).isPositive();
        assertThrows(DataAccessException.class, () -> jdbc.execute("TRUNCATE TABLE audit_seal"));
        assertThrows(DataAccessException.class, () -> jdbc.execute("TRUNCATE TABLE audit_event"));
        assertThat(count("SELECT COUNT(*) FROM audit_seal")).isEqualTo(seals);
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
        assertThat(auditTrail.verify().intact()).isTrue();
    }

    @Test
    void concurrentWritersInTheirOwnTransactionsAreAllSealedIntoOneIntactChain() throws Exception {
        OrgUnit town = TestOrgs.newTown(orgUnits);
        DataScope scope = scopeOf(town);
        int threads = 4;
        int transactionsPerThread = 5;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Callable<List<Long>> writer = () -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < transactionsPerThread; i++) {
                        // one transaction: a create and a rename, so two events commit together
                        ids.add(tx.execute(status -> {
                            OrgUnit d = orgUnits.create(scope, town.id(), internalCode("conc"), "并发", OrgUnitType.DEPARTMENT);
                            orgUnits.update(scope, d.id(), d.version(), null, "并发" + d.id(), null);
                            return d.id();
                        }));
                        auditTrail.sealPending();
                    }
                    return ids;
                };
                results.add(pool.submit(writer));
            }
            start.countDown();
            List<Long> created = new ArrayList<>();
            for (Future<List<Long>> f : results) {
                created.addAll(f.get(5, TimeUnit.MINUTES));
            }
            assertThat(created).hasSize(threads * transactionsPerThread).doesNotHaveDuplicates();

            ChainVerification result = auditTrail.verify();
            assertThat(result.intact()).as(String.valueOf(result)).isTrue();
            assertThat(result.pending()).isZero();
            assertThat(result.records()).isEqualTo(count("SELECT COUNT(*) FROM audit_event"));
            String ids = String.join(",", created.stream().map(String::valueOf).toList());
            assertThat(count("SELECT COUNT(*) FROM audit_event e JOIN audit_seal s ON s.event_id = e.id "
                    + "WHERE e.entity_type = 'org_unit' AND e.entity_id IN (" + created.stream().map(id -> "'" + id + "'")
                    .reduce((a, b) -> a + "," + b).orElseThrow() + ")")).as(ids).isEqualTo(2L * created.size());
            // seals form one gap-free sequence, each pointing at its predecessor's hash
            assertThat(count("SELECT COUNT(DISTINCT seq) FROM audit_seal")).isEqualTo(result.records());
            assertThat(count("SELECT MAX(seq) FROM audit_seal")).isEqualTo(result.records());
            assertThat(count("SELECT COUNT(*) FROM audit_seal s JOIN audit_seal p ON p.seq = s.seq - 1 WHERE s.prev_hash <> p.hash"))
                    .isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Appends a bare event in the current transaction and returns its id. */
    private long appendBareEvent(String marker) {
        jdbc.update("INSERT INTO audit_event (occurred_at, actor, action) VALUES (CURRENT_TIMESTAMP, 'test', ?)", marker);
        return count("SELECT id FROM audit_event WHERE action = ?", marker);
    }

    @Test
    void anEventThatCommitsAfterLaterOnesWereSealedIsSealedWithinOneLookBackCycle() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String tag = Long.toString(System.nanoTime(), 36);
        try {
            // A writer takes its event id, then commits only after a later event has been sealed.
            Future<Long> late = pool.submit(() -> tx.execute(status -> {
                long id = appendBareEvent("late-" + tag);
                written.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return id;
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            long onTime = tx.execute(status -> appendBareEvent("on-time-" + tag));
            auditTrail.sealRecent();
            assertThat(count("SELECT COUNT(*) FROM audit_seal WHERE event_id = ?", onTime)).isEqualTo(1);
            release.countDown();
            long lateId = late.get(30, TimeUnit.SECONDS);
            assertThat(lateId).isLessThan(onTime);

            int runs = 0;
            while (count("SELECT COUNT(*) FROM audit_seal WHERE event_id = ?", lateId) == 0 && runs < AuditTrail.LOOK_BACK_EVERY) {
                auditTrail.sealRecent();
                runs++;
            }
            assertThat(count("SELECT COUNT(*) FROM audit_seal WHERE event_id = ?", lateId))
                    .as("sealed after %d scheduled runs", runs).isEqualTo(1);
            assertThat(auditTrail.verify().intact()).isTrue();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aBacklogOfSeveralBatchesIsSealedWholeAndInIdOrder() {
        auditTrail.sealPending();
        String tag = Long.toString(System.nanoTime(), 36);
        // 2,500 events: two full batches of the sealer and part of a third, each batch starting after the last one
        tx.executeWithoutResult(status -> jdbc.batchUpdate(
                "INSERT INTO audit_event (occurred_at, actor, action) VALUES (CURRENT_TIMESTAMP, 'test', ?)",
                java.util.stream.IntStream.range(0, 2500).mapToObj(i -> new Object[]{"backlog-" + tag}).toList()));
        long sealed = auditTrail.sealPending();

        assertThat(sealed).isGreaterThanOrEqualTo(2500);
        assertThat(count("SELECT COUNT(*) FROM audit_event e JOIN audit_seal s ON s.event_id = e.id WHERE e.action = ?", "backlog-" + tag))
                .isEqualTo(2500);
        assertThat(count("SELECT COUNT(*) FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)"))
                .isZero();
        // the chain follows the ids: no later event sealed before an earlier one of the backlog
        assertThat(count("SELECT COUNT(*) FROM audit_seal a JOIN audit_seal b ON b.seq = a.seq + 1 "
                + "JOIN audit_event ea ON ea.id = a.event_id JOIN audit_event eb ON eb.id = b.event_id "
                + "WHERE ea.action = ? AND eb.action = ? AND b.event_id < a.event_id", "backlog-" + tag, "backlog-" + tag)).isZero();
        assertThat(auditTrail.verify().intact()).isTrue();
    }

    @Test
    void eventsAreSealedInTheBackgroundWithoutAnyoneCallingVerify() {
        OrgUnit town = TestOrgs.newTown(orgUnits);
        long eventId = count("SELECT MAX(id) FROM audit_event WHERE entity_type = 'org_unit' AND entity_id = ?", String.valueOf(town.id()));
        // the sealer is scheduled (zhenwu.audit.seal-interval, 2 s after a 5 s initial delay); a generous bound
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT COUNT(*) FROM audit_seal WHERE event_id = ?", eventId) == 1);
    }
}
