package io.zhenwu.web;

import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as a script sees it, over real HTTP against the demo town: tokens, data scope (404 outside it),
 * optimistic locking (409), problem+json for every kind of bad input, in the caller's language.
 */
@Tag("db")
@ZhenwuTest
class ApiIT {

    static final String PASSWORD = "Zhenwu@2023";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    HttpTestClient as(String user) {
        var client = new HttpTestClient(port, false);
        HttpResponse<String> response = client.basic("POST", "/api/v1/tokens", user, PASSWORD, "{\"name\":\"test\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.bearer(read(response).get("token").asString());
    }

    JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    long orgId(String code) {
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE code = ?", Long.class, code);
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.zhenwu");
    }

    JsonNode fieldError(HttpResponse<String> response, String field) {
        for (JsonNode error : read(response).get("errors")) {
            if (error.get("field").asString().equals(field)) {
                return error;
            }
        }
        throw new AssertionError("no error for field " + field + " in " + response.body());
    }

    @Test
    void tokensAreIssuedOnlyWithBasicAndRevocable() {
        var anonymous = new HttpTestClient(port, false);
        assertProblem(anonymous.basic("POST", "/api/v1/tokens", "leader", "wrong-password", null), 401);
        // Basic is accepted on the token endpoint only.
        assertProblem(anonymous.basic("GET", "/api/v1/org-units", "leader", PASSWORD, null), 401);

        HttpTestClient leader = as("leader");
        assertThat(leader.get("/api/v1/org-units").statusCode()).isEqualTo(200);
        JsonNode tokens = json.readTree(leader.get("/api/v1/tokens").body());
        long id = tokens.get(0).get("id").asLong();
        assertThat(tokens.get(0).has("token")).as("the secret is never listed").isFalse();
        assertThat(leader.send("DELETE", "/api/v1/tokens/" + id, null).statusCode()).isEqualTo(204);
        assertProblem(leader.get("/api/v1/org-units"), 401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'api_token.revoked' AND entity_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aVillageCadreCannotReachAnotherVillageByGuessedIds() {
        HttpTestClient cadre = as("cadre");
        long kongqing = orgId("321183102201");
        long fanxiang = orgId("321183102202");
        assertThat(cadre.get("/api/v1/org-units/" + kongqing).statusCode()).isEqualTo(200);
        assertProblem(cadre.get("/api/v1/org-units/" + fanxiang), 404);
        assertProblem(cadre.get("/api/v1/org-units/" + fanxiang + "/children"), 404);
        JsonNode list = read(cadre.get("/api/v1/org-units?size=500"));
        assertThat(list.get("totalElements").asLong()).isEqualTo(1);
        assertThat(list.get("content").get(0).get("code").asString()).isEqualTo("321183102201");
        // Writes are refused by role before scope is even considered.
        assertProblem(cadre.send("PATCH", "/api/v1/org-units/" + fanxiang, "{\"version\":0,\"name\":\"x\"}"), 403);
        assertProblem(cadre.send("DELETE", "/api/v1/org-units/" + fanxiang + "?version=0", null), 403);
        assertProblem(cadre.get("/api/v1/users"), 403);
        assertProblem(cadre.get("/api/v1/audit-events"), 403);
        // Another village cadre sees their own village.
        assertThat(as("cadre2").get("/api/v1/org-units/" + fanxiang).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorOutsideACountyCannotTouchIt() {
        // leader's scope is 下蜀镇: the county above it and sibling towns do not exist for them.
        HttpTestClient leader = as("leader");
        assertProblem(leader.get("/api/v1/org-units/" + orgId("321183")), 404);
        assertProblem(leader.get("/api/v1/org-units/" + orgId("321183103000")), 404);
    }

    @Test
    void concurrentEditsConflictInsteadOfOverwriting() {
        HttpTestClient admin = as("admin");
        String code = "XS-T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var created = admin.send("POST", "/api/v1/org-units",
                "{\"parentId\":" + orgId("321183102000") + ",\"code\":\"" + code + "\",\"name\":\"测试科\",\"type\":\"DEPARTMENT\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = read(created).get("id").asLong();
        var first = admin.send("PATCH", "/api/v1/org-units/" + id, "{\"version\":0,\"name\":\"测试一科\"}");
        assertThat(first.statusCode()).isEqualTo(200);
        var second = admin.send("PATCH", "/api/v1/org-units/" + id, "{\"version\":0,\"name\":\"测试二科\"}");
        assertProblem(second, 409);
        assertThat(read(second).get("current").get("name").asString()).isEqualTo("测试一科");
        assertThat(read(second).get("current").get("version").asLong()).isEqualTo(1);
        assertProblem(admin.send("PATCH", "/api/v1/org-units/" + id, "{\"name\":\"无版本\"}"), 400);
    }

    @Test
    void badInputIsAProblemWithTheFieldAndReasonInTheCallersLanguage() {
        HttpTestClient admin = as("admin");
        long town = orgId("321183102000");
        var tooShort = admin.send("POST", "/api/v1/org-units", "{\"parentId\":" + town + ",\"code\":\"32118310220\",\"name\":\"x村\",\"type\":\"VILLAGE\"}");
        assertProblem(tooShort, 400);
        assertThat(fieldError(tooShort, "code").get("message").asString()).contains("12位");

        var notExtending = admin.send("POST", "/api/v1/org-units", "{\"parentId\":" + town + ",\"code\":\"321183103299\",\"name\":\"x村\",\"type\":\"VILLAGE\"}");
        assertThat(fieldError(notExtending, "code").get("code").asString()).isEqualTo("org.code.extendParent");

        var duplicate = admin.send("POST", "/api/v1/org-units", "{\"parentId\":" + town + ",\"code\":\"321183102201\",\"name\":\"x村\",\"type\":\"VILLAGE\"}");
        assertThat(fieldError(duplicate, "code").get("code").asString()).isEqualTo("org.code.duplicate");

        assertThat(fieldError(admin.get("/api/v1/org-units?size=100000"), "size").get("message").asString()).contains("500");
        assertProblem(admin.send("POST", "/api/v1/org-units", "{\"parentId\": 1,"), 400);
        assertThat(read(admin.send("POST", "/api/v1/org-units", "{\"parentId\": 1,")).get("type").asString()).endsWith("/malformed");
        assertThat(fieldError(admin.send("POST", "/api/v1/org-units", "{\"parentId\":" + town + ",\"extra\":1}"), "extra")
                .get("code").asString()).isEqualTo("validation.unknownField");
        assertThat(fieldError(admin.get("/api/v1/org-units?sort=password"), "sort")).isNotNull();
        assertThat(fieldError(admin.get("/api/v1/org-units?type=PLANET"), "type")).isNotNull();

        var english = admin.language("en").send("POST", "/api/v1/org-units", "{\"parentId\":" + town + ",\"code\":\"1\",\"name\":\"x\",\"type\":\"VILLAGE\"}");
        assertThat(fieldError(english, "code").get("message").asString()).contains("12-digit");
        assertThat(read(english).get("title").asString()).isEqualTo("Invalid input");
    }

    @Test
    void movingAUnitUnderItsOwnDescendantIsRefused() {
        HttpTestClient admin = as("admin");
        long town = orgId("321183102000");
        var town0 = read(admin.get("/api/v1/org-units/" + town));
        var response = admin.send("PATCH", "/api/v1/org-units/" + town,
                "{\"version\":" + town0.get("version").asLong() + ",\"parentId\":" + orgId("321183102201") + "}");
        assertThat(fieldError(response, "parentId").get("code").asString()).isEqualTo("org.move.intoOwnSubtree");
    }

    @Test
    void aUnitThatStillHasUsersCannotBeDeleted() {
        HttpTestClient admin = as("admin");
        long kongqing = orgId("321183102201");
        long version = read(admin.get("/api/v1/org-units/" + kongqing)).get("version").asLong();
        var response = admin.send("DELETE", "/api/v1/org-units/" + kongqing + "?version=" + version, null);
        assertProblem(response, 400);
        assertThat(fieldError(response, "id").get("message").asString()).contains("用户");
    }

    @Test
    void usersNeedAnOrgUnitAndAStrongPassword() {
        HttpTestClient admin = as("admin");
        var noOrg = admin.send("POST", "/api/v1/users",
                "{\"username\":\"noorg\",\"displayName\":\"无单位\",\"roles\":[\"STAFF\"],\"password\":\"Strong#Pass2024\"}");
        assertThat(fieldError(noOrg, "orgUnitId").get("code").asString()).isEqualTo("user.orgUnit.required");
        var weak = admin.send("POST", "/api/v1/users", "{\"username\":\"weakpw\",\"displayName\":\"弱密码\",\"orgUnitId\":"
                + orgId("XS-ZWFW") + ",\"roles\":[\"STAFF\"],\"password\":\"12345678\"}");
        assertThat(fieldError(weak, "password").get("code").asString()).isEqualTo("password.tooShort");
        var ok = admin.send("POST", "/api/v1/users", "{\"username\":\"u" + System.nanoTime() + "\",\"displayName\":\"新用户\",\"orgUnitId\":"
                + orgId("XS-ZWFW") + ",\"roles\":[\"STAFF\"],\"password\":\"Strong#Pass2024\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(ok.body()).doesNotContain("password").doesNotContain("$2a$");
    }

    @Test
    void xssInANameIsStoredAsTextAndRenderedEscaped() {
        HttpTestClient admin = as("admin");
        String code = "XS-X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String evil = "<script>alert(1)</script>";
        var created = admin.send("POST", "/api/v1/org-units", "{\"parentId\":" + orgId("321183102000") + ",\"code\":\"" + code
                + "\",\"name\":\"" + evil + "\",\"type\":\"DEPARTMENT\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT name FROM org_unit WHERE code = ?", String.class, code)).isEqualTo(evil);

        var browser = new HttpTestClient(port, true);
        assertThat(browser.login("admin", PASSWORD).statusCode()).isEqualTo(302);
        String page = browser.get("/admin/org-units/" + read(created).get("id").asLong()).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(evil);
    }

    @Test
    void theAuditTrailIsForAuditorsAndRecordsEveryWrite() {
        HttpTestClient admin = as("admin");
        String code = "XS-A" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var created = admin.send("POST", "/api/v1/org-units", "{\"parentId\":" + orgId("321183102000") + ",\"code\":\"" + code
                + "\",\"name\":\"审计测试科\",\"type\":\"DEPARTMENT\"}");
        String id = String.valueOf(read(created).get("id").asLong());

        HttpTestClient auditor = as("auditor");
        JsonNode events = read(auditor.get("/api/v1/audit-events?entityType=org_unit&entityId=" + id));
        assertThat(events.get("totalElements").asLong()).isEqualTo(1);
        JsonNode event = events.get("content").get(0);
        assertThat(event.get("action").asString()).isEqualTo("org_unit.created");
        assertThat(event.get("actor").asString()).isEqualTo("admin");
        assertThat(event.get("clientAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(event.get("afterJson").asString()).contains(code);

        assertProblem(as("leader").get("/api/v1/audit-events"), 403);
        JsonNode verification = read(auditor.send("POST", "/api/v1/audit-events/verification", null));
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("records").asLong()).isGreaterThan(0);
    }
}
