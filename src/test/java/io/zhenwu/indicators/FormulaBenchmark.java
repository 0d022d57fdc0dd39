package io.zhenwu.indicators;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** JMH: the derived-indicator expression parser and evaluator (no script engine). Run with {@code bench/micro.sh}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FormulaBenchmark {

    static final String TEXT = "(rd_spending / gdp * 100) - (rd_spending[-1y] / gdp[-1y] * 100)";
    final Formula parsed = Formula.parse(TEXT);

    @Benchmark
    public Formula parse() {
        return Formula.parse(TEXT);
    }

    @Benchmark
    public Object evaluate() {
        return parsed.evaluate(ref -> Optional.of(ref.code().equals("gdp") ? new BigDecimal("90.00") : new BigDecimal("3.60")));
    }
}
