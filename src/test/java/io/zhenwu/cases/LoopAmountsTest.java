package io.zhenwu.cases;

import io.zhenwu.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A labor dispute's amount is plain decimal yuan (issue 18: full-width digits and 1e10 were accepted); the farmland
 * area is read by the same rule.
 */
class LoopAmountsTest {

    @ParameterizedTest
    @ValueSource(strings = {"１２３", "１２３.４５", "1e10", "1E2", "12,000", "0x10", "١٢٣", "12.", ".5", "NaN", "Infinity", "+-1"})
    void onlyPlainAsciiDecimalsAreAnAmount(String written) {
        assertThatThrownBy(() -> LaborDisputes.yuan("claimAmount", written))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).singleElement()
                                .satisfies(v -> assertThat(v.messageKey()).isEqualTo("case.number.invalid")));
    }

    @Test
    void plainYuanWithTwoDecimalsIsAccepted() {
        assertThat(LaborDisputes.yuan("claimAmount", " 12000.5 ")).isEqualByComparingTo("12000.50");
        assertThat(LaborDisputes.yuan("claimAmount", "0")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(LaborDisputes.yuan("claimAmount", "99999999.99")).isEqualByComparingTo(LaborDisputes.MAX_YUAN);
    }

    @Test
    void anAmountAboveTheBoundIsRefusedWithTheBound() {
        assertThatThrownBy(() -> LaborDisputes.yuan("claimAmount", "100000000"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().get(0).messageKey()).isEqualTo("case.labor.amount.max");
                    assertThat(e.violations().get(0).args()).containsExactly("99999999.99");
                });
        assertThatThrownBy(() -> LaborDisputes.yuan("claimAmount", "1".repeat(60)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aFullWidthAreaIsRefusedToo() {
        assertThatThrownBy(() -> FarmlandPlots.mu("area", "２.５")).isInstanceOf(InvalidInputException.class);
        assertThat(FarmlandPlots.mu("area", "2.5")).isEqualByComparingTo("2.5");
    }
}
