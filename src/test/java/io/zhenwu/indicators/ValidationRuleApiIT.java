package io.zhenwu.indicators;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validation rules over the API: defined, checked like formulas, changed with their version, deactivated, audited. */
@Tag("db")
@ZhenwuTest
class ValidationRuleApiIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    Indicators indicators;

    @Autowired
    DataValues values;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    HttpTestClient as(String user) {
        var client = new HttpTestClient(port, false);
        var response = client.basic("POST", "/api/v1/tokens", user, "Zhenwu@2023", null);
        return client.bearer(json.readTree(response.body()).get("token").asString());
    }

    JsonNode read(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    /** Two monthly indicators of this test only, so that its rules touch no other test's values. */
    String[] twoIndicators() {
        String n = "_" + SEQ.incrementAndGet() + "_" + (System.nanoTime() % 10000);
        String part = "vr_part" + n;
        String whole = "vr_whole" + n;
        for (String code : List.of(part, whole)) {
            indicators.define(new Indicators.Draft(code, code, null, "ECONOMY", "万元", Indicator.ValueType.AMOUNT, null, null,
                    PeriodType.MONTH, 2, null, null, null, null, null));
        }
        return new String[]{part, whole};
    }

    long audited(String action, String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND entity_id = ?", Long.class, action, code);
    }

    @Test
    void administratorsDefineChangeAndDeactivateRules() {
        String[] codes = twoIndicators();
        String code = "vr_rule" + SEQ.incrementAndGet() + "_" + (System.nanoTime() % 10000);
        HttpTestClient admin = as("admin");
        var created = admin.send("POST", "/api/v1/validation-rules", "{\"code\":\"" + code + "\",\"name\":\"部分不超过整体\","
                + "\"left\":\"" + codes[0] + "\",\"operator\":\"<=\",\"right\":\"" + codes[1] + " * 1.1\",\"importance\":\"HIGH\","
                + "\"blocking\":false,\"periodType\":\"MONTH\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(read(created).get("version").asLong()).isZero();
        assertThat(read(created).get("nameEn").asString()).as("defaults to the Chinese name").isEqualTo("部分不超过整体");
        assertThat(audited("validation_rule.defined", code)).isEqualTo(1);
        assertThat(read(admin.get("/api/v1/validation-rules"))).anySatisfy(r -> assertThat(r.get("code").asString()).isEqualTo(code));

        // A warning rule warns: the save goes through and says which rule it broke.
        OrgUnit town = TestOrgs.newTown(orgUnits);
        DataScope county = TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY));
        Actor staff = new Actor(1, "rule-it", county, EnumSet.of(Role.STAFF));
        var warned = values.save(staff, List.of(new ValueInput(codes[1], town.code(), "2022-01", new BigDecimal("10"), null, null, null, null),
                new ValueInput(codes[0], town.code(), "2022-01", new BigDecimal("12"), null, null, null, null)));
        assertThat(warned.warnings()).extracting(v -> v.rule().code()).containsExactly(code);

        // Made blocking with the version read: now the same kind of save is refused.
        var blocking = admin.send("PATCH", "/api/v1/validation-rules/" + code, "{\"version\":0,\"blocking\":true}");
        assertThat(blocking.statusCode()).as(blocking.body()).isEqualTo(200);
        assertThat(read(blocking).get("version").asLong()).isEqualTo(1);
        assertThat(read(blocking).get("right").asString()).as("fields not sent are kept").isEqualTo(codes[1] + " * 1.1");
        assertThatThrownBy(() -> values.save(staff, List.of(new ValueInput(codes[1], town.code(), "2022-02", new BigDecimal("10"), null,
                null, null, null), new ValueInput(codes[0], town.code(), "2022-02", new BigDecimal("12"), null, null, null, null))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).messageKey()).isEqualTo("indicator.validation.blocked"));

        // A stale version: 409 with the rule as it is now.
        var stale = admin.send("PATCH", "/api/v1/validation-rules/" + code, "{\"version\":0,\"name\":\"旧版本\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(read(stale).get("current").get("blocking").asBoolean()).isTrue();
        assertThat(admin.send("PATCH", "/api/v1/validation-rules/" + code, "{\"name\":\"无版本\"}").statusCode()).isEqualTo(400);
        assertThat(admin.send("PATCH", "/api/v1/validation-rules/no_such_rule", "{\"version\":0}").statusCode()).isEqualTo(404);

        // Deactivated, it no longer blocks, stays listed as inactive, and each change is in the audit trail.
        var off = admin.send("PATCH", "/api/v1/validation-rules/" + code, "{\"version\":1,\"active\":false}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(values.save(staff, List.of(new ValueInput(codes[1], town.code(), "2022-03", new BigDecimal("10"), null, null, null, null),
                new ValueInput(codes[0], town.code(), "2022-03", new BigDecimal("12"), null, null, null, null))).warnings()).isEmpty();
        assertThat(read(admin.get("/api/v1/validation-rules"))).anySatisfy(r -> {
            assertThat(r.get("code").asString()).isEqualTo(code);
            assertThat(r.get("active").asBoolean()).isFalse();
        });
        assertThat(audited("validation_rule.changed", code)).isEqualTo(1);
        assertThat(audited("validation_rule.deactivated", code)).isEqualTo(1);

        // Readers may list the rules; only administrators change them.
        HttpTestClient leader = as("leader");
        assertThat(leader.get("/api/v1/validation-rules").statusCode()).isEqualTo(200);
        assertThat(leader.send("POST", "/api/v1/validation-rules", "{}").statusCode()).isEqualTo(403);
        assertThat(leader.send("PATCH", "/api/v1/validation-rules/" + code, "{\"version\":2}").statusCode()).isEqualTo(403);
    }

    @Test
    void aSaveIsCheckedAgainstTheRulesThatReadWhatItWritesOnly() {
        String[] codes = twoIndicators();
        String other = twoIndicators()[0];
        String code = "vr_rule" + SEQ.incrementAndGet() + "_" + (System.nanoTime() % 10000);
        HttpTestClient admin = as("admin");
        assertThat(admin.send("POST", "/api/v1/validation-rules", "{\"code\":\"" + code + "\",\"name\":\"部分不超过整体\","
                + "\"left\":\"" + codes[0] + "\",\"operator\":\"<=\",\"right\":\"" + codes[1] + "\",\"importance\":\"HIGH\","
                + "\"blocking\":true,\"periodType\":\"MONTH\"}").statusCode()).isEqualTo(201);
        OrgUnit town = TestOrgs.newTown(orgUnits);
        Actor staff = new Actor(1, "rule-it", TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY)), EnumSet.of(Role.STAFF));
        // Broken while the rule was off (values entered before it was defined look the same).
        assertThat(admin.send("PATCH", "/api/v1/validation-rules/" + code, "{\"version\":0,\"active\":false}").statusCode()).isEqualTo(200);
        values.save(staff, List.of(new ValueInput(codes[1], town.code(), "2022-05", new BigDecimal("10"), null, null, null, null),
                new ValueInput(codes[0], town.code(), "2022-05", new BigDecimal("12"), null, null, null, null)));
        assertThat(admin.send("PATCH", "/api/v1/validation-rules/" + code, "{\"version\":1,\"active\":true}").statusCode()).isEqualTo(200);

        try {
            // A value the rule does not read is saved, without a warning about the rule it cannot have broken ...
            assertThat(values.save(staff, List.of(new ValueInput(other, town.code(), "2022-05", new BigDecimal("1"), null, null, null,
                    null))).warnings()).isEmpty();
            // ... while a value it reads is checked, and refused as long as the rule stays broken.
            long version = values.find(TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY)), codes[0], town.id(),
                    Period.parse("p", "2022-05")).orElseThrow().version();
            assertThatThrownBy(() -> values.save(staff, List.of(new ValueInput(codes[0], town.code(), "2022-05", new BigDecimal("11"),
                    null, null, null, version)))).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).messageKey()).isEqualTo("indicator.validation.blocked"));
        } finally {
            // The context is shared: a blocking rule left active would refuse other tests' values of these indicators
            // (the generator writes every monthly indicator of the catalogue).
            assertThat(admin.send("PATCH", "/api/v1/validation-rules/" + code, "{\"version\":2,\"active\":false}").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void expressionsAreCheckedLikeFormulasAndEveryProblemIsOnItsField() {
        String[] codes = twoIndicators();
        HttpTestClient admin = as("admin");
        var bad = admin.send("POST", "/api/v1/validation-rules", "{\"code\":\"Bad Code\",\"name\":\"\",\"left\":\"no_such_indicator\","
                + "\"operator\":\"=<\",\"right\":\"" + codes[1] + " + (1\",\"importance\":\"URGENT\",\"periodType\":\"MONTH\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        List<String> problems = read(bad).get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("code").asString())
                .toList();
        assertThat(problems).containsExactlyInAnyOrder("code:indicator.rule.code.format", "name:indicator.field.required",
                "operator:indicator.rule.operator", "importance:indicator.rule.importance", "left:indicator.reference.unknown",
                "right:indicator.formula.unclosed");
        assertThat(read(bad).get("errors").valueStream().filter(e -> e.get("field").asString().equals("right")).findFirst().orElseThrow()
                .get("message").asString()).as("the column of the unclosed parenthesis").contains(String.valueOf(codes[1].length() + 4));

        // A monthly rule cannot compare a yearly indicator; a yearly one can (it adds the months up).
        var mixed = admin.send("POST", "/api/v1/validation-rules", "{\"code\":\"vr_mixed" + SEQ.incrementAndGet() + "\",\"name\":\"混合\","
                + "\"left\":\"" + codes[0] + "\",\"operator\":\"<=\",\"right\":\"gdp\",\"periodType\":\"MONTH\"}");
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(mixed.body()).contains("indicator.rule.periodType");
        var yearly = admin.send("POST", "/api/v1/validation-rules", "{\"code\":\"vr_yearly" + SEQ.incrementAndGet() + "\",\"name\":\"年度\","
                + "\"left\":\"" + codes[0] + "\",\"operator\":\"<=\",\"right\":\"gdp * 10000\",\"periodType\":\"YEAR\"}");
        assertThat(yearly.statusCode()).as(yearly.body()).isEqualTo(201);
        String yearlyCode = read(yearly).get("code").asString();
        assertThat(admin.send("PATCH", "/api/v1/validation-rules/" + yearlyCode, "{\"version\":0,\"left\":\"gdp +\"}").body())
                .contains("indicator.formula.incomplete");
        admin.send("PATCH", "/api/v1/validation-rules/" + yearlyCode, "{\"version\":0,\"active\":false}");

        var duplicate = admin.send("POST", "/api/v1/validation-rules", "{\"code\":\"mfg_within_fai\",\"name\":\"重复\","
                + "\"left\":\"1\",\"operator\":\"<\",\"right\":\"2\",\"periodType\":\"YEAR\"}");
        assertThat(duplicate.body()).contains("indicator.rule.code.duplicate");
        assertThat(admin.send("POST", "/api/v1/validation-rules", "{\"code\":\"x1\",\"periodType\":\"WEEK\"}").statusCode())
                .as("an unknown period type is bad input, not a server error").isEqualTo(400);
    }
}
