package io.zhenwu.indicators;

import io.zhenwu.indicators.Formula.Evaluation;
import io.zhenwu.indicators.Formula.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormulaTest {

    private static Function<Reference, Optional<BigDecimal>> values(Map<Reference, String> values) {
        return ref -> Optional.ofNullable(values.get(ref)).map(BigDecimal::new);
    }

    private static final Function<Reference, Optional<BigDecimal>> NONE = ref -> Optional.empty();

    private static BigDecimal value(String formula) {
        Evaluation e = Formula.parse(formula).evaluate(NONE);
        assertThat(e.noValueKey()).as(formula).isNull();
        return e.value();
    }

    private static FormulaException error(String formula) {
        try {
            Formula.parse(formula);
        } catch (FormulaException e) {
            return e;
        }
        throw new AssertionError("accepted: " + formula);
    }

    // ------------------------------------------------------------ arithmetic

    @Test
    void precedenceAndAssociativity() {
        assertThat(value("1 + 2 * 3")).isEqualByComparingTo("7");
        assertThat(value("(1 + 2) * 3")).isEqualByComparingTo("9");
        assertThat(value("-2 * 3")).isEqualByComparingTo("-6");
        assertThat(value("2 * -3")).isEqualByComparingTo("-6");
        assertThat(value("-(2 + 3)")).isEqualByComparingTo("-5");
        assertThat(value("2 - -3")).isEqualByComparingTo("5");
        assertThat(value("--4")).isEqualByComparingTo("4");
        assertThat(value("10 - 4 - 3")).isEqualByComparingTo("3");
        assertThat(value("100 / 10 / 5")).isEqualByComparingTo("2");
        assertThat(value("2 * 3 + 4 * 5")).isEqualByComparingTo("26");
        assertThat(value("8 / 2 * 4")).isEqualByComparingTo("16");
        assertThat(value("1 - 2 + 3")).isEqualByComparingTo("2");
    }

    @Test
    void divisionIsExactDecimalNotBinaryFloatingPoint() {
        assertThat(value("10 / 4")).isEqualTo(new BigDecimal("2.5"));
        assertThat(value("0.1 + 0.2")).isEqualTo(new BigDecimal("0.3"));
        // a non-terminating quotient keeps 34 significant digits (DECIMAL128), unrounded for the caller
        assertThat(value("1 / 3")).isEqualTo(BigDecimal.ONE.divide(new BigDecimal(3), MathContext.DECIMAL128));
        assertThat(value("1 / 3").precision()).isEqualTo(34);
        assertThat(value("2 / 3").setScale(2, RoundingMode.HALF_EVEN)).isEqualTo(new BigDecimal("0.67"));
    }

    @Test
    void rdIntensityRatio() {
        Formula f = Formula.parse("rd_spending / gdp * 100");
        Evaluation e = f.evaluate(values(Map.of(new Reference("rd_spending", 0), "36000", new Reference("gdp", 0), "900000")));
        assertThat(e.hasValue()).isTrue();
        assertThat(e.value()).isEqualByComparingTo("4");
        assertThat(e.noValueKey()).isNull();
        assertThat(e.noValueArgs()).isEmpty();
    }

    @Test
    void yearOnYearGrowthWithAShiftedReference() {
        Formula f = Formula.parse("(gdp - gdp[-1y]) / gdp[-1y] * 100");
        Evaluation e = f.evaluate(values(Map.of(new Reference("gdp", 0), "90", new Reference("gdp", -12), "84.9056603773585")));
        assertThat(e.value()).isCloseTo(new BigDecimal("6"), org.assertj.core.data.Offset.offset(new BigDecimal("1e-12")));
        assertThat(e.value().setScale(10, RoundingMode.HALF_EVEN)).isEqualTo(new BigDecimal("6.0000000000"));
        // printed with one decimal (GB/T 8170, half-even) by the caller
        assertThat(e.value().setScale(1, RoundingMode.HALF_EVEN)).isEqualTo(new BigDecimal("6.0"));
    }

    @Test
    void eachReferenceIsAskedForOnce() {
        AtomicInteger calls = new AtomicInteger();
        Evaluation e = Formula.parse("(gdp - gdp[-1y]) / gdp[-12m] * 100 + gdp * 0").evaluate(ref -> {
            calls.incrementAndGet();
            return Optional.of(ref.shiftMonths() == 0 ? new BigDecimal("110") : new BigDecimal("100"));
        });
        assertThat(e.value()).isEqualByComparingTo("10");
        assertThat(calls).hasValue(2);
    }

    @Test
    void divisionByZeroHasNoValueAndSaysWhichDivisor() {
        Evaluation e = Formula.parse("rd_spending / (gdp - gdp[-1y]) * 100")
                .evaluate(values(Map.of(new Reference("rd_spending", 0), "5", new Reference("gdp", 0), "7",
                        new Reference("gdp", -12), "7.00")));
        assertThat(e.hasValue()).isFalse();
        assertThat(e.value()).isNull();
        assertThat(e.noValueKey()).isEqualTo("indicator.formula.divisionByZero");
        assertThat(e.noValueArgs()).containsExactly("gdp - gdp[-1y]");

        Evaluation literal = Formula.parse("1 / 0.00").evaluate(NONE);
        assertThat(literal.noValueKey()).isEqualTo(Evaluation.DIVISION_BY_ZERO);
        assertThat(literal.noValueArgs()).containsExactly("0.00");
        // zero divided by something is fine
        assertThat(value("0 / 5")).isEqualByComparingTo("0");
    }

    @Test
    void aMissingInputHasNoValueNeverZero() {
        Evaluation e = Formula.parse("(gdp - gdp[-1y]) / gdp[-1y] * 100")
                .evaluate(values(Map.of(new Reference("gdp", 0), "90")));
        assertThat(e.hasValue()).isFalse();
        assertThat(e.value()).isNull();
        assertThat(e.noValueKey()).isEqualTo("indicator.formula.missingInput");
        assertThat(e.noValueArgs()).containsExactly("gdp", -12, "gdp[-1y]");

        // even where a 0 would have given a value
        Evaluation sum = Formula.parse("a + b").evaluate(values(Map.of(new Reference("a", 0), "1")));
        assertThat(sum.noValueKey()).isEqualTo(Evaluation.MISSING_INPUT);
        assertThat(sum.noValueArgs()).containsExactly("b", 0, "b");
        // a null Optional from a careless caller counts as missing too
        assertThat(Formula.parse("a").evaluate(ref -> null).noValueKey()).isEqualTo(Evaluation.MISSING_INPUT);
    }

    @Test
    void theFirstProblemFromTheLeftIsTheReason() {
        Evaluation e = Formula.parse("1 / (a - a) + b").evaluate(values(Map.of(new Reference("a", 0), "3")));
        assertThat(e.noValueKey()).isEqualTo(Evaluation.DIVISION_BY_ZERO);
        Evaluation f = Formula.parse("b + 1 / (a - a)").evaluate(values(Map.of(new Reference("a", 0), "3")));
        assertThat(f.noValueKey()).isEqualTo(Evaluation.MISSING_INPUT);
    }

    @Test
    void evaluationHoldsExactlyOneOfValueAndReason() {
        assertThatThrownBy(() -> new Evaluation(BigDecimal.ONE, "x", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Evaluation(null, null, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Evaluation(BigDecimal.ONE, null, null).noValueArgs()).isEmpty();
    }

    // ------------------------------------------------------------ references and canonical text

    @Test
    void referencesInOrderOfFirstAppearanceEachOnce() {
        Formula f = Formula.parse("(budget_revenue - budget_revenue[-1y]) / budget_revenue[-12m] * 100 + x[-1q] - y[-2m] + z[-0y]");
        assertThat(f.references()).containsExactly(
                new Reference("budget_revenue", 0), new Reference("budget_revenue", -12), new Reference("x", -3),
                new Reference("y", -2), new Reference("z", 0));
        assertThat(Formula.parse("1 + 2").references()).isEmpty();
        assertThatThrownBy(() -> f.references().add(new Reference("q", 0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shiftUnits() {
        assertThat(Formula.parse("a[-1y]").references()).containsExactly(new Reference("a", -12));
        assertThat(Formula.parse("a[-1q]").references()).containsExactly(new Reference("a", -3));
        assertThat(Formula.parse("a[-12m]").references()).containsExactly(new Reference("a", -12));
        assertThat(Formula.parse("a[ - 2 Y ]").references()).containsExactly(new Reference("a", -24));
        assertThat(Formula.parse("a[+0y]").references()).containsExactly(new Reference("a", 0));
        assertThat(Formula.parse("a[0q]").references()).containsExactly(new Reference("a", 0));
        assertThat(Formula.parse("a[-100y]").references()).containsExactly(new Reference("a", -1200));
        assertThatThrownBy(() -> new Reference("a", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rd_spending/gdp*100                         | rd_spending / gdp * 100",
            "  ( budget_revenue-budget_revenue [ -1y ] )/budget_revenue[-1Y]*100 | (budget_revenue - budget_revenue[-1y]) / budget_revenue[-1y] * 100",
            "-2*3                                        | -2 * 3",
            "a- -b                                       | a - -b",
            "- ( a+b )                                   | -(a + b)",
            "007.50 + a[-012m] + b[+0y]                  | 7.50 + a[-12m] + b",
            "((a))                                       | ((a))",
    })
    void canonicalText(String written, String canonical) {
        Formula f = Formula.parse(written);
        assertThat(f.canonical()).isEqualTo(canonical);
        assertThat(f.toString()).isEqualTo(canonical);
        assertThat(Formula.parse(f.canonical()).canonical()).isEqualTo(canonical);
        assertThat(Formula.parse(canonical)).isEqualTo(f).hasSameHashCodeAs(f);
    }

    @Test
    void blanksOfAnyKindAreIgnored() {
        assertThat(Formula.parse("a\t*\r\nb\u3000/\u00a0c").canonical()).isEqualTo("a * b / c");
    }

    @Test
    void codes() {
        assertThat(Formula.isValidCode("rd_spending")).isTrue();
        assertThat(Formula.isValidCode("a" + "b".repeat(39))).isTrue();
        assertThat(Formula.isValidCode("a" + "b".repeat(40))).isFalse();
        assertThat(Formula.isValidCode("GDP")).isFalse();
        assertThat(Formula.isValidCode("_a")).isFalse();
        assertThat(Formula.isValidCode(null)).isFalse();
    }

    // ------------------------------------------------------------ syntax errors, each with its column

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1} at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "gdp +           | indicator.formula.incomplete       | 6",
            "`gdp +    `     | indicator.formula.incomplete       | 6",
            "(gdp            | indicator.formula.unclosed         | 1",
            "a * ((gdp)      | indicator.formula.unclosed         | 5",
            "gdp)            | indicator.formula.trailing         | 4",
            "(a) + b)        | indicator.formula.trailing         | 8",
            "gdp[-1x]        | indicator.formula.unknownShift     | 4",
            "gdp[]           | indicator.formula.unknownShift     | 4",
            "gdp[-y]         | indicator.formula.unknownShift     | 4",
            "gdp[-1y         | indicator.formula.unclosed         | 4",
            "gdp[-1y * b     | indicator.formula.unclosed         | 4",
            "gdp[1y]         | indicator.formula.futureShift      | 4",
            "gdp[+1q]        | indicator.formula.futureShift      | 4",
            "gdp[-101y]      | indicator.formula.shiftTooFar      | 4",
            "gdp[-99999999y] | indicator.formula.shiftTooFar      | 4",
            "3 $ 4           | indicator.formula.unexpected       | 3",
            "a [-1y]]        | indicator.formula.unexpected       | 8",
            "[-1y]           | indicator.formula.unexpected       | 1",
            "1e3             | indicator.formula.badNumber        | 1",
            "2 * 1.5.3       | indicator.formula.badNumber        | 5",
            "1. + 2          | indicator.formula.badNumber        | 1",
            "a + .5          | indicator.formula.badNumber        | 5",
            "GDP / 2         | indicator.formula.badCode          | 1",
            "1 + _x          | indicator.formula.badCode          | 5",
            "国内生产总值 * 2 | indicator.formula.badCode          | 1",
            "gdp * / 2       | indicator.formula.operandExpected  | 7",
            "+3              | indicator.formula.operandExpected  | 1",
            "()              | indicator.formula.operandExpected  | 2",
            "gdp 2           | indicator.formula.operatorExpected | 5",
            "(gdp 2)         | indicator.formula.operatorExpected | 6",
            "2(3)            | indicator.formula.operatorExpected | 2",
            "（a + b) * 2     | indicator.formula.fullWidth        | 1",
            "a × b           | indicator.formula.fullWidth        | 3",
            "a[－1y]          | indicator.formula.fullWidth        | 3",
            "``              | indicator.formula.empty            | 1",
            "`   `           | indicator.formula.empty            | 1",
    })
    void syntaxErrorsPointAtTheirColumn(String formula, String key, int column) {
        FormulaException e = error(formula);
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.args().get(0)).isEqualTo(column);
    }

    @Test
    void errorArguments() {
        assertThat(error("3 $ 4").args()).containsExactly(3, "$");
        assertThat(error("a + 😀").args()).containsExactly(5, "😀");
        assertThat(error("gdp)").args()).containsExactly(4, ")");
        assertThat(error("gdp[-1x]").args()).containsExactly(4, "-1x");
        assertThat(error("gdp[1y]").args()).containsExactly(4, "1y");
        assertThat(error("a × b").args()).containsExactly(3, "×", "*");
        assertThat(error("1e3").args()).containsExactly(1, "1e3");
        assertThat(error(null).key()).isEqualTo(FormulaException.EMPTY);
        assertThat(error("gdp)").getMessage()).contains("indicator.formula.trailing", "column 4");
    }

    @Test
    void atMost2000Characters() {
        String longest = "1" + " + 1".repeat(499) + " ".repeat(3);
        assertThat(longest).hasSize(2000);
        assertThat(value(longest)).isEqualByComparingTo("500");
        FormulaException e = error(longest + " ");
        assertThat(e.key()).isEqualTo("indicator.formula.tooLong");
        assertThat(e.column()).isEqualTo(2001);
        assertThat(e.args()).containsExactly(2001, 2000, 2001);
        // a long flat sum is a flat chain, not 1,000 nested nodes
        assertThat(value("1" + "+1".repeat(999))).isEqualByComparingTo("1000");
        assertThat(value("2" + "*1".repeat(999))).isEqualByComparingTo("2");
    }

    @Test
    void atMost50Deep() {
        assertThat(value("(".repeat(50) + "7" + ")".repeat(50))).isEqualByComparingTo("7");
        FormulaException parens = error("(".repeat(51) + "7" + ")".repeat(51));
        assertThat(parens.key()).isEqualTo("indicator.formula.tooDeep");
        assertThat(parens.column()).isEqualTo(51);
        assertThat(parens.args()).containsExactly(51, 50);
        assertThat(value("-".repeat(50) + "7")).isEqualByComparingTo("7");
        assertThat(error("-".repeat(51) + "7").key()).isEqualTo(FormulaException.TOO_DEEP);
        assertThat(error("(-".repeat(26) + "7" + ")".repeat(26)).column()).isEqualTo(51);
        // however the 2,000 characters are spent, the parser never goes deep
        assertThat(error("(".repeat(2000)).key()).isEqualTo(FormulaException.TOO_DEEP);
        assertThat(error("-".repeat(2000)).key()).isEqualTo(FormulaException.TOO_DEEP);
    }

    @Test
    void everyKeyHasAMessageInBothLanguagesThatFormats() throws IOException {
        List<String> keys = List.of(FormulaException.EMPTY, FormulaException.TOO_LONG, FormulaException.TOO_DEEP,
                FormulaException.UNEXPECTED, FormulaException.FULL_WIDTH, FormulaException.BAD_NUMBER,
                FormulaException.BAD_CODE, FormulaException.OPERAND_EXPECTED, FormulaException.OPERATOR_EXPECTED,
                FormulaException.INCOMPLETE, FormulaException.UNCLOSED, FormulaException.TRAILING,
                FormulaException.UNKNOWN_SHIFT, FormulaException.FUTURE_SHIFT, FormulaException.SHIFT_TOO_FAR,
                FormulaException.CYCLE, Evaluation.DIVISION_BY_ZERO, Evaluation.MISSING_INPUT, Evaluation.OUT_OF_RANGE);
        for (String bundle : List.of("messages_zh_CN.properties", "messages_en.properties")) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String key : keys) {
                assertThat(p.getProperty(key)).as(bundle + " " + key).isNotBlank();
            }
            assertThat(p.stringPropertyNames().stream().filter(k -> k.startsWith("indicator.formula."))).hasSameSizeAs(keys);
            String tooLong = new MessageFormat(p.getProperty(FormulaException.TOO_LONG), Locale.ROOT)
                    .format(error("1".repeat(2001)).args().toArray());
            assertThat(tooLong).contains("2000").contains("2001").doesNotContain("{").doesNotContain("'");
            String unexpected = new MessageFormat(p.getProperty(FormulaException.UNEXPECTED), Locale.ROOT)
                    .format(error("3 $ 4").args().toArray());
            assertThat(unexpected).contains("3").contains("$").doesNotContain("''");
        }
    }

    // ------------------------------------------------------------ property: random formulas vs a reference evaluator

    /** The test's own syntax tree: evaluated directly, rendered with the fewest parentheses plus a few spare ones. */
    private sealed interface Expr permits Lit, Var, Minus, Bin {
    }

    private record Lit(String text) implements Expr {
    }

    private record Var(String code, String shift, int months) implements Expr {
    }

    private record Minus(Expr operand) implements Expr {
    }

    private record Bin(char op, Expr left, Expr right) implements Expr {
    }

    private static final String[] CODES = {"gdp", "rd_spending", "pop", "x1"};
    private static final String[][] SHIFTS = {{"", "0"}, {"[-1y]", "-12"}, {"[-1q]", "-3"}, {"[-2m]", "-2"}, {"[-12m]", "-12"}};

    private static Expr randomExpr(Random random, int depth) {
        int choice = random.nextInt(depth <= 0 ? 2 : 7);
        switch (choice) {
            case 0 -> {
                int kind = random.nextInt(3);
                String text = kind == 0 ? String.valueOf(random.nextInt(20))
                        : kind == 1 ? random.nextInt(1000) + "." + random.nextInt(100)
                        : "0.0" + (1 + random.nextInt(9));
                return new Lit(text);
            }
            case 1 -> {
                String[] shift = SHIFTS[random.nextInt(SHIFTS.length)];
                return new Var(CODES[random.nextInt(CODES.length)], shift[0], Integer.parseInt(shift[1]));
            }
            case 2 -> {
                return new Minus(randomExpr(random, depth - 1));
            }
            default -> {
                char op = "+-*/".charAt(random.nextInt(4));
                return new Bin(op, randomExpr(random, depth - 1), randomExpr(random, depth - 1));
            }
        }
    }

    private static int precedence(Expr e) {
        if (e instanceof Bin b) {
            return b.op() == '+' || b.op() == '-' ? 1 : 2;
        }
        return e instanceof Minus ? 3 : 4;
    }

    private static String blank(Random random) {
        return " ".repeat(random.nextInt(3));
    }

    private static String render(Expr e, Random random) {
        String text;
        if (e instanceof Lit l) {
            text = l.text();
        } else if (e instanceof Var v) {
            text = v.code() + v.shift();
        } else if (e instanceof Minus m) {
            String operand = render(m.operand(), random);
            text = "-" + blank(random) + (precedence(m.operand()) < 3 ? "(" + operand + ")" : operand);
        } else {
            Bin b = (Bin) e;
            int p = precedence(b);
            String left = render(b.left(), random);
            String right = render(b.right(), random);
            // left associative: a right operand of the same level needs parentheses, a left one does not
            if (precedence(b.left()) < p) {
                left = "(" + left + ")";
            }
            if (precedence(b.right()) <= p) {
                right = "(" + right + ")";
            }
            text = left + blank(random) + b.op() + blank(random) + right;
        }
        return random.nextInt(12) == 0 ? "(" + blank(random) + text + blank(random) + ")" : text;
    }

    /** Straightforward recursive evaluation; empty result carries the reason's key. */
    private static Object reference(Expr e, Map<Reference, BigDecimal> values) {
        if (e instanceof Lit l) {
            return new BigDecimal(l.text());
        }
        if (e instanceof Var v) {
            BigDecimal value = values.get(new Reference(v.code(), v.months()));
            return value == null ? Evaluation.MISSING_INPUT : value;
        }
        if (e instanceof Minus m) {
            Object operand = reference(m.operand(), values);
            return operand instanceof BigDecimal d ? d.negate() : operand;
        }
        Bin b = (Bin) e;
        Object left = reference(b.left(), values);
        if (!(left instanceof BigDecimal l)) {
            return left;
        }
        Object right = reference(b.right(), values);
        if (!(right instanceof BigDecimal r)) {
            return right;
        }
        MathContext mc = MathContext.DECIMAL128;
        return switch (b.op()) {
            case '+' -> l.add(r, mc);
            case '-' -> l.subtract(r, mc);
            case '*' -> l.multiply(r, mc);
            default -> r.signum() == 0 ? Evaluation.DIVISION_BY_ZERO : l.divide(r, mc);
        };
    }

    @Test
    void randomFormulasEvaluateLikeAReferenceEvaluator() {
        Random random = new Random(20240611L);
        int withValue = 0;
        int divisionByZero = 0;
        int missing = 0;
        for (int i = 0; i < 500; i++) {
            Expr expr = randomExpr(random, 1 + random.nextInt(5));
            String text = blank(random) + render(expr, random) + blank(random);
            Map<Reference, BigDecimal> values = new HashMap<>();
            for (String code : CODES) {
                for (int months : new int[] {0, -2, -3, -12}) {
                    int roll = random.nextInt(20);
                    if (roll == 0) {
                        continue; // missing
                    }
                    values.put(new Reference(code, months), roll == 1 ? BigDecimal.ZERO
                            : new BigDecimal(random.nextInt(200_000) - 50_000).movePointLeft(random.nextInt(4)));
                }
            }
            Formula formula = Formula.parse(text);
            Evaluation actual = formula.evaluate(ref -> Optional.ofNullable(values.get(ref)));
            Object expected = reference(expr, values);
            if (expected instanceof BigDecimal d) {
                assertThat(actual.value()).as(text).isEqualTo(d);
                withValue++;
            } else {
                assertThat(actual.noValueKey()).as(text).isEqualTo(expected);
                if (expected.equals(Evaluation.DIVISION_BY_ZERO)) {
                    divisionByZero++;
                } else {
                    missing++;
                }
            }
            // the canonical text means the same
            Evaluation again = Formula.parse(formula.canonical()).evaluate(ref -> Optional.ofNullable(values.get(ref)));
            assertThat(again).as(text).isEqualTo(actual);
            assertThat(Formula.parse(formula.canonical()).canonical()).isEqualTo(formula.canonical());
        }
        // the generator exercises every outcome
        assertThat(withValue).isGreaterThan(250);
        assertThat(divisionByZero).isPositive();
        assertThat(missing).isPositive();
    }

    @Test
    void randomGarbageNeverEscapesAsAnythingButFormulaException() {
        Random random = new Random(8170L);
        String alphabet = "ab_1 0.+-*/()[]yqm$（×";
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(25);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                Formula f = Formula.parse(text.toString());
                accepted.add(text.toString());
                assertThat(Formula.parse(f.canonical())).isEqualTo(f);
                f.evaluate(ref -> Optional.of(BigDecimal.ONE));
            } catch (FormulaException e) {
                assertThat(e.column()).as(text.toString()).isBetween(1, text.length() + 1);
            }
        }
        assertThat(accepted).isNotEmpty();
    }
}
