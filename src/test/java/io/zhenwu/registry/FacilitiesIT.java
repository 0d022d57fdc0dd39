package io.zhenwu.registry;

import io.zhenwu.imports.ImportJob;
import io.zhenwu.imports.ImportService;
import io.zhenwu.imports.XlsxTableWriter;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Facilities over HTTP and through the import pipeline, on H2 and PostgreSQL, each test in a town of its own. */
@Tag("db")
@ZhenwuTest
class FacilitiesIT {

    static final String PASSWORD = "Zhenwu@2023";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    final JsonMapper json = JsonMapper.builder().build();

    OrgUnit town;
    OrgUnit village;

    @BeforeEach
    void town() {
        town = TestOrgs.newTown(orgUnits);
        village = orgUnits.create(TestOrgs.scopeOf(town), town.id(), TestOrgs.childCode(town, 201), "甲村", OrgUnitType.VILLAGE);
    }

    static String code() {
        return "T-FAC-" + SERIAL.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    HttpTestClient as(String user) {
        var client = new HttpTestClient(port, false);
        HttpResponse<String> response = client.basic("POST", "/api/v1/tokens", user, PASSWORD, "{\"name\":\"test\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.bearer(json.readTree(response.body()).get("token").asString());
    }

    JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    Set<String> errorFields(HttpResponse<String> response) {
        var fields = new java.util.TreeSet<String>();
        read(response).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    String body(String code, String type, String lat, String lng) {
        return "{\"code\":\"" + code + "\",\"typeCode\":\"" + type + "\",\"name\":\"甲村微型消防站\",\"orgUnitCode\":\"" + village.code()
                + "\"" + (lat == null ? "" : ",\"latitude\":" + lat) + (lng == null ? "" : ",\"longitude\":" + lng)
                + ",\"commissionedOn\":\"2023-06-30\"}";
    }

    @Test
    void createReadUpdateWithOptimisticLocking() {
        HttpTestClient admin = as("admin");
        String code = code();
        var created = admin.send("POST", "/api/v1/facilities", body(code.toLowerCase(Locale.ROOT), "微型消防站", "32.2012345", "119.2312"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode f = read(created);
        long id = f.get("id").asLong();
        assertThat(f.get("code").asString()).as("codes are upper-cased").isEqualTo(code);
        assertThat(f.get("typeCode").asString()).as("a type named in Chinese is stored by code").isEqualTo("MICRO_FIRE_STATION");
        assertThat(f.get("latitude").decimalValue()).as("six decimals, half-even").isEqualByComparingTo("32.201234");
        assertThat(f.get("status").asString()).isEqualTo("IN_SERVICE");
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/api/v1/facilities/" + id);

        assertThat(read(admin.get("/api/v1/facilities/" + id)).get("name").asString()).isEqualTo("甲村微型消防站");
        JsonNode list = read(admin.get("/api/v1/facilities?org=" + town.code() + "&type=MICRO_FIRE_STATION"));
        assertThat(list.get("totalElements").asLong()).isEqualTo(1);

        var patched = admin.send("PATCH", "/api/v1/facilities/" + id, "{\"version\":0,\"status\":\"DECOMMISSIONED\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(read(patched).get("status").asString()).isEqualTo("DECOMMISSIONED");
        assertThat(read(patched).get("name").asString()).as("absent fields keep their values").isEqualTo("甲村微型消防站");
        var stale = admin.send("PATCH", "/api/v1/facilities/" + id, "{\"version\":0,\"name\":\"覆盖\"}");
        assertProblem(stale, 409);
        assertThat(read(admin.get("/api/v1/facilities/" + id)).get("status").asString()).isEqualTo("DECOMMISSIONED");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'facility' AND entity_id = ?",
                Long.class, String.valueOf(id))).as("registered and updated, both audited").isEqualTo(2);
        // Out of scope is 404, a cadre may read but not see another town's facility.
        assertProblem(as("cadre").get("/api/v1/facilities/" + id), 404);
        var duplicate = admin.send("POST", "/api/v1/facilities", body(code, "MICRO_FIRE_STATION", null, null));
        assertProblem(duplicate, 400);
        assertThat(errorFields(duplicate)).containsExactly("code");
    }

    @Test
    void badPositionsAndUnknownTypesAreRejectedFieldByField() {
        HttpTestClient admin = as("admin");
        var outside = admin.send("POST", "/api/v1/facilities", body(code(), "EV_CHARGER", "1.5", "200"));
        assertProblem(outside, 400);
        assertThat(errorFields(outside)).containsExactly("latitude", "longitude");
        var half = admin.send("POST", "/api/v1/facilities", body(code(), "EV_CHARGER", "32.2", null));
        assertProblem(half, 400);
        assertThat(errorFields(half)).containsExactly("longitude");
        var unknown = admin.language("en").send("POST", "/api/v1/facilities", body(code(), "SPACEPORT", null, null));
        assertProblem(unknown, 400);
        assertThat(errorFields(unknown)).containsExactly("typeCode");
        assertThat(unknown.body()).contains("SPACEPORT").contains("not in the catalogue");
        assertThat(read(admin.get("/api/v1/facility-types")).findValues("code").stream().map(JsonNode::asString))
                .contains("MICRO_FIRE_STATION", "GEO_HAZARD_POINT", "FOREST_FIRE_BROADCASTER");
    }

    @Test
    void onlyAdministratorsKeepTheCatalogue() {
        var staff = new HttpTestClient(port, true);
        staff.login("staff", PASSWORD);
        assertThat(staff.get("/registry/facility-types").statusCode()).isEqualTo(403);
        assertThat(staff.get("/registry/facilities").statusCode()).isEqualTo(200);

        var admin = new HttpTestClient(port, true);
        admin.login("admin", PASSWORD);
        var page = admin.get("/registry/facility-types");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("微型消防站");
        String code = ("T_TYPE_" + SERIAL.incrementAndGet() + "_" + System.nanoTime() % 100000).toUpperCase(Locale.ROOT);
        var added = admin.postForm("/registry/facility-types", "/registry/facility-types",
                "code=" + code + "&nameZh=" + HttpTestClient.enc("测试设施" + code) + "&nameEn=Test+" + code);
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM facility_type WHERE code = ?", Long.class, code)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'facility_type.added' AND entity_id = ?",
                Long.class, code)).isEqualTo(1);
    }

    @Test
    void pagesListShowRegisterAndEdit() {
        var browser = new HttpTestClient(port, true);
        browser.login("admin", PASSWORD);
        String code = code();
        var created = browser.postForm("/registry/facilities/new", "/registry/facilities/new", "code=" + code
                + "&typeCode=RESERVOIR&name=" + HttpTestClient.enc("甲村水库") + "&orgUnitCode=" + village.code()
                + "&latitude=32.2&longitude=119.2&status=IN_SERVICE&commissionedOn=1975-05-01");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/registry/"));
        assertThat(browser.get(path).body()).contains("甲村水库").contains("32.200000");
        assertThat(browser.get(path + "/edit").body()).contains("甲村水库");
        var list = browser.get("/registry/facilities?org=" + town.code());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(code).contains("水库 1");
        var bad = browser.postForm("/registry/facilities/new", "/registry/facilities/new", "code=" + code()
                + "&typeCode=RESERVOIR&name=x&orgUnitCode=" + village.code() + "&latitude=abc&longitude=119.2");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("“abc”不是数字");
    }

    Path xlsx(String name, List<List<Object>> rows) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
             var writer = new XlsxTableWriter(out, "设施", List.of("设施编号", "设施类型", "设施名称", "所属单位代码", "纬度", "经度", "状态", "投用日期"))) {
            for (List<Object> row : rows) {
                writer.writeRow(row);
            }
        }
        return file;
    }

