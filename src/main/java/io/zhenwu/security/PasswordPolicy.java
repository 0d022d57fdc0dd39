package io.zhenwu.security;

import io.zhenwu.shared.FieldViolation;

import java.util.Locale;
import java.util.Optional;

/**
 * 密码策略 in the spirit of GB/T 22239 (等保 2.0) 身份鉴别: at least 10 characters from at least three of
 * upper case, lower case, digits and symbols, and not containing the user name.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    static Optional<FieldViolation> check(String field, String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(FieldViolation.of(field, "password.tooShort", MIN_LENGTH));
        }
        if (password.length() > 128) {
            return Optional.of(FieldViolation.of(field, "password.tooLong", 128));
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            return Optional.of(FieldViolation.of(field, "password.weak"));
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(FieldViolation.of(field, "password.containsUsername"));
        }
        return Optional.empty();
    }
}
