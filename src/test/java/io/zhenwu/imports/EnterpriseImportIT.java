package io.zhenwu.imports;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.CreditCode;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.Permission;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one import pipeline with enterprises, on H2 and PostgreSQL: all-or-nothing files, idempotent re-imports,
 * row errors with Excel row numbers in a report that opens in Excel, scope, formats and encodings, exports.
 */
@Tag("db")
@ZhenwuTest
class EnterpriseImportIT {

    static final List<String> HEADER = List.of("统一社会信用代码", "企业名称", "所属单位代码", "联系电话", "成立日期", "入规日期");
    private static final AtomicInteger SERIAL = new AtomicInteger(1000);

    @Autowired
    ImportService imports;

    @Autowired
    ExportService exports;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportJobRepository jobs;

    @Autowired
    ImportTypes types;

    @Autowired
    JobLease lease;

    @TempDir
    Path dir;

    OrgUnit town;
    OrgUnit village;
    OrgUnit otherVillage;
    Actor townStaff;

    @BeforeEach
    void town() {
        town = TestOrgs.newTown(orgUnits);
        var scope = TestOrgs.scopeOf(town);
        village = orgUnits.create(scope, town.id(), TestOrgs.childCode(town, 201), "甲村", OrgUnitType.VILLAGE);
        otherVillage = orgUnits.create(scope, town.id(), TestOrgs.childCode(town, 202), "乙村", OrgUnitType.VILLAGE);
        townStaff = new Actor(1, "admin", scope, Set.of(Role.STAFF));
    }

    /** A valid demo credit code, unique in the JVM. */
    static String creditCode() {
        String first17 = "91321183MA" + String.format("%07d", SERIAL.getAndIncrement());
        return first17 + CreditCode.checkCharacter(first17);
    }

    static String wrongCheck(String code) {
        char right = code.charAt(17);
        return code.substring(0, 17) + (right == 'A' ? 'B' : 'A');
    }

