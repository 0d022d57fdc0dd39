package io.zhenwu.indicators;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target board and the county rollup each run as one grouped statement; these tests pin that they give the very
 * numbers the one-indicator statements give (and the numbers worked out by hand), for cumulative and point-in-time,
 * monthly, quarterly, yearly, averaged, unaggregated and derived indicators, shadowed values and split targets.
 */
@Tag("db")
@ZhenwuTest
class TargetBoardIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    Targets targets;

    @Autowired
    DataValues values;

    @Autowired
    Indicators indicators;

    @Autowired
    OrgUnits orgUnits;

    DataScope county;
    Actor staff;
    OrgUnit town;
    List<OrgUnit> villages;
    String n;

    @BeforeEach
    void setUp() {
        county = TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY));
        staff = new Actor(1, "board-it", county, EnumSet.of(Role.STAFF));
        town = TestOrgs.newTown(orgUnits);
        villages = new ArrayList<>();
        for (int v = 1; v <= 3; v++) {
            villages.add(orgUnits.create(TestOrgs.scopeOf(town), town.id(), TestOrgs.childCode(town, 200 + v), "村" + v, OrgUnitType.VILLAGE));
        }
        n = "_" + SEQ.incrementAndGet() + "_" + (System.nanoTime() % 10000);
    }

    String define(String name, Indicator.ValueType type, Indicator.OrgAggregation org, Indicator.PeriodAggregation periods,
                  PeriodType periodType, int decimals, String formula) {
        String code = name + n;
        indicators.define(new Indicator(code, code, code, "ECONOMY", "万元", type, org, periods, periodType, decimals,
                formula == null ? Indicator.Source.DEPARTMENT : Indicator.Source.COMPUTED, null, null, formula, false, 0, true, 0));
        return code;
    }

    void put(List<ValueInput> batch, String code, OrgUnit unit, String period, String value) {
        batch.add(new ValueInput(code, unit.code(), period, new BigDecimal(value), null, null, null, null));
    }

    static String month(int m) {
        return String.format("2022-%02d", m);
    }

    @Test
    void theBoardInOneStatementGivesTheNumbersOfTheOneIndicatorStatements() {
        OrgUnit v1 = villages.get(0), v2 = villages.get(1), v3 = villages.get(2);
        String sales = define("bd_sales", Indicator.ValueType.AMOUNT, Indicator.OrgAggregation.SUM, Indicator.PeriodAggregation.SUM,
                PeriodType.MONTH, 2, null);
        String rate = define("bd_rate", Indicator.ValueType.RATE, Indicator.OrgAggregation.AVERAGE, Indicator.PeriodAggregation.LAST,
                PeriodType.MONTH, 1, null);
        String peak = define("bd_peak", Indicator.ValueType.COUNT, Indicator.OrgAggregation.SUM, Indicator.PeriodAggregation.MAX,
                PeriodType.MONTH, 0, null);
        String avg = define("bd_avg", Indicator.ValueType.AMOUNT, Indicator.OrgAggregation.AVERAGE, Indicator.PeriodAggregation.AVERAGE,
                PeriodType.MONTH, 2, null);
        String quarterly = define("bd_q", Indicator.ValueType.AMOUNT, Indicator.OrgAggregation.SUM, Indicator.PeriodAggregation.SUM,
                PeriodType.QUARTER, 2, null);
        String yearly = define("bd_y", Indicator.ValueType.AMOUNT, Indicator.OrgAggregation.SUM, Indicator.PeriodAggregation.LAST,
                PeriodType.YEAR, 2, null);
        String own = define("bd_own", Indicator.ValueType.AMOUNT, Indicator.OrgAggregation.NONE, Indicator.PeriodAggregation.SUM,
                PeriodType.MONTH, 2, null);
        String empty = define("bd_empty", Indicator.ValueType.AMOUNT, Indicator.OrgAggregation.SUM, Indicator.PeriodAggregation.SUM,
                PeriodType.MONTH, 2, null);
        String derived = define("bd_ratio", Indicator.ValueType.RATE, Indicator.OrgAggregation.NONE, Indicator.PeriodAggregation.LAST,
                PeriodType.YEAR, 1, yearly + " * 2");

        List<ValueInput> batch = new ArrayList<>();
        for (int m = 1; m <= 9; m++) {
            put(batch, sales, v1, month(m), String.valueOf(m));                 // villages: m + 10 a month …
            put(batch, sales, v2, month(m), "10");
            put(batch, peak, v1, month(m), String.valueOf(m));                  // sums 6 … 14, and 31 in June
            put(batch, peak, v2, month(m), "5");
            put(batch, avg, v1, month(m), String.valueOf(m));                   // averages m (Jan–Mar), 1.5 m (Apr–Sep)
            put(batch, avg, v2, month(m), String.valueOf(2 * m));
            if (m <= 3) {
                put(batch, avg, v3, month(m), "0");
            }
            if (m <= 8) {
                put(batch, rate, v1, month(m), String.valueOf(80 + m));         // averages 85 + m, none for September
                put(batch, rate, v2, month(m), String.valueOf(90 + m));
            }
        }
        put(batch, sales, town, month(3), "100");                               // … but the town's own March shadows its villages'
        put(batch, sales, v1, month(10), "1000");                               // October: after the date asked for
        put(batch, peak, v3, month(6), "20");
        put(batch, quarterly, v1, "2022Q1", "10");
        put(batch, quarterly, v1, "2022Q2", "20");
        put(batch, quarterly, v1, "2022Q3", "30");
        put(batch, quarterly, v2, "2022Q3", "5");
        put(batch, quarterly, v1, "2022Q4", "1000");
        put(batch, yearly, v1, "2022", "7");
        put(batch, own, town, month(1), "5");
        put(batch, own, town, month(2), "6");
        put(batch, own, v1, month(1), "100");                                  // not aggregated: the town's own values only
        values.save(staff, batch);

        targets.set(staff, sales, town.code(), 2022, Target.Comparator.GE, new BigDecimal("400"), null, null,
                List.of(new Targets.SplitInput("2022Q1", new BigDecimal("50")), new Targets.SplitInput("2022Q2", new BigDecimal("50")),
                        new Targets.SplitInput("2022Q3", new BigDecimal("120")), new Targets.SplitInput("2022Q4", new BigDecimal("180"))));
        targets.set(staff, rate, town.code(), 2022, Target.Comparator.GE, new BigDecimal("95"), null, null);
        targets.set(staff, peak, town.code(), 2022, Target.Comparator.LE, new BigDecimal("30"), null, null);
        targets.set(staff, avg, town.code(), 2022, Target.Comparator.GE, new BigDecimal("10"), null, null);
        targets.set(staff, quarterly, town.code(), 2022, Target.Comparator.GE, new BigDecimal("100"), null, null);
        targets.set(staff, yearly, town.code(), 2022, Target.Comparator.GE, new BigDecimal("10"), null, null);
        targets.set(staff, own, town.code(), 2022, Target.Comparator.GE, new BigDecimal("22"), null, null);
        targets.set(staff, empty, town.code(), 2022, Target.Comparator.GE, new BigDecimal("1"), null, null);
        targets.set(staff, derived, town.code(), 2022, Target.Comparator.GE, new BigDecimal("10"), null, null);

        LocalDate september = LocalDate.of(2022, 9, 30);
        Map<String, Targets.Progress> board = byCode(targets.progress(county, town.code(), 2022, september));
        assertThat(board).hasSize(9);

        // Worked out by hand.
        expect(board.get(sales), "222.00", "55.5", "55.0", Targets.Status.GREEN, "2022-09");    // 序时 from the splits: 220 / 400
        expect(board.get(rate), "93.0", "97.9", null, Targets.Status.AMBER, "2022-09");        // the last month with values
        expect(board.get(peak), "31", "103.3", null, Targets.Status.AMBER, "2022-09");         // June's 31 against ≤ 30
        expect(board.get(avg), "7.17", "71.7", null, Targets.Status.RED, "2022-09");           // 64.5 / 9, half-even
        expect(board.get(quarterly), "65.00", "65.0", "75.0", Targets.Status.RED, "2022Q3");
        expect(board.get(own), "11.00", "50.0", "75.0", Targets.Status.RED, "2022-09");
        expect(board.get(empty), null, null, "75.0", Targets.Status.NO_DATA, "2022-09");
        expect(board.get(yearly), null, null, "74.8", Targets.Status.NO_DATA, null);           // no year complete yet
        expect(board.get(derived), null, null, "74.8", Targets.Status.NO_DATA, null);
        sameAsOneIndicatorAtATime(board.values(), september);

        LocalDate december = LocalDate.of(2022, 12, 31);
        Map<String, Targets.Progress> yearEnd = byCode(targets.progress(county, town.code(), 2022, december));
        expect(yearEnd.get(sales), "1222.00", "305.5", "100.0", Targets.Status.GREEN, "2022-12");
        expect(yearEnd.get(quarterly), "1065.00", "1065.0", "100.0", Targets.Status.GREEN, "2022Q4");
        expect(yearEnd.get(yearly), "7.00", "70.0", null, Targets.Status.RED, "2022");
        expect(yearEnd.get(derived), "14.0", "140.0", null, Targets.Status.GREEN, "2022");
        sameAsOneIndicatorAtATime(yearEnd.values(), december);
    }

    static Map<String, Targets.Progress> byCode(List<Targets.Progress> board) {
        return board.stream().collect(Collectors.toMap(p -> p.indicator().code(), Function.identity()));
    }

    static void expect(Targets.Progress p, String actual, String completion, String schedule, Targets.Status status, String last) {
        assertThat(p.actual() == null ? null : p.actual().toPlainString()).as(p.indicator().code() + " actual").isEqualTo(actual);
        assertThat(p.completionPercent() == null ? null : p.completionPercent().toPlainString()).as(p.indicator().code() + " completion")
                .isEqualTo(completion);
        assertThat(p.schedulePercent() == null ? null : p.schedulePercent().toPlainString()).as(p.indicator().code() + " 序时")
                .isEqualTo(schedule);
        assertThat(p.status()).as(p.indicator().code() + " status").isEqualTo(status);
        assertThat(p.lastPeriod() == null ? null : p.lastPeriod().toString()).as(p.indicator().code() + " last period").isEqualTo(last);
    }

    /** Each stored indicator's actual is what the one-indicator year-to-date statement gives, to the last digit. */
    void sameAsOneIndicatorAtATime(java.util.Collection<Targets.Progress> board, LocalDate asOf) {
        for (Targets.Progress p : board) {
            if (p.indicator().derived()) {
                continue;
            }
            Period last = Targets.lastCompletePeriod(p.indicator().periodType(), 2022, asOf);
            Optional<BigDecimal> single = last == null ? Optional.empty()
                    : values.yearToDate(county, p.indicator(), town.path(), 2022, last.start()).map(p.indicator()::round);
            assertThat(Optional.ofNullable(p.actual())).as(p.indicator().code()).isEqualTo(single);
        }
    }

    @Test
    void theRollupInOneStatementGivesEachIndicatorsByChildNumbers() {
        String sales = define("ru_sales", Indicator.ValueType.AMOUNT, Indicator.OrgAggregation.SUM, Indicator.PeriodAggregation.SUM,
                PeriodType.MONTH, 2, null);
        String rate = define("ru_rate", Indicator.ValueType.RATE, Indicator.OrgAggregation.AVERAGE, Indicator.PeriodAggregation.LAST,
                PeriodType.MONTH, 1, null);
        OrgUnit v1 = villages.get(0), v2 = villages.get(1);
        List<ValueInput> batch = new ArrayList<>();
        put(batch, sales, v1, "2022-03", "3");
        put(batch, sales, v2, "2022-03", "4.5");
        put(batch, sales, town, "2022-03", "100");                              // the town's own value shadows its villages'
        put(batch, rate, v1, "2022-03", "80");
        put(batch, rate, v2, "2022-03", "91");
        values.save(staff, batch);

        Map<String, List<DataValueRepository.ChildAggregate>> rollup = values.rollup(county, town.code(), Period.month(2022, 3));
        assertThat(rollup.get(sales)).extracting(c -> c.value() == null ? null : c.value().stripTrailingZeros().toPlainString())
                .containsExactly("3", "4.5", null);
        assertThat(rollup.get(rate)).extracting(c -> c.value() == null ? null : c.value().stripTrailingZeros().toPlainString())
                .containsExactly("80", "91", null);
        var countyMarch = values.rollup(county, TestOrgs.COUNTY, Period.month(2022, 3));
        assertThat(countyMarch.get(sales)).filteredOn(c -> c.code().equals(town.code()))
                .singleElement().satisfies(c -> assertThat(c.value()).isEqualByComparingTo("100"));
        assertThat(countyMarch.get(rate)).filteredOn(c -> c.code().equals(town.code()))
                .singleElement().satisfies(c -> assertThat(c.value()).isEqualByComparingTo("85.5"));
        sameAsByChild(TestOrgs.COUNTY, Period.month(2022, 3), countyMarch);
        sameAsByChild(town.code(), Period.month(2022, 3), rollup);
        // The demo county: every town of 句容市, every yearly and every monthly indicator.
        sameAsByChild(TestOrgs.COUNTY, Period.year(2023), values.rollup(county, TestOrgs.COUNTY, Period.year(2023)));
        sameAsByChild(TestOrgs.COUNTY, Period.month(2024, 3), values.rollup(county, TestOrgs.COUNTY, Period.month(2024, 3)));
        assertThat(values.rollup(county, TestOrgs.COUNTY, Period.year(2023)).get("gdp"))
                .anySatisfy(c -> assertThat(c.code()).isEqualTo(TestOrgs.XIASHU));
    }

    void sameAsByChild(String org, Period period, Map<String, List<DataValueRepository.ChildAggregate>> rollup) {
        List<String> expectedCodes = indicators.all().stream().filter(i -> !i.derived() && i.periodType() == period.type())
                .map(Indicator::code).toList();
        assertThat(rollup.keySet()).containsExactlyElementsOf(expectedCodes);
        boolean someValue = false;
        for (var e : rollup.entrySet()) {
            List<DataValueRepository.ChildAggregate> one = values.byChild(county, e.getKey(), org, period);
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(one);
            someValue |= one.stream().anyMatch(c -> c.value() != null);
        }
        assertThat(someValue).as("a comparison of nothing but blanks proves nothing").isTrue();
    }
}
