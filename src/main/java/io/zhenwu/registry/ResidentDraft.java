package io.zhenwu.registry;

import java.util.Set;

/**
 * What a user (form, API or spreadsheet row) says about a resident, before validation: never a gender or a birth
 * date, which the ID number carries. The same {@link ResidentRules} check it wherever it comes from.
 */
public record ResidentDraft(String idNumber, String name, String orgUnitCode, String householdNo, Relation relationToHead,
                            String phone, Set<ResidentTag> tags) {

    public ResidentDraft {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
