package io.zhenwu.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Problems;
import io.zhenwu.shared.figures.CountedRecord;
import io.zhenwu.shared.figures.FigureDefinition;
import io.zhenwu.shared.figures.FigurePeriod;
import io.zhenwu.shared.figures.FigureRequest;
import io.zhenwu.shared.figures.FigureValue;
import io.zhenwu.org.OrgUnits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/figures}: the figure catalogue with definitions (口径), one figure for an org unit, period and
 * filters (value, unit, definition, source, growth, a link to the records), and the records it counted, paged.
 * Data-scoped: an org unit outside the caller's scope is 404.
 */
@RestController
@Tag(name = "figures", description = "统计口径与报告数字")
class FigureApiController {

    private final FigureRegistry figures;
    private final OrgUnits orgUnits;
    private final Problems problems;

    FigureApiController(FigureRegistry figures, OrgUnits orgUnits, Problems problems) {
        this.figures = figures;
        this.orgUnits = orgUnits;
        this.problems = problems;
    }

    @GetMapping("/api/v1/figures")
    @Operation(summary = "Every figure with its definition, unit and filters")
    List<Map<String, Object>> catalogue(Locale locale) {
        return figures.catalogue().all().stream().map(d -> ReportController.describe(d, locale)).toList();
    }

    private FigureRequest request(DataScope scope, String code, Map<String, String> params) {
        String org = params.get("org");
        String orgCode = org == null || org.isBlank() ? orgUnits.get(scope, scope.orgUnitId()).code() : org.strip().toUpperCase(Locale.ROOT);
        return new FigureRequest(code, orgCode, FigurePeriod.parse("period",
                params.getOrDefault("period", String.valueOf(ReportController.defaultYear()))), ReportController.filters(params));
    }

    @GetMapping("/api/v1/figures/{code}")
    @Operation(summary = "One figure: ?org=CODE&period=2023|2023Q2|2023-05 and the figure's filters")
    Map<String, Object> figure(DataScope scope, @PathVariable String code, @RequestParam Map<String, String> params, Locale locale) {
        FigureRegistry.Catalogue catalogue = figures.catalogue();
        FigureDefinition d = catalogue.get(code);
        FigureRequest request = request(scope, code, params);
        FigureValue v = catalogue.compute(scope, request);
        Map<String, Object> m = ReportController.describe(d, locale);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("org", request.orgUnitCode());
        parameters.put("period", request.period().text());
        parameters.put("from", request.period().from().toString());
        parameters.put("to", request.period().to().toString());
        parameters.put("filters", request.filters());
        m.put("parameters", parameters);
        m.put("value", v.value());
        m.put("printed", v.hasValue() ? ReportNumbers.value(v.value(), v.unit(), d.kind(), FormatOptions.DEFAULT) : ReportNumbers.MISSING);
        m.put("valueUnit", v.unit());
        m.put("source", problems.message(ReportController.sourceKey(v), locale));
        m.put("growth", v.growth());
        m.put("growthInPoints", v.growthInPoints());
        m.put("growthReported", v.growthReported());
        m.put("recordId", v.recordId());
        m.put("revision", v.revision());
        m.put("noValueReason", v.noValueReason() == null ? null : problems.message(v.noValueReason(), locale));
        m.put("provenance", Reports.href(request));
        String href = Reports.href(request);
        m.put("records", "/api/v1/figures/" + code + "/records" + href.substring(href.indexOf('?')));
        return m;
    }

    @GetMapping("/api/v1/figures/{code}/records")
    @Operation(summary = "The records the figure counted, by id, paged (page from 0, size 1–500)")
    PageResult<CountedRecord> records(DataScope scope, @PathVariable String code, @RequestParam Map<String, String> params,
                                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        FigureRegistry.Catalogue catalogue = figures.catalogue();
        catalogue.get(code);
        return catalogue.records(scope, request(scope, code, params), PageQuery.of(page, size, null, "id", Set.of("id")));
    }

}
