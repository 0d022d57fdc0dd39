package io.zhenwu.indicators;

import io.zhenwu.imports.ExportService;
import io.zhenwu.imports.ImportJob;
import io.zhenwu.imports.ImportService;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Indicator values through the one import pipeline: same rules as entry, revision history kept, locks respected. */
@Tag("db")
@ZhenwuTest
class DataValueImportIT {

    @Autowired
    ImportService imports;

    @Autowired
    ExportService exports;

    @Autowired
    DataValues values;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    OrgUnit town;
    Actor staff;
    DataScope county;

    @BeforeEach
    void setUp() {
        county = TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY));
        town = TestOrgs.newTown(orgUnits);
        staff = new Actor(1, "importer", county, EnumSet.of(Role.STAFF));
    }

    ImportJob run(String name, String csv) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "指标代码,单位代码,期间,数值,来源\n" + csv);
        return imports.importNow(staff, "data-values", file, Locale.SIMPLIFIED_CHINESE, n -> { });
    }

    @Test
    void valuesImportWithTheirRevisionHistory() throws IOException {
        ImportJob first = run("v1.csv", "budget_revenue," + town.code() + ",2022-01,0.4123,快报\n"
                + "budget_revenue," + town.code() + ",2022-02,0.3,快报\n" + "gdp," + town.code() + ",2022,12.5,年报\n");
        assertThat(first.status()).as(first.message()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(first.insertedRows()).isEqualTo(3);
        DataValue jan = values.find(county, "budget_revenue", town.id(), Period.month(2022, 1)).orElseThrow();
        assertThat(jan.revision()).isEqualTo(1);
        assertThat(jan.updatedBy()).isEqualTo("importer");
        assertThat(values.revisions(county, jan.id())).hasSize(1);

        ImportJob second = run("v2.csv", "budget_revenue," + town.code() + ",2022-01,0.4200,年报\n"
                + "budget_revenue," + town.code() + ",2022-02,0.3,快报\n");
        assertThat(second.updatedRows()).isEqualTo(1);
        assertThat(second.unchangedRows()).isEqualTo(1);
        DataValue revised = values.find(county, "budget_revenue", town.id(), Period.month(2022, 1)).orElseThrow();
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.source()).isEqualTo(DataValue.ValueSource.ANNUAL);
        assertThat(values.revisions(county, revised.id())).extracting(DataValue.Revision::value)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("0.4123"), new BigDecimal("0.42"));
        assertThat(values.find(county, "budget_revenue", town.id(), Period.month(2022, 2)).orElseThrow().revision())
                .as("unchanged rows keep their revision").isEqualTo(1);

        // Exported, the values read back as an importable file.
        var out = new ByteArrayOutputStream();
        exports.export(staff, "data-values", Map.of("org", town.code()), false, ExportService.Format.CSV, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).contains("budget_revenue," + town.code() + ",2022-01,0.42,年报");
        ImportJob roundTrip = imports.importNow(staff, "data-values", write("export.csv", out.toByteArray()),
                Locale.SIMPLIFIED_CHINESE, n -> { });
        assertThat(roundTrip.unchangedRows()).isEqualTo(3);
    }

    @Test
    void entryRulesAndLocksRejectTheWholeFile() throws IOException {
        values.save(staff, List.of(new ValueInput("grain_area", town.code(), "2018", new BigDecimal("1"), null, null, null, null)));
        values.lock(staff, town.code(), "2018");
        ImportJob job = run("bad.csv", "grain_area," + town.code() + ",2018,2,年报\n"
                + "no_such," + town.code() + ",2018,1,\n"
                + "gdp," + town.code() + ",2018-05,1,\n"
                + "gdp," + town.code() + ",2018,1.23456,\n"
                + "new_above_scale_units," + town.code() + ",2018,-3,\n"
                + "rd_ratio," + town.code() + ",2018,4,\n"
                + "fdi," + town.code() + ",2018,三百,\n"
                + "fdi," + town.code() + ",2018,300,\n");
        assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(job.errorRows()).as("every row: the last is valid but its period is locked too").isEqualTo(8);
        List<String> errors = jdbc.queryForList("SELECT message FROM import_error WHERE job_id = ? ORDER BY row_no", String.class, job.id());
        assertThat(errors.get(0)).contains("锁定");
        assertThat(errors).anySatisfy(m -> assertThat(m).contains("no_such"));
        assertThat(errors).anySatisfy(m -> assertThat(m).contains("不是数字"));
        assertThat(values.find(county, "fdi", town.id(), Period.year(2018))).as("nothing written").isEmpty();
        assertThat(values.find(county, "grain_area", town.id(), Period.year(2018)).orElseThrow().value()).isEqualByComparingTo("1");
    }

    /**
     * The demo's blocking rule 制造业投资 ≤ 固定资产投资 (monthly) holds for imports too, judged on the values as the
     * file leaves them: against values of the same file and against values already stored. A file that breaks it is
     * rejected with the error on the rows that feed the rule (the value column), and nothing of it is written.
     */
    @Test
    void blockingValidationRulesRejectTheWholeFile() throws IOException {
        ImportJob broken = run("rule.csv", "fixed_asset_investment," + town.code() + ",2021-03,2,\n"
                + "manufacturing_investment," + town.code() + ",2021-03,3,\n"
                + "budget_revenue," + town.code() + ",2021-03,0.5,\n"
                + "manufacturing_investment," + town.code() + ",2021-04,3,\n");
        assertThat(broken.status()).as(broken.message()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(broken.errorRows()).as("the two rows of March that feed the rule").isEqualTo(2);
        List<Map<String, Object>> errors = jdbc.queryForList("SELECT row_no, field, message FROM import_error WHERE job_id = ? ORDER BY row_no",
                broken.id());
        assertThat(errors).extracting(e -> ((Number) e.get("ROW_NO")).longValue()).containsExactly(2L, 3L);
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.get("FIELD")).isEqualTo("value");
            assertThat((String) e.get("MESSAGE")).contains("制造业投资不应超过固定资产投资", town.code(), "2021-03", "3 ≤ 2");
        });
        assertThat(values.find(county, "fixed_asset_investment", town.id(), Period.month(2021, 3))).as("nothing written").isEmpty();
        assertThat(values.find(county, "budget_revenue", town.id(), Period.month(2021, 3))).isEmpty();
        assertThat(values.find(county, "manufacturing_investment", town.id(), Period.month(2021, 4)))
                .as("April had nothing to compare with, but the file went as a whole").isEmpty();

        ImportJob ok = run("rule-ok.csv", "fixed_asset_investment," + town.code() + ",2021-03,2,\n"
                + "manufacturing_investment," + town.code() + ",2021-03,1.5,\n");
        assertThat(ok.status()).as(ok.message()).isEqualTo(ImportJob.Status.SUCCEEDED);

        // Against a stored value: only the file's row is blamed; the stored values stay as they were.
        ImportJob against = run("rule-stored.csv", "budget_revenue," + town.code() + ",2021-05,0.1,\n"
                + "manufacturing_investment," + town.code() + ",2021-03,2.5,\n");
        assertThat(against.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(jdbc.queryForList("SELECT row_no FROM import_error WHERE job_id = ?", Long.class, against.id())).containsExactly(3L);
        assertThat(values.find(county, "manufacturing_investment", town.id(), Period.month(2021, 3)).orElseThrow().value())
                .isEqualByComparingTo("1.5");
        assertThat(values.find(county, "budget_revenue", town.id(), Period.month(2021, 5))).isEmpty();
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
