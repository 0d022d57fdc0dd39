package io.zhenwu.web;

import io.zhenwu.demo.DemoData;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.Users;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case page offers only the transitions its reader may fire, and a forbidden submit shows the page again with the
 * reason (problem+json over the API). In a town of its own: a window clerk (STAFF, who works service matters) and
 * a leader (who reads them).
 */
@Tag("db")
@ZhenwuTest
class CasePageActionsIT {

    private static final String PASSWORD = DemoData.DEMO_PASSWORD;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private Users users;
    @Autowired
    private OrgUnits orgUnits;
    @LocalServerPort
    private int port;

    String clerk;
    String leader;
    long caseId;

    @BeforeEach
    void aMatterAcceptedByTheClerk() {
        OrgUnit town = TestOrgs.newTown(orgUnits);
        OrgUnit hall = orgUnits.create(TestOrgs.scopeOf(town), town.id(), TestOrgs.internalCode("ZW"), "政务服务中心", OrgUnitType.DEPARTMENT);
        String suffix = RUNS.incrementAndGet() + "x" + System.nanoTime() % 100000;
        clerk = "uiclerk" + suffix;
        leader = "uilead" + suffix;
        users.createAsSystem(clerk, "窗口人员", hall, Set.of(Role.STAFF), PASSWORD);
        users.createAsSystem(leader, "镇领导", town, Set.of(Role.LEADER), PASSWORD);
        HttpResponse<String> created = api(clerk).send("POST", "/api/v1/cases", "{\"type\":\"service_matter\",\"orgUnitId\":" + hall.id()
                + ",\"title\":\"居民医保参保登记\",\"applicantKind\":\"PERSON\",\"applicantName\":\"张*\",\"promisedDays\":3}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        caseId = json.readTree(created.body()).get("id").asLong();
    }

    HttpTestClient api(String user) {
        var client = new HttpTestClient(port, false);
        HttpResponse<String> response = client.basic("POST", "/api/v1/tokens", user, PASSWORD, "{\"name\":\"ui\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.bearer(json.readTree(response.body()).get("token").asString());
    }

    HttpTestClient browser(String user) {
        var browser = new HttpTestClient(port, true);
        browser.login(user, PASSWORD);
        return browser;
    }

    @Test
    void theClerkIsOfferedTheMattersStepsAndTheLeaderNone() {
        String asClerk = browser(clerk).get("/cases/" + caseId).body();
        assertThat(asClerk).contains("id=\"transition-complete\"").contains("id=\"transition-hand_over\"");
        var asLeader = browser(leader).get("/cases/" + caseId);
        assertThat(asLeader.statusCode()).isEqualTo(200);
        assertThat(asLeader.body()).contains("id=\"case-number\"").doesNotContain("id=\"transition-")
                .as("no heading over no actions").doesNotContain("<h2>办理</h2>");
    }

    @Test
    void aForbiddenSubmitShowsTheCaseAgainWithTheReasonAndChangesNothing() {
        var leaderBrowser = browser(leader);
        var refused = leaderBrowser.postForm("/cases/" + caseId, "/cases/" + caseId + "/transitions/complete",
                "version=0&field.result=" + HttpTestClient.enc("已办结"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"case-number\"").contains("您无权办理这一步骤").contains("已受理");

        var script = api(leader);
        var problem = script.send("POST", "/api/v1/cases/" + caseId + "/transitions/complete", "{\"version\":0,\"fields\":{\"result\":\"x\"}}");
        assertThat(problem.statusCode()).isEqualTo(403);
        assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(script.get("/api/v1/cases/" + caseId).body()).get("current").get("state").asString()).isEqualTo("accepted");
    }
}
