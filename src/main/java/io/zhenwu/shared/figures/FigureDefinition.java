package io.zhenwu.shared.figures;

import java.util.Objects;
import java.util.Set;

/**
 * 统计口径: the declaration of one figure.
 *
 * @param code         stable dotted code, module first: {@code cases.service_hall.handled}, {@code indicators.gdp}
 * @param name         short name
 * @param definition   the definition text (口径): what is counted, when, and what is excluded
 * @param unit         the unit of the raw value as stored (件, 元, 亩, %, or an indicator's unit such as 亿元)
 * @param kind         how the value is worded
 * @param filters      the filter names this figure accepts besides org and period (e.g. {@code category}); any other
 *                     filter is an error, never silently ignored
 * @param recordBased  whether the figure counts records (and so can list them); false for entered indicator values
 */
public record FigureDefinition(String code, LocalizedText name, LocalizedText definition, String unit, FigureKind kind,
                               Set<String> filters, boolean recordBased) {

    public FigureDefinition {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+")) {
            throw new IllegalArgumentException("Figure code must be dotted lower case: " + code);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        filters = Set.copyOf(filters);
    }

    /** The module that owns the figure: the part of the code before the first dot. */
    public String module() {
        return code.substring(0, code.indexOf('.'));
    }
}
