package io.zhenwu.registry;

import io.zhenwu.shared.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            // 手机: prefixes, spaces and hyphens dropped
            "13812341234             | 13812341234",
            "'  13812341234 '        | 13812341234",
            "138 1234 1234           | 13812341234",
            "138-1234-1234           | 13812341234",
            "+86 138 1234 1234       | 13812341234",
            "+8613812341234          | 13812341234",
            "86 13812341234          | 13812341234",
            "+86-138-1234-1234       | 13812341234",
            "１３８１２３４１２３４  | 13812341234",
            "19912345678             | 19912345678",
            "16612345678             | 16612345678",
            // 固话: 区号 three digits for 010 and 02x, four otherwise, with or without the hyphen
            "0511-87654321           | 0511-87654321",
            "051187654321            | 0511-87654321",
            "0511 8765 4321          | 0511-87654321",
            "(0511)87654321          | 0511-87654321",
            "（0511）87654321        | 0511-87654321",
            "0511－87654321          | 0511-87654321",
            "0511—87654321           | 0511-87654321",
            "0511-8765432            | 0511-8765432",
            "025-84561234            | 025-84561234",
            "02584561234             | 025-84561234",
            "010-62751234            | 010-62751234",
            "01062751234             | 010-62751234",
            "0991-1234567            | 0991-1234567",
            // 分机
            "0511-87654321-123       | 0511-87654321-123",
            "0511-87654321转123      | 0511-87654321-123",
            "025 8456 1234-8001      | 025-84561234-8001",
    })
    void valid(String raw, String normalized) {
        Parsed<PhoneNumber> parsed = PhoneNumber.parse("phone", raw);
        assertThat(parsed.violations()).isEmpty();
        assertThat(parsed.value().value()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1381234123",          // ten digits
            "138123412345",        // twelve
            "12812341234",         // no 12x mobile block
            "10086",               // service short number
            "95588",
            "4008123123",          // 400 numbers are not how a resident is reached
            "+1 650 253 0000",     // foreign
            "+85 13812341234",
            "0013812341234",
            "87654321",            // local number without 区号
            "0511-876543",         // local number too short
            "0511-876543210",      // too long
            "05-87654321",
            "0211-87654321",       // 02x is a three-digit 区号: 021-187654321 is too long
            "0511-87654321-1234567",
            "0511-87654321-",
            "138x1234x1234",
            "电话",
            "138****1234",         // a masked value pasted back
    })
    void invalid(String raw) {
        assertThat(PhoneNumber.parse("phone", raw).violations())
                .containsExactly(FieldViolation.of("phone", "registry.phone.format"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000"})
    void blankIsRequired(String raw) {
        assertThat(PhoneNumber.parse("contactPhone", raw).violations())
                .containsExactly(FieldViolation.of("contactPhone", "registry.phone.required"));
    }

    @Test
    void mobileOrLandline() {
        assertThat(PhoneNumber.parse("phone", "+86 138 1234 1234").orElseThrow().isMobile()).isTrue();
        assertThat(PhoneNumber.parse("phone", "0511-87654321").orElseThrow().isMobile()).isFalse();
        assertThat(new PhoneNumber("0511-87654321")).hasToString("0511-87654321");
    }

    @ParameterizedTest
    @ValueSource(strings = {"138 1234 1234", "+8613812341234", "051187654321", "0511-87654321-", "abc"})
    void constructorTakesOnlyTheNormalizedSpelling(String value) {
        assertThatThrownBy(() -> new PhoneNumber(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
