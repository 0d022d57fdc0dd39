package io.zhenwu.reports;

import io.zhenwu.indicators.DataValue;
import io.zhenwu.indicators.DataValues;
import io.zhenwu.indicators.ValueInput;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.Facilities;
import io.zhenwu.registry.FacilityDraft;
import io.zhenwu.registry.FacilityStatus;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bad input and the end-to-end path: template errors with line and column, a figure outside the
 * caller's scope, a year without data (“—” with warnings, never 0), publishing twice, compare with now, the API,
 * the provenance page and the exports (DOCX opened back with Apache POI).
 */
@Tag("db")
@ZhenwuTest
class ReportsIT {

    @LocalServerPort
    int port;

    @Autowired
    Reports reports;

    @Autowired
    ReportTemplates templates;

    @Autowired
    Publications publications;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    Facilities facilities;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    HttpTestClient as(String user) {
        var client = new HttpTestClient(port, false);
        var response = client.basic("POST", "/api/v1/tokens", user, "Zhenwu@2023", null);
        return client.bearer(json.readTree(response.body()).get("token").asString());
    }

    Actor admin() {
        OrgUnit county = TestOrgs.byCode(orgUnits, TestOrgs.COUNTY);
        return new Actor(1, "admin", TestOrgs.scopeOf(county), EnumSet.of(Role.ADMIN));
    }

    static FieldViolation only(InvalidInputException e) {
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    @Test
    void templateErrorsCarryLineAndColumnAndAreNotSaved() {
        Actor admin = admin();
        var unknown = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() ->
                templates.create(admin, "坏模板-未知口径", "## 标题\n全年办理{{cases.no_such.figure}}件"));
        assertThat(only(unknown).messageKey()).isEqualTo("report.template.unknownFigure");
        assertThat(only(unknown).args()).containsExactly(2, 7, "cases.no_such.figure");

        var unclosed = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() ->
                templates.create(admin, "坏模板-未闭合", "地区生产总值{{indicators.gdp unit=亿元"));
        assertThat(only(unclosed).messageKey()).isEqualTo("report.template.unclosed");
        assertThat(only(unclosed).args()).containsExactly(1, 7);

