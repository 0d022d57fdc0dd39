package io.zhenwu.shared;

/**
 * An optimistic-lock conflict or a state that forbids the request: 409, with the record's current state so the
 * client can show what changed instead of silently overwriting it.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final Object current;

    public ConflictException(String messageKey, Object current) {
        super(messageKey);
        this.messageKey = messageKey;
        this.current = current;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object current() {
        return current;
    }
}