    @Test
    void importsAValidFileAndRejectsAFileWithAnUnknownTypeWhole() throws IOException {
        Actor staff = new Actor(1, "admin", TestOrgs.scopeOf(town), Set.of(Role.STAFF));
        String a = code(), b = code();
        Path good = xlsx("设施.xlsx", List.of(
                List.of(a, "地质灾害隐患点", "甲村后山地质灾害隐患点", village.code(), "32.19", "119.21", "在用", ""),
                List.of(b, "EV_CHARGER", "甲村充电桩", village.code(), "", "", "在建", LocalDate.of(2023, 9, 1))));
        ImportJob job = imports.importNow(staff, "facilities", good, Locale.SIMPLIFIED_CHINESE, n -> { });
        assertThat(job.status()).as(job.message()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(job.insertedRows()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT facility_type FROM facility WHERE facility_code = ?", String.class, a))
                .isEqualTo("GEO_HAZARD_POINT");
        assertThat(jdbc.queryForObject("SELECT status FROM facility WHERE facility_code = ?", String.class, b))
                .isEqualTo("UNDER_CONSTRUCTION");
        ImportJob again = imports.importNow(staff, "facilities", good, Locale.SIMPLIFIED_CHINESE, n -> { });
        assertThat(again.unchangedRows()).isEqualTo(2);

        String c = code(), d = code();
        Path bad = xlsx("设施2.xlsx", List.of(
                List.of(c, "微型消防站", "甲村微型消防站", village.code(), "", "", "", ""),
                List.of(d, "太空站", "甲村太空站", village.code(), "", "", "", "")));
        ImportJob rejected = imports.importNow(staff, "facilities", bad, Locale.SIMPLIFIED_CHINESE, n -> { });
        assertThat(rejected.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(rejected.errorRows()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM facility WHERE facility_code IN (?, ?)", Long.class, c, d))
                .as("all or nothing: the valid row is not written either").isZero();
        assertThat(jdbc.queryForObject("SELECT message FROM import_error WHERE job_id = ?", String.class, rejected.id()))
                .contains("太空站");
    }
}
