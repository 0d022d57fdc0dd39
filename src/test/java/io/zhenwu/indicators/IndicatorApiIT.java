package io.zhenwu.indicators;

import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The indicators API over HTTP: catalogue, batch save with 409, series with growth, target progress, validation runs. */
@Tag("db")
@ZhenwuTest
class IndicatorApiIT {

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    HttpTestClient as(String user) {
        var client = new HttpTestClient(port, false);
        var response = client.basic("POST", "/api/v1/tokens", user, "Zhenwu@2023", null);
        return client.bearer(json.readTree(response.body()).get("token").asString());
    }

    JsonNode read(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    @Test
    void seriesAndProgressForTheDemoTown() {
        HttpTestClient leader = as("leader");
        assertThat(read(leader.get("/api/v1/indicators"))).anySatisfy(i -> assertThat(i.get("code").asString()).isEqualTo("gdp"));
        JsonNode series = read(leader.get("/api/v1/indicators/gdp/series?org=321183102000&from=2022&to=2023"));
        assertThat(series).hasSize(2);
        assertThat(series.get(1).get("value").decimalValue()).isEqualByComparingTo("90");
        assertThat(series.get(1).get("growth").get("kind").asString()).isEqualTo("REPORTED");
        // Each point carries the same period a year earlier (read in the same statement as the points themselves).
        assertThat(series.get(1).get("previousYear").decimalValue()).isEqualByComparingTo("85.2");
        assertThat(series.get(0).get("previousYear").isNull()).isTrue();
        JsonNode single = read(leader.get("/api/v1/indicators/gdp/series?org=321183102000&from=2023&to=2023"));
        assertThat(single).hasSize(1);
        assertThat(single.get(0).get("period").get("start").asString()).isEqualTo("2023-01-01");
        assertThat(single.get(0).get("previousYear").decimalValue()).isEqualByComparingTo("85.2");
        JsonNode board = read(leader.get("/api/v1/targets/progress?org=321183102000&year=2024&asOf=2024-09-30"));
        assertThat(board.size()).isGreaterThanOrEqualTo(4);
        assertThat(board).anySatisfy(p -> assertThat(p.get("target").get("wording").asString()).isEqualTo("工业应税开票销售力争超260亿元"));
        // Out of scope: a village cadre cannot read the town's series; a guessed org is not found.
        assertThat(as("cadre").get("/api/v1/indicators/gdp/series?org=321183102000&from=2022&to=2023").statusCode()).isEqualTo(404);
        assertThat(leader.get("/api/v1/indicators/gdp/series?org=321183102000&from=2023-13&to=2023").statusCode()).isEqualTo(400);
    }

    @Test
    void batchSavesConflictAndValidate() {
        HttpTestClient admin = as("admin");
        String body = "{\"values\":[{\"indicatorCode\":\"grain_area\",\"orgUnitCode\":\"321183103000\",\"period\":\"2019\",\"value\":2.5}]}";
        var first = admin.send("PUT", "/api/v1/data-values", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        long version = read(first).get("saved").get(0).get("version").asLong();
        var again = admin.send("PUT", "/api/v1/data-values", body);
        assertThat(again.statusCode()).as("a value believed new but already there: someone else entered it").isEqualTo(409);
        assertThat(read(again).get("current").get("value").decimalValue()).isEqualByComparingTo("2.5");
        var update = admin.send("PUT", "/api/v1/data-values", "{\"values\":[{\"indicatorCode\":\"grain_area\",\"orgUnitCode\":"
                + "\"321183103000\",\"period\":\"2019\",\"value\":2.6,\"version\":" + version + "}]}");
        assertThat(update.statusCode()).isEqualTo(200);
        assertThat(read(update).get("saved").get(0).get("revision").asInt()).isEqualTo(2);

        var text = admin.send("PUT", "/api/v1/data-values", "{\"values\":[{\"indicatorCode\":\"fdi\",\"orgUnitCode\":\"321183103000\","
                + "\"period\":\"2019\",\"value\":\"三百\"}]}");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(admin.send("PUT", "/api/v1/data-values", "{\"values\":[]}").statusCode()).isEqualTo(400);
        assertThat(as("leader").send("PUT", "/api/v1/data-values", body).statusCode()).as("leaders read, staff enter").isEqualTo(403);

        var run = admin.send("POST", "/api/v1/validation-runs", "{\"orgUnitCode\":\"321183102000\",\"period\":\"2023-05\"}");
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(read(run)).isEmpty();
    }

    @Test
    void administratorsDefineIndicatorsAndFormulasAreChecked() {
        HttpTestClient admin = as("admin");
        String code = "tax_per_capita_" + System.nanoTime() % 100000;
        var created = admin.send("POST", "/api/v1/indicators", "{\"code\":\"" + code + "\",\"nameZh\":\"人均税收\",\"unit\":\"元\","
                + "\"valueType\":\"RATE\",\"periodType\":\"YEAR\",\"orgAggregation\":\"NONE\",\"periodAggregation\":\"LAST\","
                + "\"decimals\":1,\"formula\":\"budget_revenue / gdp * 100\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var syntax = admin.send("POST", "/api/v1/indicators", "{\"code\":\"bad_formula\",\"nameZh\":\"坏公式\",\"unit\":\"%\","
                + "\"valueType\":\"RATE\",\"periodType\":\"YEAR\",\"formula\":\"gdp + (budget_revenue\"}");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(read(syntax).get("errors").get(0).get("field").asString()).isEqualTo("formula");
        assertThat(read(syntax).get("errors").get(0).get("message").asString()).contains("7");
        var self = admin.send("POST", "/api/v1/indicators", "{\"code\":\"loop_x\",\"nameZh\":\"循环\",\"unit\":\"%\","
                + "\"valueType\":\"RATE\",\"periodType\":\"YEAR\",\"formula\":\"loop_x + 1\"}");
        assertThat(read(self).get("errors").get(0).get("code").asString()).isEqualTo("indicator.formula.cycle");
        assertThat(as("leader").send("POST", "/api/v1/indicators", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void administratorsEditIndicatorsWithTheVersionTheyRead() {
        HttpTestClient admin = as("admin");
        String code = "edit_me_" + System.nanoTime() % 100000;
        var created = admin.send("POST", "/api/v1/indicators", "{\"code\":\"" + code + "\",\"nameZh\":\"待改名\",\"unit\":\"万元\","
                + "\"valueType\":\"AMOUNT\",\"periodType\":\"YEAR\",\"decimals\":2}");
        assertThat(created.statusCode()).isEqualTo(201);
        var renamed = admin.send("PATCH", "/api/v1/indicators/" + code, "{\"version\":0,\"nameZh\":\"已改名\",\"definition\":\"口径说明\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(read(renamed).get("nameZh").asString()).isEqualTo("已改名");
        assertThat(read(renamed).get("version").asLong()).isEqualTo(1);
        assertThat(admin.send("PATCH", "/api/v1/indicators/" + code, "{\"version\":0,\"nameZh\":\"旧版本\"}").statusCode()).isEqualTo(409);
        assertThat(admin.send("PATCH", "/api/v1/indicators/" + code, "{\"nameZh\":\"无版本\"}").statusCode()).isEqualTo(400);
        // GDP holds values with decimals: they cannot be dropped; nor can an entered indicator become computed.
        long gdpVersion = read(admin.get("/api/v1/indicators")).valueStream()
                .filter(i -> i.get("code").asString().equals("gdp")).findFirst().orElseThrow().get("version").asLong();
        var decimals = admin.send("PATCH", "/api/v1/indicators/gdp", "{\"version\":" + gdpVersion + ",\"decimals\":0}");
        assertThat(decimals.statusCode()).isEqualTo(400);
        assertThat(decimals.body()).contains("indicator.decimals.values");
        var kind = admin.send("PATCH", "/api/v1/indicators/gdp", "{\"version\":" + gdpVersion + ",\"formula\":\"fdi * 2\"}");
        assertThat(kind.body()).contains("indicator.kindChange");
        assertThat(as("leader").send("PATCH", "/api/v1/indicators/gdp", "{\"version\":0}").statusCode()).isEqualTo(403);
    }
}
