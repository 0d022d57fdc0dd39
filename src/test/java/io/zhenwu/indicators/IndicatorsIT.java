package io.zhenwu.indicators;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Indicators on H2 and PostgreSQL: the demo reproduces the seed, values revise, lock, conflict and roll up in SQL. */
@Tag("db")
@ZhenwuTest
class IndicatorsIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    IndicatorFigures figures;

    @Autowired
    DataValues values;

    @Autowired
    Indicators indicators;

    @Autowired
    Targets targets;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    JdbcTemplate jdbc;

    DataScope county;
    Actor staff;
    OrgUnit town;

    @BeforeEach
    void setUp() {
        county = TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY));
        town = TestOrgs.newTown(orgUnits);
        staff = new Actor(1, "staff-it", county, EnumSet.of(Role.STAFF));
    }

    IndicatorFigures.Figure xiashu(String code, String period) {
        return figures.figure(county, code, TestOrgs.XIASHU, Period.parse("period", period));
    }

    @Test
    void theDemoTownStatesTheSeedsNumbers() {
        var gdp = xiashu("gdp", "2023");
        assertThat(gdp.value()).isEqualByComparingTo("90");
        assertThat(gdp.growth().kind()).isEqualTo(Growth.Kind.REPORTED);
        assertThat(gdp.growth().value()).isEqualByComparingTo("6.0");
        assertThat(gdp.revision()).isEqualTo(1);
        var revenue = xiashu("budget_revenue", "2023");
        assertThat(revenue.value()).as("12 months add up to the year exactly").isEqualByComparingTo("4.85");
        assertThat(revenue.growth().value()).isEqualByComparingTo("7.0");
        assertThat(xiashu("industrial_taxable_sales", "2023").value()).isEqualByComparingTo("240");
        assertThat(xiashu("fixed_asset_investment", "2023").value()).isEqualByComparingTo("19.58");
        var mfg = xiashu("manufacturing_investment", "2023");
        assertThat(mfg.value()).isEqualByComparingTo("9.56");
        assertThat(mfg.growth().value()).isEqualByComparingTo("60.9");
        assertThat(xiashu("fdi", "2023").value()).isEqualByComparingTo("1550");
        assertThat(xiashu("rd_ratio", "2023").value()).as("derived: rd_spending / gdp * 100").isEqualByComparingTo("4.0");
        assertThat(xiashu("grain_area", "2023").value()).isEqualByComparingTo("3.18");
        assertThat(xiashu("grain_output", "2023").value()).isEqualByComparingTo("1.5");
        assertThat(xiashu("air_good_days", "2023").value()).isEqualByComparingTo("315");
        assertThat(xiashu("air_good_rate", "2023").value()).isEqualByComparingTo("86.8");
        assertThat(xiashu("pm25_avg", "2023").value()).isEqualByComparingTo("31");
        assertThat(xiashu("new_above_scale_units", "2023").value()).isEqualByComparingTo("12");
        assertThat(xiashu("gdp", "2026").hasValue()).as("no value is no value, not 0").isFalse();
    }

    @Test
    void theCountyIsTheSumOfItsTownsComputedInSql() {
        var countyGdp = figures.figure(county, "gdp", TestOrgs.COUNTY, Period.year(2023));
        BigDecimal towns = jdbc.queryForObject("SELECT SUM(dv.num_value) FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id "
                + "WHERE dv.indicator_code = 'gdp' AND dv.period_start = DATE '2023-01-01' AND o.parent_id = "
                + "(SELECT id FROM org_unit WHERE code = '321183')", BigDecimal.class);
        assertThat(countyGdp.rawValue()).isEqualByComparingTo(towns);
        var children = values.byChild(county, "gdp", TestOrgs.COUNTY, Period.year(2023));
        assertThat(children).extracting(DataValueRepository.ChildAggregate::code).contains(TestOrgs.XIASHU, "321183103000");
        assertThat(children.stream().filter(c -> c.code().equals(TestOrgs.XIASHU)).findFirst().orElseThrow().value())
                .isEqualByComparingTo("90");
    }

    @Test
    void aTownsOwnValueWinsOverItsVillagesAndNothingIsCountedTwice() {
        OrgUnit village = orgUnits.create(TestOrgs.scopeOf(town), town.id(), TestOrgs.childCode(town, 201), "甲村", OrgUnitType.VILLAGE);
        values.save(staff, List.of(new ValueInput("grain_output", village.code(), "2023", new BigDecimal("0.4"), null, null, null, null)));
        assertThat(figures.figure(county, "grain_output", town.code(), Period.year(2023)).value()).isEqualByComparingTo("0.4");
        values.save(staff, List.of(new ValueInput("grain_output", town.code(), "2023", new BigDecimal("1.1"), null, null, null, null)));
        assertThat(figures.figure(county, "grain_output", town.code(), Period.year(2023)).value()).isEqualByComparingTo("1.1");
    }

    @Test
    void everyChangeIsARevisionAndTheOldValueCanBeAskedFor() throws InterruptedException {
        ValueInput first = new ValueInput("fdi", town.code(), "2023", new BigDecimal("100.5"), null, DataValue.ValueSource.FLASH, "快报", null);
        DataValue v1 = values.save(staff, List.of(first)).saved().get(0);
        Instant between = Instant.now();
        Thread.sleep(5);
        DataValue v2 = values.save(staff, List.of(new ValueInput("fdi", town.code(), "2023", new BigDecimal("101.25"), null,
                DataValue.ValueSource.ANNUAL, "年报", v1.version()))).saved().get(0);
        assertThat(v2.revision()).isEqualTo(2);
        assertThat(values.revisions(county, v2.id())).extracting(DataValue.Revision::value)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("100.5"), new BigDecimal("101.25"));
        assertThat(values.asReportedOn(county, "fdi", town.id(), Period.year(2023), between).orElseThrow().value())
                .isEqualByComparingTo("100.5");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'data_value.revised' AND entity_id = ?",
                Long.class, String.valueOf(v2.id()))).isEqualTo(1);

        // Two people editing the same value: the second gets a conflict with the value that is there now.
        assertThatThrownBy(() -> values.save(staff, List.of(new ValueInput("fdi", town.code(), "2023", new BigDecimal("99"), null,
                null, null, v1.version())))).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((DataValue) ((ConflictException) e).current()).value()).isEqualByComparingTo("101.25"));
    }

    @Test
    void aBoardsTrendsInOneStatementAreEachIndicatorsSeriesAndItsYearBefore() {
        // A unit with values at two levels too (the town's own value wins over its villages' for that month).
        OrgUnit village = orgUnits.create(TestOrgs.scopeOf(town), town.id(), TestOrgs.childCode(town, 201), "趋势村", OrgUnitType.VILLAGE);
        values.save(staff, List.of(
                new ValueInput("fixed_asset_investment", village.code(), "2023-03", new BigDecimal("0.7"), null, null, null, null),
                new ValueInput("fixed_asset_investment", village.code(), "2024-03", new BigDecimal("0.4"), null, null, null, null),
                new ValueInput("fixed_asset_investment", town.code(), "2024-03", new BigDecimal("1.5"), null, null, null, null),
                new ValueInput("fixed_asset_investment", village.code(), "2024-04", new BigDecimal("0.25"), null, null, null, null)));
        List<Indicator> monthly = indicators.all().stream().filter(i -> i.periodType() == PeriodType.MONTH && !i.derived()).toList();
        for (OrgUnit unit : List.of(TestOrgs.byCode(orgUnits, TestOrgs.XIASHU), town)) {
            var trends = values.monthlyTrends(county, monthly, unit.path(), 2024);
            int months = 0;
            for (Indicator i : monthly) {
                var points = values.series(county, i.code(), unit.code(), Period.month(2024, 1), Period.month(2025, 1));
                var trend = trends.get(i.code());
                assertThat(trend.thisYear().stream().filter(java.util.Objects::nonNull).count()).as(i.code()).isEqualTo(points.size());
                for (var p : points) {
                    int m = p.period().start().getMonthValue() - 1;
                    assertThat(trend.thisYear().get(m)).as(i.code() + " " + p.period()).isEqualTo(p.value());
                    assertThat(trend.lastYear().get(m)).as(i.code() + " " + p.period() + " a year before").isEqualTo(p.previousYear());
                }
                months += points.size();
            }
            assertThat(months).as("the demo town's 2024 months, the new town's March and April").isGreaterThanOrEqualTo(2);
        }
        var mine = values.monthlyTrends(county, monthly, town.path(), 2024).get("fixed_asset_investment");
        assertThat(mine.thisYear().get(2)).isEqualByComparingTo("1.5");
        assertThat(mine.thisYear().get(3)).isEqualByComparingTo("0.25");
        assertThat(mine.lastYear().get(2)).isEqualByComparingTo("0.7");
    }

    @Test
    void aBatchReturnsTheValuesAsStoredAndNamingAValueTwiceIsTwoSavesInARow() {
        // The batch does not read each value back after its insert: what it returns must be what a read returns.
        var saved = values.save(staff, List.of(
                new ValueInput("fdi", town.code(), "2022", new BigDecimal("7.5"), new BigDecimal("3.2"), DataValue.ValueSource.ANNUAL, "年报", null),
                new ValueInput("grain_area", town.code(), "2022", new BigDecimal("2"), new BigDecimal("1.23456"), null, null, null))).saved();
        assertThat(saved).hasSize(2);
        for (DataValue v : saved) {
            assertThat(values.find(county, v.indicatorCode(), v.orgUnitId(), v.period()).orElseThrow()).isEqualTo(v);
        }

        // The second input for the same value sees the first one's insert, as a second save would: without its
        // version it is a conflict, and the batch writes nothing.
        assertThatThrownBy(() -> values.save(staff, List.of(
                new ValueInput("fdi", town.code(), "2021", new BigDecimal("1"), null, null, null, null),
                new ValueInput("fdi", town.code(), "2021", new BigDecimal("2"), null, null, null, null))))
                .isInstanceOf(ConflictException.class);
        assertThat(values.find(county, "fdi", town.id(), Period.year(2021))).isEmpty();
    }

    @Test
    void badValuesAreRefusedAndNothingOfTheBatchIsWritten() {
        List<ValueInput> batch = List.of(
                new ValueInput("fdi", town.code(), "2022", new BigDecimal("10"), null, null, null, null),
                new ValueInput("no_such_indicator", town.code(), "2022", BigDecimal.ONE, null, null, null, null),
                new ValueInput("fdi", "999999999999", "2022", BigDecimal.ONE, null, null, null, null),
                new ValueInput("new_above_scale_units", town.code(), "2022", new BigDecimal("-1"), null, null, null, null),
                new ValueInput("gdp", town.code(), "2022", new BigDecimal("1.23456"), null, null, null, null),
                new ValueInput("gdp", town.code(), "2022-05", BigDecimal.ONE, null, null, null, null),
                new ValueInput("rd_ratio", town.code(), "2022", BigDecimal.ONE, null, null, null, null));
        assertThatThrownBy(() -> values.save(staff, batch)).isInstanceOf(InvalidInputException.class).satisfies(e -> {
            var keys = ((InvalidInputException) e).violations().stream().map(v -> v.field() + ":" + v.messageKey()).toList();
            assertThat(keys).containsExactlyInAnyOrder("values[1].indicatorCode:indicator.unknown",
                    "values[2].orgUnitCode:registry.orgUnit.notFound", "values[3].value:indicator.value.negative",
                    "values[4].value:indicator.value.decimals", "values[5].period:indicator.period.type",
                    "values[6].indicatorCode:indicator.derived.readOnly");
        });
        assertThat(figures.figure(county, "fdi", town.code(), Period.year(2022)).hasValue()).as("all or nothing").isFalse();
    }

    @Test
    void aLockedPeriodRefusesWrites() {
        values.save(staff, List.of(new ValueInput("grain_area", town.code(), "2021", new BigDecimal("1.5"), null, null, null, null)));
        values.lock(staff, town.code(), "2021");
        var current = values.find(county, "grain_area", town.id(), Period.year(2021)).orElseThrow();
        assertThatThrownBy(() -> values.save(staff, List.of(new ValueInput("grain_area", town.code(), "2021", new BigDecimal("1.6"),
                null, null, null, current.version())))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).messageKey()).isEqualTo("indicator.period.locked"));
    }

    @Test
    void aBlockingValidationRuleRefusesTheSave() {
        String month = "2021-0" + (1 + SEQ.getAndIncrement() % 9);
        values.save(staff, List.of(new ValueInput("fixed_asset_investment", town.code(), month, new BigDecimal("2"), null, null, null, null)));
        assertThatThrownBy(() -> values.save(staff, List.of(new ValueInput("manufacturing_investment", town.code(), month,
                new BigDecimal("3"), null, null, null, null)))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).messageKey()).isEqualTo("indicator.validation.blocked"));
        assertThat(values.find(county, "manufacturing_investment", town.id(), Period.parse("p", month))).isEmpty();
    }

    @Test
    void aFormulaThatClosesACycleIsRefused() {
        String a = "cyc_a" + SEQ.getAndIncrement();
        String b = "cyc_b" + SEQ.getAndIncrement();
        indicators.define(derived(a, "gdp + 1"));
        indicators.define(derived(b, a + " * 2"));
        assertThatThrownBy(() -> indicators.define(derived("cyc_c" + SEQ.getAndIncrement(), "nonexistent + 1")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> indicators.define(derived("cyc_self" + SEQ.getAndIncrement(), "(gdp")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).args()).isNotEmpty());
        // b depends on a; a new c = b and then changing nothing else: a cycle needs a → … → a.
        String c = "cyc_c" + SEQ.getAndIncrement();
        assertThatThrownBy(() -> indicators.define(derived(c, c + " + 1"))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).messageKey()).isEqualTo("indicator.formula.cycle"));
        assertThat(indicators.define(derived("cyc_ok" + SEQ.getAndIncrement(), "gdp / gdp[-1y] * 100 - 100")).derived()).isTrue();
    }

    @Test
    void targetsShowProgressAgainstTheSchedule() {
        var board = targets.progress(county, TestOrgs.XIASHU, 2024, LocalDate.of(2024, 9, 30));
        assertThat(board).extracting(p -> p.indicator().code())
                .contains("gdp", "budget_revenue", "industrial_taxable_sales", "fixed_asset_investment");
        var revenue = board.stream().filter(p -> p.indicator().code().equals("budget_revenue")).findFirst().orElseThrow();
        assertThat(revenue.schedulePercent()).isEqualByComparingTo("75.0");
        assertThat(revenue.actual()).isNotNull();
        assertThat(revenue.completionPercent()).isEqualByComparingTo(revenue.actual().multiply(BigDecimal.valueOf(20))
                .setScale(1, java.math.RoundingMode.HALF_EVEN));
        var gdp = board.stream().filter(p -> p.indicator().code().equals("gdp")).findFirst().orElseThrow();
        assertThat(gdp.status()).as("a yearly value is only known after the year").isEqualTo(Targets.Status.NO_DATA);

        // A new target: stale versions conflict, decimals are refused like values.
        Target t = targets.set(staff, "fdi", town.code(), 2024, Target.Comparator.GE, new BigDecimal("500"), null, null);
        assertThatThrownBy(() -> targets.set(staff, "fdi", town.code(), 2024, Target.Comparator.GE, new BigDecimal("600"), null, null))
                .isInstanceOf(ConflictException.class);
        assertThat(targets.set(staff, "fdi", town.code(), 2024, Target.Comparator.GE, new BigDecimal("600"), null, t.version()).value())
                .isEqualByComparingTo("600");
        assertThatThrownBy(() -> targets.set(staff, "fdi", town.code(), 2025, Target.Comparator.GE, new BigDecimal("1.234"), null, null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aTargetOnADerivedIndicatorIsJudgedOnItsComputedValue() {
        targets.set(staff, "rd_ratio", TestOrgs.XIASHU, 2023, Target.Comparator.GE, new BigDecimal("3.5"), null, null);
        var progress = targets.progress(county, TestOrgs.XIASHU, 2023, LocalDate.of(2023, 12, 31)).stream()
                .filter(p -> p.indicator().code().equals("rd_ratio")).findFirst().orElseThrow();
        assertThat(progress.actual()).isEqualByComparingTo("4.0");
        assertThat(progress.status()).isEqualTo(Targets.Status.GREEN);
    }

    @Test
    void targetsSplitByQuarterSetTheSchedule() {
        var quarters = List.of(new Targets.SplitInput("2024Q1", new BigDecimal("2")), new Targets.SplitInput("2024Q2", new BigDecimal("3")),
                new Targets.SplitInput("2024Q3", new BigDecimal("3")), new Targets.SplitInput("2024Q4", new BigDecimal("4")));
        targets.set(staff, "budget_revenue", town.code(), 2024, Target.Comparator.GE, new BigDecimal("12"), null, null, quarters);
        values.save(staff, List.of(new ValueInput("budget_revenue", town.code(), "2024-01", new BigDecimal("1.5"), null, null, null, null),
                new ValueInput("budget_revenue", town.code(), "2024-04", new BigDecimal("3"), null, null, null, null)));
        var progress = targets.progress(county, town.code(), 2024, LocalDate.of(2024, 6, 30)).get(0);
        assertThat(progress.schedulePercent()).as("(2 + 3) / 12 planned by the end of June").isEqualByComparingTo("41.7");
        assertThat(progress.actual()).isEqualByComparingTo("4.5");
        assertThat(progress.completionPercent()).isEqualByComparingTo("37.5");
        assertThat(progress.status()).isEqualTo(Targets.Status.AMBER);

        // A yearly indicator cannot be split by month; splits must add up to the target.
        assertThatThrownBy(() -> targets.set(staff, "gdp", town.code(), 2024, Target.Comparator.GE, new BigDecimal("10"), null, null,
                List.of(new Targets.SplitInput("2024-01", BigDecimal.ONE)))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).messageKey()).isEqualTo("indicator.target.splitType"));
        assertThatThrownBy(() -> targets.set(staff, "fixed_asset_investment", town.code(), 2024, Target.Comparator.GE, new BigDecimal("10"),
                null, null, List.of(new Targets.SplitInput("2024Q1", BigDecimal.ONE)))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).messageKey()).isEqualTo("indicator.target.splitSum"));
    }

    static Indicator derived(String code, String formula) {
        return new Indicator(code, code, code, "ECONOMY", "%", Indicator.ValueType.RATE, Indicator.OrgAggregation.NONE,
                Indicator.PeriodAggregation.LAST, PeriodType.YEAR, 1, Indicator.Source.COMPUTED, null, null, formula, false, 0, true, 0);
    }
}
