package io.zhenwu.security;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disabling a user or changing their roles ends every one of their web sessions on the next request, and their
 * bearer tokens stop at once: over real HTTP, with two sessions of the same user.
 */
@ZhenwuTest
@Tag("db")
class SessionRevocationIT {

    private static final String PASSWORD = "Session#Pass2024";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    OrgUnits orgUnits;

    OrgUnit town;
    DataScope townScope;

    @BeforeEach
    void newTown() {
        town = TestOrgs.newTown(orgUnits);
        townScope = TestOrgs.scopeOf(town);
    }

    private UserAccount newUser(Set<Role> roles) {
        return users.createAsSystem("session-it" + NAMES.incrementAndGet(), "会话测试", town, roles, PASSWORD);
    }

    private HttpTestClient signedIn(UserAccount user) {
        var browser = new HttpTestClient(port, true);
        var login = browser.login(user.username(), PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/");
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        return browser;
    }

    private static void assertSentToLogin(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void disablingAUserEndsAllTheirSessionsAtOnce() {
        UserAccount clerk = newUser(EnumSet.of(Role.STAFF));
        var office = signedIn(clerk);
        var laptop = signedIn(clerk);

        users.update(townScope, clerk.id(), clerk.version(), null, null, null, false);

        assertSentToLogin(office.get("/account"));
        assertSentToLogin(laptop.get("/account"));
        assertSentToLogin(office.get("/account"));
        assertThat(office.login(clerk.username(), PASSWORD).headers().firstValue("Location").orElse(""))
                .as("a disabled user cannot sign in again").contains("/login?");
    }

    @Test
    void removingARoleEndsTheSessionsThatHeldIt() {
        UserAccount user = newUser(EnumSet.of(Role.STAFF, Role.ADMIN));
        var first = signedIn(user);
        var second = signedIn(user);
        assertThat(first.get("/admin/users").statusCode()).isEqualTo(200);

        users.update(townScope, user.id(), user.version(), null, null, EnumSet.of(Role.STAFF), null);

        assertSentToLogin(first.get("/admin/users"));
        assertSentToLogin(second.get("/account"));
        var again = signedIn(user);
        assertThat(again.get("/admin/users").statusCode()).as("signed in again, with the remaining role only").isEqualTo(403);
    }

    @Test
    void aChangeThatLeavesTheRightsAsTheyWereKeepsTheSession() {
        UserAccount user = newUser(EnumSet.of(Role.STAFF));
        var browser = signedIn(user);
        users.update(townScope, user.id(), user.version(), "会话测试（改名）", null, null, null);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledUsersBearerTokensStopAtOnce() {
        UserAccount user = newUser(EnumSet.of(Role.STAFF));
        var script = new HttpTestClient(port, false);
        var issued = script.basic("POST", "/api/v1/tokens", user.username(), PASSWORD, "{\"name\":\"script\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = issued.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        script.bearer(token);
        assertThat(script.get("/api/v1/tokens").statusCode()).isEqualTo(200);

        users.update(townScope, user.id(), user.version(), null, null, null, false);

        assertThat(script.get("/api/v1/tokens").statusCode()).isEqualTo(401);
    }
}
