package io.zhenwu.cases;

import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The service hall and its Open311 view over HTTP, as the demo staff and enterprise users. */
@Tag("db")
@ZhenwuTest
class ServiceHallApiIT {

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    HttpTestClient as(String user) {
        var client = new HttpTestClient(port, false);
        HttpResponse<String> response = client.basic("POST", "/api/v1/tokens", user, CasesIT.PASSWORD, "{\"name\":\"test\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.bearer(json.readTree(response.body()).get("token").asString()).language("zh-CN");
    }

    @Test
    void acceptingChecksTheApplicantIdAndTheCatalogue() {
        HttpTestClient staff = as("staff");
        HttpResponse<String> badId = staff.send("POST", "/api/v1/service-hall/acceptances",
                "{\"matterCode\":\"GG-004\",\"windowCode\":\"ZH-02\",\"applicantKind\":\"RESIDENT\",\"applicantName\":\"王建国\",\"applicantId\":\"110105194912310029\"}");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("applicantId", "校验位");
        HttpResponse<String> unknown = staff.send("POST", "/api/v1/service-hall/acceptances",
                "{\"matterCode\":\"NOPE\",\"windowCode\":\"XX\",\"applicantKind\":\"PERSON\",\"applicantName\":\"王建国\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("matterCode", "windowCode");
        HttpResponse<String> ok = staff.send("POST", "/api/v1/service-hall/acceptances",
                "{\"matterCode\":\"GG-004\",\"windowCode\":\"ZH-02\",\"applicantKind\":\"RESIDENT\",\"applicantName\":\"王建国\",\"applicantId\":\"11010519491231002X\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        JsonNode c = json.readTree(ok.body());
        assertThat(c.get("number").asString()).startsWith("XS-ZW-");
        assertThat(c.get("applicantName").asString()).isEqualTo("王**");
        assertThat(c.get("applicantIdMasked").asString()).isEqualTo("1101**********002X");
        assertThat(ok.body()).doesNotContain("11010519491231002X");
        assertThat(c.get("promisedDays").asInt()).isEqualTo(5);

        HttpResponse<String> bundle = staff.send("POST", "/api/v1/service-hall/acceptances",
                "{\"bundleCode\":\"YJS-BIRTH\",\"windowCode\":\"ZH-01\",\"applicantKind\":\"PERSON\",\"applicantName\":\"李*\"}");
        assertThat(bundle.statusCode()).as(bundle.body()).isEqualTo(201);
        long id = json.readTree(bundle.body()).get("id").asLong();
        assertThat(json.readTree(staff.get("/api/v1/cases/" + id).body()).get("children")).hasSize(3);
    }

    @Test
    void open311ListsPublicServicesAndRequestsWithoutPersonalData() {
        HttpTestClient leader = as("leader");
        JsonNode services = json.readTree(leader.get("/open311/v2/services.json").body());
        assertThat(services.size()).isGreaterThan(10);
        assertThat(services.get(0).has("service_code")).isTrue();
        HttpResponse<String> requests = leader.get("/open311/v2/requests.json?start_date=2023-12-01&end_date=2023-12-31&service_code=BDC-001");
        assertThat(requests.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(requests.body());
        assertThat(list.size()).isGreaterThan(0);
        assertThat(list.get(0).get("service_code").asString()).isEqualTo("BDC-001");
        assertThat(requests.body()).doesNotContain("applicant");
        assertThat(leader.get("/open311/v2/requests.json?status=pending").statusCode()).isEqualTo(400);
        // The status filter is applied in SQL: every December 2023 matter of the demo is closed.
        JsonNode closed = json.readTree(leader.get("/open311/v2/requests.json?start_date=2023-12-01&end_date=2023-12-31&status=closed").body());
        assertThat(closed.size()).isPositive();
        closed.forEach(r -> assertThat(r.get("status").asString()).isEqualTo("closed"));
        assertThat(json.readTree(leader.get("/open311/v2/requests.json?start_date=2023-12-01&end_date=2023-12-31&status=open").body()))
                .isEmpty();
        assertThat(new HttpTestClient(port, false).get("/open311/v2/services.json").statusCode()).as("anonymous callers are sent to log in").isIn(401, 302);
    }

    @Test
    void theEnterpriseUserSeesOnlyTheirOwnEnterprisesCases() {
        HttpTestClient enterprise = as("enterprise");
        JsonNode mine = json.readTree(enterprise.get("/api/v1/cases?size=100").body());
        assertThat(mine.get("totalElements").asLong()).isPositive();
        mine.get("content").forEach(c -> assertThat(c.get("applicantName").asString()).isEqualTo("江苏天工工具新材料股份有限公司"));
        HttpTestClient staff = as("staff");
        long someMatter = json.readTree(staff.get("/api/v1/cases?type=service_matter&size=1").body()).get("content").get(0).get("id").asLong();
        assertThat(enterprise.get("/api/v1/cases/" + someMatter).statusCode()).isEqualTo(404);
    }
}
