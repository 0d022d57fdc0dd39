package io.zhenwu.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reporting a bad input never fails on the input being absent (issue 18: four endpoints answered 500 here). */
class FieldViolationTest {

    @Test
    void aMissingArgumentIsShownEmpty() {
        FieldViolation v = FieldViolation.of("villageCode", "case.safety.village.unknown", (Object) null);
        assertThat(v.args()).containsExactly("");
    }

    @Test
    void aNullArgumentArrayAndAMissingFieldAreTolerated() {
        FieldViolation v = FieldViolation.of(null, "validation.type", (Object[]) null);
        assertThat(v.field()).isEmpty();
        assertThat(v.args()).isEmpty();
    }

    @Test
    void mixedArgumentsKeepTheirOrder() {
        assertThat(FieldViolation.of("value", "indicator.value.decimals", "1.234", null, 2).args()).containsExactly("1.234", "", 2);
    }
}
