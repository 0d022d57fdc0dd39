package io.zhenwu.indicators;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz test of the indicator formula parser (issue 18): any text is parsed or refused with a {@link FormulaException};
 * a parsed formula's canonical form (within {@link Formula#MAX_LENGTH}) parses to the same formula, and evaluating it gives a value or a reason, never an
 * exception. Seeds: src/test/resources/io/zhenwu/indicators/FormulaFuzzInputs/.
 */
class FormulaFuzz {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Formula formula;
        try {
            formula = Formula.parse(text);
        } catch (FormulaException expected) {
            return;
        }
        // the canonical form adds spaces around operators: past MAX_LENGTH it is refused like any text that long
        if (formula.canonical().length() <= Formula.MAX_LENGTH) {
            assertThat(Formula.parse(formula.canonical())).isEqualTo(formula);
        }
        formula.evaluate(reference -> Optional.of(new BigDecimal(reference.code().length() - 3)));
        formula.evaluate(reference -> Optional.empty());
    }
}
