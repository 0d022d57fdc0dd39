package io.zhenwu.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * 导入故障脚本 (issue 18): real processes on PostgreSQL, run by {@code bench/import-faults.sh}. Each scenario starts the
 * command line ({@code -Dzhenwu.cli=true ZhenwuApplication import enterprises …}) as a process of its own and
 * <ul>
 *   <li>kills it with SIGKILL once its job reaches a phase (READING = reading and staging, CHECKING, APPLYING = the
 *       MERGE): nothing of the file may be in the table, and the next start of any command (here {@code audit verify})
 *       must fail the job and drop its staged rows — its owner is a dead process of this host;</li>
 *   <li>runs another command beside it while it reads (the old start-up cleanup failed the running job and deleted
 *       its staged rows, and the import then "succeeded" with rows missing): every row must arrive.</li>
 * </ul>
 * Prints one line per scenario and exits 1 if any failed. Arguments: the database name, the rows per file.
 */
public final class ImportFaults {

    private static final String VILLAGE = "321183102201";
    private static final String TOWN = "321183102000";
    private final String db;
    private final int rows;
    private final String url;
    private final String classpath = System.getProperty("java.class.path");
    private final List<String> failures = new ArrayList<>();
    private int files;

    private ImportFaults(String db, int rows) {
        this.db = db;
        this.rows = rows;
        this.url = "jdbc:postgresql://127.0.0.1:5432/" + db + "?user=postgres";
    }

    public static void main(String[] args) throws Exception {
        var faults = new ImportFaults(args.length > 0 ? args[0] : "zhenwu_faults", args.length > 1 ? Integer.parseInt(args[1]) : 200_000);
        System.exit(faults.run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Files.createDirectories(Path.of("target", "faults"));
        System.out.println("# Import fault scenarios on PostgreSQL (" + db + "), " + rows + " rows per file");
        // The first command migrates the database and loads the demo town (its org units name the rows' village).
        check("set-up", cli(List.of("--zhenwu.demo.enabled=true", "audit", "verify")).waitFor() == 0, "first start failed");
        for (String phase : List.of("READING", "CHECKING", "APPLYING")) {
            killDuring(phase);
        }
        commandBesideARunningImport();
        System.out.println(failures.isEmpty() ? "ALL PASSED" : "FAILED: " + failures);
        return failures.isEmpty();
    }

    private void killDuring(String phase) throws Exception {
        Path file = file();
        long before = count("SELECT COUNT(*) FROM enterprise");
        Process importer = cli(List.of("import", "enterprises", file.toString(), "--org", TOWN));
        long job = awaitPhase(importer, phase);
        if (job < 0) {
            importer.waitFor();
            check("kill -9 during " + phase, false, "the import never showed phase " + phase + " (too few rows to catch it?)");
            return;
        }
        importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        String name = "kill -9 during " + phase + " (job " + job + ")";
        check(name, count("SELECT COUNT(*) FROM enterprise") == before, "a partial batch was written");
        check(name, "RUNNING".equals(status(job)), "the killed job is not left RUNNING: " + status(job));
        check(name, cli(List.of("audit", "verify")).waitFor() <= 1, "the next start failed");
        check(name, "FAILED".equals(status(job)), "the next start did not fail the job: " + status(job));
        check(name, count("SELECT COUNT(*) FROM enterprise_staging WHERE job_id = " + job) == 0
                && count("SELECT COUNT(*) FROM pg_tables WHERE tablename LIKE '%staging%job%" + job + "'") == 0, "staged rows stayed behind");
        check(name, count("SELECT COUNT(*) FROM enterprise") == before, "rows were written after all");
        System.out.println("- " + name + ": nothing written, job failed by the next start, staging dropped");
    }

    private void commandBesideARunningImport() throws Exception {
        Path file = file();
        long before = count("SELECT COUNT(*) FROM enterprise");
        Process importer = cli(List.of("import", "enterprises", file.toString(), "--org", TOWN));
        long job = awaitPhase(importer, "READING");
        String name = "a command started beside a running import (job " + job + ")";
        check(name, job > 0 && cli(List.of("audit", "verify")).waitFor() <= 1, "the second command failed");
        check(name, importer.waitFor() == 0, "the import did not succeed: " + status(job));
        check(name, "SUCCEEDED".equals(status(job)), "job " + status(job));
        check(name, count("SELECT COUNT(*) FROM enterprise") - before == rows, "rows were dropped: "
                + (count("SELECT COUNT(*) FROM enterprise") - before) + " of " + rows);
        System.out.println("- " + name + ": job SUCCEEDED with all " + rows + " rows");
    }

    /** The newest job once it is RUNNING in {@code phase} with rows read, or -1 if the importer ended first. */
    private long awaitPhase(Process importer, String phase) throws Exception {
        while (importer.isAlive()) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT id, status, phase, processed_rows FROM import_job ORDER BY id DESC LIMIT 1")) {
                if (r.next() && "RUNNING".equals(r.getString(2)) && phase.equals(r.getString(3)) && r.getLong(4) > 0) {
                    return r.getLong(1);
                }
            }
            Thread.sleep(10);
        }
        return -1;
    }

    private Process cli(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dzhenwu.cli=true", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai", "-cp", classpath,
                "io.zhenwu.ZhenwuApplication", "--spring.profiles.active=pg", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + db,
                "--spring.datasource.username=postgres", "--zhenwu.files.dir=target/faults/files"));
        command.addAll(args);
        // The commands' output, for when a scenario fails: target/faults/cli.log
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "faults", "cli.log").toFile())).start();
    }

    /** A csv of {@link #rows} new enterprises (credit codes no other file of the run uses). */
    private Path file() throws IOException {
        Path file = Path.of("target", "faults", "enterprises-" + (++files) + ".csv");
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("统一社会信用代码,企业名称,所属单位代码\n");
            for (int i = 0; i < rows; i++) {
                int serial = 5_000_000 + files * rows + i;
                out.write(ImportBench.creditCode(serial) + ",故障测试企业" + serial + "有限公司," + VILLAGE + "\n");
            }
        }
        return file;
    }

    private String status(long job) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT status FROM import_job WHERE id = " + job)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void check(String scenario, boolean ok, String problem) {
        if (!ok) {
            failures.add(scenario + ": " + problem);
            System.out.println("  ✗ " + scenario + ": " + problem);
        }
    }
}
