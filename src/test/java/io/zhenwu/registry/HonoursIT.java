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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Enterprise honours over HTTP and through the import pipeline, on H2 and PostgreSQL, in towns of their own. */
@Tag("db")
@ZhenwuTest
class HonoursIT {

    static final String PASSWORD = "Zhenwu@2023";
    private static final AtomicInteger SERIAL = new AtomicInteger(5000);

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    Enterprises enterprises;

    @Autowired
    Honours honours;

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

    /** A valid test credit code (prefix MC: apart from the demo's and the other tests'). */
    static String creditCode() {
        String first17 = "91321183MC" + String.format("%07d", SERIAL.getAndIncrement());
        return first17 + CreditCode.checkCharacter(first17);
    }

    Enterprise enterprise(String name) {
        return enterprises.register(TestOrgs.scopeOf(town), new EnterpriseDraft(creditCode(), name, village.code(), null, null, null,
                null, null, null, null, null, null, null));
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

    @Test
    void honoursAreAddedOncePerTypeAndYearAndCountedByLevel() {
        Enterprise e = enterprise("甲新材料有限公司");
        HttpTestClient admin = as("admin");
        String path = "/api/v1/enterprises/" + e.id() + "/honours";
        var created = admin.send("POST", path, "{\"typeCode\":\"省级绿色工厂\",\"awardYear\":2023,\"issuingBody\":\"江苏省工业和信息化厅\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(read(created).get("typeCode").asString()).isEqualTo("GREEN_FACTORY_PROVINCIAL");
        assertThat(read(created).get("level").asString()).as("the type's default level").isEqualTo("PROVINCIAL");
        var national = admin.send("POST", path, "{\"typeCode\":\"LITTLE_GIANT\",\"awardYear\":2023}");
        assertThat(national.statusCode()).as(national.body()).isEqualTo(201);
        var stated = admin.send("POST", path, "{\"typeCode\":\"PROV_RD_PLATFORM\",\"level\":\"MUNICIPAL\",\"awardYear\":2022}");
        assertThat(read(stated).get("level").asString()).as("a stated level wins").isEqualTo("MUNICIPAL");

        var duplicate = admin.send("POST", path, "{\"typeCode\":\"GREEN_FACTORY_PROVINCIAL\",\"awardYear\":2023}");
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(400);
        assertThat(read(duplicate).get("errors").get(0).get("field").asString()).isEqualTo("typeCode");
        assertThat(duplicate.body()).contains("省级绿色工厂").contains("2023");
        var unknownYear = admin.send("POST", path, "{\"typeCode\":\"GREEN_FACTORY_PROVINCIAL\",\"awardYear\":1800}");
        assertThat(unknownYear.statusCode()).isEqualTo(400);
        var nextYear = admin.send("POST", path, "{\"typeCode\":\"GREEN_FACTORY_PROVINCIAL\",\"awardYear\":2022}");
        assertThat(nextYear.statusCode()).as("the same honour in another year is another record").isEqualTo(201);

        JsonNode list = read(admin.get(path));
        assertThat(list.size()).isEqualTo(4);
        assertThat(list.get(0).get("awardYear").asInt()).as("newest first").isEqualTo(2023);
        assertThat(as("cadre").get(path).statusCode()).as("out of scope").isEqualTo(404);
        assertThat(as("inspector").send("POST", path, "{\"typeCode\":\"LITTLE_GIANT\",\"awardYear\":2022}").statusCode())
                .isEqualTo(403);

        var counts = honours.countByLevel(TestOrgs.scopeOf(town), town.code(), 2023);
        assertThat(counts.total()).isEqualTo(2);
        assertThat(counts.of(HonourLevel.NATIONAL)).isEqualTo(1);
        assertThat(counts.of(HonourLevel.PROVINCIAL)).isEqualTo(1);
        assertThat(honours.countByLevel(TestOrgs.scopeOf(town), town.code(), 2022).total()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'enterprise_honour.recorded' "
                + "AND entity_id = ?", Long.class, read(created).get("id").asString())).isEqualTo(1);
    }

    @Test
    void theEnterprisePageShowsHonoursAndAddsOne() {
        Enterprise e = enterprise("戊装备有限公司");
        var browser = new HttpTestClient(port, true);
        browser.login("admin", PASSWORD);
        assertThat(browser.get("/registry/enterprises/" + e.id()).body()).contains("/registry/enterprises/" + e.id() + "/honours");
        var added = browser.postForm("/registry/enterprises/" + e.id(), "/registry/enterprises/" + e.id() + "/honours",
                "typeCode=GOVERNOR_QUALITY_AWARD&level=&awardYear=2023&issuingBody=" + HttpTestClient.enc("江苏省人民政府") + "&note=");
        assertThat(added.statusCode()).isEqualTo(302);
        var section = browser.get("/registry/enterprises/" + e.id() + "/honours");
        assertThat(section.statusCode()).isEqualTo(200);
        assertThat(section.body()).contains("省长质量奖").contains("江苏省人民政府").contains("省级");
        var again = browser.postForm("/registry/enterprises/" + e.id(), "/registry/enterprises/" + e.id() + "/honours",
                "typeCode=GOVERNOR_QUALITY_AWARD&awardYear=2023");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(browser.get("/registry/enterprises/" + e.id()).body()).contains("已登记");
    }

    Path xlsx(String name, List<List<Object>> rows) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
             var writer = new XlsxTableWriter(out, "荣誉", List.of("统一社会信用代码", "荣誉类型", "级别", "年度", "颁发单位", "备注"))) {
            for (List<Object> row : rows) {
                writer.writeRow(row);
            }
        }
        return file;
    }

    @Test
    void importKeysOnCreditCodeTypeAndYearWithinScope() throws IOException {
        Enterprise a = enterprise("乙精密机械有限公司");
        Enterprise b = enterprise("丙建材有限公司");
        Actor staff = new Actor(1, "admin", TestOrgs.scopeOf(town), Set.of(Role.STAFF));
        Path good = xlsx("荣誉.xlsx", List.of(
                List.of(a.creditCode(), "高新技术企业", "", 2023, "江苏省高新技术企业认定管理工作协调小组", ""),
                List.of(b.creditCode().toLowerCase(Locale.ROOT), "PROV_SPECIALISED_SME", "省级", "2022", "", "备注"),
                List.of(b.creditCode(), "镇江市级科创平台", "", 2023, "", "")));
        ImportJob job = imports.importNow(staff, "honours", good, Locale.SIMPLIFIED_CHINESE, n -> { });
        assertThat(job.status()).as(job.message()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(job.insertedRows()).isEqualTo(3);
        assertThat(honours.ofEnterprise(TestOrgs.scopeOf(town), b.id())).extracting(EnterpriseHonour::typeCode)
                .containsExactlyInAnyOrder("PROV_SPECIALISED_SME", "ZJ_RD_PLATFORM");
        var counts = honours.countByLevel(TestOrgs.scopeOf(town), town.code(), 2023);
        assertThat(counts.of(HonourLevel.NATIONAL)).isEqualTo(1);
        assertThat(counts.of(HonourLevel.MUNICIPAL)).isEqualTo(1);

        ImportJob again = imports.importNow(staff, "honours", good, Locale.SIMPLIFIED_CHINESE, n -> { });
        assertThat(again.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(again.unchangedRows()).as("re-importing is idempotent").isEqualTo(3);
        // An honour added through the API has the same key, so the file updates it instead of duplicating it.
        Enterprise c = enterprise("丁食品有限公司");
        honours.add(TestOrgs.scopeOf(town), c.id(), new HonourDraft("GREEN_FACTORY_PROVINCIAL", null, 2023, null, null));
        ImportJob update = imports.importNow(staff, "honours", xlsx("荣誉2.xlsx", List.of(
                List.of(c.creditCode(), "省级绿色工厂", "", 2023, "江苏省工业和信息化厅", ""))), Locale.SIMPLIFIED_CHINESE, n -> { });
        assertThat(update.updatedRows()).as(update.message()).isEqualTo(1);

        // A credit code that is not registered in the importer's scope (a demo town enterprise here) rejects the file.
        String xiashuCode = jdbc.queryForObject("SELECT credit_code FROM enterprise WHERE name = '江苏天工工具新材料股份有限公司'", String.class);
        Path bad = xlsx("荣誉3.xlsx", List.of(
                List.of(a.creditCode(), "省长质量奖", "", 2023, "", ""),
                List.of(xiashuCode, "省长质量奖", "", 2022, "", ""),
                List.of(a.creditCode(), "不存在的荣誉", "", 2023, "", "")));
        ImportJob rejected = imports.importNow(staff, "honours", bad, Locale.SIMPLIFIED_CHINESE, n -> { });
        assertThat(rejected.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(rejected.errorRows()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT message FROM import_error WHERE job_id = ? ORDER BY row_no", String.class, rejected.id()))
                .anySatisfy(m -> assertThat(m).contains(xiashuCode).contains("未登记或不在您的管辖范围内"))
                .anySatisfy(m -> assertThat(m).contains("不存在的荣誉"))
                .noneSatisfy(m -> assertThat(m).contains("所属单位代码"));
        assertThat(honours.ofEnterprise(TestOrgs.scopeOf(town), a.id())).hasSize(1);
    }

    @Test
    void administratorsExtendTheHonourCatalogue() {
        var admin = new HttpTestClient(port, true);
        admin.login("admin", PASSWORD);
        String code = "CITY_AWARD_" + SERIAL.getAndIncrement();
        var bad = admin.postForm("/registry/honour-types", "/registry/honour-types",
                "code=bad+code&nameZh=&nameEn=x&defaultLevel=MUNICIPAL");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("field-error").contains("须以大写字母开头");
        var ok = admin.postForm("/registry/honour-types", "/registry/honour-types", "code=" + code + "&nameZh="
                + HttpTestClient.enc("镇江市科技进步奖" + code) + "&nameEn=Zhenjiang+science+award&defaultLevel=MUNICIPAL");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT default_level FROM honour_type WHERE code = ?", String.class, code)).isEqualTo("MUNICIPAL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'honour_type.added' AND entity_id = ?",
                Long.class, code)).isEqualTo(1);
        var duplicate = admin.postForm("/registry/honour-types", "/registry/honour-types", "code=" + code
                + "&nameZh=x&nameEn=y&defaultLevel=COUNTY");
        assertThat(duplicate.body()).contains("已存在");

        var leader = new HttpTestClient(port, true);
        leader.login("leader", PASSWORD);
        assertThat(leader.get("/registry/honour-types").statusCode()).isEqualTo(403);
    }
}
