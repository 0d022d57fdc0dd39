package io.zhenwu.registry;

import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The enterprise API over HTTP: the credit-code rules, masking, unmasking with audit, scope and optimistic locking. */
@Tag("db")
@ZhenwuTest
class EnterpriseApiIT {

    private static final AtomicInteger SERIAL = new AtomicInteger(500);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    HttpTestClient as(String user) {
        var client = new HttpTestClient(port, false);
        var response = client.basic("POST", "/api/v1/tokens", user, "Zhenwu@2023", null);
        assertThat(response.statusCode()).isEqualTo(201);
        return client.bearer(json.readTree(response.body()).get("token").asString());
    }

    static String code() {
        String first17 = "91321183MA2AP" + String.format("%04d", SERIAL.getAndIncrement());
        return first17 + CreditCode.checkCharacter(first17);
    }

    JsonNode error(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        for (JsonNode e : json.readTree(response.body()).get("errors")) {
            if (e.get("field").asString().equals(field)) {
                return e;
            }
        }
        throw new AssertionError("no error for " + field + ": " + response.body());
    }

    @Test
    void creditCodesAreCheckedAsTheStandardSays() {
        HttpTestClient admin = as("admin");
        String valid = code();
        char right = valid.charAt(17);
        String wrong = valid.substring(0, 17) + (right == 'T' ? 'U' : 'T');
        var badCheck = admin.send("POST", "/api/v1/enterprises",
                "{\"name\":\"校验位错公司\",\"creditCode\":\"" + wrong + "\",\"orgUnitCode\":\"XS-PARK\"}");
        assertThat(error(badCheck, "creditCode").get("message").asString()).contains("校验位错误").contains("应为 " + right);

        var short17 = admin.send("POST", "/api/v1/enterprises",
                "{\"name\":\"短码公司\",\"creditCode\":\"" + valid.substring(0, 17) + "\",\"orgUnitCode\":\"XS-PARK\"}");
        assertThat(error(short17, "creditCode").get("code").asString()).isEqualTo("registry.creditCode.length");

        var created = admin.send("POST", "/api/v1/enterprises", "{\"name\":\"小写码公司\",\"creditCode\":\"" + valid.toLowerCase()
                + "\",\"orgUnitCode\":\"xs-park\",\"contactPhone\":\"0511-87654321\",\"aboveScaleFrom\":\"2020-03-01\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        assertThat(body.get("creditCode").asString()).isEqualTo(valid);
        assertThat(body.get("contactPhone").asString()).isEqualTo("0511-****4321");

        var duplicate = admin.send("POST", "/api/v1/enterprises", "{\"name\":\"重复公司\",\"creditCode\":\"" + valid
                + "\",\"orgUnitCode\":\"XS-PARK\"}");
        assertThat(error(duplicate, "creditCode").get("code").asString()).isEqualTo("registry.creditCode.duplicate");

        var department = admin.send("POST", "/api/v1/enterprises", "{\"name\":\"部门公司\",\"creditCode\":\"" + code()
                + "\",\"orgUnitCode\":\"XS-ZWFW\"}");
        assertThat(error(department, "orgUnitCode").get("code").asString()).isEqualTo("registry.enterprise.orgUnitType");

        var range = admin.send("POST", "/api/v1/enterprises", "{\"name\":\"倒序公司\",\"creditCode\":\"" + code()
                + "\",\"orgUnitCode\":\"XS-PARK\",\"aboveScaleFrom\":\"2023-03-01\",\"aboveScaleTo\":\"2022-01-01\"}");
        assertThat(error(range, "aboveScaleTo")).isNotNull();
    }

    @Test
    void phonesAreMaskedUnlessAPermittedUserAsksAndThatIsAudited() {
        HttpTestClient admin = as("admin");
        var created = admin.send("POST", "/api/v1/enterprises", "{\"name\":\"脱敏公司\",\"creditCode\":\"" + code()
                + "\",\"orgUnitCode\":\"XS-PARK\",\"contactPhone\":\"13912345678\"}");
        long id = json.readTree(created.body()).get("id").asLong();

        HttpTestClient leader = as("leader");
        assertThat(json.readTree(leader.get("/api/v1/enterprises/" + id).body()).get("contactPhone").asString()).isEqualTo("139****5678");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'personal_data.viewed' AND entity_id = ?",
                Long.class, String.valueOf(id));
        assertThat(json.readTree(leader.get("/api/v1/enterprises/" + id + "?unmasked=true").body()).get("contactPhone").asString())
                .isEqualTo("13912345678");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'personal_data.viewed' AND entity_id = ? "
                + "AND actor = 'leader'", Long.class, String.valueOf(id))).isEqualTo(before + 1);
        assertThat(admin.get("/api/v1/enterprises/" + id + "?unmasked=true").statusCode()).as("in scope, no permission").isEqualTo(403);
        var unmaskedExport = admin.get("/api/v1/exports/enterprises?unmasked=true");
        assertThat(unmaskedExport.statusCode()).isEqualTo(403);
        assertThat(unmaskedExport.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(leader.get("/api/v1/exports/enterprises?unmasked=true&q=脱敏公司").body()).isNotEmpty();
        assertThat(jdbc.queryForObject("SELECT after_json FROM audit_event WHERE action = 'enterprise.registered' AND entity_id = ?",
                String.class, String.valueOf(id))).contains("脱敏公司");
    }

    @Test
    void scopeAndOptimisticLockingHold() {
        HttpTestClient admin = as("admin");
        var created = admin.send("POST", "/api/v1/enterprises", "{\"name\":\"空青村公司\",\"creditCode\":\"" + code()
                + "\",\"orgUnitCode\":\"321183102201\"}");
        long id = json.readTree(created.body()).get("id").asLong();
        assertThat(as("cadre").get("/api/v1/enterprises/" + id).statusCode()).isEqualTo(200);
        assertThat(as("cadre2").get("/api/v1/enterprises/" + id).statusCode()).as("another village: not found").isEqualTo(404);
        assertThat(as("cadre2").send("PATCH", "/api/v1/enterprises/" + id, "{\"version\":0,\"name\":\"抢\"}").statusCode()).isEqualTo(404);
        assertThat(as("auditor").get("/api/v1/enterprises").statusCode()).isEqualTo(403);

        HttpTestClient cadre = as("cadre");
        assertThat(cadre.send("PATCH", "/api/v1/enterprises/" + id, "{\"version\":0,\"name\":\"空青村公司（新）\"}").statusCode()).isEqualTo(200);
        var stale = cadre.send("PATCH", "/api/v1/enterprises/" + id, "{\"version\":0,\"name\":\"旧版本\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json.readTree(stale.body()).get("current").get("name").asString()).isEqualTo("空青村公司（新）");
        // R&D spending by year, in yuan with fen.
        assertThat(cadre.send("PUT", "/api/v1/enterprises/" + id + "/rd-spending", "{\"year\":2023,\"amount\":1234567.89}").statusCode())
                .isEqualTo(200);
        assertThat(error(cadre.send("PUT", "/api/v1/enterprises/" + id + "/rd-spending", "{\"year\":2023,\"amount\":1.234}"), "amount"))
                .isNotNull();
        assertThat(cadre.get("/api/v1/enterprises/" + id + "/rd-spending").body()).contains("1234567.89");
        assertThat(as("cadre2").get("/api/v1/enterprises/" + id + "/rd-spending").statusCode()).isEqualTo(404);
        // Moving it to another village outside the cadre's scope is refused.
        var move = cadre.send("PATCH", "/api/v1/enterprises/" + id, "{\"version\":1,\"orgUnitCode\":\"321183102202\"}");
        assertThat(error(move, "orgUnitCode").get("code").asString()).isEqualTo("registry.orgUnit.notFound");
    }
}
