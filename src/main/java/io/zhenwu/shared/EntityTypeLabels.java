package io.zhenwu.shared;

import java.util.Map;

/**
 * The labels of the entity types a module's audit events name (审计对象类型), so that the audit trail's pages show a
 * name where a type has one (an export of {@code enterprises} is shown as 企业台账), never its code. A module
 * contributes a bean; the audit module, which knows no other module, shows what the beans answer.
 */
@FunctionalInterface
public interface EntityTypeLabels {

    /** Entity type code → message key of its label. */
    Map<String, String> labelKeys();
}
