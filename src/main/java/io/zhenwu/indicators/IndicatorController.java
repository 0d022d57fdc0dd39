package io.zhenwu.indicators;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Times;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** 指标 pages: the target board with trends (dashboard), an indicator's series with revisions, and data entry. */
@Controller
class IndicatorController {

    private final Indicators indicators;
    private final DataValues values;
    private final Targets targets;
    private final OrgUnits orgUnits;
    private final MessageSource messages;
    private final JsonMapper json;

    IndicatorController(Indicators indicators, DataValues values, Targets targets, OrgUnits orgUnits, MessageSource messages,
                        JsonMapper json) {
        this.indicators = indicators;
        this.values = values;
        this.targets = targets;
        this.orgUnits = orgUnits;
        this.messages = messages;
        this.json = json;
    }

    private OrgUnit org(DataScope scope, String code) {
        if (code == null || code.isBlank()) {
            return orgUnits.get(scope, scope.orgUnitId());
        }
        return orgUnits.findByCode(scope, code).orElseThrow(() -> new NotFoundException("org_unit", code));
    }

    /** 目标看板: each target of the org unit with completion, 序时 and status; gauges and this-year-vs-last trends. */
    @GetMapping("/indicators")
    String dashboard(DataScope scope, @RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     Locale locale, Model model) {
        OrgUnit unit = org(scope, org);
        LocalDate day = asOf == null ? LocalDate.now(Times.ZONE) : asOf;
        int y = year == null ? day.getYear() : year;
        if (asOf == null && y != day.getYear()) {
            day = LocalDate.of(y, 12, 31);
        }
        List<Targets.Progress> board = targets.progress(scope, unit.code(), y, day);
        model.addAttribute("org", unit);
        model.addAttribute("year", y);
        model.addAttribute("asOf", day);
        model.addAttribute("board", board);
        model.addAttribute("children", orgUnits.children(scope, unit.id()));
        model.addAttribute("charts", true);
        List<Map<String, Object>> trends = new ArrayList<>();
        Map<String, DataValues.MonthlyTrend> monthly = values.monthlyTrends(scope, board.stream().map(Targets.Progress::indicator).toList(),
                unit.path(), y);
        for (Targets.Progress p : board) {
            if (p.indicator().periodType() == PeriodType.MONTH) {
                trends.add(Map.of("code", p.indicator().code(), "name", name(p.indicator(), locale), "option",
                        json.writeValueAsString(trend(p.indicator(), monthly.getOrDefault(p.indicator().code(), DataValues.MonthlyTrend.empty()), y, locale))));
            }
        }
        model.addAttribute("trends", trends);
        Map<String, String> gauges = new LinkedHashMap<>();
        for (Targets.Progress p : board) {
            if (p.completionPercent() != null) {
                gauges.put(p.indicator().code(), json.writeValueAsString(gauge(p, locale)));
            }
        }
        model.addAttribute("gauges", gauges);
        return "indicators/dashboard";
    }

    /** An indicator's series for the org unit with growth, and its revisions where the value is the unit's own. */
    @GetMapping("/indicators/{code}")
    String indicator(DataScope scope, @PathVariable String code, @RequestParam(required = false) String org,
                     @RequestParam(required = false) Integer year, Model model) {
        Indicator indicator = indicators.get(code);
        OrgUnit unit = org(scope, org);
        int y = year == null ? LocalDate.now(Times.ZONE).getYear() : year;
        Period from = new Period(indicator.periodType(), LocalDate.of(y - 2, 1, 1));
        Period to = new Period(indicator.periodType(), LocalDate.of(y + 1, 1, 1));
        model.addAttribute("indicator", indicator);
        model.addAttribute("org", unit);
        model.addAttribute("year", y);
        model.addAttribute("points", values.series(scope, code, unit.code(), from, to));
        model.addAttribute("own", values.values(scope, unit.id(), indicator.periodType(), from.start(), to.start()).stream()
                .filter(v -> v.indicatorCode().equals(code)).toList());
        return "indicators/indicator";
    }

    @GetMapping("/indicators/values/{id}/revisions")
    String revisions(DataScope scope, @PathVariable long id, Model model) {
        var revisions = values.revisions(scope, id);
        if (revisions.isEmpty()) {
            throw new NotFoundException("data_value", id);
        }
        model.addAttribute("revisions", revisions);
        return "indicators/indicator :: revisions";
    }

    /** 数据填报: the indicators of a group for an org unit and period, with the values and versions there now. */
    @GetMapping("/indicators/entry")
    String entry(DataScope scope, @RequestParam(required = false) String group, @RequestParam(required = false) String org,
                 @RequestParam(required = false) String period, Model model) {
        OrgUnit unit = org(scope, org);
        Period p = period == null || period.isBlank() ? Period.year(LocalDate.now(Times.ZONE).getYear() - 1)
                : Period.parse("period", period);
        String g = group == null || group.isBlank() ? "ECONOMY" : group;
        fillEntry(scope, unit, g, p, model, Map.of(), List.of());
        return "indicators/entry";
    }

