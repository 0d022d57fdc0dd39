package io.zhenwu.shared;

/** Raised where a data scope is required and none is available: treated as forbidden, never as "all data". */
public class MissingScopeException extends RuntimeException {
    public MissingScopeException() {
        super("No data scope for the current caller");
    }
}
