package io.zhenwu.imports;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.Role;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A record type the pipeline can export (xlsx/csv, streamed, scoped, masked, audited). Every {@link ImportType} is one,
 * with its import columns as headers so an export can be edited and imported back; a list that is not imported (labor
 * disputes, farmland plots — they are case records) implements only this.
 */
public interface ExportType {

    /** URL name, e.g. {@code enterprises}. */
    String code();

    /** Message key of the plural label (the sheet and file name). */
    String labelKey();

    /** Roles that may export this type. */
    Set<Role> roles();

    /** Column headers, in the order {@link #export} writes the cells. */
    List<String> exportHeaders();

    /** Streams the records of the caller's scope that match the filters, one row each. */
    void export(Actor actor, Map<String, String> filters, boolean unmasked, Consumer<List<Object>> row);

    /** Refuses filters the type does not know or values it cannot use, before any byte is written. Default: all fine. */
    default void checkFilters(Map<String, String> filters) {
    }

    /** Refuses (400, on the filter's name) every filter not among {@code known}: an ignored filter exports too much. */
    static void refuseUnknownFilters(Map<String, String> filters, Set<String> known) {
        List<FieldViolation> unknown = filters.keySet().stream().filter(name -> !known.contains(name)).sorted()
                .map(name -> FieldViolation.of(name, "export.filter.unknown", name, String.join(", ", new TreeSet<>(known))))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
    }

    /** Whether the rows hold personal data that exports mask by default. */
    default boolean hasPersonalData() {
        return false;
    }
}
