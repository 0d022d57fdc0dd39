package io.zhenwu.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One field that failed a rule. The message is a key in {@code messages*.properties}, resolved in the caller's
 * language when the problem is rendered, so the same violation reads right in the API and in a form.
 *
 * <p>Arguments are usually what the caller sent, and what the caller sent may be missing: a {@code null} argument
 * is shown as an empty text, so that reporting a bad input never fails on the input being absent.
 */
public record FieldViolation(String field, String messageKey, List<Object> args) {

    public FieldViolation {
        field = field == null ? "" : field;
        List<Object> shown = new ArrayList<>(args == null ? 0 : args.size());
        if (args != null) {
            args.forEach(a -> shown.add(a == null ? "" : a));
        }
        args = Collections.unmodifiableList(shown);
    }

    public static FieldViolation of(String field, String messageKey, Object... args) {
        return new FieldViolation(field, messageKey, args == null ? List.of() : Arrays.asList(args));
    }
}
