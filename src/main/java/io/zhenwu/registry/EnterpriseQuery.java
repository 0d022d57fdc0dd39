package io.zhenwu.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/** Filters of the enterprise list, as the UI, the API and exports pass them. */
public record EnterpriseQuery(String text, String orgUnitCode, EnterpriseStatus status, Boolean aboveScale,
                              Boolean nightProduction) {

    public static EnterpriseQuery all() {
        return new EnterpriseQuery(null, null, null, null, null);
    }

    /** From request parameters (list page, API, export links): q, org, status, aboveScale, nightProduction. */
    public static EnterpriseQuery from(Map<String, String> p) {
        return new EnterpriseQuery(blank(p.get("q")), blank(p.get("org")), enumOrNull(p.get("status")),
                bool("aboveScale", p.get("aboveScale")), bool("nightProduction", p.get("nightProduction")));
    }

    /** The non-empty filters as parameters again (for export links and pagers). */
    public Map<String, String> toParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (text != null) p.put("q", text);
        if (orgUnitCode != null) p.put("org", orgUnitCode);
        if (status != null) p.put("status", status.name());
        if (aboveScale != null) p.put("aboveScale", aboveScale.toString());
        if (nightProduction != null) p.put("nightProduction", nightProduction.toString());
        return p;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** true or false; anything else is refused (read as false, "maybe" would filter the list without saying so). */
    private static Boolean bool(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new io.zhenwu.shared.InvalidInputException(field, "validation.type", field);
        };
    }

    private static EnterpriseStatus enumOrNull(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return EnterpriseStatus.valueOf(s.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new io.zhenwu.shared.InvalidInputException("status", "validation.type", "status");
        }
    }

    EnterpriseRepository.Filter toFilter() {
        return new EnterpriseRepository.Filter(text, orgUnitCode, status, aboveScale, nightProduction);
    }
}
