package io.zhenwu.web;

import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input found by trying the API as an attacker (issue 18): empty bodies, null list elements, huge numbers,
 * missing and mistyped parameters. Each is a 400 problem+json whose {@code errors} name the field and the reason in
 * the caller's language — never a 500, never a bare 400.
 */
@Tag("db")
@ZhenwuTest
class BadInputIT {

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    HttpTestClient as(String user) {
        var client = new HttpTestClient(port, false);
        HttpResponse<String> response = client.basic("POST", "/api/v1/tokens", user, "Zhenwu@2023", "{\"name\":\"bad-input\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.bearer(json.readTree(response.body()).get("token").asString());
    }

    /** Asserts a 400 problem+json with an error on {@code field} and returns that error. */
    JsonNode fieldError(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors).as("errors list in " + response.body()).isNotNull();
        for (JsonNode error : errors) {
            if (error.get("field").asString().equals(field)) {
                assertThat(error.get("code").asString()).isNotBlank();
                assertThat(error.get("message").asString()).isNotBlank().doesNotContain("{0}");
                return error;
            }
        }
        throw new AssertionError("no error for field " + field + " in " + response.body());
    }

    @Test
    void anEmptyFarmlandPlotNamesItsMissingFields() {
        var response = as("cadre").send("POST", "/api/v1/farmland-plots", "{}");
        fieldError(response, "plotCode");
        fieldError(response, "villageCode");
    }

    @Test
    void anEmptyValidationRunNamesTheOrgUnitAndPeriod() {
        var response = as("leader").send("POST", "/api/v1/validation-runs", "{}");
        fieldError(response, "orgUnitCode");
    }

    @Test
    void aTargetWithAHugeValueOrWithoutCodesIsRefused() {
        HttpTestClient leader = as("leader");
        var huge = leader.send("PUT", "/api/v1/targets", "{\"indicatorCode\":\"grain_area\",\"orgUnitCode\":\"321183102000\",\"year\":2025,"
                + "\"comparator\":\"GE\",\"value\":1e20}");
        fieldError(huge, "value");
        var noCode = leader.send("PUT", "/api/v1/targets", "{\"indicatorCode\":null,\"orgUnitCode\":\"321183102000\",\"year\":2025,"
                + "\"comparator\":\"GE\",\"value\":1}");
        fieldError(noCode, "indicatorCode");
        var noOrg = leader.send("PUT", "/api/v1/targets", "{\"indicatorCode\":\"grain_area\",\"year\":2025,\"comparator\":\"GE\",\"value\":1}");
        fieldError(noOrg, "orgUnitCode");
        var holeInSplits = leader.send("PUT", "/api/v1/targets", "{\"indicatorCode\":\"grain_area\",\"orgUnitCode\":\"321183102000\","
                + "\"year\":2025,\"value\":1,\"splits\":[null]}");
        fieldError(holeInSplits, "splits[0]");
    }

    @Test
    void aNullDataValueInABatchIsAFieldError() {
        var response = as("staff").send("PUT", "/api/v1/data-values", "{\"values\":[null]}");
        assertThat(fieldError(response, "values[0]").get("code").asString()).isEqualTo("validation.element.null");
        var hugeGrowth = as("staff").send("PUT", "/api/v1/data-values", "{\"values\":[{\"indicatorCode\":\"grain_area\","
                + "\"orgUnitCode\":\"321183103000\",\"period\":\"2019\",\"value\":1,\"reportedGrowth\":1e20}]}");
        fieldError(hugeGrowth, "reportedGrowth");
    }

    @Test
    void aHugeRdSpendingIsAFieldError() {
        HttpTestClient admin = as("admin");
        long id = json.readTree(admin.get("/api/v1/enterprises?size=1").body()).get("content").get(0).get("id").asLong();
        fieldError(admin.send("PUT", "/api/v1/enterprises/" + id + "/rd-spending", "{\"year\":2023,\"amount\":1e20}"), "amount");
    }

    @Test
    void aMissingRequiredParameterNamesIt() {
        HttpTestClient leader = as("leader");
        JsonNode error = fieldError(leader.get("/api/v1/labor-disputes"), "year");
        assertThat(error.get("message").asString()).contains("year");
        JsonNode english = fieldError(leader.language("en").get("/api/v1/labor-disputes"), "year");
        assertThat(english.get("message").asString()).contains("year").doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void aMistypedParameterUnreadableJsonAndAnUnknownPropertyCarryTheirErrors() {
        HttpTestClient leader = as("leader");
        fieldError(leader.get("/api/v1/labor-disputes?year=abc"), "year");
        JsonNode malformed = fieldError(leader.send("PUT", "/api/v1/targets", "{\"year\": 20"), "body");
        assertThat(malformed.get("code").asString()).isEqualTo("validation.malformed");
        fieldError(leader.send("PUT", "/api/v1/targets", "{\"year\":\"soon\"}"), "year");
        fieldError(leader.send("PUT", "/api/v1/targets", "{\"year\":2025,\"surprise\":1}"), "surprise");
        fieldError(leader.send("PUT", "/api/v1/targets", null), "body");
    }
}
