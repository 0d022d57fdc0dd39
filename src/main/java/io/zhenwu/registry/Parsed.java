package io.zhenwu.registry;

import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 解析结果: what {@code parse(field, raw)} of every registry value type returns — the value, or the violations that
 * kept it from being one, never both. Input that breaks a rule is an answer, not an exception: the Excel import
 * collects a row's violations column by column, and a form shows them inline; only a caller that wants the API's
 * 400 turns them into {@link InvalidInputException} with {@link #orElseThrow()}.
 * <p>
 * One shared shape rather than a nested {@code Result} per type, so the import can treat every column alike.
 *
 * @param value      the parsed value; {@code null} when invalid
 * @param violations why the input is not a value; empty when valid. The value types report the first rule broken
 *                   (later rules say nothing useful about, say, a code of the wrong length), so this holds one entry.
 */
public record Parsed<T>(T value, List<FieldViolation> violations) {

    public Parsed {
        violations = List.copyOf(violations);
        if ((value == null) == violations.isEmpty()) {
            throw new IllegalArgumentException("exactly one of value and violations: " + value + ", " + violations);
        }
    }

    public static <T> Parsed<T> valid(T value) {
        return new Parsed<>(Objects.requireNonNull(value), List.of());
    }

    public static <T> Parsed<T> invalid(FieldViolation violation) {
        return new Parsed<>(null, List.of(violation));
    }

    public boolean isValid() {
        return value != null;
    }

    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    /** The value, or the violations as the 400 every endpoint answers with. */
    public T orElseThrow() {
        if (value == null) {
            throw new InvalidInputException(violations);
        }
        return value;
    }
}
