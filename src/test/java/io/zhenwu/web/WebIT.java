package io.zhenwu.web;

import io.zhenwu.demo.DemoData;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.Users;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser-facing shell over real HTTP: login, throttling, session fixation, CSRF, headers, language, errors. */
@Tag("db")
@ZhenwuTest
class WebIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Users users;

    @Autowired
    OrgUnits orgUnits;

    static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    @Test
    void loginChangesTheSessionIdAndLogoutEndsTheSession() {
        var browser = new HttpTestClient(port, true);
        var loginPage = browser.get("/login");
        String before = sessionCookie(loginPage);
        assertThat(before).isNotNull();
        var login = browser.login("leader", DemoData.DEMO_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/");
        String after = sessionCookie(login);
        assertThat(after).as("session fixation protection issues a new id").isNotNull().isNotEqualTo(before);

        var home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("下蜀镇工作台").contains("空青村").doesNotContain("白兔镇");
        // Real counts for the leader's subtree: 9 villages and 2 communities in the demo town, users by role.
        assertThat(home.body()).containsPattern("<div class=\"card-label\">村</div>\\s*<div class=\"card-value\">9</div>")
                .containsPattern("<div class=\"card-label\">社区</div>\\s*<div class=\"card-value\">2</div>")
                .containsPattern("<td>村干部</td>\\s*<td>2</td>");

        String csrf = HttpTestClient.csrfFrom(home.body());
        var logout = browser.postForm("/", "/logout", "x=1");
        assertThat(logout.headers().firstValue("Location").orElse("")).contains("/login?logout");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(csrf).isNotBlank();
    }

    @Test
    void theLayoutShowsTheNavigationOfTheActorsRolesAndLinksTheLanguagesToTheCurrentPage() {
        var cadre = new HttpTestClient(port, true);
        cadre.login("cadre", DemoData.DEMO_PASSWORD);
        var page = cadre.get("/indicators");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"sidenav\"").contains("href=\"/labor-disputes\"").contains("href=\"/imports\"")
                .doesNotContain("href=\"/admin/users\"").doesNotContain("href=\"/service-hall\"")
                .contains("href=\"/indicators?lang=en\"").contains("<span class=\"who\">cadre</span>");

        var admin = new HttpTestClient(port, true);
        admin.login("admin", DemoData.DEMO_PASSWORD);
        assertThat(admin.get("/").body()).contains("href=\"/admin/users\"").contains("href=\"/admin/audit\"");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        var browser = new HttpTestClient(port, true);
        browser.login("leader", DemoData.DEMO_PASSWORD);
        var home = browser.get("/");
        String csp = home.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(home.body()).containsPattern("/webjars/htmx.org/[0-9.]+/dist/htmx.min.js").containsPattern("/webjars/echarts/[0-9.]+/dist/echarts.min.js");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        var browser = new HttpTestClient(port, true);
        browser.login("admin", DemoData.DEMO_PASSWORD);
        var response = browser.send("POST", "/admin/org-units/new", null);
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void theLanguageSwitchSticksForTheSession() {
        var browser = new HttpTestClient(port, true);
        assertThat(browser.get("/login").body()).contains("用户名");
        assertThat(browser.get("/login?lang=en").body()).contains("User name");
        browser.login("leader", DemoData.DEMO_PASSWORD);
        var home = browser.get("/");
        assertThat(home.body()).contains("workbench").contains("Org units").doesNotContain("工作台");
        assertThat(browser.get("/?lang=zh_CN").body()).contains("工作台");
        assertThat(browser.get("/?lang=fr").body()).as("unsupported languages are ignored").contains("工作台");
    }

    @Test
    void theSixthWrongPasswordFindsTheAccountLocked() {
        var kongqing = orgUnits.roots().get(0);
        String name = "lock" + System.nanoTime() % 1_000_000;
        users.createAsSystem(name, "锁定测试", kongqing, Set.of(Role.STAFF), "Right#Pass2024");
        var browser = new HttpTestClient(port, true);
        for (int i = 1; i <= 5; i++) {
            var attempt = browser.login(name, "Wrong#Pass" + i);
            assertThat(attempt.headers().firstValue("Location").orElse("")).endsWith(i < 5 ? "/login?error" : "/login?locked");
        }
        var sixth = browser.login(name, "Right#Pass2024");
        assertThat(sixth.headers().firstValue("Location").orElse("")).as("locked even with the right password").endsWith("/login?locked");
        assertThat(browser.get("/login?locked").body()).contains("锁定");

        long userId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, name);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'user.login_failed' AND entity_id = ?",
                Long.class, String.valueOf(userId))).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'user.locked' AND entity_id = ?",
                Long.class, String.valueOf(userId))).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT DISTINCT actor || '@' || actor_org_unit_id FROM audit_event WHERE entity_id = ? "
                + "AND action IN ('user.login_failed', 'user.locked')", String.class, String.valueOf(userId))).containsExactly(name + "@" + kongqing.id());
        // The lock also holds for scripts.
        assertThat(new HttpTestClient(port, false).basic("POST", "/api/v1/tokens", name, "Right#Pass2024", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void errorPagesAreFriendlyInBothLanguages() {
        var browser = new HttpTestClient(port, true);
        browser.login("admin", DemoData.DEMO_PASSWORD);
        var missing = browser.get("/admin/org-units/987654321");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("页面不存在").doesNotContain("Exception").doesNotContain("Whitelabel");
        var english = browser.get("/admin/org-units/987654321?lang=en");
        assertThat(english.body()).contains("Not found");

        var cadre = new HttpTestClient(port, true);
        cadre.login("cadre", DemoData.DEMO_PASSWORD);
        var forbidden = cadre.get("/admin/users");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("无权访问");
        var unknown = cadre.get("/api/v1/org-units/abc");
        assertThat(unknown.statusCode()).isEqualTo(401);
    }

    @Test
    void formErrorsAreShownInlineAndNothingIsSaved() {
        var browser = new HttpTestClient(port, true);
        browser.login("admin", DemoData.DEMO_PASSWORD);
        long town = jdbc.queryForObject("SELECT id FROM org_unit WHERE code = '321183102000'", Long.class);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM org_unit", Long.class);
        var response = browser.postForm("/admin/org-units/new?parentId=" + town, "/admin/org-units/new",
                "parentId=" + town + "&type=VILLAGE&code=321183103201&name=" + HttpTestClient.enc("错码村"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("须以上级代码").contains("field-error").contains("错码村");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit", Long.class)).isEqualTo(before);
    }
}
