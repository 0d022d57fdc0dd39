package io.zhenwu.web;

import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.Users;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case page offers only the transitions its reader may fire, and a forbidden submit shows the page again with the
 * reason (problem+json over the API), on a {@link ServiceMatterFixture}.
 */
@Tag("db")
@ZhenwuTest
class CasePageActionsIT {

    @Autowired
    private Users users;
    @Autowired
    private OrgUnits orgUnits;
    @LocalServerPort
    private int port;

    private ServiceMatterFixture matter;

    @BeforeEach
    void aMatterAcceptedByTheClerk() {
        matter = ServiceMatterFixture.create(port, orgUnits, users);
    }

    HttpTestClient browser(String user) {
        var browser = new HttpTestClient(port, true);
        browser.login(user, matter.password());
        return browser;
    }

    @Test
    void theClerkIsOfferedTheMattersStepsAndTheLeaderNone() {
        String asClerk = browser(matter.clerk()).get("/cases/" + matter.caseId()).body();
        assertThat(asClerk).contains("id=\"transition-complete\"").contains("id=\"transition-hand_over\"");
        var asLeader = browser(matter.leader()).get("/cases/" + matter.caseId());
        assertThat(asLeader.statusCode()).isEqualTo(200);
        assertThat(asLeader.body()).contains("id=\"case-number\"").doesNotContain("id=\"transition-")
                .as("no heading over no actions").doesNotContain("<h2>办理</h2>");
    }

    @Test
    void aForbiddenSubmitShowsTheCaseAgainWithTheReasonAndChangesNothing() {
        long id = matter.caseId();
        var refused = browser(matter.leader()).postForm("/cases/" + id, "/cases/" + id + "/transitions/complete",
                "version=0&field.result=" + HttpTestClient.enc("已办结"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"case-number\"").contains("您无权办理这一步骤").contains("已受理");

        var problem = matter.api(matter.leader()).send("POST", "/api/v1/cases/" + id + "/transitions/complete",
                "{\"version\":0,\"fields\":{\"result\":\"x\"}}");
        assertThat(problem.statusCode()).isEqualTo(403);
        assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(matter.state()).isEqualTo("accepted");
    }
}
