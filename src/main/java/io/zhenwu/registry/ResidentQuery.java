package io.zhenwu.registry;

import io.zhenwu.shared.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters of the resident list, as the UI, the API and exports pass them: {@code q} (a name fragment or a whole ID
 * number), {@code org} (an org unit code: its subtree), {@code tag} and {@code householdNo}.
 */
public record ResidentQuery(String text, String orgUnitCode, ResidentTag tag, String householdNo) {

    public static ResidentQuery all() {
        return new ResidentQuery(null, null, null, null);
    }

    public static ResidentQuery from(Map<String, String> p) {
        return new ResidentQuery(blank(p.get("q")), blank(p.get("org")), tag(p.get("tag")), blank(p.get("householdNo")));
    }

    /** The non-empty filters as parameters again (for export links and pagers). */
    public Map<String, String> toParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (text != null) p.put("q", text);
        if (orgUnitCode != null) p.put("org", orgUnitCode);
        if (tag != null) p.put("tag", tag.name());
        if (householdNo != null) p.put("householdNo", householdNo);
        return p;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ResidentTag tag(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        ResidentTag tag = ResidentTag.lookup(s);
        if (tag == null) {
            throw new InvalidInputException("tag", "validation.type", "tag");
        }
        return tag;
    }

    ResidentRepository.Filter toFilter() {
        return new ResidentRepository.Filter(text, orgUnitCode, tag, householdNo);
    }
}
