package io.zhenwu.bench;

import io.zhenwu.cases.ApplicantKind;
import io.zhenwu.cases.Cases;
import io.zhenwu.demo.DemoData;
import io.zhenwu.demo.DemoGenerator;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.Users;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.figures.FigurePeriod;
import io.zhenwu.shared.figures.FigureProvider;
import io.zhenwu.shared.figures.FigureRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * County/city scale: loads the demo town, generates N towns × Y years through {@link DemoGenerator} (timed), then
 * measures, each next to its limit in the same run:
 * <ol>
 *   <li>case transitions over HTTP on loopback (wrk when installed, else a Java client; fixed duration, T connections) vs the same
 *       update + timeline insert as plain JDBC (one transaction per transition), and the engine's own statements (read,
 *       update + timeline, audit event) sent by plain JDBC, which splits the gap into the SQL's share and the Java's;</li>
 *   <li>a county leader's dashboard over the generated county — the indicator target board with its trends, the safety
 *       board, the service-hall figures — through the product's services vs the hand-written SQL computing the same
 *       numbers, as a whole and part by part;</li>
 *   <li>case statistics of one town, and the annual report of the demo town, vs hand-written SQL / the providers.</li>
 * </ol>
 * Usage: {@code ScaleBench h2|pg towns years casesPerTownYear seconds threads}. Run by {@code bench/run.sh}.
 */
