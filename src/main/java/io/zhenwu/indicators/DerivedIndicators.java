package io.zhenwu.indicators;

import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Rules for derived indicators' formulas: they parse, name known indicators, and close no cycle. */
final class DerivedIndicators {

    private DerivedIndicators() {
    }

    static Formula parse(String field, String text) {
        try {
            return Formula.parse(text);
        } catch (FormulaException e) {
            throw new InvalidInputException(List.of(FieldViolation.of(field, e.key(), e.args().toArray())));
        }
    }

    static void checkNewFormula(Indicator indicator, List<Indicator> catalogue) {
        Formula formula = parse("formula", indicator.formula());
        Set<String> known = catalogue.stream().map(Indicator::code).collect(Collectors.toSet());
        known.add(indicator.code());
        for (Formula.Reference reference : formula.references()) {
            if (!known.contains(reference.code())) {
                throw new InvalidInputException("formula", "indicator.reference.unknown", reference.code());
            }
        }
        Map<String, Formula> derived = new HashMap<>();
        for (Indicator i : catalogue) {
            if (i.derived()) {
                derived.put(i.code(), Formula.parse(i.formula()));
            }
        }
        derived.put(indicator.code(), formula);
        List<List<String>> cycles = FormulaGraph.cycles(derived);
        if (!cycles.isEmpty()) {
            throw new InvalidInputException("formula", "indicator.formula.cycle", String.join(" → ", cycles.get(0)));
        }
    }
}
