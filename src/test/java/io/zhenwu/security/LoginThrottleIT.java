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

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aDisabledAccountTakesAsLongToRefuseAsAnUnknownName() {
        UserAccount disabled = newUser();
        users.update(TestOrgs.scopeOf(town), disabled.id(), disabled.version(), null, null, null, false);
        String unknown = "no-such-user" + NAMES.incrementAndGet();
        var client = owner();
        client.login(unknown, "warm#Up12345");
        long disabledMillis = median(() -> where(client.login(disabled.username(), "Wrong#Pass1")));
        long unknownMillis = median(() -> where(client.login(unknown, "Wrong#Pass1")));
        assertThat(where(client.login(disabled.username(), "Wrong#Pass1"))).isEqualTo(where(client.login(unknown, "Wrong#Pass1")));
        // Both check a BCrypt hash (≈ 0.1 s); before, a disabled account answered without one (a few ms).
        assertThat((double) disabledMillis).as("disabled %d ms, unknown %d ms", disabledMillis, unknownMillis)
                .isBetween(unknownMillis * 0.4, unknownMillis * 2.5);
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

    private static long median(Supplier<String> attempt) {
        long[] millis = new long[5];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            attempt.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }
}
