package io.zhenwu.web;

import io.zhenwu.demo.DemoData;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What trying the pages in a browser turned up (issue #18, UI findings), over real HTTP. */
@Tag("db")
@ZhenwuTest
class UiPagesIT {

    @LocalServerPort
    int port;

    private HttpTestClient signedIn(String user) {
        var browser = new HttpTestClient(port, true);
        browser.login(user, DemoData.DEMO_PASSWORD);
        return browser;
    }

    @Test
    void theAuditPageFiltersByActorAndPagesWithoutConfusingTheFilterWithTheSignedInUser() {
        var admin = signedIn("admin");
        var second = admin.get("/admin/audit?page=1");
        assertThat(second.statusCode()).as("the second page").isEqualTo(200);
        assertThat(second.body()).contains("<span class=\"who\">admin</span>");

        var byLeader = admin.get("/admin/audit?actor=leader");
        assertThat(byLeader.statusCode()).as("filtered by actor").isEqualTo(200);
        assertThat(byLeader.body()).contains("<span class=\"who\">admin</span>")
                .containsPattern("<input name=\"actor\" value=\"leader\"");
        // The pager keeps the filter, not the signed-in actor's record.
        assertThat(byLeader.body()).doesNotContain("Actor[").doesNotContain("Actor%5B");
    }

    @Test
    void anUnknownAddressIsNotFoundForTheSignedInAndALoginForStrangers() {
        var cadre = signedIn("cadre");
        var page = cadre.get("/no/such/page", "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在").doesNotContain("无权访问");
        assertThat(cadre.get("/admin/users").statusCode()).as("a known page outside the role stays 403").isEqualTo(403);

        var stranger = new HttpTestClient(port, true).get("/no/such/page", "text/html");
        assertThat(stranger.statusCode()).as("anonymous users learn nothing").isEqualTo(302);
        assertThat(stranger.headers().firstValue("Location").orElse("")).endsWith("/login");

        var script = new HttpTestClient(port, false);
        var issued = script.basic("POST", "/api/v1/tokens", "cadre", DemoData.DEMO_PASSWORD, "{\"name\":\"ui\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        var token = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
        assertThat(token.find()).isTrue();
        var api = script.bearer(token.group(1)).get("/api/v1/no-such-thing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new HttpTestClient(port, false).get("/api/v1/no-such-thing").statusCode()).isEqualTo(401);
    }

    @Test
    void theDataEntryFormNamesEveryGroupOfTheCatalogueInBothLanguages() {
        var staff = signedIn("staff");
        var zh = staff.get("/indicators/entry");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains(">文化<").contains(">科技人才<").doesNotContain("??");
        var en = staff.get("/indicators/entry?lang=en");
        assertThat(en.body()).contains(">Culture<").doesNotContain("??").doesNotContain("地区生产总值");
    }
}
