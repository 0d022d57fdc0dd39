package io.zhenwu.bench;

import io.zhenwu.imports.CsvTableWriter;
import io.zhenwu.imports.ExportService;
import io.zhenwu.imports.ImportJob;
import io.zhenwu.imports.ImportService;
import io.zhenwu.imports.XlsxTableWriter;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.CreditCode;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 导入基准: imports N enterprises (csv and xlsx) through the real pipeline — stream, validate, stage, whole-file
 * checks, one MERGE — and again unchanged (the idempotent path), exports them to xlsx, and as the ceiling inserts
 * the same rows with a plain JDBC batch. Reports rows/s and peak heap; run by {@code bench/import.sh} with
 * {@code -Xmx256m}. Deterministic data; no assertions.
 */
public final class ImportBench {

    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        new ImportBench().run(db, n, args.length > 2 ? args[2] : "all");
    }

    private void run(String db, int n, String only) throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        try (ConfigurableApplicationContext context = BenchApp.start(db, "import",
                Map.of("zhenwu.files.dir", "target/bench/files", "logging.level.io.zhenwu.imports", "INFO"))) {
            var orgUnits = context.getBean(OrgUnits.class);
            var imports = context.getBean(ImportService.class);
            var exports = context.getBean(ExportService.class);
            var dataSource = context.getBean(DataSource.class);
            String version;
            try (Connection c = dataSource.getConnection()) {
                version = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            }
            OrgUnit village = tree(orgUnits);
            OrgUnit root = orgUnits.roots().get(0);
            Actor actor = new Actor(0, "bench", new DataScope(root.id(), root.path()), EnumSet.allOf(Role.class));

            if (!only.equals("residents")) {
            Path csv = dir.resolve("enterprises-" + n + ".csv");
            Path xlsx = dir.resolve("enterprises-" + n + ".xlsx");
            long start = System.nanoTime();
            write(csv, n, village.code(), false);
            write(xlsx, n, village.code(), true);
            System.out.printf("files written in %.1f s: csv %d MB, xlsx %d MB%n", seconds(start),
                    Files.size(csv) >> 20, Files.size(xlsx) >> 20);

            measureImport("import csv (new rows)", imports, actor, csv, n, dataSource);
            measureImport("re-import csv (all unchanged)", imports, actor, csv, n, dataSource);
            clear(dataSource);
            measureImport("import xlsx (new rows)", imports, actor, xlsx, n, dataSource);

            resetPeaks();
            start = System.nanoTime();
            long exported;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("export.xlsx")))) {
                exported = exports.export(actor, "enterprises", Map.of(), false, ExportService.Format.XLSX, out);
            }
            row("export xlsx (streamed)", exported, seconds(start), peakHeapMb());
            }

            Path residents = dir.resolve("residents-" + n + ".csv");
            writeResidents(residents, n, village.code());
            measure("import residents csv (new rows)", "residents", imports, actor, residents, n);

            clear(dataSource);
            resetPeaks();
            long start = System.nanoTime();
            jdbcBatch(dataSource, n, village.id());
            row("ceiling: plain JDBC batch insert (1000/batch, 1 transaction)", n, seconds(start), peakHeapMb());

            System.out.println();
            System.out.printf("Database: %s (%s); %d rows; max heap %d MB%n%n", version, db, n,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("| phase | rows | seconds | rows/s | peak heap MB |");
            System.out.println("|---|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
        }
    }

    private void measureImport(String label, ImportService imports, Actor actor, Path file, int n, DataSource dataSource) {
        measure(label, "enterprises", imports, actor, file, n);
    }

    private void measure(String label, String type, ImportService imports, Actor actor, Path file, int n) {
        resetPeaks();
        long start = System.nanoTime();
        ImportJob job = imports.importNow(actor, type, file, Locale.SIMPLIFIED_CHINESE, done -> { });
        double s = seconds(start);
        if (job.status() != ImportJob.Status.SUCCEEDED) {
            throw new IllegalStateException(label + ": " + job.status() + " " + job.message());
        }
        row(label + " → " + job.insertedRows() + " inserted, " + job.unchangedRows() + " unchanged", n, s, peakHeapMb());
    }

    /** 江苏省 › 镇江市 › 句容市 › 下蜀镇 › 空青村, as the demo has it. */
    private static OrgUnit tree(OrgUnits orgUnits) {
        if (!orgUnits.roots().isEmpty()) {
            OrgUnit root = orgUnits.roots().get(0);
            return orgUnits.findByCode(new DataScope(root.id(), root.path()), "321183102201").orElseThrow();
        }
        OrgUnit province = orgUnits.createAsSystem(null, "320000", "江苏省", OrgUnitType.PROVINCE, false);
        OrgUnit city = orgUnits.createAsSystem(province, "321100", "镇江市", OrgUnitType.PREFECTURE, false);
        OrgUnit county = orgUnits.createAsSystem(city, "321183", "句容市", OrgUnitType.COUNTY, false);
        OrgUnit town = orgUnits.createAsSystem(county, "321183102000", "下蜀镇", OrgUnitType.TOWN, false);
        return orgUnits.createAsSystem(town, "321183102201", "空青村", OrgUnitType.VILLAGE, true);
    }

    static String creditCode(int i) {
        String first17 = "91321183MA" + String.format("%07d", i);
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static void write(Path file, int n, String orgCode, boolean xlsx) throws IOException {
        List<String> header = List.of("统一社会信用代码", "企业名称", "所属单位代码", "行业代码", "地址", "法定代表人", "联系电话", "经营状态",
                "成立日期", "入规日期");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            if (xlsx) {
                try (var w = new XlsxTableWriter(out, "企业", header)) {
                    for (int i = 0; i < n; i++) {
                        w.writeRow(row(i, orgCode));
                    }
                }
            } else {
                try (var w = new CsvTableWriter(out, header)) {
                    for (int i = 0; i < n; i++) {
                        w.writeRow(row(i, orgCode));
                    }
                }
            }
        }
    }

    /** Valid, distinct resident ID numbers: 999 sequence numbers per birth day from 1950 on; each row its own 户. */
    private static void writeResidents(Path file, int n, String orgCode) throws IOException {
        List<String> header = List.of("姓名", "公民身份号码", "所属单位代码", "户编号", "与户主关系", "联系电话", "标签");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file)); var w = new CsvTableWriter(out, header)) {
            for (int i = 0; i < n; i++) {
                LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i / 999);
                String first17 = "321183" + birth.toString().replace("-", "") + String.format("%03d", i % 999 + 1);
                String id = first17 + io.zhenwu.registry.ResidentId.checkCharacter(first17);
                w.writeRow(List.of("居民" + i, id, orgCode, "H" + i, "户主", "139" + String.format("%08d", i), i % 7 == 0 ? "种粮农户" : ""));
            }
        }
    }

    private static List<Object> row(int i, String orgCode) {
        return List.of(creditCode(i), "句容市基准测试企业" + i + "有限公司", orgCode, "30" + (10 + i % 90), "句容市下蜀镇工业园" + (i % 500) + "号",
                "张" + (i % 1000), "138" + String.format("%08d", i % 100_000_000), "在营", LocalDate.of(2000 + i % 23, 1 + i % 12, 1 + i % 28),
                i % 10 == 0 ? LocalDate.of(2023, 1 + i % 12, 1) : "");
    }

    /**
     * Empties the tables for the next "new rows" measurement. On PostgreSQL the deleted rows stay in the heap and in the
     * four indexes as dead entries until a vacuum; without one, the xlsx import and the ceiling inserted a million rows
     * among a million dead ones while the csv import started on an empty table (its MERGE 9–10 s, theirs 11–11.7 s).
     */
    private static void clear(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM enterprise");
            s.executeUpdate("DELETE FROM resident");
            if (c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")) {
                s.execute("VACUUM (ANALYZE) enterprise");
                s.execute("VACUUM (ANALYZE) resident");
            }
        }
    }

    private static void jdbcBatch(DataSource dataSource, int n, long orgUnitId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO enterprise (credit_code, name, org_unit_id, industry_code, "
                    + "address, legal_representative, contact_phone, status, established_on, above_scale_from, version, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPERATING', ?, ?, 0, ?, ?)")) {
                Timestamp now = Timestamp.from(OffsetDateTime.now().toInstant());
                for (int i = 0; i < n; i++) {
                    List<Object> r = row(i, "");
                    ps.setString(1, (String) r.get(0));
                    ps.setString(2, (String) r.get(1));
                    ps.setLong(3, orgUnitId);
                    ps.setString(4, (String) r.get(3));
                    ps.setString(5, (String) r.get(4));
                    ps.setString(6, (String) r.get(5));
                    ps.setString(7, (String) r.get(6));
                    ps.setObject(8, r.get(8));
                    ps.setObject(9, r.get(9) instanceof LocalDate d ? d : null);
                    ps.setTimestamp(10, now);
                    ps.setTimestamp(11, now);
                    ps.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** Samples used heap every 20 ms; the peak since the last reset is what a phase needed at most (plus garbage). */
    private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

    static {
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                PEAK.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void resetPeaks() {
        System.gc();
        PEAK.set(0);
    }

    private static long peakHeapMb() {
        return PEAK.get() >> 20;
    }

    private void row(String phase, long n, double seconds, long peakMb) {
        rows.add(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %d |", phase, n, seconds, n / seconds, peakMb));
        System.out.println(rows.get(rows.size() - 1));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
