package io.zhenwu.shared;

import java.util.List;

/**
 * One field that failed a rule. The message is a key in {@code messages*.properties}, resolved in the caller's
 * language when the problem is rendered, so the same violation reads right in the API and in a form.
 */
public record FieldViolation(String field, String messageKey, List<Object> args) {

    public static FieldViolation of(String field, String messageKey, Object... args) {
        return new FieldViolation(field, messageKey, List.of(args));
    }
}
