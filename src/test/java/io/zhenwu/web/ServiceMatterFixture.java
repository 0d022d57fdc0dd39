package io.zhenwu.web;

import io.zhenwu.demo.DemoData;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.Users;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A town of its own with a window clerk (STAFF, who works service matters), a leader (who reads them) and one matter
 * the clerk accepted over the API, state {@code accepted}: nothing of the shared demo town changes.
 *
 * @param password both users' password
 */
record ServiceMatterFixture(int port, String clerk, String leader, String password, long caseId) {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ServiceMatterFixture create(int port, OrgUnits orgUnits, Users users) {
        OrgUnit town = TestOrgs.newTown(orgUnits);
        OrgUnit hall = orgUnits.create(TestOrgs.scopeOf(town), town.id(), TestOrgs.internalCode("ZW"), "政务服务中心", OrgUnitType.DEPARTMENT);
        String suffix = RUNS.incrementAndGet() + "x" + System.nanoTime() % 100000;
        String password = DemoData.DEMO_PASSWORD;
        String clerk = "uiclerk" + suffix;
        String leader = "uilead" + suffix;
        users.createAsSystem(clerk, "窗口人员", hall, Set.of(Role.STAFF), password);
        users.createAsSystem(leader, "镇领导", town, Set.of(Role.LEADER), password);
        var partial = new ServiceMatterFixture(port, clerk, leader, password, 0);
        HttpResponse<String> created = partial.api(clerk).send("POST", "/api/v1/cases", "{\"type\":\"service_matter\",\"orgUnitId\":"
                + hall.id() + ",\"title\":\"居民医保参保登记\",\"applicantKind\":\"PERSON\",\"applicantName\":\"张*\",\"promisedDays\":3}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new ServiceMatterFixture(port, clerk, leader, password, JSON.readTree(created.body()).get("id").asLong());
    }

    /** A script of the user's, with a personal token. */
    HttpTestClient api(String user) {
        var client = new HttpTestClient(port, false);
        HttpResponse<String> response = client.basic("POST", "/api/v1/tokens", user, password, "{\"name\":\"ui\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.bearer(JSON.readTree(response.body()).get("token").asString());
    }

    /** The case's current state over the API. */
    String state() {
        return JSON.readTree(api(clerk).get("/api/v1/cases/" + caseId).body()).get("current").get("state").asString();
    }
}
