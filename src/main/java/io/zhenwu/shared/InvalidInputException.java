package io.zhenwu.shared;

import java.util.List;

/** Input broke a domain rule: 400 problem+json with one entry per field, or inline errors in a form. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(FieldViolation.of(field, messageKey, args)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
