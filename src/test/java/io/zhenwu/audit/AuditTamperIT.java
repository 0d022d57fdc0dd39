package io.zhenwu.audit;

import io.zhenwu.audit.ChainVerification.Finding;
import io.zhenwu.audit.ChainVerification.Problem;
import io.zhenwu.shared.CurrentActor;
import io.zhenwu.testsupport.ZhenwuProfiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault tests (issue 18): each tamper a user of the database can do with plain SQL — drop or disable the append-only
 * triggers, alter a record, delete the seals from it on and reset the head, truncate the tail, re-chain with plain
 * SHA-256 or a key of their own — and that {@code audit verify} detects it, names it, and seals nothing on top.
 * A context of its own per test (a fresh schema, a fresh anchor file): every test breaks the trail on purpose.
 */
@ApplicationModuleTest
@ActiveProfiles(resolver = ZhenwuProfiles.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@Tag("db")
class AuditTamperIT {

    private static final Path DIR = tempDir();

    @DynamicPropertySource
    static void ownDatabaseAndAnchorFile(DynamicPropertyRegistry registry) {
        if (ZhenwuProfiles.postgres()) {
            registry.add("spring.datasource.url", () -> System.getenv("ZHENWU_TEST_PG_URL")
                    + (System.getenv("ZHENWU_TEST_PG_URL").contains("?") ? "&" : "?") + "currentSchema=audit_tamper");
            registry.add("spring.flyway.schemas", () -> "audit_tamper");
        } else {
            registry.add("spring.datasource.url",
                    () -> "jdbc:h2:mem:zhenwu-audit-tamper;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        registry.add("spring.flyway.clean-disabled", () -> "false");
        registry.add("zhenwu.demo.enabled", () -> "false");
        registry.add("zhenwu.audit.seal-initial-delay", () -> "PT1H");
        registry.add("zhenwu.audit.key-file", () -> DIR.resolve("audit.key").toString());
        registry.add("zhenwu.audit.anchor-file", () -> DIR.resolve("anchors-${random.uuid}.log").toString());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("zhenwu-audit-tamper");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every context starts from an empty trail: the schema is cleaned and migrated again. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FreshSchema {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }

    @MockitoBean
    CurrentActor currentActor;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditRepository repository;
    @Autowired
    AuditAnchors anchors;

    private final boolean postgres = ZhenwuProfiles.postgres();

    /** Ten events, sealed and anchored by a verification: the state every tamper starts from. */
    @BeforeEach
    void anIntactAnchoredTrail(TestInfo test) {
        if (test.getTestMethod().orElseThrow().getName().startsWith("plainSeals")) {
            return;
        }
        for (int i = 1; i <= 10; i++) {
            appendEvent("{\"amount\":" + i + "}");
        }
        ChainVerification result = auditTrail.verify();
        assertThat(result.intact()).as(String.valueOf(result)).isTrue();
        assertThat(result.records()).isEqualTo(10);
        assertThat(result.sealedNow()).isEqualTo(10);
        assertThat(result.anchor().seq()).isEqualTo(10);
    }

    private void appendEvent(String after) {
        jdbc.update("INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, after_json) "
                + "VALUES (CURRENT_TIMESTAMP, 'clerk', 'thing.updated', 'thing', '1', ?)", after);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private long eventAt(long seq) {
        return count("SELECT event_id FROM audit_seal WHERE seq = ?", seq);
    }

    // --- what the database user does -----------------------------------------------------------------------------

    private void dropRowTriggers() {
        jdbc.execute(postgres ? "DROP TRIGGER audit_event_append_only ON audit_event" : "DROP TRIGGER audit_event_append_only");
        jdbc.execute(postgres ? "DROP TRIGGER audit_seal_append_only ON audit_seal" : "DROP TRIGGER audit_seal_append_only");
    }

    /** Puts the triggers back as the migration made them, so that only the chain can tell. */
    private void recreateRowTriggers() {
        for (String table : List.of("audit_event", "audit_seal")) {
            jdbc.execute(postgres
                    ? "CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION zhenwu_audit_append_only()"
                    : "CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
                    + " FOR EACH ROW CALL 'io.zhenwu.audit.AppendOnlyTrigger'");
        }
    }

    private void deleteSealsFrom(long seq) {
        jdbc.update("DELETE FROM audit_seal WHERE seq >= ?", seq);
    }

    /** With the triggers dropped: changes the event sealed at {@code seq} and deletes the seals from it on. */
    private long alterEventAndDeleteSealsFrom(long seq) {
        long event = eventAt(seq);
        dropRowTriggers();
        jdbc.update("UPDATE audit_event SET after_json = '{\"amount\":-1}' WHERE id = ?", event);
        deleteSealsFrom(seq);
        return event;
    }

    /** Points the head at the last remaining seal, as the sealer would have left it. */
    private void resetHeadToLastSeal() {
        Map<String, Object> last = jdbc.queryForMap("SELECT seq, hash, event_id FROM audit_seal WHERE seq = (SELECT MAX(seq) FROM audit_seal)");
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, last_event_id = ? WHERE id = 1",
                last.get("seq"), last.get("hash"), last.get("event_id"));
    }

    private ChainVerification verifyDetects(Problem problem) {
        long seals = count("SELECT COUNT(*) FROM audit_seal");
        ChainVerification result = auditTrail.verify();
        assertThat(result.intact()).as(String.valueOf(result)).isFalse();
        assertThat(result.findings()).as(String.valueOf(result)).extracting(Finding::problem).contains(problem);
        assertThat(result.reason()).isNotBlank();
        assertThat(result.sealedNow()).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_seal")).as("verify sealed on top of a tampered trail").isEqualTo(seals);
        return result;
    }

    // --- the scenarios ---------------------------------------------------------------------------------------------

    @Test
    void droppedTriggersAreReported() {
        dropRowTriggers();
        ChainVerification result = verifyDetects(Problem.TRIGGER_MISSING);
        assertThat(result.findings()).extracting(Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("audit_event_append_only"))
                .anySatisfy(d -> assertThat(d).contains("audit_seal_append_only"));
    }

    @Test
    void disabledTriggersAreReported() {
        if (postgres) {
            jdbc.execute("ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_append_only");
            ChainVerification result = verifyDetects(Problem.TRIGGER_DISABLED);
            assertThat(result.reason()).contains("audit_seal_append_only");
            jdbc.execute("ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_append_only");
            jdbc.execute("ALTER TABLE audit_event DISABLE TRIGGER ALL");
            assertThat(verifyDetects(Problem.TRIGGER_DISABLED).reason()).contains("audit_event_append_only");
        } else {
            // H2 cannot disable a trigger; what it can switch off is the foreign key that makes it refuse TRUNCATE
            jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
            try {
                assertThat(verifyDetects(Problem.TRIGGER_DISABLED).reason()).contains("REFERENTIAL_INTEGRITY");
            } finally {
                jdbc.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
        }
    }

    @Test
    void aTriggerReplacedByOneThatAcceptsTheChangeIsReported() {
        if (postgres) {
            jdbc.execute("CREATE OR REPLACE FUNCTION zhenwu_audit_append_only() RETURNS trigger AS $$ BEGIN RETURN OLD; END; $$ LANGUAGE plpgsql");
        } else {
            jdbc.execute("DROP TRIGGER audit_seal_append_only");
            jdbc.execute("CREATE TRIGGER audit_seal_append_only BEFORE UPDATE, DELETE ON audit_seal FOR EACH ROW "
                    + "CALL '" + AuditTamperIT.class.getName() + "$AcceptEverything'");
        }
        verifyDetects(Problem.TRIGGER_ALTERED);
    }

    /** An H2 trigger that lets every change through. */
    public static class AcceptEverything implements org.h2.api.Trigger {
        @Override
        public void fire(java.sql.Connection conn, Object[] oldRow, Object[] newRow) {
        }
    }

    @Test
    void anAlteredRecordIsNamed() {
        long event = eventAt(4);
        dropRowTriggers();
        jdbc.update("UPDATE audit_event SET after_json = '{\"amount\":400}' WHERE id = ?", event);
        recreateRowTriggers();

        ChainVerification result = verifyDetects(Problem.EVENT_ALTERED);
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
        assertThat(result.firstBrokenEvent()).isEqualTo(event);
        assertThat(result.records()).isEqualTo(3);
    }

    /** The scenario: alter a record, delete the seals from it on, reset the head; verify used to re-seal it. */
    @Test
    void anAlteredRecordWhoseSealsWereDeletedAndHeadResetIsNotResealed() {
        long event = alterEventAndDeleteSealsFrom(6);
        resetHeadToLastSeal();
        recreateRowTriggers();

        ChainVerification result = verifyDetects(Problem.TRUNCATED);
        assertThat(result.pending()).isEqualTo(5);
        assertThat(result.reason()).contains("#5").contains("#10");
        // the sealer does not extend the cut chain either, so the altered record never gets a valid seal
        assertThat(auditTrail.sealPending()).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_seal WHERE event_id = ?", event)).isZero();
        verifyDetects(Problem.TRUNCATED);
    }

    @Test
    void theChainHeadResetIsNamed() {
        Map<String, Object> previous = jdbc.queryForMap("SELECT seq, hash, event_id FROM audit_seal WHERE seq = 9");
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, last_event_id = ? WHERE id = 1",
                previous.get("seq"), previous.get("hash"), previous.get("event_id"));
        assertThat(verifyDetects(Problem.HEAD_MISMATCH).findings()).extracting(Finding::problem).containsExactly(Problem.HEAD_MISMATCH);
    }

    @Test
    void aTruncatedTailIsDetectedAgainstTheLastAnchor() {
        List<Long> tail = jdbc.queryForList("SELECT event_id FROM audit_seal WHERE seq >= 8", Long.class);
        dropRowTriggers();
        deleteSealsFrom(8);
        tail.forEach(id -> jdbc.update("DELETE FROM audit_event WHERE id = ?", id));
        resetHeadToLastSeal();
        recreateRowTriggers();

        ChainVerification result = verifyDetects(Problem.TRUNCATED);
        assertThat(result.pending()).isZero();
        assertThat(result.records()).isEqualTo(7);
        assertThat(result.anchor().seq()).isEqualTo(10);
    }

    @Test
    void reChainingWithThePlainSha256OfOldIsNamed() {
        alterEventAndDeleteSealsFrom(3);
        rechainFrom(3, AuditHashing::hash, null);
        recreateRowTriggers();

        ChainVerification result = verifyDetects(Problem.UNKEYED_SEAL);
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.findings()).extracting(Finding::problem).contains(Problem.RECHAINED);
    }

    @Test
    void reChainingWithAKeyOfTheirOwnUnderTheRealKeyIdIsNamed() {
        String keyId = jdbc.queryForObject("SELECT key_id FROM audit_seal WHERE seq = 3", String.class);
        AuditKeys forged = new AuditKeys("x=" + java.util.Base64.getEncoder().encodeToString(new byte[32]), DIR.resolve("unused"));
        alterEventAndDeleteSealsFrom(3);
        rechainFrom(3, (prev, record) -> AuditHashing.keyedHash(forged, "x", prev, record), keyId);
        recreateRowTriggers();

        ChainVerification result = verifyDetects(Problem.EVENT_ALTERED);
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.findings()).extracting(Finding::problem).contains(Problem.RECHAINED);
    }

    /** Seals every unsealed event, from chain position {@code seq} on, with the attacker's hash, and moves the head. */
    private void rechainFrom(long seq, BiFunction<String, AuditRecord, String> hashing, String keyId) {
        String previous = seq == 1 ? AuditHashing.GENESIS : jdbc.queryForObject("SELECT hash FROM audit_seal WHERE seq = ?", String.class, seq - 1);
        for (AuditRecord record : repository.unsealed(0, 1000)) {
            String hash = hashing.apply(previous, record);
            jdbc.update("INSERT INTO audit_seal (seq, event_id, prev_hash, hash, key_id, sealed_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
                    seq++, record.id(), previous, hash, keyId);
            previous = hash;
        }
        resetHeadToLastSeal();
    }

    /** Seals before V24 are plain SHA-256 without a key id: they still verify, as the chain's prefix only. */
    @Test
    void plainSealsFromBeforeKeyedChainingStillVerifyAsThePrefixOnly() throws IOException {
        for (int i = 1; i <= 5; i++) {
            appendEvent("{\"legacy\":" + i + "}");
        }
        rechainFrom(1, AuditHashing::hash, null);   // what the sealer before V24 wrote
        ChainVerification upgraded = auditTrail.verify();
        assertThat(upgraded.intact()).as(String.valueOf(upgraded)).isTrue();
        assertThat(upgraded.records()).isEqualTo(5);
        assertThat(upgraded.anchor().plainSeals()).isEqualTo(5);

        appendEvent("{\"keyed\":6}");
        appendEvent("{\"keyed\":7}");
        ChainVerification keyed = auditTrail.verify();
        assertThat(keyed.intact()).as(String.valueOf(keyed)).isTrue();
        assertThat(keyed.sealedNow()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM audit_seal WHERE key_id IS NULL")).isEqualTo(5);
        assertThat(keyed.anchor().plainSeals()).isEqualTo(5);

        // a plain seal after the keyed ones is someone sealing without the key
        appendEvent("{\"forged\":8}");
        rechainFrom(8, AuditHashing::hash, null);
        assertThat(verifyDetects(Problem.UNKEYED_SEAL).firstBrokenSeq()).isEqualTo(8);
    }

    @Test
    void anAlteredAnchorLineIsNamed() throws IOException {
        String text = Files.readString(anchors.file(), StandardCharsets.US_ASCII);
        Files.writeString(anchors.file(), text.replace("seq=10 ", "seq=11 "), StandardCharsets.US_ASCII);
        verifyDetects(Problem.ANCHOR_ALTERED);
    }

    @Test
    void anIntactTrailReportsWhatWasPendingThenSealsAndAnchorsIt() throws IOException {
        appendEvent("{\"amount\":11}");
        appendEvent("{\"amount\":12}");
        ChainVerification result = auditTrail.verify();
        assertThat(result.intact()).as(String.valueOf(result)).isTrue();
        assertThat(result.findings()).isEmpty();
        assertThat(result.sealedNow()).isEqualTo(2);
        assertThat(result.pending()).isZero();
        assertThat(result.records()).isEqualTo(12);
        assertThat(result.anchor().seq()).isEqualTo(12);
        assertThat(result.anchor().headHash()).isEqualTo(jdbc.queryForObject("SELECT hash FROM audit_seal WHERE seq = 12", String.class));
        assertThat(Files.readAllLines(anchors.file())).last().isEqualTo(result.anchor().line());
        assertThat(count("SELECT COUNT(*) FROM audit_seal WHERE key_id IS NULL")).isZero();
    }
}