    @PostMapping("/indicators/entry")
    String saveEntry(Actor actor, @RequestParam String group, @RequestParam String org, @RequestParam String period,
                     @RequestParam Map<String, String> form, @RequestHeader(value = "HX-Request", required = false) String htmx,
                     Model model) {
        DataScope scope = actor.scope();
        OrgUnit unit = org(scope, org);
        Period p = Period.parse("period", period);
        List<Indicator> rows = entryIndicators(group, p);
        List<ValueInput> inputs = new ArrayList<>();
        List<FieldViolation> problems = new ArrayList<>();
        for (Indicator i : rows) {
            String text = form.getOrDefault("value." + i.code(), "").strip().replace(",", "");
            if (text.isEmpty()) {
                continue;
            }
            String version = form.getOrDefault("version." + i.code(), "");
            try {
                inputs.add(new ValueInput(i.code(), unit.code(), p.toString(), new BigDecimal(text), null,
                        DataValue.ValueSource.DEPARTMENT, null, version.isBlank() ? null : Long.valueOf(version)));
            } catch (NumberFormatException e) {
                problems.add(FieldViolation.of(i.code(), "indicator.value.notANumber", text));
            }
        }
        List<ValidationRules.Violation> warnings = List.of();
        if (problems.isEmpty() && !inputs.isEmpty()) {
            try {
                warnings = values.save(actor, inputs).warnings();
                model.addAttribute("message", "flash.values.saved");
            } catch (InvalidInputException e) {
                for (FieldViolation v : e.violations()) {
                    int index = v.field().startsWith("values[") ? Integer.parseInt(v.field().substring(7, v.field().indexOf(']'))) : 0;
                    String code = inputs.isEmpty() ? v.field() : inputs.get(Math.min(index, inputs.size() - 1)).indicatorCode();
                    problems.add(FieldViolation.of(inputs.size() == 1 && !v.field().startsWith("values[") ? inputs.get(0).indicatorCode()
                            : code, v.messageKey(), v.args().toArray()));
                }
            } catch (ConflictException e) {
                problems.add(FieldViolation.of("form", "conflict.stale"));
            }
        }
        Map<String, String> entered = new LinkedHashMap<>();
        rows.forEach(i -> entered.put(i.code(), form.getOrDefault("value." + i.code(), "")));
        fillEntry(scope, unit, group, p, model, problems.isEmpty() ? Map.of() : entered, problems);
        model.addAttribute("warnings", warnings);
        return "true".equals(htmx) ? "indicators/entry :: entryForm" : "indicators/entry";
    }

    private List<Indicator> entryIndicators(String group, Period period) {
        return indicators.all().stream().filter(i -> i.groupCode().equals(group) && !i.derived() && i.active()
                && i.periodType() == period.type()).toList();
    }

    private void fillEntry(DataScope scope, OrgUnit unit, String group, Period p, Model model, Map<String, String> entered,
                           List<FieldViolation> problems) {
        List<Indicator> rows = entryIndicators(group, p);
        Map<String, DataValue> current = new LinkedHashMap<>();
        for (DataValue v : values.values(scope, unit.id(), p.type(), p.start(), p.end())) {
            current.put(v.indicatorCode(), v);
        }
        Map<String, List<FieldViolation>> errors = new LinkedHashMap<>();
        problems.forEach(v -> errors.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(v));
        model.addAttribute("org", unit);
        model.addAttribute("group", group);
        model.addAttribute("groups", indicators.all().stream().map(Indicator::groupCode).distinct().toList());
        model.addAttribute("period", p);
        model.addAttribute("rows", rows);
        model.addAttribute("current", current);
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
    }

    private String name(Indicator i, Locale locale) {
        return "en".equals(locale.getLanguage()) ? i.nameEn() : i.nameZh();
    }

    private Map<String, Object> trend(Indicator indicator, DataValues.MonthlyTrend trend, int year, Locale locale) {
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(messages.getMessage("indicator.month", new Object[]{m}, locale));
        }
        List<BigDecimal> current = trend.thisYear();
        List<BigDecimal> previous = trend.lastYear();
        String thisYear = messages.getMessage("indicator.chart.year", new Object[]{String.valueOf(year)}, locale);
        String lastYear = messages.getMessage("indicator.chart.year", new Object[]{String.valueOf(year - 1)}, locale);
        return Map.of("animation", false, "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("data", List.of(thisYear, lastYear)),
                "grid", Map.of("left", 50, "right", 10, "top", 30, "bottom", 30),
                "xAxis", Map.of("type", "category", "data", months),
                "yAxis", Map.of("type", "value", "name", indicator.unit()),
                "series", List.of(
                        Map.of("name", thisYear, "type", "line", "data", current, "itemStyle", Map.of("color", "#1d4f91")),
                        Map.of("name", lastYear, "type", "line", "data", previous, "lineStyle", Map.of("type", "dashed"),
                                "itemStyle", Map.of("color", "#98a2b3"))));
    }

    private Map<String, Object> gauge(Targets.Progress p, Locale locale) {
        String color = switch (p.status()) {
            case GREEN -> "#067647";
            case AMBER -> "#b54708";
            case RED -> "#b42318";
            case NO_DATA -> "#98a2b3";
        };
        double completion = p.completionPercent().doubleValue();
        Map<String, Object> series = Map.ofEntries(Map.entry("type", "gauge"), Map.entry("min", 0), Map.entry("max", 120),
                Map.entry("progress", Map.of("show", true, "itemStyle", Map.of("color", color))),
                Map.entry("axisLine", Map.of("lineStyle", Map.of("width", 10))),
                Map.entry("axisLabel", Map.of("show", false)), Map.entry("splitLine", Map.of("show", false)),
                Map.entry("axisTick", Map.of("show", false)), Map.entry("pointer", Map.of("show", false)),
                Map.entry("detail", Map.of("formatter", "{value}%", "fontSize", 18, "offsetCenter", List.of(0, "10%"))),
                Map.entry("title", Map.of("offsetCenter", List.of(0, "45%"), "fontSize", 12)),
                Map.entry("data", List.of(Map.of("value", completion, "name", name(p.indicator(), locale)))));
        return Map.of("animation", false, "series", List.of(series));
    }
}
