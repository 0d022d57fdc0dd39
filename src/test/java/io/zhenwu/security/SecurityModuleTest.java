package io.zhenwu.security;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.SecurityEvents.ApiTokenCreated;
import io.zhenwu.security.SecurityEvents.ApiTokenRevoked;
import io.zhenwu.security.SecurityEvents.UserCreated;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.ZhenwuProfiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The security module with the org module it depends on (and the shared kernel), without audit, demo or web:
 * accounts and personal API tokens publish their events, and a token's secret is never stored or published.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles(resolver = ZhenwuProfiles.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:zhenwu-security-module;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "zhenwu.demo.enabled=false"})
class SecurityModuleTest {

    private static final AtomicInteger N = new AtomicInteger(410);

    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    JdbcTemplate jdbc;

    private OrgUnit newCounty() {
        int n = N.getAndIncrement();
        return orgUnits.createAsSystem(null, "3" + n + "00", "测试市" + n, OrgUnitType.PREFECTURE, false);
    }

    private Actor actor(UserAccount user, OrgUnit org) {
        return new Actor(user.id(), user.username(), new DataScope(org.id(), org.path()), user.roles());
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void creatingAUserPublishesUserCreatedScopedToItsUnit(AssertablePublishedEvents events) {
        OrgUnit org = newCounty();
        UserAccount user = users.createAsSystem("sec-admin" + org.id(), "管理员", org, Set.of(Role.ADMIN), "Zhenwu@2023");
        assertThat(events).contains(UserCreated.class)
                .matching(e -> e.after().equals(user))
                .matching(UserCreated::scopePath, org.path())
                .matching(UserCreated::action, "user.created");
    }

    @Test
    void apiTokensAreStoredAsHashesOnlyAndRevocableByTheirOwner(AssertablePublishedEvents events) throws Exception {
        OrgUnit org = newCounty();
        OrgUnit other = newCounty();
        UserAccount owner = users.createAsSystem("sec-owner" + org.id(), "令牌用户", org, Set.of(Role.STAFF), "Zhenwu@2023");
        UserAccount stranger = users.createAsSystem("sec-other" + other.id(), "他人", other, Set.of(Role.ADMIN), "Zhenwu@2023");

        ApiTokens.NewToken token = tokens.create(actor(owner, org), " ci ");
        assertThat(token.token()).startsWith("zw_").hasSizeGreaterThan(40);
        assertThat(token.name()).isEqualTo("ci");
        assertThat(jdbc.queryForObject("SELECT token_hash FROM api_token WHERE id = ?", String.class, token.id()))
                .isEqualTo(sha256(token.token()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE token_hash = ? OR token_prefix = ? OR name = ?",
                Long.class, token.token(), token.token(), token.token())).isZero();
        assertThat(events).contains(ApiTokenCreated.class)
                .matching(e -> e.tokenId() == token.id())
                .matching(e -> !e.after().toString().contains(token.token().substring(10)));

        assertThat(tokens.authenticate(token.token())).contains(owner.id());
        assertThat(tokens.authenticate(token.token() + "x")).isEmpty();
        assertThat(tokens.authenticate("Bearer " + token.token())).isEmpty();
        assertThat(tokens.list(actor(owner, org))).singleElement()
                .satisfies(info -> {
                    assertThat(info.prefix()).isEqualTo(token.token().substring(0, 10));
                    assertThat(info.lastUsedAt()).isNotNull();
                    assertThat(info.revokedAt()).isNull();
                });

        // another user, in a scope that does not contain the owner, cannot revoke it
        assertThrows(NotFoundException.class, () -> tokens.revoke(actor(stranger, other), token.id()));
        assertThat(tokens.authenticate(token.token())).contains(owner.id());

        tokens.revoke(actor(owner, org), token.id());
        assertThat(events).contains(ApiTokenRevoked.class).matching(e -> e.tokenId() == token.id());
        assertThat(tokens.authenticate(token.token())).isEmpty();
        assertThrows(NotFoundException.class, () -> tokens.revoke(actor(owner, org), token.id()));
    }
}
