package io.zhenwu.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository method that legitimately reads or writes without a {@link DataScope} (login lookup, global
 * uniqueness checks, inserts whose scope was checked on the parent). The reason is mandatory and reviewed; the
 * ArchUnit rule accepts no other exception.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unscoped {
    /** Why this method needs no scope. */
    String value();
}