    Path xlsx(String name, List<String> header, List<List<Object>> rows) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); var writer = new XlsxTableWriter(out, "企业", header)) {
            for (List<Object> row : rows) {
                writer.writeRow(row);
            }
        }
        return file;
    }

    ImportJob run(Actor actor, Path file) {
        return imports.importNow(actor, "enterprises", file, Locale.SIMPLIFIED_CHINESE, n -> { });
    }

    long count(String... codes) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM enterprise WHERE credit_code IN (" + String.join(",", List.of(codes).stream()
                .map(c -> "'" + c + "'").toList()) + ")", Long.class);
    }

    @Test
    void aValidFileIsImportedAndReimportingItChangesNothing() throws IOException {
        String a = creditCode(), b = creditCode(), c = creditCode();
        Path file = xlsx("企业.xlsx", HEADER, List.of(
                List.of(a, "甲公司", village.code(), "13812341234", LocalDate.of(2015, 6, 18), "2023年5月8日"),
                List.of(b.toLowerCase(), "乙公司", village.code(), "0511-87654321", new BigDecimal("45054"), ""),
                List.of(c, "丙公司", otherVillage.code(), "", "2016/3/1", "")));
        ImportJob job = run(townStaff, file);
        assertThat(job.status()).as(job.message()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(job.insertedRows()).isEqualTo(3);
        assertThat(job.totalRows()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT above_scale_from FROM enterprise WHERE credit_code = ?", LocalDate.class, a))
                .isEqualTo(LocalDate.of(2023, 5, 8));
        assertThat(jdbc.queryForObject("SELECT established_on FROM enterprise WHERE credit_code = ?", LocalDate.class, b))
                .as("an Excel serial number is a date").isEqualTo(LocalDate.of(2023, 5, 8));
        assertThat(count(b)).as("lower-case credit codes are normalized").isEqualTo(1);

        ImportJob again = run(townStaff, file);
        assertThat(again.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(again.insertedRows()).isZero();
        assertThat(again.updatedRows()).isZero();
        assertThat(again.unchangedRows()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT version FROM enterprise WHERE credit_code = ?", Long.class, a)).isZero();

        Path changed = xlsx("企业2.xlsx", HEADER, List.of(
                List.of(a, "甲公司（更名）", village.code(), "13812341234", LocalDate.of(2015, 6, 18), "2023-05-08")));
        ImportJob update = run(townStaff, changed);
        assertThat(update.updatedRows()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT name FROM enterprise WHERE credit_code = ?", String.class, a)).isEqualTo("甲公司（更名）");
        assertThat(jdbc.queryForObject("SELECT version FROM enterprise WHERE credit_code = ?", Long.class, a)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'import.succeeded' AND entity_id = ?",
                Long.class, String.valueOf(update.id()))).isEqualTo(1);
    }

    @Test
    void textWithTabsBackslashesLineBreaksAndAstralCharactersArrivesUnchanged() throws IOException {
        // On PostgreSQL the rows are staged by COPY in text format: these are the characters it must escape or encode.
        String a = creditCode();
        String name = "甲\\公司\t（\\N）𠀀";
        String address = "下蜀镇\n工业园 3\t号 \\\\share";
        List<String> header = List.of("统一社会信用代码", "企业名称", "所属单位代码", "地址", "成立日期");
        ImportJob job = run(townStaff, xlsx("特殊字符.xlsx", header, List.of(
                List.of(a, name, village.code(), address, LocalDate.of(1999, 12, 31)))));
        assertThat(job.status()).as(job.message()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(jdbc.queryForObject("SELECT name FROM enterprise WHERE credit_code = ?", String.class, a)).isEqualTo(name);
        assertThat(jdbc.queryForObject("SELECT address FROM enterprise WHERE credit_code = ?", String.class, a)).isEqualTo(address);
        assertThat(jdbc.queryForObject("SELECT established_on FROM enterprise WHERE credit_code = ?", LocalDate.class, a))
                .isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(run(townStaff, xlsx("特殊字符2.xlsx", header, List.of(
                List.of(a, name, village.code(), address, LocalDate.of(1999, 12, 31))))).unchangedRows()).isEqualTo(1);
    }

    /** A running job with one staged row, owned by {@code owner} whose last heartbeat was at {@code heartbeat}. */
    long runningJobOf(String owner, OffsetDateTime heartbeat) {
        long id = jobs.create("enterprises", "断电.csv", "admin", 1, town.path(), "zh-CN");
        jobs.progress(id, ImportJob.Status.RUNNING, ImportJob.Phase.READING, 1);
        Staging<?> staging = types.get("enterprises").staging();
        try (StagingWriter staged = jobs.openStaging(staging, id)) {
            staged.write(new Object[]{2L, village.code(), village.id(), creditCode(), "某公司", null, null, null, null, "OPERATING",
                    null, null, null, null, null});
            staged.finish();
        }
        jdbc.update("UPDATE import_job SET owner_id = ?, heartbeat_at = ? WHERE id = ?", owner, heartbeat, id);
        assertThat(stagedRows(id)).isEqualTo(1);
        return id;
    }

    long stagedRows(long jobId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM enterprise_staging WHERE job_id = ?", Long.class, jobId);
    }

    @Test
    void aJobARestartInterruptedIsFailedAndItsStagedRowsAreGone() {
        // Its process on another host stopped renewing the lease an hour ago.
        long id = runningJobOf("other-host/4242/deadbeef", OffsetDateTime.now().minusHours(1));

        imports.failInterruptedJobs();

        assertThat(jobs.get(id).status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(stagedRows(id)).isZero();
    }

    @Test
    void aJobWhoseProcessOnThisHostEndedIsFailedAtOnce() {
        String host = lease.owner().split("/")[0];
        long id = runningJobOf(host + "/" + Integer.MAX_VALUE + "/deadbeef", OffsetDateTime.now());

        imports.failInterruptedJobs();

        assertThat(jobs.get(id).status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(stagedRows(id)).isZero();
    }

    @Test
    void theCleanupOfAnotherProcessLeavesALiveJobAndItsStagedRowsAlone() {
        // A CLI command started beside a running web instance: the instance's job has a fresh heartbeat.
        long id = runningJobOf("other-host/4242/cafebabe", OffsetDateTime.now());

        imports.failInterruptedJobs();

        assertThat(jobs.get(id).status()).isEqualTo(ImportJob.Status.RUNNING);
        assertThat(stagedRows(id)).isEqualTo(1);
        jdbc.update("UPDATE import_job SET status = 'FAILED' WHERE id = ?", id);
        jobs.clearStaging(types.get("enterprises").staging(), id);
    }

    @Test
    void aJobWhoseStagedRowsWentMissingFailsAndChangesNothing() throws IOException {
        String a = creditCode(), b = creditCode(), c = creditCode();
        Path file = xlsx("被删.xlsx", HEADER, List.of(
                List.of(a, "甲公司", village.code(), "", "", ""),
                List.of(b, "乙公司", village.code(), "", "", ""),
                List.of(c, "丙公司", village.code(), "", "", "")));
        // Once the file is read and staged, something else deletes one staged row (as the old start-up cleanup did).
        ImportJob job = imports.importNow(townStaff, "enterprises", file, Locale.SIMPLIFIED_CHINESE, n -> jdbc.update(
                "DELETE FROM enterprise_staging WHERE credit_code = ?", c));
        assertThat(job.status()).as(job.message()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(job.message()).contains("3").contains("2");
        assertThat(count(a, b, c)).as("nothing of the file is written").isZero();
    }

    @Test
    void oneBadRowRejectsTheWholeFileAndTheReportSaysWhichAndWhy() throws IOException {
        String good = creditCode(), bad = wrongCheck(creditCode());
        List<String> header = new ArrayList<>(HEADER);
        header.add("备注（自用）");
        Path file = xlsx("有错.xlsx", header, List.of(
                List.of(good, "好公司", village.code(), "", "", "", "随便写"),
                List.of(bad, "坏公司", village.code(), "", "", "", "")));
        ImportJob job = run(townStaff, file);
        assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(job.errorRows()).isEqualTo(1);
        assertThat(job.unknownColumns()).contains("备注（自用）");
        assertThat(count(good, bad)).as("a rejected file changes nothing").isZero();

        var report = new ByteArrayOutputStream();
        Actor permitted = new Actor(4, "leader", townStaff.scope(), Set.of(Role.LEADER), Set.of(Permission.VIEW_PERSONAL_DATA));
        imports.writeErrorReport(permitted, job.id(), true, report);
        Path reportFile = dir.resolve("report.xlsx");
        Files.write(reportFile, report.toByteArray());
        try (TabularReader reader = TabularReader.open(reportFile, "report.xlsx")) {
            assertThat(reader.header()).first().isEqualTo("行号");
            assertThat(reader.header()).last().isEqualTo("错误说明");
            assertThat(reader.header()).contains("统一社会信用代码", "备注（自用）");
            int errorColumn = reader.header().size() - 1;
            assertThat(reader.next()).as("only the rows in error").isTrue();
            assertThat(reader.current().text(0)).as("row numbers as Excel shows them").isEqualTo("3");
            assertThat(reader.current().text(1)).isEqualTo(bad);
            assertThat(reader.current().text(errorColumn)).contains("校验位错误").contains("应为 " + CreditCode.checkCharacter(bad.substring(0, 17)));
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void theErrorReportHasOnlyTheRowsInErrorMaskedForTheSubmitterRefusedToOthersAndEveryDownloadAudited() throws IOException {
        String good = creditCode(), bad = wrongCheck(creditCode());
        List<String> header = new ArrayList<>(HEADER);
        header.add("身份证号（备注）");
        ImportJob job = run(townStaff, xlsx("个人信息.xlsx", header, List.of(
                List.of(good, "好公司", village.code(), "13811112222", "", "", "321183195005120014"),
                List.of(bad, "坏公司", village.code(), "13933334444", "", "", "321183195005120022"))));
        assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);

        var report = new ByteArrayOutputStream();
        imports.writeErrorReport(townStaff, job.id(), false, report);
        Path reportFile = dir.resolve("masked.xlsx");
        Files.write(reportFile, report.toByteArray());
        try (TabularReader reader = TabularReader.open(reportFile, "masked.xlsx")) {
            assertThat(reader.header()).as("a column the type does not know is left out").doesNotContain("身份证号（备注）");
            assertThat(reader.next()).isTrue();
            assertThat(reader.current().text(0)).isEqualTo("3");
            assertThat(reader.current().texts()).contains("139****4444").doesNotContain("13933334444", "321183195005120022");
            assertThat(reader.next()).as("the valid row is not handed out").isFalse();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'import.error_report' AND entity_id = ?",
                Long.class, String.valueOf(job.id()))).isEqualTo(1);

        Actor auditor = new Actor(5, "auditor", townStaff.scope(), Set.of(Role.AUDITOR));
        assertThatThrownBy(() -> imports.writeErrorReport(auditor, job.id(), false, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.writeErrorReport(townStaff, job.id(), true, new ByteArrayOutputStream()))
                .as("unmasked needs the permission").isInstanceOf(AccessDeniedException.class);
        ImportJob succeeded = run(townStaff, xlsx("成功.xlsx", HEADER, List.of(List.of(good, "好公司", village.code(), "", "", ""))));
        assertThat(succeeded.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThatThrownBy(() -> imports.writeErrorReport(townStaff, succeeded.id(), false, new ByteArrayOutputStream()))
                .as("a job without row errors has no report").isInstanceOf(io.zhenwu.shared.NotFoundException.class);
        Actor permitted = new Actor(4, "leader", townStaff.scope(), Set.of(Role.LEADER), Set.of(Permission.VIEW_PERSONAL_DATA));
        var unmasked = new ByteArrayOutputStream();
        imports.writeErrorReport(permitted, job.id(), true, unmasked);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'import.error_report.unmasked' AND entity_id = ?",
                Long.class, String.valueOf(job.id()))).isEqualTo(1);
    }

    @Test
    void badFilesAndCellsAreRejectedWithAClearMessage() throws IOException {
        String code = creditCode();
        Path missingColumn = xlsx("缺列.xlsx", List.of("企业名称", "所属单位代码"), List.of(List.of("某公司", village.code())));
        ImportJob job = run(townStaff, missingColumn);
        assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(job.message()).contains("缺少必填列").contains("统一社会信用代码");

        Path empty = dir.resolve("空.xlsx");
        Files.write(empty, new byte[0]);
        assertThat(run(townStaff, empty).message()).contains("0 字节");

        Path notXlsx = dir.resolve("照片.xlsx");
        Files.write(notXlsx, new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        ImportJob png = run(townStaff, notXlsx);
        assertThat(png.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(png.message()).isNotBlank();

        Path formula = dir.resolve("公式.xlsx");
        try (OutputStream out = Files.newOutputStream(formula)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            var ws = wb.newWorksheet("企业");
            for (int c = 0; c < HEADER.size(); c++) {
                ws.value(0, c, HEADER.get(c));
            }
            ws.value(1, 0, code);
            ws.formula(1, 1, "CONCATENATE(\"甲\",\"公司\")");
            ws.value(1, 2, village.code());
            wb.finish();
        }
        ImportJob formulaJob = run(townStaff, formula);
        assertThat(formulaJob.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(errors(formulaJob)).anySatisfy(m -> assertThat(m).contains("公式"));
        assertThat(count(code)).isZero();

        Path duplicate = xlsx("重复.xlsx", HEADER, List.of(
                List.of(code, "甲公司", village.code(), "", "", ""),
                List.of(code, "甲公司", village.code(), "", "", "")));
        ImportJob dup = run(townStaff, duplicate);
        assertThat(dup.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(errors(dup)).containsExactly("与第 2 行重复（同一记录在文件中出现两次）");

        Path badDate = xlsx("日期.xlsx", HEADER, List.of(List.of(code, "甲公司", village.code(), "", "明年春天", "")));
        assertThat(errors(run(townStaff, badDate))).anySatisfy(m -> assertThat(m).contains("明年春天").contains("不是日期"));
        assertThat(count(code)).isZero();
    }

    @Test
    void aGbkCsvFromChineseExcelImports() throws IOException {
        String code = creditCode();
        Path csv = dir.resolve("企业.csv");
        String text = String.join(",", HEADER) + "\r\n" + code + ",\"丁公司,有限\"," + village.code() + ",,2019年1月2日,\r\n";
        Files.write(csv, text.getBytes(Charset.forName("GBK")));
        ImportJob job = run(townStaff, csv);
        assertThat(job.status()).as(job.message()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(jdbc.queryForObject("SELECT name FROM enterprise WHERE credit_code = ?", String.class, code)).isEqualTo("丁公司,有限");
    }

    @Test
    void aVillageCadreCannotImportAnotherVillagesRecords() throws IOException {
        Actor cadre = new Actor(2, "cadre", TestOrgs.scopeOf(village), Set.of(Role.CADRE));
        String mine = creditCode(), theirs = creditCode();
        Path file = xlsx("混合.xlsx", HEADER, List.of(
                List.of(mine, "本村公司", village.code(), "", "", ""),
                List.of(theirs, "外村公司", otherVillage.code(), "", "", "")));
        ImportJob job = run(cadre, file);
        assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(errors(job)).anySatisfy(m -> assertThat(m).contains(otherVillage.code()).contains("管辖范围"));
        assertThat(count(mine, theirs)).isZero();

        // An enterprise of the other village cannot be moved into mine by re-importing its code either.
        assertThat(run(townStaff, xlsx("外村.xlsx", HEADER, List.of(List.of(theirs, "外村公司", otherVillage.code(), "", "", ""))))
                .status()).isEqualTo(ImportJob.Status.SUCCEEDED);
        ImportJob grab = run(cadre, xlsx("抢.xlsx", HEADER, List.of(List.of(theirs, "外村公司", village.code(), "", "", ""))));
        assertThat(grab.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(errors(grab)).anySatisfy(m -> assertThat(m).contains("管辖范围以外"));
        assertThat(jdbc.queryForObject("SELECT org_unit_id FROM enterprise WHERE credit_code = ?", Long.class, theirs))
                .isEqualTo(otherVillage.id());
        // Twice in the file and outside the scope: two whole-file errors on the same row and column, both reported.
        ImportJob twice = run(cadre, xlsx("两次.xlsx", HEADER, List.of(List.of(theirs, "外村公司", village.code(), "", "", ""),
                List.of(theirs, "外村公司", village.code(), "", "", ""))));
        assertThat(twice.status()).as(twice.message()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(errors(twice)).hasSize(3).anySatisfy(m -> assertThat(m).contains("重复"));
    }

    @Test
    void exportsAreScopedMaskedAuditedAndReimportable() throws IOException {
        String code = creditCode();
        run(townStaff, xlsx("导出前.xlsx", HEADER, List.of(List.of(code, "戊公司", village.code(), "13900001111", "", ""))));
        var out = new ByteArrayOutputStream();
        long rows = exports.export(townStaff, "enterprises", Map.of("q", "戊公司"), false, ExportService.Format.XLSX, out);
        assertThat(rows).isEqualTo(1);
        Path file = dir.resolve("export.xlsx");
        Files.write(file, out.toByteArray());
        try (TabularReader reader = TabularReader.open(file, "export.xlsx")) {
            assertThat(reader.header()).startsWith("统一社会信用代码", "企业名称", "所属单位代码");
            assertThat(reader.next()).isTrue();
            assertThat(reader.current().text(0)).isEqualTo(code);
            assertThat(reader.current().texts()).contains("139****1111").doesNotContain("13900001111");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'export' AND entity_type = 'enterprises' "
                + "AND after_json LIKE '%戊公司%'", Long.class)).isEqualTo(1);

        // Another village's cadre exports nothing of it; unmasked needs the permission.
        Actor other = new Actor(3, "cadre2", TestOrgs.scopeOf(otherVillage), Set.of(Role.CADRE));
        assertThat(exports.export(other, "enterprises", Map.of("q", "戊公司"), false, ExportService.Format.CSV,
                new ByteArrayOutputStream())).isZero();
        assertThatThrownBy(() -> exports.export(townStaff, "enterprises", Map.of(), true, ExportService.Format.CSV,
                new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
        Actor permitted = new Actor(4, "leader", townStaff.scope(), Set.of(Role.LEADER), Set.of(Permission.VIEW_PERSONAL_DATA));
        var unmasked = new ByteArrayOutputStream();
        exports.export(permitted, "enterprises", Map.of("q", "戊公司"), true, ExportService.Format.CSV, unmasked);
        assertThat(unmasked.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("13900001111");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'export.unmasked' AND actor = 'system'",
                Long.class)).isGreaterThanOrEqualTo(1);

        // The export is a valid import: re-importing it changes nothing... except that it is masked, so the phone
        // would be overwritten — which is why masked exports are for reading; the unmasked one round-trips.
        Path roundTrip = dir.resolve("unmasked.csv");
        Files.write(roundTrip, unmasked.toByteArray());
        ImportJob reimport = run(townStaff, roundTrip);
        assertThat(reimport.status()).as(reimport.message()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(reimport.unchangedRows()).isEqualTo(1);
    }

    @Test
    void reImportingAMaskedExportOrOneWithThePhoneColumnBlankedKeepsThePhones() throws IOException {
        String code = creditCode();
        run(townStaff, xlsx("有电话.xlsx", HEADER, List.of(List.of(code, "己公司", village.code(), "13900002222", "", ""))));
        var out = new ByteArrayOutputStream();
        exports.export(townStaff, "enterprises", Map.of("q", "己公司"), false, ExportService.Format.XLSX, out);
        Path exported = dir.resolve("masked-export.xlsx");
        Files.write(exported, out.toByteArray());

        ImportJob again = run(townStaff, exported);
        assertThat(again.status()).as(again.message()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(again.unchangedRows()).as("the masked phone is no change").isEqualTo(1);
        assertThat(phone(code)).isEqualTo("13900002222");

        // The same export with the phone column blanked and the name edited: the name changes, the phone stays.
        List<String> header;
        List<Object> row = new ArrayList<>();
        try (TabularReader reader = TabularReader.open(exported, "masked-export.xlsx")) {
            header = reader.header();
            assertThat(reader.next()).isTrue();
            row.addAll(reader.current().texts());
        }
        while (row.size() < header.size()) {
            row.add("");
        }
        row.set(header.indexOf("联系电话"), "");
        row.set(header.indexOf("企业名称"), "己公司（更名）");
        ImportJob edited = run(townStaff, xlsx("改名.xlsx", header, List.of(row)));
        assertThat(edited.status()).as(edited.message()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(edited.updatedRows()).isEqualTo(1);
        assertThat(phone(code)).as("a blank masked column means unchanged, never clear").isEqualTo("13900002222");
        assertThat(jdbc.queryForObject("SELECT name FROM enterprise WHERE credit_code = ?", String.class, code)).isEqualTo("己公司（更名）");
    }

    String phone(String creditCode) {
        return jdbc.queryForObject("SELECT contact_phone FROM enterprise WHERE credit_code = ?", String.class, creditCode);
    }

    @Test
    void everyRecordAnImportInsertsOrUpdatesHasAnAuditEntryOfItsOwnWithPersonalDataMasked() throws IOException {
        String a = creditCode(), b = creditCode();
        ImportJob first = run(townStaff, xlsx("审计.xlsx", HEADER, List.of(
                List.of(a, "庚公司", village.code(), "13955556666", "", ""),
                List.of(b, "辛公司", village.code(), "", "", ""))));
        assertThat(first.insertedRows()).as(first.message()).isEqualTo(2);
        long idA = jdbc.queryForObject("SELECT id FROM enterprise WHERE credit_code = ?", Long.class, a);
        assertThat(recordAudit("enterprise.imported", idA)).hasSize(1).first().satisfies(after -> assertThat(after)
                .contains("庚公司").contains("\"importJob\":" + first.id()).contains("139****6666").doesNotContain("13955556666"));

        ImportJob rename = run(townStaff, xlsx("改名审计.xlsx", HEADER, List.of(
                List.of(a, "庚公司（更名）", village.code(), "13955556666", "", ""),
                List.of(b, "辛公司", village.code(), "", "", ""))));
        assertThat(rename.updatedRows()).isEqualTo(1);
        assertThat(rename.unchangedRows()).isEqualTo(1);
        assertThat(recordAudit("enterprise.import_updated", idA)).singleElement().asString().contains("庚公司（更名）");
        assertThat(jdbc.queryForObject("SELECT before_json FROM audit_event WHERE action = 'enterprise.import_updated' AND entity_id = ?",
                String.class, String.valueOf(idA))).contains("\"name\":\"庚公司\"");
        long idB = jdbc.queryForObject("SELECT id FROM enterprise WHERE credit_code = ?", Long.class, b);
        assertThat(recordAudit("enterprise.import_updated", idB)).as("an unchanged record is not audited").isEmpty();
    }

    List<String> recordAudit(String action, long id) {
        return jdbc.queryForList("SELECT after_json FROM audit_event WHERE action = ? AND entity_type = 'enterprise' AND entity_id = ?",
                String.class, action, String.valueOf(id));
    }

    @Test
    void aLeaderWhoMayNotEditEnterprisesCannotRenameOneThroughAnImport() throws IOException {
        String code = creditCode();
        run(townStaff, xlsx("原名.xlsx", HEADER, List.of(List.of(code, "壬公司", village.code(), "", "", ""))));
        Actor leader = new Actor(6, "leader", townStaff.scope(), Set.of(Role.LEADER), Set.of(Permission.VIEW_PERSONAL_DATA));
        Path rename = xlsx("领导改名.xlsx", HEADER, List.of(List.of(code, "壬公司（领导改）", village.code(), "", "", "")));
        assertThatThrownBy(() -> run(leader, rename)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT name FROM enterprise WHERE credit_code = ?", String.class, code)).isEqualTo("壬公司");
        // Leaders still export what they read.
        assertThat(exports.export(leader, "enterprises", Map.of("q", "壬公司"), false, ExportService.Format.CSV,
                new ByteArrayOutputStream())).isEqualTo(1);
    }

    @Test
    void aRoleWithoutTheTypeCannotImport() throws IOException {
        Actor auditor = new Actor(5, "auditor", townStaff.scope(), Set.of(Role.AUDITOR));
        Path file = xlsx("审计.xlsx", HEADER, List.of(List.of(creditCode(), "某公司", village.code(), "", "", "")));
        assertThatThrownBy(() -> run(auditor, file)).isInstanceOf(AccessDeniedException.class);
    }

    List<String> errors(ImportJob job) {
        return jdbc.queryForList("SELECT message FROM import_error WHERE job_id = ? ORDER BY row_no, seq", String.class, job.id());
    }
}
