package io.zhenwu.bench;

import io.zhenwu.audit.AuditTrail;
import io.zhenwu.audit.ChainVerification;
import io.zhenwu.shared.AuditableEvent;
import io.zhenwu.shared.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 审计日志写入基准: how fast writers can append audit events (one event per writer transaction, as a real write
 * publishes it), how fast the single sealer chains them, how long {@code verify()} takes, and — as the ceiling — a
 * plain JDBC batch insert of the same rows. Deterministic workload, no assertions; run by {@code bench/audit.sh}.
 *
 * <p>Usage: {@code AuditBench h2|pg [totalEvents]}. H2 uses a fresh file under {@code target/bench/}; PostgreSQL
 * uses the database {@code zhenwu_bench} on 127.0.0.1 as user postgres (the script recreates it).
 */
public final class AuditBench {

    private static final int[] THREADS = {1, 4, 8};
    private static final int WARM_UP = 2_000;
    private static final int JDBC_BATCH = 1_000;
    /** A typical change record: a few fields before and after, Chinese text included (≈ 250 bytes of JSON). */
    private static final String PAYLOAD = "{\"name\":\"下蜀镇政务服务中心\",\"code\":\"XS-ZWFW\",\"type\":\"DEPARTMENT\","
            + "\"active\":true,\"note\":\"基准测试 benchmark payload of a typical size\",\"version\":3}";

    private final List<String> rows = new ArrayList<>();

    private AuditBench() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        new AuditBench().run(db, total);
    }

    /** One writer's change: fixed content, distinct entity id. */
    record BenchEvent(long n) implements AuditableEvent {
        public String action() { return "bench.updated"; }
        public String entityType() { return "bench"; }
        public String entityId() { return String.valueOf(n); }
        public Object before() { return PAYLOAD; }
        public Object after() { return PAYLOAD; }
        public String scopePath() { return "/1/2/3/6/"; }
    }

    private void run(String db, int total) throws Exception {
        try (ConfigurableApplicationContext context = BenchApp.start(db, "audit",
                Map.of("spring.datasource.hikari.maximum-pool-size", "16"))) {
            ApplicationEventPublisher events = context;
            var tx = context.getBean(TransactionTemplate.class);
            var audit = context.getBean(AuditTrail.class);
            var dataSource = context.getBean(DataSource.class);
            String version;
            try (Connection c = dataSource.getConnection()) {
                version = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            }
            // Let the one early scheduled seal (initial delay 5 s) pass on an empty trail.
            Thread.sleep(6_000);

            long next = publish(events, tx, 2, WARM_UP, 0);
            audit.sealPending();
            System.out.printf("warm-up: %d events published and sealed%n", WARM_UP);

            for (int threads : THREADS) {
                long start = System.nanoTime();
                next = publish(events, tx, threads, total, next);
                double insertSeconds = seconds(start);
                row("append (1 event / transaction)", threads, total, insertSeconds);

                start = System.nanoTime();
                long sealed = audit.sealPending();
                row("seal (sealPending, after the run above)", 1, sealed, seconds(start));
            }

            long start = System.nanoTime();
            ChainVerification verification = audit.verify();
            row("verify() whole chain (" + (verification.intact() ? "intact" : "BROKEN") + ")", 1,
                    verification.records(), seconds(start));

            start = System.nanoTime();
            jdbcBatch(dataSource, total, next);
            row("ceiling: plain JDBC batch insert (" + JDBC_BATCH + "/batch, 1 transaction)", 1, total, seconds(start));

            System.out.println();
            System.out.printf("Database: %s (%s), %d events per run%n%n", version, db, total);
            System.out.println("| phase | threads | rows | seconds | rows/s |");
            System.out.println("|---|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
        }
    }

    /** {@code threads} writers, each committing its share of {@code total} events one transaction at a time. */
    private static long publish(ApplicationEventPublisher events, TransactionTemplate tx, int threads, int total, long first)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            int share = total / threads;
            for (int t = 0; t < threads; t++) {
                long from = first + (long) t * share;
                int count = t == threads - 1 ? total - share * (threads - 1) : share;
                done.add(pool.submit(() -> {
                    go.await();
                    for (long n = from; n < from + count; n++) {
                        long id = n;
                        tx.executeWithoutResult(status -> events.publishEvent(new BenchEvent(id)));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            return first + total;
        } finally {
            pool.shutdown();
        }
    }

    private static void jdbcBatch(DataSource dataSource, int total, long first) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO audit_event (occurred_at, actor, actor_org_unit_id, "
                     + "scope_path, action, entity_type, entity_id, before_json, after_json, client_address) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            for (int i = 0; i < total; i++) {
                insert.setObject(1, OffsetDateTime.ofInstant(Times.now(), Times.ZONE));
                insert.setString(2, "system");
                insert.setNull(3, java.sql.Types.BIGINT);
                insert.setString(4, "/1/2/3/6/");
                insert.setString(5, "bench.updated");
                insert.setString(6, "bench");
                insert.setString(7, String.valueOf(first + i));
                insert.setString(8, PAYLOAD);
                insert.setString(9, PAYLOAD);
                insert.setNull(10, java.sql.Types.VARCHAR);
                insert.addBatch();
                if ((i + 1) % JDBC_BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
            c.setAutoCommit(autoCommit);
        }
    }

    private void row(String phase, int threads, long count, double seconds) {
        String line = String.format(Locale.ROOT, "| %s | %d | %,d | %.2f | %,.0f |", phase, threads, count, seconds,
                count / seconds);
        rows.add(line);
        System.out.println(line);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
