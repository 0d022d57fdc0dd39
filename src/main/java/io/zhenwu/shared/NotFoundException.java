package io.zhenwu.shared;

/** The record does not exist <em>or lies outside the caller's scope</em>: both answer 404 so existence never leaks. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String entityType, Object id) {
        super(entityType + " " + id + " not found");
    }
}
