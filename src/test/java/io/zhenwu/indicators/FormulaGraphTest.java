package io.zhenwu.indicators;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormulaGraphTest {

    /** "a = b + 1", "b = 2" → code to formula, in the order given. */
    private static Map<String, Formula> formulas(String... definitions) {
        Map<String, Formula> map = new LinkedHashMap<>();
        for (String definition : definitions) {
            String[] parts = definition.split("=", 2);
            map.put(parts[0].strip(), Formula.parse(parts[1]));
        }
        return map;
    }

    @Test
    void twoFormulasUsingEachOther() {
        Map<String, Formula> derived = formulas("a = b + 1", "b = a");
        assertThat(FormulaGraph.cycles(derived)).containsExactly(List.of("a", "b"));
        assertThatThrownBy(() -> FormulaGraph.evaluationOrder(derived))
                .isInstanceOfSatisfying(FormulaException.class, e -> {
                    assertThat(e.key()).isEqualTo("indicator.formula.cycle");
                    assertThat(e.column()).isZero();
                    assertThat(e.args()).containsExactly("a → b → a");
                });
    }

    @Test
    void aFormulaUsingItself() {
        Map<String, Formula> derived = formulas("a = a + 1");
        assertThat(FormulaGraph.cycles(derived)).containsExactly(List.of("a"));
        assertThatThrownBy(() -> FormulaGraph.evaluationOrder(derived))
                .isInstanceOfSatisfying(FormulaException.class, e -> assertThat(e.args()).containsExactly("a → a"));
    }

    @Test
    void aShiftedReferenceIsAnEarlierPeriodNotACycle() {
        Map<String, Formula> derived = formulas("a = a[-1y] + 1", "b = c[-1q] * 2", "c = b + 1");
        assertThat(FormulaGraph.cycles(derived)).isEmpty();
        assertThat(FormulaGraph.evaluationOrder(derived)).containsExactly("a", "b", "c");
        // a zero shift is the same period
        assertThat(FormulaGraph.cycles(formulas("a = a[-0y] + 1"))).containsExactly(List.of("a"));
    }

    @Test
    void cycleListedInDependencyOrderFromItsFirstCode() {
        // c uses a, a uses b, b uses c: written starting at a, each using the next
        Map<String, Formula> derived = formulas("c = a * 2", "b = c - gdp", "a = b / 3", "d = a + 1", "e = gdp");
        assertThat(FormulaGraph.cycles(derived)).containsExactly(List.of("a", "b", "c"));
        assertThatThrownBy(() -> FormulaGraph.evaluationOrder(derived))
                .isInstanceOfSatisfying(FormulaException.class, e -> assertThat(e.args()).containsExactly("a → b → c → a"));
    }

    @Test
    void oneShortestCyclePerGroupSortedByFirstCode() {
        Map<String, Formula> derived = formulas(
                "z = y", "y = z + x", "x = w", "w = 1", // z ↔ y; x, w fine
                "p = q + r", "q = r", "r = p + p[-1y]", // p → q → r → p and p → r → p: shortest through p is p, r
                "m = m * 2");
        assertThat(FormulaGraph.cycles(derived)).containsExactly(List.of("m"), List.of("p", "r"), List.of("y", "z"));
        assertThatThrownBy(() -> FormulaGraph.evaluationOrder(derived))
                .isInstanceOfSatisfying(FormulaException.class, e -> assertThat(e.args()).containsExactly("m → m"));
    }

    @Test
    void evaluationOrderPutsEachAfterWhatItUses() {
        Map<String, Formula> derived = formulas(
                "rd_intensity = rd_spending / gdp_total * 100",
                "gdp_total = primary + secondary + tertiary",
                "gdp_growth = (gdp_total - gdp_total[-1y]) / gdp_total[-1y] * 100",
                "per_capita = gdp_total / population",
                "secondary = industry + construction",
                "headline = gdp_growth + per_capita * 0");
        // primary, tertiary, rd_spending, industry, construction, population are base indicators: not in the order
        assertThat(FormulaGraph.cycles(derived)).isEmpty();
        assertThat(FormulaGraph.evaluationOrder(derived)).containsExactly(
                "secondary", "gdp_total", "gdp_growth", "per_capita", "headline", "rd_intensity");
    }

    @Test
    void emptyAndIndependent() {
        assertThat(FormulaGraph.cycles(Map.of())).isEmpty();
        assertThat(FormulaGraph.evaluationOrder(Map.of())).isEmpty();
        assertThat(FormulaGraph.evaluationOrder(formulas("c = 1", "a = x", "b = y[-1m]"))).containsExactly("a", "b", "c");
    }

    @Test
    void aLongChainNeedsNoDeepRecursion() {
        Map<String, Formula> derived = new HashMap<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            derived.put("i" + i, Formula.parse(i + 1 < n ? "i" + (i + 1) + " + 1" : "gdp"));
        }
        assertThat(FormulaGraph.cycles(derived)).isEmpty();
        List<String> order = FormulaGraph.evaluationOrder(derived);
        assertThat(order).hasSize(n).startsWith("i" + (n - 1)).endsWith("i0");

        derived.put("i" + (n - 1), Formula.parse("i0 * 2"));
        List<List<String>> cycles = FormulaGraph.cycles(derived);
        assertThat(cycles).hasSize(1);
        assertThat(cycles.get(0)).hasSize(n).startsWith("i0", "i1", "i2");
    }

    @Test
    void randomGraphsOrderEveryEdgeOrReportACycle() {
        Random random = new Random(42L);
        for (int round = 0; round < 300; round++) {
            int size = 1 + random.nextInt(12);
            Map<String, Formula> derived = new HashMap<>();
            for (int i = 0; i < size; i++) {
                List<String> terms = new ArrayList<>();
                terms.add("base");
                for (int j = 0; j < size; j++) {
                    if (random.nextInt(size * 2) == 0) {
                        terms.add("n" + j + (random.nextInt(4) == 0 ? "[-1y]" : ""));
                    }
                }
                derived.put("n" + i, Formula.parse(String.join(" + ", terms)));
            }
            List<List<String>> cycles = FormulaGraph.cycles(derived);
            if (cycles.isEmpty()) {
                List<String> order = FormulaGraph.evaluationOrder(derived);
                assertThat(order).containsExactlyInAnyOrderElementsOf(derived.keySet());
                derived.forEach((code, formula) -> formula.references().stream()
                        .filter(r -> r.shiftMonths() == 0 && derived.containsKey(r.code()))
                        .forEach(r -> assertThat(order.indexOf(r.code())).isLessThan(order.indexOf(code))));
            } else {
                assertThatThrownBy(() -> FormulaGraph.evaluationOrder(derived)).isInstanceOf(FormulaException.class);
                for (List<String> cycle : cycles) {
                    // a real cycle: each uses the next, unshifted, and the last uses the first
                    for (int i = 0; i < cycle.size(); i++) {
                        String next = cycle.get((i + 1) % cycle.size());
                        assertThat(derived.get(cycle.get(i)).references()).contains(new Formula.Reference(next, 0));
                    }
                }
            }
        }
    }
}
