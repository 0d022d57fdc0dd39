package io.zhenwu.indicators;

import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.concurrent.atomic.AtomicInteger;

import static io.zhenwu.web.HttpTestClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** The administrators' catalogue pages over HTTP: filters, create and edit with inline errors, 409 on a stale form, rules. */
@Tag("db")
@ZhenwuTest
class IndicatorAdminIT {

    private static final String PASSWORD = "Zhenwu@2023";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    Indicators indicators;

    @Autowired
    ValidationRules rules;

    @Autowired
    JdbcTemplate jdbc;

    HttpTestClient admin() {
        var admin = new HttpTestClient(port, true);
        admin.login("admin", PASSWORD);
        return admin;
    }

    static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet() + "_" + (System.nanoTime() % 10000);
    }

    @Test
    void theCatalogueFiltersByGroupSourceAndPeriodType() {
        var admin = admin();
        var all = admin.get("/admin/indicators");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("indicator-gdp", "indicator-budget_revenue", "indicator-grain_area", "rd_spending / gdp * 100");
        var bureau = admin.get("/admin/indicators?source=STATS_BUREAU").body();
        assertThat(bureau).contains("indicator-gdp").doesNotContain("indicator-budget_revenue");
        var monthly = admin.get("/admin/indicators?periodType=MONTH").body();
        assertThat(monthly).contains("indicator-budget_revenue").doesNotContain("indicator-gdp\"");
        var farming = admin.get("/admin/indicators?group=AGRICULTURE").body();
        assertThat(farming).contains("indicator-grain_area").doesNotContain("indicator-budget_revenue");
        assertThat(admin.get("/admin/indicators?periodType=WEEK").statusCode()).as("a bad filter is not a server error").isLessThan(500);

        var leader = new HttpTestClient(port, true);
        leader.login("leader", PASSWORD);
        assertThat(leader.get("/admin/indicators").statusCode()).isEqualTo(403);
        assertThat(leader.get("/admin/validation-rules").statusCode()).isEqualTo(403);
    }

    @Test
    void anIndicatorIsCreatedThroughTheFormWithItsErrorsInline() {
        var admin = admin();
        String code = unique("adm_ratio");
        String fields = "&nameZh=" + enc("管理测试比率") + "&nameEn=&groupCode=ECONOMY&unit=%25&valueType=RATE&orgAggregation=NONE"
                + "&periodAggregation=LAST&periodType=YEAR&decimals=1&source=COMPUTED&definition=&ownerOrgCode=XS-JJFZ";
        var missing = admin.postForm("/admin/indicators/new", "/admin/indicators/new", "code=&nameZh=&unit=&decimals=x&formula=");
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("field-error", "必填", "小数位数须在 0 到 6 之间");

        var cycle = admin.postForm("/admin/indicators/new", "/admin/indicators/new", "code=" + code + fields
                + "&formula=" + enc(code + " + 1"));
        assertThat(cycle.body()).contains("互相引用");
        var syntax = admin.postForm("/admin/indicators/new", "/admin/indicators/new", "code=" + code + fields
                + "&formula=" + enc("budget_revenue / (gdp * 100"));
        assertThat(syntax.statusCode()).isEqualTo(200);
        assertThat(syntax.body()).contains("id=\"formula-error\"", "id=\"formula-caret\"", "第 18 列");
        assertThat(indicators.find(code)).isEmpty();

        var created = admin.postForm("/admin/indicators/new", "/admin/indicators/new", "code=" + code + fields
                + "&formula=" + enc("budget_revenue / gdp * 100"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Indicator saved = indicators.get(code);
        assertThat(saved.derived()).isTrue();
        assertThat(saved.nameEn()).as("a blank English name falls back to the Chinese one").isEqualTo("管理测试比率");
        assertThat(saved.ownerOrgCode()).isEqualTo("XS-JJFZ");
        assertThat(admin.get("/admin/indicators?group=ECONOMY").body()).contains("indicator-" + code);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'indicator.defined' AND entity_id = ?",
                Long.class, code)).isEqualTo(1);
        var duplicate = admin.postForm("/admin/indicators/new", "/admin/indicators/new", "code=" + code + fields + "&formula=gdp");
        assertThat(duplicate.body()).contains("已存在");
    }

    @Test
    void aStaleEditFormAnswers409WithTheStoredRecordAndKeepsWhatWasTyped() {
        var admin = admin();
        String code = unique("adm_edit");
        indicators.define(new Indicators.Draft(code, "待编辑", null, "ECONOMY", "万元", Indicator.ValueType.AMOUNT, null, null,
                PeriodType.YEAR, 2, null, null, null, null, null));
        var page = admin.get("/admin/indicators/" + code + "/edit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"indicator-identity\"").doesNotContain("name=\"code\"");
        String form = "version=0&nameZh=" + enc("我的名称") + "&nameEn=Mine&groupCode=ECONOMY&unit=" + enc("万元")
                + "&decimals=2&definition=&ownerOrgCode=&formula=&active=true&_active=on&_comparableGrowth=on";

        // Someone else saves first (the API, version 0 → 1).
        indicators.update(code, 0, new Indicators.Changes("别人的名称", null, null, null, null, null, null, null, null, null));
        var stale = admin.postForm("/admin/indicators/" + code + "/edit", "/admin/indicators/" + code + "/edit", form);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("已被他人修改", "id=\"indicator-current\"", "别人的名称", "value=\"我的名称\"")
                .contains("name=\"version\" value=\"1\"");
        assertThat(indicators.get(code).nameZh()).isEqualTo("别人的名称");

        // Having seen it, saving again (with the version the page now carries) replaces it.
        var saved = admin.postForm("/admin/indicators/" + code + "/edit", "/admin/indicators/" + code + "/edit",
                form.replace("version=0", "version=1"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(indicators.get(code).nameZh()).isEqualTo("我的名称");
        assertThat(indicators.get(code).version()).isEqualTo(2);

        var invalid = admin.postForm("/admin/indicators/" + code + "/edit", "/admin/indicators/" + code + "/edit",
                form.replace("version=0", "version=2").replace("unit=" + enc("万元"), "unit="));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("field-error", "必填");
        assertThat(admin.get("/admin/indicators/no_such_code/edit").statusCode()).isEqualTo(404);
    }

    @Test
    void validationRulesAreCreatedEditedAndDeactivatedOnTheirPages() {
        var admin = admin();
        String code = unique("adm_rule");
        String fields = "&name=" + enc("测试规则") + "&nameEn=&operator=" + enc("<=") + "&importance=LOW&periodType=YEAR";
        var bad = admin.postForm("/admin/validation-rules/new", "/admin/validation-rules/new", "code=" + code + fields
                + "&left=no_such_indicator&right=" + enc("gdp *"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("no_such_indicator", "不完整");
        var created = admin.postForm("/admin/validation-rules/new", "/admin/validation-rules/new", "code=" + code + fields
                + "&left=fdi&right=" + enc("gdp * 10000"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(rules.get(code).blocking()).as("unchecked: a warning").isFalse();
        assertThat(admin.get("/admin/validation-rules").body()).contains("rule-" + code, "gdp * 10000");

        var edited = admin.postForm("/admin/validation-rules/" + code + "/edit", "/admin/validation-rules/" + code + "/edit",
                "version=0" + fields.replace("LOW", "HIGH") + "&left=fdi&right=" + enc("gdp * 20000") + "&active=true&_active=on&_blocking=on");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(302);
        assertThat(rules.get(code).right()).isEqualTo("gdp * 20000");
        assertThat(rules.get(code).importance()).isEqualTo("HIGH");
        var stale = admin.postForm("/admin/validation-rules/" + code + "/edit", "/admin/validation-rules/" + code + "/edit",
                "version=0" + fields + "&left=fdi&right=gdp&active=true&_active=on");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("已被他人修改", "id=\"rule-current\"");

        var off = admin.postForm("/admin/validation-rules", "/admin/validation-rules/" + code + "/deactivate", "version=1");
        assertThat(off.statusCode()).isEqualTo(302);
        assertThat(rules.get(code).active()).isFalse();
        assertThat(rules.all()).noneSatisfy(r -> assertThat(r.code()).isEqualTo(code));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'validation_rule.%' AND entity_id = ?",
                Long.class, code)).isEqualTo(3);
    }
}
