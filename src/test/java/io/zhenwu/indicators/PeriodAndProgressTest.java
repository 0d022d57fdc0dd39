package io.zhenwu.indicators;

import io.zhenwu.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Periods, 序时进度, the traffic light and growth wording rules, without a database. */
class PeriodAndProgressTest {

    @ParameterizedTest
    @CsvSource({"2023,YEAR,2023-01-01", "2023Q2,QUARTER,2023-04-01", "2023q4,QUARTER,2023-10-01", "2023-05,MONTH,2023-05-01",
            " 2024-12 ,MONTH,2024-12-01"})
    void periodsParse(String text, PeriodType type, LocalDate start) {
        Period p = Period.parse("period", text);
        assertThat(p.type()).isEqualTo(type);
        assertThat(p.start()).isEqualTo(start);
        assertThat(Period.parse("period", p.toString())).isEqualTo(p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "23", "2023Q5", "2023-13", "2023-00", "2023-5", "2023/05", "二〇二三", "2023Q"})
    void badPeriodsAreRefused(String text) {
        assertThatThrownBy(() -> Period.parse("period", text)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).messageKey()).isEqualTo("indicator.period.format"));
    }

    @Test
    void scheduleCountsCompletedMonthsOrQuartersOrDays() {
        assertThat(Targets.schedulePercent(PeriodType.MONTH, 2024, LocalDate.of(2024, 6, 30))).isEqualByComparingTo("50.0");
        assertThat(Targets.schedulePercent(PeriodType.MONTH, 2024, LocalDate.of(2024, 6, 29))).as("June not over").isEqualByComparingTo("41.7");
        assertThat(Targets.schedulePercent(PeriodType.QUARTER, 2024, LocalDate.of(2024, 8, 15))).as("Q1 and Q2 over").isEqualByComparingTo("50.0");
        assertThat(Targets.schedulePercent(PeriodType.YEAR, 2024, LocalDate.of(2024, 12, 31))).isEqualByComparingTo("100.0");
        assertThat(Targets.schedulePercent(PeriodType.YEAR, 2023, LocalDate.of(2023, 7, 2))).as("183 of 365 days").isEqualByComparingTo("50.1");
        assertThat(Targets.schedulePercent(PeriodType.MONTH, 2025, LocalDate.of(2024, 12, 31))).isEqualByComparingTo("0.0");
        assertThat(Targets.lastCompletePeriod(PeriodType.MONTH, 2024, LocalDate.of(2024, 9, 30))).isEqualTo(Period.month(2024, 9));
        assertThat(Targets.lastCompletePeriod(PeriodType.MONTH, 2024, LocalDate.of(2024, 1, 30))).isNull();
    }

    @Test
    void cumulativeTargetsAreJudgedAgainstTheSchedule() {
        BigDecimal schedule = new BigDecimal("75.0");
        assertThat(Targets.cumulativeStatus(Target.Comparator.GE, new BigDecimal("75.0"), schedule)).isEqualTo(Targets.Status.GREEN);
        assertThat(Targets.cumulativeStatus(Target.Comparator.GE, new BigDecimal("70.0"), schedule)).isEqualTo(Targets.Status.AMBER);
        assertThat(Targets.cumulativeStatus(Target.Comparator.GE, new BigDecimal("69.9"), schedule)).isEqualTo(Targets.Status.RED);
        // A ceiling (energy use ≤): spending faster than the schedule is the problem.
        assertThat(Targets.cumulativeStatus(Target.Comparator.LE, new BigDecimal("74.0"), schedule)).isEqualTo(Targets.Status.GREEN);
        assertThat(Targets.cumulativeStatus(Target.Comparator.LE, new BigDecimal("82.0"), schedule)).isEqualTo(Targets.Status.RED);
    }

    @Test
    void pointInTimeTargetsCompareTheLatestValue() {
        assertThat(Targets.pointStatus(Target.Comparator.LE, new BigDecimal("29"), new BigDecimal("30"))).isEqualTo(Targets.Status.GREEN);
        assertThat(Targets.pointStatus(Target.Comparator.LE, new BigDecimal("31"), new BigDecimal("30"))).isEqualTo(Targets.Status.AMBER);
        assertThat(Targets.pointStatus(Target.Comparator.LE, new BigDecimal("33"), new BigDecimal("30"))).isEqualTo(Targets.Status.RED);
        assertThat(Targets.pointStatus(Target.Comparator.GE, new BigDecimal("86.8"), new BigDecimal("85"))).isEqualTo(Targets.Status.GREEN);
    }

    @Test
    void growthIsOneDecimalHalfEvenReportedRatesWinAndRatesChangeInPoints() {
        Indicator amount = indicator(Indicator.ValueType.AMOUNT, false);
        assertThat(Growth.of(amount, new BigDecimal("4.85"), new BigDecimal("4.533"), null).value()).isEqualByComparingTo("7.0");
        assertThat(Growth.of(amount, new BigDecimal("9.56"), new BigDecimal("5.94"), null).value()).isEqualByComparingTo("60.9");
        assertThat(Growth.of(amount, new BigDecimal("90"), new BigDecimal("100"), null).value()).isEqualByComparingTo("-10.0");
        assertThat(Growth.of(amount, new BigDecimal("90"), BigDecimal.ZERO, null).kind()).isEqualTo(Growth.Kind.NONE);
        assertThat(Growth.of(amount, new BigDecimal("90"), null, null).kind()).isEqualTo(Growth.Kind.NONE);
        // Half-even at one decimal: 0.05 → 0.0, 0.15 → 0.2.
        assertThat(Growth.of(amount, new BigDecimal("100.05"), new BigDecimal("100"), null).value()).isEqualByComparingTo("0.0");
        assertThat(Growth.of(amount, new BigDecimal("100.15"), new BigDecimal("100"), null).value()).isEqualByComparingTo("0.2");
        Indicator gdp = indicator(Indicator.ValueType.AMOUNT, true);
        Growth reported = Growth.of(gdp, new BigDecimal("90"), new BigDecimal("85.2"), new BigDecimal("6"));
        assertThat(reported.kind()).isEqualTo(Growth.Kind.REPORTED);
        assertThat(reported.value()).isEqualByComparingTo("6.0");
        Growth rate = Growth.of(indicator(Indicator.ValueType.RATE, false), new BigDecimal("86.8"), new BigDecimal("84.5"), null);
        assertThat(rate.kind()).isEqualTo(Growth.Kind.POINTS);
        assertThat(rate.value()).isEqualByComparingTo("2.3");
    }

    static Indicator indicator(Indicator.ValueType type, boolean comparable) {
        return new Indicator("x", "x", "x", "ECONOMY", "亿元", type, Indicator.OrgAggregation.SUM, Indicator.PeriodAggregation.SUM,
                PeriodType.YEAR, 4, Indicator.Source.DEPARTMENT, null, null, null, comparable, 0, true, 0);
    }
}
