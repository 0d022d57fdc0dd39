package io.zhenwu.security;

import io.zhenwu.shared.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private static String key(Optional<FieldViolation> v) {
        return v.map(FieldViolation::messageKey).orElse("ok");
    }

    @Test
    void theDemoPasswordIsGood() {
        assertThat(PasswordPolicy.check("password", "cadre", "Zhenwu@2023")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Abcdefgh1!", "abcdefgh12!", "ABCDEFGH12!", "Abcdefghij1", "Abcdefghij!", "镇务Zhenwu@2023"})
    void threeOfFourClassesAndTenCharactersAreEnough(String password) {
        assertThat(PasswordPolicy.check("password", "someone", password)).isEmpty();
    }

    @Test
    void shortPasswordsAreRejectedWithTheMinimum() {
        Optional<FieldViolation> v = PasswordPolicy.check("newPassword", "cadre", "Zw@2023");
        assertThat(key(v)).isEqualTo("password.tooShort");
        assertThat(v.orElseThrow().field()).isEqualTo("newPassword");
        assertThat(v.orElseThrow().args()).containsExactly(PasswordPolicy.MIN_LENGTH);
        // nine characters of all four classes: still too short
        assertThat(key(PasswordPolicy.check("password", "cadre", "Zhenwu@23"))).isEqualTo("password.tooShort");
        assertThat(key(PasswordPolicy.check("password", "cadre", null))).isEqualTo("password.tooShort");
        assertThat(key(PasswordPolicy.check("password", "cadre", ""))).isEqualTo("password.tooShort");
    }

    @Test
    void overlongPasswordsAreRejected() {
        assertThat(key(PasswordPolicy.check("password", "cadre", "Aa1!" + "x".repeat(125)))).isEqualTo("password.tooLong");
        assertThat(PasswordPolicy.check("password", "cadre", "Aa1!" + "x".repeat(124))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijkl", "123456789012", "ABCDEFGHIJKL", "!@#$%^&*()_+", "abcdef123456", "ABCDEF123456",
            "abcdef!@#$%^", "password1234", "中文密码中文密码中文密码"})
    void passwordsOfFewerThanThreeClassesAreWeak(String password) {
        assertThat(key(PasswordPolicy.check("password", "someone", password))).isEqualTo("password.weak");
    }

    @Test
    void passwordsContainingTheUsernameAreRejectedWhateverTheCase() {
        assertThat(key(PasswordPolicy.check("password", "zhangsan", "Zhangsan@2023"))).isEqualTo("password.containsUsername");
        assertThat(key(PasswordPolicy.check("password", "ZhangSan", "my-ZHANGSAN-1"))).isEqualTo("password.containsUsername");
        assertThat(key(PasswordPolicy.check("password", "lisi", "Zhenwu@2023"))).isEqualTo("ok");
        assertThat(PasswordPolicy.check("password", null, "Zhenwu@2023")).isEmpty();
        assertThat(PasswordPolicy.check("password", " ", "Zhenwu@2023")).isEmpty();
    }
}