        var option = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() ->
                templates.create(admin, "坏模板-未知选项", "\n\n  荣誉{{registry.honours.awarded colour=red}}项"));
        assertThat(only(option).messageKey()).isEqualTo("report.template.unknownOption");
        assertThat(only(option).args()).containsExactly(3, 32, "colour", "registry.honours.awarded");

        assertThat(templates.findByName(admin.scope(), "坏模板-未知口径")).isEmpty();
        // rendering a text with errors is refused the same way, never half-rendered
        assertThatThrownBy(() -> reports.render(admin.scope(), "x", 0, "{{indicators.gdp decimals=9}}", TestOrgs.XIASHU, 2023))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theEditorsPreviewShowsParseErrorsInline() {
        var client = new HttpTestClient(port, true);
        client.login("leader", "Zhenwu@2023");
        var editor = client.get("/reports/templates/new");
        assertThat(editor.statusCode()).as(editor.body()).isEqualTo(200);
        String csrf = HttpTestClient.csrfFrom(editor.body());
        var response = sendForm(client, "/reports/templates/preview", "body=" + HttpTestClient.enc("第一行\n全年{{cases.no_such.figure}}件")
                + "&org=321183102000&year=2023&_csrf=" + csrf);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("parse-errors", "第 2 行第 5 列", "cases.no_such.figure");
        var ok = sendForm(client, "/reports/templates/preview", "body=" + HttpTestClient.enc("GDP {{indicators.gdp}} 亿元")
                + "&org=321183102000&year=2023&_csrf=" + csrf);
        assertThat(ok.body()).contains("class=\"figure\"", ">90<", "/reports/figures/indicators.gdp?org=321183102000&amp;period=2023");
        // staff may read reports but not edit templates
        var staff = new HttpTestClient(port, true);
        staff.login("staff", "Zhenwu@2023");
        assertThat(staff.get("/reports/templates/new").statusCode()).isEqualTo(403);
        assertThat(staff.get("/reports").statusCode()).isEqualTo(200);
    }

    HttpResponse<String> sendForm(HttpTestClient client, String path, String form) {
        // HttpTestClient posts forms with the CSRF token of a page; the preview is posted by htmx from the editor.
        try {
            var field = HttpTestClient.class.getDeclaredField("client");
            field.setAccessible(true);
            HttpClient http = (HttpClient) field.get(client);
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFigureOutsideTheCallersScopeIsRefused() {
        HttpTestClient cadre = as("cadre");
        assertThat(cadre.get("/api/v1/figures/registry.honours.awarded?org=321183102000&period=2023").statusCode()).isEqualTo(404);
        assertThat(cadre.get("/api/v1/figures/registry.honours.awarded/records?org=321183102000&period=2023").statusCode()).isEqualTo(404);
        assertThat(cadre.get("/api/v1/figures/indicators.gdp?org=321183102000&period=2023").statusCode()).isEqualTo(404);
        OrgUnit kongqing = TestOrgs.byCode(orgUnits, TestOrgs.KONGQING);
        assertThatThrownBy(() -> reports.render(TestOrgs.scopeOf(kongqing), "年度工作报告", TestOrgs.XIASHU, 2023))
                .isInstanceOf(NotFoundException.class);
        var page = new HttpTestClient(port, true);
        page.login("cadre", "Zhenwu@2023");
        assertThat(page.get("/reports/figures/registry.honours.awarded?org=321183102000&period=2023").statusCode()).isEqualTo(404);
        // within scope the same cadre gets the village's own figure
        assertThat(cadre.get("/api/v1/figures/registry.facilities.in_service?org=321183102201&period=2023").statusCode()).isEqualTo(200);
    }

    @Test
    void aYearWithoutDataPrintsDashesWithWarningsNeverZero() {
        RenderedReport empty = reports.render(admin().scope(), "年度工作报告", TestOrgs.XIASHU, 1960);
        assertThat(empty.hasAnyValue()).isFalse();
        assertThat(empty.figures()).allSatisfy(f -> assertThat(f.text()).isEqualTo("—"));
        assertThat(empty.warnings()).isNotEmpty();
        assertThat(empty.warnings()).extracting(RenderedReport.Warning::figureCode).contains("indicators.gdp", "registry.honours.awarded");
        String text = empty.plainText();
        assertThat(text).contains("地区生产总值—亿元", "全年共获得各级荣誉—项").doesNotContain("生产总值0", "荣誉0项");

        // 2021: the registers have records, the indicators do not — only those print “—”
        RenderedReport partial = reports.render(admin().scope(), "年度工作报告", TestOrgs.XIASHU, 2021);
        assertThat(partial.plainText()).contains("地区生产总值—亿元");
        assertThat(partial.warnings()).extracting(RenderedReport.Warning::figureCode).contains("indicators.gdp")
                .doesNotContain("registry.honours.awarded");
    }

    @Test
    void publishingFreezesTheReportTwiceMakesTwoEditionsAndCompareListsChanges() {
        Actor admin = admin();
        OrgUnit town = TestOrgs.newTown(orgUnits);
        values.save(admin, List.of(new ValueInput("gdp", town.code(), "2023", new BigDecimal("10.5"), new BigDecimal("3.2"),
                DataValue.ValueSource.ANNUAL, null, null)));
        facilities.register(admin.scope(), new FacilityDraft("T-RPT-" + town.code(), "MICRO_FIRE_STATION", "测试微型消防站",
                town.code(), null, null, FacilityStatus.IN_SERVICE, LocalDate.of(2023, 3, 1)));
        ReportTemplate t = templates.create(admin, "测试模板-" + town.code(), """
                # {{org}}{{year}}年工作报告
                ## 经济
                实现地区生产总值{{indicators.gdp}}亿元，{{indicators.gdp show=growth}}。设置微型消防站{{registry.facilities.in_service type=MICRO_FIRE_STATION}}处。
                """);
        Publication first = publications.publish(admin, t.id(), town.code(), 2023);
        Publication second = publications.publish(admin, t.id(), town.code(), 2023);
        assertThat(first.edition()).isEqualTo(1);
        assertThat(second.edition()).isEqualTo(2);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(first.templateVersion()).isEqualTo(1);
        assertThat(publications.report(admin.scope(), first.id()).plainText())
                .contains(town.name() + "2023年工作报告", "实现地区生产总值10.5亿元，同比增长3.2%。设置微型消防站1处。");
        assertThat(publications.compare(admin.scope(), first.id())).isEmpty();
        var frozen = publications.figures(admin.scope(), first.id());
        assertThat(frozen).hasSize(3);
        assertThat(frozen.get(0).rawValue()).isEqualByComparingTo("10.5");
        assertThat(frozen.get(0).revision()).isEqualTo(1);
        assertThat(frozen.get(2).fingerprintCount()).isEqualTo(1);

        // The records change: GDP is revised, a second fire station is registered.
        DataValue gdp = values.find(admin.scope(), "gdp", town.id(), io.zhenwu.indicators.Period.year(2023)).orElseThrow();
        values.save(admin, List.of(new ValueInput("gdp", town.code(), "2023", new BigDecimal("11"), new BigDecimal("3.2"),
                DataValue.ValueSource.REVISED, null, gdp.version())));
        var added = facilities.register(admin.scope(), new FacilityDraft("T-RPT2-" + town.code(), "MICRO_FIRE_STATION",
                "测试微型消防站二", town.code(), null, null, FacilityStatus.IN_SERVICE, LocalDate.of(2023, 9, 1)));

        var changes = publications.compare(admin.scope(), first.id());
        assertThat(changes).extracting(Publications.Change::code)
                .containsExactlyInAnyOrder("indicators.gdp", "registry.facilities.in_service");
        Publications.Change stations = changes.stream().filter(c -> c.code().startsWith("registry")).findFirst().orElseThrow();
        assertThat(stations.before()).isEqualByComparingTo("1");
        assertThat(stations.now()).isEqualByComparingTo("2");
        assertThat(stations.added()).isEqualTo(1);
        assertThat(stations.addedIds()).containsExactly(added.id());
        assertThat(stations.removed()).isZero();
        Publications.Change revised = changes.stream().filter(c -> c.code().equals("indicators.gdp")).findFirst().orElseThrow();
        assertThat(revised.before()).isEqualByComparingTo("10.5");
        assertThat(revised.now()).isEqualByComparingTo("11");

        // The publication itself never changes; a new one states the new numbers.
        assertThat(publications.report(admin.scope(), first.id()).plainText()).contains("10.5亿元", "微型消防站1处");
        Publication third = publications.publish(admin, t.id(), town.code(), 2023);
        assertThat(third.edition()).isEqualTo(3);
        assertThat(publications.report(admin.scope(), third.id()).plainText()).contains("11亿元", "微型消防站2处");

        // Over HTTP the compare fragment lists the change for the leader of the county (admin)
        var client = new HttpTestClient(port, true);
        client.login("admin", "Zhenwu@2023");
        assertThat(client.get("/reports/published/" + first.id()).body()).contains("10.5", "published-figures");
        assertThat(client.get("/reports/published/" + first.id() + "/compare").body()).contains("indicators.gdp", "registry.facilities.in_service");
        // a leader of another town does not see it
        var leader = new HttpTestClient(port, true);
        leader.login("leader", "Zhenwu@2023");
        assertThat(leader.get("/reports/published/" + first.id()).statusCode()).isEqualTo(404);
    }

    /** Issue 18: every published report prints the audit chain's anchor at publication, so truncation is provable later. */
    @Test
    void aPublishedReportPrintsTheAuditAnchorAtItsPublication() {
        Actor admin = admin();
        OrgUnit town = TestOrgs.newTown(orgUnits);
        ReportTemplate t = templates.create(admin, "锚点模板-" + town.code(), "# {{org}}{{year}}年工作报告\n正文。\n");
        Publication p = publications.publish(admin, t.id(), town.code(), 2023);

        assertThat(p.auditAnchor()).matches("A1 \\S+ seq=\\d+ head=[0-9a-f]{64} plain=\\d+ key=\\S+ mac=[0-9a-f]{64}");
        long seq = Long.parseLong(p.auditAnchor().replaceAll(".* seq=(\\d+) .*", "$1"));
        String head = p.auditAnchor().replaceAll(".* head=([0-9a-f]{64}) .*", "$1");
        assertThat(seq).isPositive();
        assertThat(jdbc.queryForObject("SELECT hash FROM audit_seal WHERE seq = ?", String.class, seq)).isEqualTo(head);

        String printed = Publications.ANCHOR_LABEL + p.auditAnchor();
        assertThat(publications.report(admin.scope(), p.id()).plainText()).endsWith(printed + "\n");
        var client = new HttpTestClient(port, true);
        client.login("admin", "Zhenwu@2023");
        assertThat(client.get("/reports/published/" + p.id() + "/export?format=markdown").body()).contains(printed);
        assertThat(client.get("/reports/published/" + p.id()).body()).contains(p.auditAnchor());
    }

    @Test
    void theApiListsFiguresAndAnswersOneWithItsRecords() {
        HttpTestClient leader = as("leader");
        JsonNode catalogue = json.readTree(leader.get("/api/v1/figures").body());
        assertThat(catalogue.findValuesAsString("code")).contains("indicators.gdp", "indicators.gdp.target", "registry.honours.awarded",
                "registry.enterprises.above_scale_net", "registry.facilities.commissioned");
        var response = leader.get("/api/v1/figures/registry.honours.awarded?org=321183102000&period=2023&level=NATIONAL");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode figure = json.readTree(response.body());
        assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("20");
        assertThat(figure.get("unit").asString()).isEqualTo("项");
        assertThat(figure.get("definition").asString()).contains("荣誉");
        assertThat(figure.get("parameters").get("filters").get("level").asString()).isEqualTo("NATIONAL");
        JsonNode records = json.readTree(leader.get(figure.get("records").asString() + "&size=5").body());
        assertThat(records.get("totalElements").asLong()).isEqualTo(20);
        assertThat(records.get("content")).hasSize(5);

        JsonNode gdp = json.readTree(leader.get("/api/v1/figures/indicators.gdp?org=321183102000&period=2023").body());
        assertThat(gdp.get("value").decimalValue()).isEqualByComparingTo("90");
        assertThat(gdp.get("source").asString()).isEqualTo("年报");
        assertThat(gdp.get("growthReported").asBoolean()).isTrue();
        assertThat(gdp.get("revision").asInt()).isEqualTo(1);

        var unknownFilter = leader.get("/api/v1/figures/indicators.gdp?org=321183102000&period=2023&category=x");
        assertThat(unknownFilter.statusCode()).isEqualTo(400);
        assertThat(unknownFilter.body()).contains("category");
        assertThat(leader.get("/api/v1/figures/no.such.figure?org=321183102000&period=2023").statusCode()).isEqualTo(404);
        assertThat(leader.get("/api/v1/figures/indicators.gdp?org=321183102000&period=2023-13").statusCode()).isEqualTo(400);
        assertThat(leader.get("/api/v1/figures/registry.honours.awarded?org=321183102000&period=2023&level=GALACTIC").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theProvenancePageShowsDefinitionParametersValueSourceAndRecords() {
        var client = new HttpTestClient(port, true);
        client.login("leader", "Zhenwu@2023");
        String page = client.get("/reports/figures/registry.honours.awarded?org=321183102000&period=2023&level=PROVINCIAL").body();
        assertThat(page).contains("企业获得荣誉", "授予年度", "level=PROVINCIAL", "id=\"printed\">22 项", "计入的记录（22 条）");
        String gdp = client.get("/reports/figures/indicators.gdp?org=321183102000&period=2023").body();
        assertThat(gdp).contains("年报", "90.000000 亿元", "同比增长6%", "可比价");
        var xlsx = client.get("/reports/figures/registry.honours.awarded/export?format=csv&org=321183102000&period=2023&level=PROVINCIAL");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body().lines().count()).as("header and 22 records").isEqualTo(23);
    }

    @Test
    void exportsDocxHtmlAndMarkdown() throws Exception {
        var client = new HttpTestClient(port, true);
        client.login("leader", "Zhenwu@2023");
        long id = templates.findByName(admin().scope(), "年度工作报告").get(0).id();
        var field = HttpTestClient.class.getDeclaredField("client");
        field.setAccessible(true);
        HttpClient http = (HttpClient) field.get(client);
        HttpResponse<byte[]> docx = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/reports/export?template=" + id + "&org=321183102000&year=2023&format=docx")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            assertThat(paragraphs.get(0).getText()).isEqualTo("奋力谱写高质量发展新篇章");
            assertThat(paragraphs.get(0).getStyle()).isEqualTo("Title");
            String all = paragraphs.stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(all).contains("全镇实现地区生产总值90亿元，同比增长6%", "全年共获得各级荣誉45项", "地区生产总值超95亿元");
            assertThat(paragraphs).filteredOn(p -> "Heading1".equals(p.getStyle())).extracting(XWPFParagraph::getText)
                    .startsWith("加快产业强镇步伐，实体经济支撑有力");
            var normal = doc.getStyles().getStyle("Normal");
            assertThat(normal.getCTStyle().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("仿宋_GB2312");
            assertThat(normal.getCTStyle().getRPr().getSzArray(0).getVal().toString()).isEqualTo("32");
            assertThat(normal.getCTStyle().getPPr().getInd().getFirstLineChars().toString()).isEqualTo("200");
            assertThat(doc.getStyles().getStyle("Title").getCTStyle().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("方正小标宋简体");
            assertThat(doc.getFooterList()).singleElement().satisfies(f -> assertThat(f._getHdrFtr().xmlText()).contains("PAGE"));
        }
        String html = client.get("/reports/export?template=" + id + "&org=321183102000&year=2023&format=html").body();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2>预期目标</h2>", "data-figure=\"indicators.gdp\">90</span>");
        String md = client.get("/reports/export?template=" + id + "&org=321183102000&year=2023&format=markdown").body();
        assertThat(md).startsWith("# 奋力谱写高质量发展新篇章").contains("## 加快产业强镇步伐", "全镇实现地区生产总值90亿元，同比增长6%");
        assertThat(client.get("/reports/export?template=" + id + "&org=321183102000&year=2023&format=pdf").statusCode()).isEqualTo(400);
        var rendered = client.get("/reports/render?template=" + id + "&org=321183102000&year=2023").body();
        assertThat(rendered).contains("id=\"report\"", "href=\"/reports/figures/registry.honours.awarded?org=321183102000&amp;period=2023&amp;level=NATIONAL\"");
    }
}
