package io.zhenwu.cases;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.figures.CountedRecord;
import io.zhenwu.shared.figures.FigureDefinition;
import io.zhenwu.shared.figures.FigureProvider;
import io.zhenwu.shared.figures.FigureRequest;
import io.zhenwu.shared.figures.FigureValue;
import io.zhenwu.shared.figures.Fingerprint;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases module's one {@link FigureProvider}: every figure any case type declares ({@link CaseFigureCatalogue}),
 * each computed by one SQL statement over the org subtree and period, with the counted cases listable and
 * fingerprinted.
 */
@Service
@Transactional(readOnly = true)
class CaseFigures implements FigureProvider {

    private final Map<String, CaseFigure> figures = new LinkedHashMap<>();
    private final CaseFigureRepository repository;
    private final OrgUnits orgUnits;

    CaseFigures(List<CaseFigureCatalogue> catalogues, CaseFigureRepository repository, OrgUnits orgUnits) {
        this.repository = repository;
        this.orgUnits = orgUnits;
        for (CaseFigureCatalogue catalogue : catalogues) {
            for (CaseFigure f : catalogue.figures()) {
                if (figures.put(f.code(), f) != null) {
                    throw new IllegalStateException("case figure " + f.code() + " is declared twice");
                }
            }
        }
    }

    @Override
    public List<FigureDefinition> definitions() {
        return figures.values().stream().map(CaseFigure::definition).toList();
    }

    @Override
    public FigureValue compute(DataScope scope, FigureRequest request) {
        CaseFigure f = figure(request);
        OrgUnit org = org(scope, request);
        Map<String, Object> filters = filters(f, request);
        CaseFigureRepository.Totals t = repository.totals(scope, f, org.path(), request.period().from(), request.period().to(), filters);
        BigDecimal value;
        if (f.numerator() != null) {
            value = t.denominator() == 0 ? null : BigDecimal.valueOf(t.numerator()).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(t.denominator()), 4, RoundingMode.HALF_EVEN);
        } else if (f.sum() == null) {
            value = BigDecimal.valueOf(t.count());
        } else {
            value = t.total() == null ? (f.average() ? null : BigDecimal.ZERO) : t.total();
        }
        if (value == null) {
            return new FigureValue(request, null, f.definition().unit(), FigureValue.RECORDS, null, false, false, null, null,
                    "case.figure.noCases");
        }
        return FigureValue.counted(request, value, f.definition().unit());
    }

    @Override
    public PageResult<CountedRecord> records(DataScope scope, FigureRequest request, PageQuery page) {
        CaseFigure f = figure(request);
        OrgUnit org = org(scope, request);
        return repository.records(scope, f, org.path(), request.period().from(), request.period().to(), filters(f, request), page);
    }

    @Override
    public Fingerprint fingerprint(DataScope scope, FigureRequest request) {
        CaseFigure f = figure(request);
        OrgUnit org = org(scope, request);
        return repository.fingerprint(scope, f, org.path(), request.period().from(), request.period().to(), filters(f, request));
    }

    private CaseFigure figure(FigureRequest request) {
        CaseFigure f = figures.get(request.code());
        if (f == null) {
            throw new NotFoundException("figure", request.code());
        }
        return f;
    }

    private OrgUnit org(DataScope scope, FigureRequest request) {
        return orgUnits.findByCode(scope, request.orgUnitCode()).orElseThrow(() -> new NotFoundException("org_unit", request.orgUnitCode()));
    }

    private static Map<String, Object> filters(CaseFigure f, FigureRequest request) {
        Map<String, Object> params = new HashMap<>();
        for (Map.Entry<String, String> e : request.filters().entrySet()) {
            if (!f.filters().containsKey(e.getKey())) {
                throw new InvalidInputException("filters." + e.getKey(), "case.figure.filter", e.getKey(), f.code(),
                        String.join(", ", f.filters().keySet()));
            }
            params.put(e.getKey(), e.getValue());
        }
        return params;
    }
}
