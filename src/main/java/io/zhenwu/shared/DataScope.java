package io.zhenwu.shared;

import java.util.Objects;

/**
 * 数据范围: the org-unit subtree a caller may see. Every repository query that reads, updates, deletes or exports
 * business records takes one (enforced by an ArchUnit rule), so an unscoped query cannot be written by accident.
 *
 * @param orgUnitId the root of the subtree (the caller's own org unit)
 * @param path      the materialized path of that root, e.g. {@code /1/2/3/}
 */
public record DataScope(long orgUnitId, String path) {

    public DataScope {
        Objects.requireNonNull(path, "path");
        if (!path.matches("(/\\d+)+/")) {
            throw new IllegalArgumentException("Not a materialized path: " + path);
        }
    }

    /** The SQL LIKE pattern matching the root and every descendant (paths hold only digits and slashes). */
    public String likePattern() {
        return path + "%";
    }

    /** Whether a record whose org unit has the given path lies inside this scope. */
    public boolean contains(String otherPath) {
        return otherPath != null && otherPath.startsWith(path);
    }
}
