package io.zhenwu.registry;

import io.zhenwu.shared.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Filters of the facility list, as the UI, the API and exports pass them: q, org (subtree), type, status. */
public record FacilityQuery(String text, String orgUnitCode, String typeCode, FacilityStatus status) {

    public static FacilityQuery all() {
        return new FacilityQuery(null, null, null, null);
    }

    /** Facilities of one org unit's subtree, of any type and status. */
    public static FacilityQuery in(String orgUnitCode) {
        return new FacilityQuery(null, orgUnitCode, null, null);
    }

    public static FacilityQuery from(Map<String, String> p) {
        String status = blank(p.get("status"));
        FacilityStatus s = null;
        if (status != null) {
            try {
                s = FacilityStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "validation.type", "status");
            }
        }
        String type = blank(p.get("type"));
        return new FacilityQuery(blank(p.get("q")), blank(p.get("org")), type == null ? null : type.toUpperCase(Locale.ROOT), s);
    }

    public Map<String, String> toParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (text != null) p.put("q", text);
        if (orgUnitCode != null) p.put("org", orgUnitCode);
        if (typeCode != null) p.put("type", typeCode);
        if (status != null) p.put("status", status.name());
        return p;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