public final class ScaleBench {

    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int towns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int years = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int cases = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        new ScaleBench().run(db, towns, years, cases, seconds, threads);
    }

    private void run(String db, int towns, int years, int casesPerTownYear, int seconds, int threads) throws Exception {
        try (ConfigurableApplicationContext context = BenchApp.start(db, "scale", Map.of(), true)) {
            DataSource dataSource = context.getBean(DataSource.class);
            String version;
            try (Connection c = dataSource.getConnection()) {
                version = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            }
            long t0 = System.nanoTime();
            context.getBean(DemoData.class).load();
            double demoSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            DemoGenerator.Summary generated = context.getBean(DemoGenerator.class).generate(towns, years, 42, casesPerTownYear,
                    n -> System.out.printf("  generated town %d/%d%n", n, towns));
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            // PostgreSQL: statistics and the visibility map as autovacuum would leave them after a bulk load.
            sql(dataSource, db.equals("pg") ? "VACUUM ANALYZE" : "ANALYZE");
            System.out.printf("demo town loaded in %.1f s; generated %,d records (%,d cases, %,d timeline rows, %,d residents in %,d households) "
                    + "in %.1f s = %,.0f records/s%n", demoSeconds, generated.records(), generated.cases(), generated.timelineRows(),
                    generated.residents(), generated.households(), genSeconds, generated.records() / genSeconds);

            // The trail as production keeps it: the generated backlog sealed first (timed), then the sealer every 2 s
            // (zhenwu.audit.seal-interval's default; BenchApp turns the scheduled one off) through the measurements,
            // so each transition pays for sealing its audit event.
            io.zhenwu.audit.AuditTrail auditTrail = context.getBean(io.zhenwu.audit.AuditTrail.class);
            t0 = System.nanoTime();
            long backlog = auditTrail.sealPending();
            double sealSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("sealed the generated audit trail: %,d events in %.1f s%n", backlog, sealSeconds);
            var sealer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-sealer"));
            sealer.scheduleWithFixedDelay(auditTrail::sealRecent, 2, 2, TimeUnit.SECONDS);

            OrgUnits orgUnits = context.getBean(OrgUnits.class);
            OrgUnit root = orgUnits.roots().get(0);
            DataScope all = new DataScope(root.id(), root.path());
            OrgUnit county = orgUnits.findByCode(all, "321190").orElseThrow();
            OrgUnit town = orgUnits.findByCode(all, "321190101000").orElseThrow();
            OrgUnit center = orgUnits.findByCode(all, "G90101-ZWFW").orElseThrow();

            // --- 1. transitions over HTTP ------------------------------------------------------------------------
            context.getBean(Users.class).createAsSystem("benchstaff", "压测窗口", county, Set.of(Role.STAFF), DemoData.DEMO_PASSWORD);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            String token = token(http, port);
            Actor actor = new Actor(0, "bench", new DataScope(county.id(), county.path()), EnumSet.allOf(Role.class));
            Cases cases = context.getBean(Cases.class);
            // Enough open cases for warm-up, HTTP, engine, the engine's statements and JDBC at up to 5,000/s each.
            int pool = Math.max(20_000, seconds * (MAX_WARM_UP > 0 && MAX_WARM_UP <= 2 * seconds ? 15_000 : 25_000));
            List<Long> open = new ArrayList<>();
            for (int i = 0; i < pool; i += 5000) {
                List<Cases.HistoricalCase> batch = new ArrayList<>();
                for (int j = i; j < Math.min(pool, i + 5000); j++) {
                    batch.add(new Cases.HistoricalCase(new Cases.NewCase("service_matter", center.id(), "公共服务", "GG-004", "高龄津贴申领",
                            "压测事项", "G90101-ZH-01", false, ApplicantKind.PERSON, null, "申请人", null, null, null, null, 5, 20, null),
                            Instant.now(), "bench", List.of()));
                }
                open.addAll(cases.load(actor, batch));
            }
            ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(open);
            String base = "http://127.0.0.1:" + port;
            // The client: wrk (Debian package) when installed — a C client that leaves the 2 cores to the server and
            // the database — else the JDK's HttpClient in this JVM. Warm-up as long as the measured run (JIT on 2 cores
            // takes that long), then the measured run.
            LoadClient client = Wrk.installed() ? new Wrk(base, token, threads) : new JavaClient(http, base, token, threads);
            String transitionWarmUp = warmUp(seconds, s -> client.transitions(queue, s));
            System.out.printf("measuring transitions over HTTP (%s) for %d s after %s%n", client.name(), seconds, transitionWarmUp);
            Load load = client.transitions(queue, seconds);

            // Without HTTP: the same transition through the engine's API in this process (scope, rules, optimistic
            // update, timeline, audit event), to split the gap to the limit into web and engine + database.
            Load engine = closedLoop(threads, seconds, () -> {
                Long id = queue.poll();
                if (id == null) {
                    return NOTHING_LEFT;
                }
                cases.fire(actor, id, "hand_over", 0, Map.of("assignee", "经办人"), null);
                return OK;
            });
            // The limit: the same state update and timeline insert as plain JDBC, one transaction per transition.
            Load jdbc = closedLoop(threads, seconds, inTransaction(queue, dataSource, (c, id) -> {
                try (PreparedStatement u = c.prepareStatement("UPDATE case_record SET state = 'handling', version = version + 1, "
                        + "updated_at = CURRENT_TIMESTAMP WHERE id = ? AND version = 0");
                     PreparedStatement e = c.prepareStatement("INSERT INTO case_event (case_id, seq, transition, from_state, to_state, "
                             + "actor, occurred_at, fields_json) VALUES (?, 2, 'hand_over', 'accepted', 'handling', 'bench', CURRENT_TIMESTAMP, ?)")) {
                    u.setLong(1, id);
                    u.executeUpdate();
                    e.setLong(1, id);
                    e.setString(2, "{\"assignee\":\"经办人\"}");
                    e.executeUpdate();
                }
            }));
            // The engine's own statements, sent by plain JDBC with no Java around them: the read with the scope check,
            // the update with its timeline row (one statement on PostgreSQL, as the engine sends it), the audit event,
            // the commit. Between this and the limit above lies what the SQL itself costs; between this and the engine,
            // what the Java around it costs.
            boolean postgres = db.equals("pg");
            Load statements = closedLoop(threads, seconds, inTransaction(queue, dataSource,
                    (c, id) -> engineStatements(c, id, county.path(), postgres)));
            for (var row : List.of(Map.entry("transitions over HTTP, " + client.name(), load),
                    Map.entry("transitions through the engine's API, no HTTP", engine))) {
                Load l = row.getValue();
                rows.add(String.format("| %s (%d threads, %d s) | %,.0f/s | %.1f | %.1f | plain JDBC %,.0f/s | %.1f | %.1f | %.2f× | %s |",
                        row.getKey(), threads, seconds, l.rate(), l.p50(), l.p99(), jdbc.rate(),
                        jdbc.p50(), jdbc.p99(), jdbc.rate() / Math.max(1, l.rate()), l.note()));
            }
            rows.add(String.format("| limit: plain JDBC update + timeline insert (%d threads, %d s) | %,.0f/s | %.1f | %.1f | | | | | %s |",
                    threads, seconds, jdbc.rate(), jdbc.p50(), jdbc.p99(), jdbc.note()));
            rows.add(String.format("| the engine's statements by plain JDBC: read, update + timeline, audit event (%d threads, %d s) | %,.0f/s | %.1f | %.1f "
                    + "| plain JDBC %,.0f/s | %.1f | %.1f | %.2f× | %s |", threads, seconds, statements.rate(), statements.p50(), statements.p99(),
                    jdbc.rate(), jdbc.p50(), jdbc.p99(), jdbc.rate() / Math.max(1, statements.rate()), statements.note()));

            // The floor of any authenticated API call on this machine: the same client, token, filter chain and JSON, a
            // handler that only does calendar arithmetic in memory (no database). Transitions cannot beat this rate.
            String floorWarmUp = warmUp(seconds, client::floor);
            Load floorLoad = client.floor(seconds);
            rows.add(String.format("| floor: authenticated GET without database work, %s (%d threads, %d s) | %,.0f/s | %.1f | %.1f | — | | | | %s |",
                    client.name(), threads, seconds, floorLoad.rate(), floorLoad.p50(), floorLoad.p99(), floorLoad.note()));
            rows.add("| warm-up before the HTTP runs | | | | | | | | | transitions: " + transitionWarmUp + "; floor: " + floorWarmUp + " |");
            // Not shutdownNow(): an interrupt during H2's file I/O closes its FileChannel and with it the database.
            sealer.shutdown();
            sealer.awaitTermination(1, TimeUnit.MINUTES);
            rows.add(String.format("| audit sealing | | | | | | | | | the generated trail's %,d events sealed in %.1f s before; during the runs the "
                    + "sealer ran every 2 s as deployed |", backlog, sealSeconds));

            // --- 2. a county leader's dashboard over the generated county -------------------------------------------
            FigureProvider figures = context.getBeansOfType(FigureProvider.class).values().stream()
                    .filter(p -> p.definitions().stream().anyMatch(d -> d.code().equals("cases.opened"))).findFirst().orElseThrow();
            CountyDashboard dashboard = new CountyDashboard(context, dataSource, figures, all, county);
            String countyTowns = Math.min(20, towns) + " towns";
            measure("county dashboard 2023 (" + countyTowns + "): target board + safety board + service-hall statistics", RUNS,
                    dashboard::load, dashboard::loadBySql);
            measure("  part: target board (" + dashboard.targetCount() + " targets, as of 2023-12-31, with the monthly trends)", RUNS,
                    dashboard::targetBoard, dashboard::targetBoardBySql);
            measure("  part: safety board 2023 (figures, open hazards by village and level, by month, overdue notices)", RUNS,
                    dashboard::safetyBoard, dashboard::safetyBoardBySql);
            measure("service-hall statistics of a county (" + countyTowns + ", 4 figures, 2023)", RUNS,
                    dashboard::serviceHall, dashboard::serviceHallBySql);
            measure("one town's matters handled in 2023", RUNS * 5 / 2,
                    () -> figures.compute(all, new FigureRequest("cases.service_hall.handled", town.code(), FigurePeriod.year(2023))).hasValue() ? 1 : 0,
                    () -> sql(dataSource, "SELECT COUNT(*) FROM case_record c JOIN org_unit o ON o.id = c.org_unit_id WHERE o.path LIKE '"
                            + town.path() + "%' AND c.type_code = 'service_matter' AND c.opened_on BETWEEN DATE '2023-01-01' AND DATE '2023-12-31'"));

            // --- 3. the annual report of one town-year on this database --------------------------------------------
            io.zhenwu.reports.Reports reports = context.getBean(io.zhenwu.reports.Reports.class);
            var rendered = reports.render(all, "年度工作报告", "321183102000", 2023);
            List<FigureRequest> requests = rendered.figures().stream().map(io.zhenwu.reports.RenderedReport.Figure::request).distinct().toList();
            Map<String, FigureProvider> byCode = new java.util.HashMap<>();
            context.getBeansOfType(FigureProvider.class).values().forEach(p -> p.definitions().forEach(d -> byCode.put(d.code(), p)));
            measure("annual report 下蜀镇 2023 rendered (" + rendered.figures().size() + " placeholders, " + requests.size()
                            + " figures) — limit: the same figures computed directly by their providers", Math.max(3, RUNS / 2),
                    () -> reports.render(all, "年度工作报告", "321183102000", 2023).figures().size(),
                    () -> {
                        int n = 0;
                        for (FigureRequest r : requests) {
                            n += byCode.get(r.code()).compute(all, r).hasValue() ? 1 : 0;
                        }
                        return n;
                    });

            long totalCases = count(dataSource, "SELECT COUNT(*) FROM case_record");
            long totalEvents = count(dataSource, "SELECT COUNT(*) FROM case_event");
            System.out.println();
            System.out.printf("Database: %s (%s); %d towns × %d years × %,d matters; case_record %,d rows, case_event %,d rows%n%n", version,
                    db, towns, years, casesPerTownYear, totalCases, totalEvents);
            System.out.println("| measurement | Zhenwu | median ms | p99 ms | limit | limit median ms | limit p99 ms | ratio | note |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
            rows.forEach(System.out::println);
        }
    }

    /**
     * What a county leader's dashboard loads, through the product's services as the pages call them — the indicator
     * target board ({@code IndicatorController.dashboard}: the board, the monthly trends with last year, the towns), the
     * safety board ({@code SafetyController.board}: the board and the overdue notices) and the four service-hall figures
     * — next to hand-written SQL that computes the same numbers.
     */
    private static final class CountyDashboard {
        private static final List<String> HALL_FIGURES = List.of("cases.service_hall.handled", "cases.service_hall.on_time_rate",
                "cases.service_hall.avg_working_days", "cases.service_hall.resident_windows");
        private static final LocalDate AS_OF = LocalDate.of(2023, 12, 31);

        private final DataSource dataSource;
        private final FigureProvider figures;
        private final DataScope all;
        private final OrgUnit county;
        private final Actor leader;
        private final io.zhenwu.indicators.Targets targets;
        private final io.zhenwu.indicators.DataValues values;
        private final OrgUnits orgUnits;
        private final io.zhenwu.cases.Safety safety;
        private final String under;

        CountyDashboard(ConfigurableApplicationContext context, DataSource dataSource, FigureProvider figures, DataScope all, OrgUnit county) {
            this.dataSource = dataSource;
            this.figures = figures;
            this.all = all;
            this.county = county;
            DataScope scope = new DataScope(county.id(), county.path());
            this.leader = new Actor(0, "county-leader", scope, EnumSet.of(Role.LEADER));
            this.targets = context.getBean(io.zhenwu.indicators.Targets.class);
            this.values = context.getBean(io.zhenwu.indicators.DataValues.class);
            this.orgUnits = context.getBean(OrgUnits.class);
            this.safety = context.getBean(io.zhenwu.cases.Safety.class);
            this.under = " JOIN org_unit o ON o.id = %s WHERE o.path LIKE '" + county.path() + "%%' ";
        }

        int targetCount() {
            return targets.progress(leader.scope(), county.code(), 2023, AS_OF).size();
        }

        int load() {
            return targetBoard() + safetyBoard() + serviceHall();
        }

        int loadBySql() {
            return targetBoardBySql() + safetyBoardBySql() + serviceHallBySql();
        }

        int targetBoard() {
            DataScope scope = leader.scope();
            List<io.zhenwu.indicators.Targets.Progress> board = targets.progress(scope, county.code(), 2023, AS_OF);
            int n = board.size() + orgUnits.children(scope, county.id()).size();
            // the trend charts, as IndicatorController.dashboard loads them: every monthly target's two years at once
            for (var trend : values.monthlyTrends(scope, board.stream().map(io.zhenwu.indicators.Targets.Progress::indicator).toList(),
                    county.path(), 2023).values()) {
                n += (int) trend.thisYear().stream().filter(java.util.Objects::nonNull).count();
            }
            return n;
        }

        /** The targets with their year to date in one statement, the monthly series of both years in another, the towns. */
        int targetBoardBySql() {
            String months = "SELECT dv.indicator_code, dv.period_start, SUM(dv.num_value) AS v FROM data_value dv"
                    + under.formatted("dv.org_unit_id") + "AND dv.period_type = 'MONTH' AND dv.indicator_code IN "
                    + "(SELECT indicator_code FROM target WHERE org_unit_id = " + county.id() + " AND target_year = 2023) ";
            return sql(dataSource, "SELECT t.indicator_code, t.comparator, t.num_value, a.actual FROM target t LEFT JOIN ("
                    + "SELECT dv.indicator_code, SUM(dv.num_value) AS actual FROM data_value dv" + under.formatted("dv.org_unit_id")
                    + "AND dv.period_type = 'MONTH' AND dv.period_start >= DATE '2023-01-01' AND dv.period_start < DATE '2024-01-01' "
                    + "GROUP BY dv.indicator_code) a ON a.indicator_code = t.indicator_code "
                    + "WHERE t.org_unit_id = " + county.id() + " AND t.target_year = 2023")
                    + sql(dataSource, months + "AND dv.period_start >= DATE '2022-01-01' AND dv.period_start < DATE '2024-01-01' "
                    + "GROUP BY dv.indicator_code, dv.period_start")
                    + sql(dataSource, "SELECT id, code, name FROM org_unit WHERE parent_id = " + county.id() + " ORDER BY code");
        }

        int safetyBoard() {
            var board = safety.board(leader, 2023);
            return board.figures().size() + board.openByVillageAndLevel().size() + board.byMonth().size()
                    + safety.overdueNotices(leader, false).size();
        }

        /** The board's headline counts, open hazards by village and level, found/closed per month, overdue notices. */
        int safetyBoardBySql() {
            String hazards = " FROM safety_hazard h JOIN case_record c ON c.id = h.case_id" + under.formatted("c.org_unit_id");
            String year = " BETWEEN DATE '2023-01-01' AND DATE '2023-12-31'";
            return sql(dataSource, "SELECT COUNT(*) FROM safety_inspection i" + under.formatted("i.org_unit_id") + "AND i.inspected_on" + year)
                    + sql(dataSource, "SELECT SUM(CASE WHEN h.found_on" + year + " THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN c.outcome = 'done' AND c.closed_on" + year + " THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN h.enforcement_filed = TRUE AND h.enforcement_on" + year + " THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN c.state_kind <> 'CLOSED' AND c.overdue = TRUE THEN 1 ELSE 0 END)" + hazards)
                    + sql(dataSource, "SELECT COUNT(*) FROM rectification_notice n JOIN case_record c ON c.id = n.case_id"
                    + under.formatted("c.org_unit_id") + "AND n.issued_on" + year)
                    + sql(dataSource, "SELECT v.name, h.hazard_level, COUNT(*) FROM safety_hazard h JOIN case_record c ON c.id = h.case_id "
                    + "LEFT JOIN org_unit v ON v.id = h.village_org_id" + under.formatted("c.org_unit_id")
                    + "AND c.state_kind <> 'CLOSED' GROUP BY v.name, h.hazard_level")
                    + sql(dataSource, "SELECT EXTRACT(MONTH FROM h.found_on), COUNT(*)" + hazards + "AND h.found_on" + year
                    + " GROUP BY EXTRACT(MONTH FROM h.found_on)")
                    + sql(dataSource, "SELECT EXTRACT(MONTH FROM c.closed_on), COUNT(*)" + hazards + "AND c.outcome = 'done' AND c.closed_on"
                    + year + " GROUP BY EXTRACT(MONTH FROM c.closed_on)")
                    + sql(dataSource, "SELECT n.*, c.case_number FROM rectification_notice n JOIN case_record c ON c.id = n.case_id"
                    + under.formatted("c.org_unit_id") + "AND c.state = 'rectifying' AND c.due_on < CURRENT_DATE ORDER BY c.due_on, n.id");
        }

        int serviceHall() {
            int n = 0;
            for (String code : HALL_FIGURES) {
                n += figures.compute(all, new FigureRequest(code, county.code(), FigurePeriod.year(2023))).hasValue() ? 1 : 0;
            }
            return n;
        }

        /** The four figures' statements written by hand, run one after the other. */
        int serviceHallBySql() {
            String from = " FROM case_record c JOIN org_unit o ON o.id = c.org_unit_id WHERE o.path LIKE '" + county.path() + "%' "
                    + "AND c.type_code = 'service_matter' AND ";
            return sql(dataSource, "SELECT COUNT(*)" + from + "c.opened_on BETWEEN DATE '2023-01-01' AND DATE '2023-12-31' "
                    + "AND (c.outcome IS NULL OR c.outcome <> 'cancelled')")
                    + sql(dataSource, "SELECT COUNT(*), SUM(CASE WHEN c.closed_on <= c.due_on THEN 1 ELSE 0 END)" + from
                    + "c.closed_on BETWEEN DATE '2023-01-01' AND DATE '2023-12-31' AND c.outcome = 'done'")
                    + sql(dataSource, "SELECT AVG(c.working_days_used)" + from
                    + "c.closed_on BETWEEN DATE '2023-01-01' AND DATE '2023-12-31' AND c.outcome = 'done' AND c.promised_days > 0")
                    + sql(dataSource, "SELECT COUNT(*)" + from + "c.opened_on BETWEEN DATE '2023-01-01' AND DATE '2023-12-31' "
                    + "AND (c.outcome IS NULL OR c.outcome <> 'cancelled') AND c.channel_code IN "
                    + "(SELECT w.code FROM service_window w WHERE w.resident_agency = TRUE)");
        }
    }

    /**
     * Throughput, sorted latencies, failures, this JVM's CPU time per request (server and client threads, JIT, GC: it
     * wanders with the load of the machine) and the bytes allocated per request (steady; a proxy for the work done).
     */
    /**
     * One load's outcome. CPU per request: the JVM's (server, plus the client when it is the Java one) and the whole
     * machine's (server, database and client), from {@code /proc/stat} where there is one.
     */
    private record Load(double rate, double p50, double p99, int failures, double cpuMsPerRequest, double allocatedKbPerRequest,
                        double machineCpuMsPerRequest, double jitCpuMs) {

        String note() {
            return String.format("%d failed; JVM CPU %.2f ms, machine CPU %s ms, %,.0f KB allocated per request; JIT threads %,.0f ms CPU in all",
                    failures, cpuMsPerRequest, machineCpuMsPerRequest < 0 ? "?" : String.format("%.2f", machineCpuMsPerRequest),
                    allocatedKbPerRequest, jitCpuMs);
        }
    }

    /** CPU time of this JVM's JIT compiler threads so far, in ms, from /proc/self/task (0 where there is none). */
    private static double compilerCpuMs() {
        long ticks = 0;
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        // After "(comm) ": state is field 3; utime and stime are fields 14 and 15.
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks * 10.0;
    }

    /** CPU time used by the whole machine so far (all processes), in ms; -1 where there is no /proc/stat. */
    private static double machineCpuMs() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal: busy = all but idle and iowait, in USER_HZ (1/100 s).
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy * 10.0;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Measures process and machine CPU and allocation around a load run by another party (wrk). */
    private static final class Meter {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private final long cpu0 = os.getProcessCpuTime();
        private final long allocated0 = allocatedBytes();
        private final double machine0 = machineCpuMs();
        private final double jit0 = compilerCpuMs();

        Load done(double rate, double p50, double p99, int failures, long requests, long workerAllocated) {
            long n = Math.max(1, requests);
            double machine1 = machineCpuMs();
            return new Load(rate, p50, p99, failures, (os.getProcessCpuTime() - cpu0) / 1e6 / n,
                    (allocatedBytes() - allocated0 + workerAllocated) / 1024.0 / n, machine0 < 0 ? -1 : (machine1 - machine0) / n,
                    compilerCpuMs() - jit0);
        }
    }

    /** The HTTP load client: transitions of open cases, then the floor GET. */
    private interface LoadClient {
        String name();

        Load transitions(ConcurrentLinkedQueue<Long> open, int seconds) throws Exception;

        Load floor(int seconds) throws Exception;
    }

    /** The longest warm-up in seconds ({@code -Dzhenwu.bench.max-warm-up}); 0: 6 × the measured run. */
    private static final int MAX_WARM_UP = Integer.getInteger("zhenwu.bench.max-warm-up", 0);
    /**
     * Timed runs of each dashboard and statistics measurement ({@code -Dzhenwu.bench.runs}, default 20; the single town's
     * count runs 2.5 ×, the report ½ ×). The small size takes 5 to finish in under two minutes on H2, where the county
     * statistics take about a second a run.
     */
    private static final int RUNS = Integer.getInteger("zhenwu.bench.runs", 20);

    /** One warm-up round of {@code seconds}. */
    private interface Round {
        Load run(int seconds) throws Exception;
    }

    /**
     * Warms the JIT up for what is measured next: rounds of 5 s, at least as long as the measured run, then until a
     * round leaves the JIT compiler threads nearly idle (under 5 % of one core) — on 2 cores a busy C2 thread takes
     * half the machine from the server — and at most 6 × the measured run ({@link #MAX_WARM_UP} overrides). Returns
     * what it did, for the results.
     */
    private static String warmUp(int seconds, Round round) throws Exception {
        int spent = 0;
        double jitShare = 1;
        int most = MAX_WARM_UP > 0 ? Math.max(seconds, MAX_WARM_UP) : 6 * seconds;
        while (spent < most && (spent < seconds || jitShare >= 0.05)) {
            int length = Math.min(5, seconds);
            Load l = round.run(length);
            spent += length;
            jitShare = l.jitCpuMs() / (length * 1000.0);
            if (l.rate() == 0) {
                break;
            }
        }
        return String.format("%d s, JIT threads at %.0f %% of a core in the last round", spent, 100 * jitShare);
    }

    /** The JDK's HttpClient in this JVM: closed loop, {@code threads} workers. */
    private record JavaClient(HttpClient http, String base, String token, int threads) implements LoadClient {
        public String name() {
            return "Java client";
        }

        public Load transitions(ConcurrentLinkedQueue<Long> open, int seconds) throws Exception {
            return httpLoad(http, threads, seconds, () -> {
                Long id = open.poll();
                return id == null ? null : transition(base, token, id);
            });
        }

        public Load floor(int seconds) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + FLOOR_PATH)).header("Authorization", "Bearer " + token).GET().build();
            return httpLoad(http, threads, seconds, () -> request);
        }
    }

    /**
     * wrk (the Debian package): 2 threads (the machine's cores), {@code threads} connections, fixed duration, a Lua
     * script for the per-case paths. Each wrk run takes {@code seconds × 5,000} cases from the pool and puts back the
     * ones it did not use; should it run out, it repeats the last one and those stale transitions count as failures (409).
     */
    private record Wrk(String base, String token, int connections) implements LoadClient {
        static boolean installed() {
            if (Boolean.getBoolean("zhenwu.bench.java-client")) {
                return false;
            }
            try {
                return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() <= 1;
            } catch (Exception e) {
                return false;
            }
        }

        public String name() {
            return "wrk";
        }

        public Load transitions(ConcurrentLinkedQueue<Long> open, int seconds) throws Exception {
            java.nio.file.Path ids = java.nio.file.Files.createTempFile("zhenwu-wrk", ".ids");
            List<Long> taken = new ArrayList<>();
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < seconds * 5000; i++) {
                Long id = open.poll();
                if (id == null) {
                    break;
                }
                taken.add(id);
                lines.append(id).append('\n');
            }
            java.nio.file.Files.writeString(ids, lines);
            try {
                String[] used = new String[1];
                Load load = run(seconds, """
                        wrk.method = "POST"
                        wrk.body = '{"version":0,"fields":{"assignee":"经办人"}}'
                        wrk.headers["Content-Type"] = "application/json"
                        wrk.headers["Authorization"] = "Bearer %s"
                        local counter = 0
                        function setup(thread)
                          thread:set("index", counter)
                          counter = counter + 1
                        end
                        function init(args)
                          ids = {}
                          local n = 0
                          for line in io.lines("%s") do
                            if n %% 2 == index then table.insert(ids, line) end
                            n = n + 1
                          end
                          next_id = 1
                        end
                        function request()
                          local id = ids[math.min(next_id, #ids)]
                          next_id = next_id + 1
                          return wrk.format(nil, "/api/v1/cases/" .. id .. "/transitions/hand_over")
                        end
                        """.formatted(token, ids), used);
                // Thread t used its first n_t ids of those with index ≡ t (mod 2); the rest go back to the pool.
                String[] perThread = used[0].split(",");
                for (int i = 0; i < taken.size(); i++) {
                    if (i / 2 >= Integer.parseInt(perThread[i % 2])) {
                        open.add(taken.get(i));
                    }
                }
                return load;
            } finally {
                java.nio.file.Files.deleteIfExists(ids);
            }
        }

        public Load floor(int seconds) throws Exception {
            return run(seconds, """
                    wrk.headers["Authorization"] = "Bearer %s"
                    wrk.path = "%s"
                    next_id = 1
                    """.formatted(token, FLOOR_PATH), new String[1]);
        }

        /** Runs wrk with the script; {@code used[0]} receives how many requests each wrk thread made, "n0,n1". */
        private Load run(int seconds, String script, String[] used) throws Exception {
            java.nio.file.Path lua = java.nio.file.Files.createTempFile("zhenwu-wrk", ".lua");
            java.nio.file.Files.writeString(lua, script + """
                    local threads = {}
                    local original_setup = setup
                    function setup(thread)
                      table.insert(threads, thread)
                      if original_setup then original_setup(thread) end
                    end
                    function done(summary, latency, requests)
                      local e = summary.errors
                      local used = {}
                      for _, t in ipairs(threads) do table.insert(used, (t:get("next_id") or 1) - 1) end
                      io.write(string.format("ZHENWU %d %d %d %d %d %s\\n", summary.requests, summary.duration,
                        e.connect + e.read + e.write + e.timeout + e.status, latency:percentile(50), latency:percentile(99),
                        table.concat(used, ",")))
                    end
                    """);
            try {
                Meter meter = new Meter();
                Process p = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "-s", lua.toString(), base)
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("wrk failed: " + out);
                }
                String line = out.lines().filter(l -> l.startsWith("ZHENWU ")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("wrk printed no summary: " + out));
                String[] f = line.split(" ");
                used[0] = f[6];
                long requests = Long.parseLong(f[1]);
                int failures = Integer.parseInt(f[3]);
                // Rate of successful requests over wrk's own measured duration (µs); latencies in µs.
                return meter.done((requests - failures) / (Long.parseLong(f[2]) / 1e6), Long.parseLong(f[4]) / 1e3,
                        Long.parseLong(f[5]) / 1e3, failures, requests, 0);
            } finally {
                java.nio.file.Files.deleteIfExists(lua);
            }
        }
    }

    private static final String FLOOR_PATH = "/api/v1/calendar/add-working-days?from=2023-09-28&days=5";

    private static void work(Op op, long deadline, List<Long> latencies, AtomicInteger failures) {
        while (System.nanoTime() < deadline) {
            long s = System.nanoTime();
            int outcome;
            try {
                outcome = op.run();
            } catch (Exception e) {
                outcome = FAILED;
            }
            if (outcome == NOTHING_LEFT) {
                return;
            }
            latencies.add(System.nanoTime() - s);
            if (outcome == FAILED) {
                failures.incrementAndGet();
            }
        }
    }

    private static long currentThreadAllocatedBytes() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static final String LOAD_WORKER = "bench-load";

    /** Bytes allocated so far by the live threads other than the load's own workers (they count themselves). */
    private static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && !info.getThreadName().startsWith(LOAD_WORKER)) {
                sum += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return sum;
    }

    private static HttpRequest transition(String base, String token, long id) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + id + "/transitions/hand_over"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":0,\"fields\":{\"assignee\":\"经办人\"}}")).build();
    }

    /** One operation of a closed-loop load: {@link #OK}, {@link #FAILED}, or {@link #NOTHING_LEFT} to stop. */
    private interface Op {
        int run() throws Exception;
    }

    /** Statements of one transition on a connection in a transaction. */
    private interface TransitionSql {
        void run(Connection c, long caseId) throws java.sql.SQLException;
    }

    /** One transaction per open case taken from the queue, by plain JDBC; the operation of the JDBC loads. */
    private static Op inTransaction(ConcurrentLinkedQueue<Long> queue, DataSource dataSource, TransitionSql sql) {
        return () -> {
            Long id = queue.poll();
            if (id == null) {
                return NOTHING_LEFT;
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                sql.run(c, id);
                c.commit();
                c.setAutoCommit(true);
            }
            return OK;
        };
    }

    private static final int OK = 1;
    private static final int FAILED = 0;
    private static final int NOTHING_LEFT = -1;

    /** HTTP requests on loopback as a closed-loop load; a non-2xx answer is a failure. */
    private static Load httpLoad(HttpClient http, int threads, int seconds, java.util.function.Supplier<HttpRequest> next)
            throws InterruptedException {
        return closedLoop(threads, seconds, () -> {
            HttpRequest request = next.get();
            if (request == null) {
                return NOTHING_LEFT;
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() / 100 == 2 ? OK : FAILED;
        });
    }

    /** The SQL of one {@code hand_over} in the shape the engine sends it (see {@code CaseRepository}, {@code AuditRepository}). */
    private static void engineStatements(Connection c, long id, String scopePath, boolean postgres) throws java.sql.SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT c.*, o.path AS handling_path FROM case_record c "
                + "JOIN org_unit o ON o.id = c.org_unit_id WHERE c.id = ? AND o.path LIKE ?")) {
            read.setLong(1, id);
            read.setString(2, scopePath + "%");
            try (java.sql.ResultSet rs = read.executeQuery()) {
                rs.next();
                rs.getLong("version");
            }
        }
        String update = "UPDATE case_record SET state = 'handling', state_kind = state_kind, outcome = outcome, assignee = ?, "
                + "closed_at = closed_at, closed_on = closed_on, due_on = due_on, legal_due_on = legal_due_on, warn_on = warn_on, "
                + "paused_on = paused_on, paused_days = paused_days, working_days_used = working_days_used, overdue = overdue, "
                + "reopen_count = reopen_count, version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = ? AND version = 0";
        String eventColumns = "INSERT INTO case_event (case_id, seq, transition, from_state, to_state, actor, occurred_at, fields_json, comment) ";
        String eventValues = "'hand_over', 'accepted', 'handling', 'benchstaff', CURRENT_TIMESTAMP, '{\"assignee\":\"经办人\"}', NULL";
        if (postgres) {
            // one statement, as the engine sends it on PostgreSQL
            try (PreparedStatement u = c.prepareStatement("WITH u AS (" + update + " RETURNING id) " + eventColumns
                    + "SELECT u.id, (SELECT COALESCE(MAX(x.seq), 0) + 1 FROM case_event x WHERE x.case_id = u.id), " + eventValues + " FROM u")) {
                u.setString(1, "经办人");
                u.setLong(2, id);
                u.executeUpdate();
            }
        } else {
            try (PreparedStatement u = c.prepareStatement(update); PreparedStatement e = c.prepareStatement(eventColumns
                    + "VALUES (?, (SELECT COALESCE(MAX(x.seq), 0) + 1 FROM case_event x WHERE x.case_id = ?), " + eventValues + ")")) {
                u.setString(1, "经办人");
                u.setLong(2, id);
                u.executeUpdate();
                e.setLong(1, id);
                e.setLong(2, id);
                e.executeUpdate();
            }
        }
        try (PreparedStatement a = c.prepareStatement("INSERT INTO audit_event (occurred_at, actor, actor_org_unit_id, scope_path, action, "
                + "entity_type, entity_id, before_json, after_json, client_address) VALUES (CURRENT_TIMESTAMP, 'benchstaff', NULL, ?, "
                + "'case.transitioned', 'case', ?, NULL, ?, NULL)")) {
            a.setString(1, scopePath);
            a.setString(2, String.valueOf(id));
            a.setString(3, "{\"fields\":{\"assignee\":\"经办人\"},\"to\":\"handling\",\"from\":\"accepted\",\"transition\":\"hand_over\"}");
            a.executeUpdate();
        }
    }

    /**
     * A bounded closed-loop load: {@code threads} workers, each starting its next operation as soon as the previous
     * one is done, for {@code seconds} or until an operation finds nothing left. An exception counts as a failure.
     */
    private static Load closedLoop(int threads, int seconds, Op op) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        Meter meter = new Meter();
        java.util.concurrent.atomic.AtomicLong workerAllocated = new java.util.concurrent.atomic.AtomicLong();
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> new Thread(r, LOAD_WORKER + "-" + r.hashCode()));
        for (int t = 0; t < threads; t++) {
            executor.submit(() -> {
                // The workers end before the second snapshot below: count what they allocated themselves.
                long mine = currentThreadAllocatedBytes();
                try {
                    work(op, deadline, latencies, failures);
                } finally {
                    workerAllocated.addAndGet(currentThreadAllocatedBytes() - mine);
                }
            });
        }
        executor.shutdown();
        executor.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        // Over the time actually spent: if the operations ran out early, the run was shorter.
        double rate = latencies.size() / Math.min(seconds, (System.nanoTime() - started) / 1e9);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return meter.done(rate, ms(sorted, 0.5), ms(sorted, 0.99), failures.get(), sorted.size(), workerAllocated.get());
    }

    private String token(HttpClient http, int port) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("benchstaff:" + DemoData.DEMO_PASSWORD).getBytes());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        int i = body.indexOf("\"token\":\"") + 9;
        return body.substring(i, body.indexOf('"', i));
    }

    private void measure(String name, int runs, IntSupplier zhenwu, IntSupplier limit) {
        zhenwu.getAsInt();
        limit.getAsInt();
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            zhenwu.getAsInt();
            a.add(System.nanoTime() - s);
            s = System.nanoTime();
            limit.getAsInt();
            b.add(System.nanoTime() - s);
        }
        Collections.sort(a);
        Collections.sort(b);
        rows.add(String.format("| %s | %d runs | %.1f | %.1f | hand-written SQL | %.1f | %.1f | %.2f× | |", name, runs, ms(a, 0.5), ms(a, 0.99),
                ms(b, 0.5), ms(b, 0.99), ms(a, 0.5) / Math.max(0.001, ms(b, 0.5))).replace("| hand-written SQL |",
                name.contains("limit:") ? "| providers direct |" : "| hand-written SQL |"));
    }

    private static double ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static int sql(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            if (sql.endsWith("ANALYZE")) {
                st.execute(sql);
                return 0;
            }
            try (ResultSet rs = st.executeQuery(sql)) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                return n;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
