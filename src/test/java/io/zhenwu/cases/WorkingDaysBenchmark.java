package io.zhenwu.cases;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * JMH: working-day arithmetic on the shipped holiday table (no database), against the naive day-by-day walk that
 * is its limit from below in correctness and above in cost. Run with {@code bench/micro.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class WorkingDaysBenchmark {

    final WorkingCalendar calendar = new WorkingCalendar(HolidayCsv::rows);
    final WorkingCalendarTest.Oracle oracle = new WorkingCalendarTest.Oracle(HolidayCsv.rows());
    int i;

    LocalDate next() {
        i = (i + 37) % 1400;
        return LocalDate.of(2022, 1, 1).plusDays(i);
    }

    @Benchmark
    public LocalDate addFiveWorkingDays() {
        return calendar.addWorkingDays(next(), 5);
    }

    @Benchmark
    public LocalDate addTwentyWorkingDays() {
        return calendar.addWorkingDays(next(), 20);
    }

    @Benchmark
    public int workingDaysInAYear() {
        LocalDate from = next();
        return calendar.workingDaysBetween(from, from.plusYears(1));
    }

    @Benchmark
    public int workingDaysInAYearDayByDay() {
        LocalDate from = next();
        return oracle.count(from, from.plusYears(1));
    }
}
