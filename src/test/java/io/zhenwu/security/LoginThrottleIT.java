package io.zhenwu.security;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Login throttling per user name and client address, over real HTTP from two client addresses (127.0.0.1 and ::1):
 * the answer and its timing do not tell whether an account exists, a stranger's failures do not lock the owner out
 * from elsewhere, and API tokens are never affected.
 */
@ZhenwuTest
@Tag("db")
class LoginThrottleIT {

    private static final String PASSWORD = "Throttle#Pass2024";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    AuthenticationManager authenticationManager;

    OrgUnit town;

    @BeforeEach
    void newTown() {
        town = TestOrgs.newTown(orgUnits);
    }

    private UserAccount newUser() {
        return users.createAsSystem("throttle-it" + NAMES.incrementAndGet(), "限制测试", town, EnumSet.of(Role.STAFF), PASSWORD);
    }

    private HttpTestClient stranger() {
        return new HttpTestClient("127.0.0.1", port, true);
    }

    private HttpTestClient owner() {
        return new HttpTestClient("[::1]", port, true);
    }

    private static String where(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** Five wrong passwords, then the right one: each answer's target. */
    private static String[] fiveWrongThenRight(HttpTestClient client, String username) {
        String[] answers = new String[6];
        for (int i = 0; i < 5; i++) {
            answers[i] = where(client.login(username, "Wrong#Pass" + i)).replaceAll("^https?://[^/]+", "");
        }
        answers[5] = where(client.login(username, PASSWORD)).replaceAll("^https?://[^/]+", "");
        return answers;
    }

    @Test
    void anUnknownNameIsAnsweredExactlyAsAKnownOne() {
        String[] known = fiveWrongThenRight(stranger(), newUser().username());
        String[] unknown = fiveWrongThenRight(stranger(), "no-such-user" + NAMES.incrementAndGet());
        assertThat(unknown).containsExactly(known);
        assertThat(known).containsExactly("/login?error", "/login?error", "/login?error", "/login?error", "/login?locked", "/login?locked");
    }

    /**
     * A disabled account answers like any other wrong password: its password is checked (one BCrypt, ≈ 0.1 s, as for
     * an unknown name, whose answer Spring Security times with a dummy hash) before its state, so only someone who
     * knows the password learns that the account is disabled. Before, the state was checked first and answered in a
     * few milliseconds. Asserted on the outcome, which is deterministic, rather than on timing on a shared machine.
     */
    @Test
    void aDisabledAccountIsRefusedLikeAWrongPasswordUnlessThePasswordIsRight() {
        UserAccount disabled = newUser();
        users.update(TestOrgs.scopeOf(town), disabled.id(), disabled.version(), null, null, null, false);
        assertThatThrownBy(() -> authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(disabled.username(), "Wrong#Pass1")))
                .isExactlyInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("no-such-user" + NAMES.incrementAndGet(), "Wrong#Pass1")))
                .isExactlyInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(disabled.username(), PASSWORD)))
                .isExactlyInstanceOf(DisabledException.class);
        var client = owner();
        assertThat(where(client.login(disabled.username(), "Wrong#Pass1"))).endsWith("/login?error");
        assertThat(where(client.login(disabled.username(), PASSWORD))).as("disabled: never said").endsWith("/login?error");
    }

    @Test
    void aStrangersFailuresLockOnlyTheStrangerOutAndNeverTheOwnersTokens() {
        UserAccount owner = newUser();
        var script = new HttpTestClient("[::1]", port, false);
        var issued = script.basic("POST", "/api/v1/tokens", owner.username(), PASSWORD, "{\"name\":\"script\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        script.bearer(issued.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1"));

        String[] stranger = fiveWrongThenRight(stranger(), owner.username());
        assertThat(stranger[5]).as("the stranger's address is locked out, even with the right password").isEqualTo("/login?locked");
        assertThat(new HttpTestClient("127.0.0.1", port, false).basic("POST", "/api/v1/tokens", owner.username(), PASSWORD, null)
                .statusCode()).as("passwords from that address, over the API too").isEqualTo(401);

        var browser = owner();
        assertThat(where(browser.login(owner.username(), PASSWORD))).as("the owner signs in from their own address").endsWith("/");
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        assertThat(script.get("/api/v1/tokens").statusCode()).as("the owner's API token keeps working").isEqualTo(200);
    }

    @Test
    void anAdministratorsPasswordResetLiftsTheLock() {
        UserAccount user = newUser();
        assertThat(fiveWrongThenRight(stranger(), user.username())[5]).isEqualTo("/login?locked");
        users.resetPassword(TestOrgs.scopeOf(town), user.id(), "Reset#Pass2024");
        assertThat(where(stranger().login(user.username(), "Reset#Pass2024"))).endsWith("/");
    }
}
