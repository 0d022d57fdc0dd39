package io.zhenwu.bench;

import io.zhenwu.indicators.DataValues;
import io.zhenwu.indicators.Indicator;
import io.zhenwu.indicators.Indicators;
import io.zhenwu.indicators.Period;
import io.zhenwu.indicators.PeriodType;
import io.zhenwu.indicators.Target;
import io.zhenwu.indicators.Targets;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * 指标查询基准: {@code towns × villagesPerTown} org units under one county, {@code indicators} monthly indicators,
 * 60 months (2020–2024) of values, loaded with a plain JDBC batch (setup, not measured). Then, each with median and
 * p99 over repeated runs and next to the single hand-written SQL statement that computes the same numbers:
 * one indicator's 60-month series for a town, a town's full target board (one target per indicator), and a county
 * rollup (every town's value of every indicator for a year). Run by {@code bench/indicators.sh}; no assertions.
 */
public final class IndicatorBench {

    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int towns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int villages = args.length > 2 ? Integer.parseInt(args[2]) : 49;
        int indicators = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        new IndicatorBench().run(db, towns, villages, indicators);
    }

    private void run(String db, int towns, int villagesPerTown, int indicatorCount) throws Exception {
        try (ConfigurableApplicationContext context = BenchApp.start(db, "indicators", Map.of())) {
            var orgUnits = context.getBean(OrgUnits.class);
            var catalogue = context.getBean(Indicators.class);
            var values = context.getBean(DataValues.class);
            var targets = context.getBean(Targets.class);
            var dataSource = context.getBean(DataSource.class);
            String version;
            try (Connection c = dataSource.getConnection()) {
                version = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            }
            long start = System.nanoTime();
            OrgUnit province = orgUnits.createAsSystem(null, "320000", "江苏省", OrgUnitType.PROVINCE, false);
            OrgUnit city = orgUnits.createAsSystem(province, "321100", "镇江市", OrgUnitType.PREFECTURE, false);
            OrgUnit county = orgUnits.createAsSystem(city, "321183", "句容市", OrgUnitType.COUNTY, false);
            List<OrgUnit> townUnits = new ArrayList<>();
            List<Long> leafIds = new ArrayList<>();
            for (int t = 0; t < towns; t++) {
                String code = "321183" + String.format("%03d", 100 + t) + "000";
                OrgUnit town = orgUnits.createAsSystem(county, code, "镇" + t, OrgUnitType.TOWN, false);
                townUnits.add(town);
                for (int v = 0; v < villagesPerTown; v++) {
                    leafIds.add(orgUnits.createAsSystem(town, code.substring(0, 9) + String.format("%03d", 200 + v), "村" + t + "-" + v,
                            OrgUnitType.VILLAGE, true).id());
                }
            }
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < indicatorCount; i++) {
                String code = "ind_" + i;
                codes.add(code);
                catalogue.define(new Indicator(code, "指标" + i, "Indicator " + i, "ECONOMY", "万元", Indicator.ValueType.AMOUNT,
                        Indicator.OrgAggregation.SUM, Indicator.PeriodAggregation.SUM, PeriodType.MONTH, 2, Indicator.Source.DEPARTMENT,
                        null, null, null, false, i, true, 0));
            }
            long values0 = load(dataSource, leafIds, codes);
            sql(dataSource, "ANALYZE");
            System.out.printf("setup: %d org units, %d indicators, %,d values in %.0f s%n", leafIds.size() + towns + 3, indicatorCount,
                    values0, (System.nanoTime() - start) / 1e9);
            Actor actor = new Actor(0, "bench", new DataScope(county.id(), county.path()), EnumSet.allOf(Role.class));
            OrgUnit town = townUnits.get(0);
            for (String code : codes) {
                targets.set(actor, code, town.code(), 2024, Target.Comparator.GE, new BigDecimal("100000"), null, null);
            }
            DataScope scope = actor.scope();
            Random random = new Random(7);

            measure("series: 1 indicator × 60 months for a town (rolled up from its villages)", 50, () -> {
                String code = codes.get(random.nextInt(codes.size()));
                return values.series(scope, code, town.code(), Period.month(2020, 1), Period.month(2025, 1)).size();
            }, () -> sql(dataSource, "SELECT dv.period_start, SUM(dv.num_value) FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id "
                    + "WHERE dv.indicator_code = '" + codes.get(random.nextInt(codes.size())) + "' AND dv.period_type = 'MONTH' "
                    + "AND o.path LIKE '" + town.path() + "%' GROUP BY dv.period_start ORDER BY dv.period_start"));

            measure("target board: a town's " + indicatorCount + " targets as of 2024-09-30", 10,
                    () -> targets.progress(scope, town.code(), 2024, LocalDate.of(2024, 9, 30)).size(),
                    () -> sql(dataSource, "SELECT dv.indicator_code, SUM(dv.num_value) FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id "
                            + "WHERE dv.period_type = 'MONTH' AND dv.period_start >= DATE '2024-01-01' AND dv.period_start < DATE '2024-10-01' "
                            + "AND o.path LIKE '" + town.path() + "%' GROUP BY dv.indicator_code"));

            measure("county rollup: " + towns + " towns × " + indicatorCount + " indicators, December 2023", 3,
                    () -> {
                        Map<String, ? extends List<?>> rollup = values.rollup(scope, county.code(), Period.month(2023, 12));
                        int n = 0;
                        for (List<?> children : rollup.values()) {
                            n += children.size();
                        }
                        return n;
                    },
                    () -> sql(dataSource, "SELECT t.code, dv.indicator_code, SUM(dv.num_value) FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id "
                    + "JOIN org_unit t ON o.path LIKE t.path || '%' WHERE t.parent_id = " + county.id() + " AND dv.period_type = 'MONTH' "
                    + "AND dv.period_start = DATE '2023-12-01' GROUP BY t.code, dv.indicator_code"));

            System.out.println();
            System.out.printf("Database: %s (%s); %d towns × %d villages, %d indicators, 60 months: %,d values%n%n", version, db, towns,
                    villagesPerTown, indicatorCount, values0);
            System.out.println("| query | runs | median ms | p99 ms | limit (one SQL) median ms | ratio |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
        }
    }

    /** Values for every village, indicator and month of 2020–2024, 5,000 per batch. */
    private static long load(DataSource dataSource, List<Long> leafIds, List<String> codes) throws Exception {
        long n = 0;
        Random random = new Random(2024);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO data_value (indicator_code, org_unit_id, period_type, period_start, "
                    + "value_key, num_value, source, revision, version, updated_by, created_at, updated_at) "
                    + "VALUES (?, ?, 'MONTH', ?, ?, ?, 'DEPARTMENT', 1, 0, 'bench', ?, ?)")) {
                for (long org : leafIds) {
                    for (String code : codes) {
                        for (int m = 0; m < 60; m++) {
                            LocalDate start = LocalDate.of(2020, 1, 1).plusMonths(m);
                            ps.setString(1, code);
                            ps.setLong(2, org);
                            ps.setDate(3, Date.valueOf(start));
                            ps.setString(4, code + "|" + org + "|MONTH|" + start);
                            ps.setBigDecimal(5, BigDecimal.valueOf(100 + random.nextInt(10_000), 2));
                            ps.setTimestamp(6, now);
                            ps.setTimestamp(7, now);
                            ps.addBatch();
                            if (++n % 5000 == 0) {
                                ps.executeBatch();
                                c.commit();
                            }
                        }
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
        return n;
    }

    private static int sql(DataSource dataSource, String sql) {
        if (!sql.startsWith("SELECT")) {
            try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
                s.execute(sql);
                return 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try (Connection c = dataSource.getConnection(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void measure(String label, int runs, Supplier<Integer> product, Supplier<Integer> limit) {
        for (int i = 0; i < Math.max(2, runs / 5); i++) {
            product.get();
            limit.get();
        }
        double[] p = new double[runs];
        double[] l = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            product.get();
            p[i] = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            limit.get();
            l[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(p);
        Arrays.sort(l);
        double pm = p[runs / 2];
        double p99 = p[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)];
        double lm = l[runs / 2];
        rows.add(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f× |", label, runs, pm, p99, lm, pm / lm));
        System.out.println(rows.get(rows.size() - 1));
    }
}
