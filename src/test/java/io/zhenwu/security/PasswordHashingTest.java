package io.zhenwu.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured password encoder: every character of a 128-character password counts, old hashes still verify. */
class PasswordHashingTest {

    private final PasswordEncoder encoder = new SecurityConfiguration().passwordEncoder();

    @Test
    void twoPasswordsThatDifferOnlyAfterByte72AreDifferent() {
        String common = "Aa1!".repeat(20); // 80 ASCII bytes
        String one = common + "x";
        String other = common + "y";
        String hash = encoder.encode(one);
        assertThat(encoder.matches(one, hash)).isTrue();
        assertThat(encoder.matches(other, hash)).isFalse();
    }

    @Test
    void aLongChinesePasswordCountsToItsLastCharacter() {
        String common = "镇务平台".repeat(31) + "密码"; // 126 characters, 378 bytes
        assertThat(common.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        String hash = encoder.encode(common + "甲A");
        assertThat(encoder.matches(common + "甲A", hash)).isTrue();
        assertThat(encoder.matches(common + "乙A", hash)).isFalse();
        assertThat(hash).startsWith("{bcrypt-sha256}$2a$");
    }

    @Test
    void aHashOfTheOlderPlainBcryptFormStillVerifiesAndIsMarkedForUpgrade() {
        String old = "{bcrypt}" + new BCryptPasswordEncoder().encode("Zhenwu@2023");
        assertThat(encoder.matches("Zhenwu@2023", old)).isTrue();
        assertThat(encoder.matches("Zhenwu@2024", old)).isFalse();
        assertThat(encoder.upgradeEncoding(old)).isTrue();
        assertThat(encoder.upgradeEncoding(encoder.encode("Zhenwu@2023"))).isFalse();
    }
}
