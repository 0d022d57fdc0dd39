package io.zhenwu.indicators;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.figures.CountedRecord;
import io.zhenwu.shared.figures.FigureDefinition;
import io.zhenwu.shared.figures.FigureKind;
import io.zhenwu.shared.figures.FigurePeriod;
import io.zhenwu.shared.figures.FigureProvider;
import io.zhenwu.shared.figures.FigureRequest;
import io.zhenwu.shared.figures.FigureValue;
import io.zhenwu.shared.figures.Fingerprint;
import io.zhenwu.shared.figures.LocalizedText;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indicators module's figures: {@code indicators.<code>} for every indicator of the catalogue (the value of the
 * org unit's subtree in the period, as {@link IndicatorFigures} computes it, with its source, revision and growth —
 * the published comparable-price rate where there is one, 百分点 for rates), and {@code indicators.<code>.target}
 * for the org unit's 预期目标 of the period's year. The records behind a figure are its data values with their
 * revisions; the fingerprint hashes their ids and revision numbers, so a revised value shows up as a change.
 */
@Component
@Transactional(readOnly = true)
class IndicatorFigureProvider implements FigureProvider {

    static final String PREFIX = "indicators.";
    static final String TARGET = ".target";
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]*");

    private final Indicators indicators;
    private final IndicatorFigures figures;
    private final IndicatorFigureRepository repository;
    private final OrgUnits orgUnits;

    IndicatorFigureProvider(Indicators indicators, IndicatorFigures figures, IndicatorFigureRepository repository, OrgUnits orgUnits) {
        this.indicators = indicators;
        this.figures = figures;
        this.repository = repository;
        this.orgUnits = orgUnits;
    }

    @Override
    public List<FigureDefinition> definitions() {
        List<FigureDefinition> list = new ArrayList<>();
        for (Indicator i : indicators.all()) {
            FigureKind kind = i.valueType() == Indicator.ValueType.RATE ? FigureKind.RATE
                    : i.valueType() == Indicator.ValueType.COUNT ? FigureKind.COUNT : FigureKind.VALUE;
            String definition = (i.definition() == null ? "" : i.definition()) + (i.derived() ? "（" + i.formula() + "）" : "");
            list.add(new FigureDefinition(PREFIX + i.code(), new LocalizedText(i.nameZh(), i.nameEn()),
                    new LocalizedText(definition, definition), i.unit(), kind, Set.of(), false));
            list.add(new FigureDefinition(PREFIX + i.code() + TARGET, new LocalizedText(i.nameZh() + "（预期目标）", i.nameEn() + " (target)"),
                    new LocalizedText("本单位该年度设定的预期目标值：" + definition, "The org unit's target for the year: " + definition),
                    i.unit(), kind, Set.of(), false));
        }
        return list;
    }

    private record Parsed(Indicator indicator, boolean target) {
    }

    private Parsed parse(FigureRequest request) {
        String code = request.code();
        if (!code.startsWith(PREFIX)) {
            throw new NotFoundException("figure", code);
        }
        String rest = code.substring(PREFIX.length());
        boolean target = rest.endsWith(TARGET);
        if (target) {
            rest = rest.substring(0, rest.length() - TARGET.length());
        }
        Indicator indicator = indicators.find(rest).orElseThrow(() -> new NotFoundException("figure", code));
        if (!request.filters().isEmpty()) {
            throw new InvalidInputException(request.filters().keySet().iterator().next(), "indicator.figure.filter",
                    request.filters().keySet().iterator().next(), code);
        }
        return new Parsed(indicator, target);
    }

    @Override
    public FigureValue compute(DataScope scope, FigureRequest request) {
        Parsed p = parse(request);
        Indicator indicator = p.indicator();
        if (p.target()) {
            OrgUnit org = org(scope, request.orgUnitCode());
            return repository.target(scope, indicator.code(), org.code(), request.period().year())
                    .map(t -> new FigureValue(request, indicator.round(t.value()), indicator.unit(), "indicator.figure.source.target",
                            null, false, false, t.id(), null, null))
                    .orElseGet(() -> new FigureValue(request, null, indicator.unit(), "indicator.figure.source.target", null, false,
                            false, null, null, "indicator.figure.noTarget"));
        }
        IndicatorFigures.Figure f = figures.figure(scope, indicator.code(), request.orgUnitCode(),
                Period.parse("period", request.period().text()));
        Growth g = f.growth();
        boolean hasGrowth = g != null && g.kind() != Growth.Kind.NONE && g.value() != null;
        String source = f.valueSource() != null ? f.valueSource().messageKey()
                : indicator.derived() ? "indicator.figure.source.computed" : "indicator.figure.source.aggregate";
        return new FigureValue(request, f.rawValue(), indicator.unit(), source, hasGrowth ? g.value() : null,
                hasGrowth && g.kind() == Growth.Kind.POINTS, hasGrowth && g.kind() == Growth.Kind.REPORTED, f.dataValueId(),
                f.revision(), f.hasValue() ? null : f.noValueKey());
    }

    @Override
    public PageResult<CountedRecord> records(DataScope scope, FigureRequest request, PageQuery page) {
        Parsed p = parse(request);
        OrgUnit org = org(scope, request.orgUnitCode());
        if (p.target()) {
            var t = repository.target(scope, p.indicator().code(), org.code(), request.period().year());
            List<CountedRecord> rows = t.map(row -> List.of(new CountedRecord(row.id(), org.name() + " " + request.period().year(),
                    request.period().from(), p.indicator().nameZh() + " " + row.comparator() + " " + row.value().stripTrailingZeros()
                    .toPlainString() + " " + p.indicator().unit() + (row.wording() == null ? "" : "（" + row.wording() + "）"),
                    "/indicators?org=" + org.code() + "&year=" + request.period().year()))).orElse(List.of());
            return new PageResult<>(page.page() == 0 ? rows : List.of(), page.page(), page.size(), rows.size());
        }
        FigurePeriod period = request.period();
        java.util.Map<String, String> units = new java.util.HashMap<>();
        Set<String> codes = inputs(p.indicator());
        codes.forEach(c -> units.put(c, indicators.find(c).map(Indicator::unit).orElse("")));
        return repository.values(scope, codes, org.path(), period.from(), period.to(), page)
                .map(v -> new CountedRecord(v.id(), v.orgName() + " · " + v.indicatorCode() + " · " + label(v),
                        v.periodStart(), v.value().stripTrailingZeros().toPlainString() + " " + units.get(v.indicatorCode())
                        + " · r" + v.revision(), "/indicators/" + v.indicatorCode() + "?org=" + v.orgCode() + "&year="
                        + v.periodStart().getYear()));
    }

    @Override
    public Fingerprint fingerprint(DataScope scope, FigureRequest request) {
        Parsed p = parse(request);
        OrgUnit org = org(scope, request.orgUnitCode());
        if (p.target()) {
            var t = repository.target(scope, p.indicator().code(), org.code(), request.period().year());
            return t.map(row -> Fingerprint.builder().add(row.id()).build()).orElseGet(() -> Fingerprint.builder().build());
        }
        return repository.fingerprint(scope, inputs(p.indicator()), org.path(), request.period().from(), request.period().to());
    }

    private OrgUnit org(DataScope scope, String code) {
        return orgUnits.findByCode(scope, code).orElseThrow(() -> new NotFoundException("org_unit", code));
    }

    /** The indicator itself, or for a derived one the indicators its formula names. */
    private Set<String> inputs(Indicator indicator) {
        Set<String> codes = new LinkedHashSet<>();
        if (!indicator.derived()) {
            codes.add(indicator.code());
            return codes;
        }
        Matcher m = WORD.matcher(indicator.formula());
        while (m.find()) {
            if (indicators.find(m.group()).isPresent()) {
                codes.add(m.group());
            }
        }
        if (codes.isEmpty()) {
            codes.add(indicator.code());
        }
        return codes;
    }

    private static String label(IndicatorFigureRepository.ValueRow v) {
        return new Period(PeriodType.valueOf(v.periodType()), v.periodStart()).toString();
    }
}
