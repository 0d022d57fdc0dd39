package io.zhenwu.shared.figures;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * "Figure X for the subtree of org unit Y in period Z, filtered by F". Filters are sorted so two requests for the same
 * number are equal (a published report keys its snapshot on this).
 */
public record FigureRequest(String code, String orgUnitCode, FigurePeriod period, Map<String, String> filters) {

    public FigureRequest {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(orgUnitCode, "orgUnitCode");
        Objects.requireNonNull(period, "period");
        filters = filters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(filters));
    }

    public FigureRequest(String code, String orgUnitCode, FigurePeriod period) {
        this(code, orgUnitCode, period, Map.of());
    }

    public String filter(String name) {
        return filters.get(name);
    }

    public FigureRequest withPeriod(FigurePeriod other) {
        return new FigureRequest(code, orgUnitCode, other, filters);
    }
}
