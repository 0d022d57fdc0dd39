package io.zhenwu.audit;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.AuditableEvent;
import io.zhenwu.shared.CurrentActor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.ZhenwuProfiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.when;

/**
 * The audit module on its own: it records any {@link AuditableEvent} (whichever module publishes it) with the actor
 * that {@link CurrentActor} reports, inside the publisher's transaction, and chains what it records. The actor
 * comes from a mock, since the security module is not part of this context; the database is private to it.
 */
@ApplicationModuleTest
@ActiveProfiles(resolver = ZhenwuProfiles.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:zhenwu-audit-module;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "zhenwu.demo.enabled=false"})
class AuditModuleTest {

    @MockitoBean
    CurrentActor currentActor;

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    record SomethingHappened(String id, Map<String, Object> state) implements AuditableEvent {
        public String action() { return "thing.happened"; }
        public String entityType() { return "thing"; }
        public String entityId() { return id; }
        public Object after() { return state; }
        public String scopePath() { return "/7/8/"; }
    }

    record LoginOfUnknownUser(String id) implements AuditableEvent {
        public String action() { return "user.login_failed"; }
        public String entityType() { return "user"; }
        public String entityId() { return id; }
        public String actorOverride() { return "mallory"; }
    }

    private Map<String, Object> row(String entityType, String id) {
        return jdbc.queryForMap("SELECT * FROM audit_event WHERE entity_type = ? AND entity_id = ?", entityType, id);
    }

    @Test
    void recordsAnyAuditableEventWithTheCurrentActor() {
        when(currentActor.current()).thenReturn(Optional.of(
                new Actor(42, "inspector", new DataScope(9, "/1/9/"), Set.of(Role.INSPECTOR))));
        tx.executeWithoutResult(s -> events.publishEvent(new SomethingHappened("a1", Map.of("k", "v"))));

        Map<String, Object> row = row("thing", "a1");
        assertThat(row.get("actor")).isEqualTo("inspector");
        assertThat(((Number) row.get("actor_org_unit_id")).longValue()).isEqualTo(9L);
        assertThat(row.get("scope_path")).isEqualTo("/7/8/");
        assertThat(row.get("action")).isEqualTo("thing.happened");
        assertThat(row.get("before_json")).isNull();
        assertThat(row.get("after_json")).isEqualTo("{\"k\":\"v\"}");
    }

    @Test
    void anOverrideNamesTheActorAndAnEventWithoutScopeTakesTheActorsOrNone() {
        when(currentActor.current()).thenReturn(Optional.empty());
        events.publishEvent(new LoginOfUnknownUser("u1"));
        Map<String, Object> row = row("user", "u1");
        assertThat(row.get("actor")).isEqualTo("mallory");
        assertThat(row.get("actor_org_unit_id")).isNull();
        assertThat(row.get("scope_path")).isNull();
    }

    @Test
    void anEventPublishedInARolledBackTransactionIsNotRecorded() {
        when(currentActor.current()).thenReturn(Optional.empty());
        assertThrows(IllegalStateException.class, () -> tx.executeWithoutResult(s -> {
            events.publishEvent(new SomethingHappened("rolled-back", Map.of()));
            throw new IllegalStateException("roll back");
        }));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_id = 'rolled-back'", Long.class)).isZero();
    }

    @Test
    void verifyChainsEverythingRecorded() {
        when(currentActor.current()).thenReturn(Optional.empty());
        for (int i = 0; i < 3; i++) {
            events.publishEvent(new SomethingHappened("v" + i, Map.of("i", i)));
        }
        ChainVerification result = auditTrail.verify();
        assertThat(result.intact()).as(String.valueOf(result)).isTrue();
        assertThat(result.pending()).isZero();
        assertThat(result.records()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isGreaterThanOrEqualTo(3);
    }
}
