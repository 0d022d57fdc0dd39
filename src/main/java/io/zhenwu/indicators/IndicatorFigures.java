package io.zhenwu.indicators;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query API the reports read: "indicator X for the subtree of org unit Y in period Z", with the value rounded
 * per the indicator, the raw value, the year-on-year growth, where it came from and — when it is one entered value —
 * its revision. A yearly period of a monthly indicator combines the months in SQL; a derived indicator evaluates its
 * formula over the same org unit and period. No value is "no value" with the reason, never 0.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorFigures {

    /** One figure. {@code dataValueId} and {@code revision} are set when the figure is a single entered value. */
    public record Figure(Indicator indicator, String orgUnitCode, Period period, BigDecimal value, BigDecimal rawValue,
                         Growth growth, Long dataValueId, Integer revision, DataValue.ValueSource valueSource, String noValueKey) {
        public boolean hasValue() {
            return value != null;
        }
    }

    private final Indicators indicators;
    private final DataValues values;
    private final ValidationRules rules;
    private final OrgUnits orgUnits;

    IndicatorFigures(Indicators indicators, DataValues values, ValidationRules rules, OrgUnits orgUnits) {
        this.indicators = indicators;
        this.values = values;
        this.rules = rules;
        this.orgUnits = orgUnits;
    }

    public Figure figure(DataScope scope, String indicatorCode, String orgUnitCode, Period period) {
        Indicator indicator = indicators.get(indicatorCode);
        OrgUnit org = orgUnits.findByCode(scope, orgUnitCode).orElseThrow(() -> new NotFoundException("org_unit", orgUnitCode));
        Optional<BigDecimal> raw = raw(scope, indicator, org, period);
        Optional<BigDecimal> previous = raw(scope, indicator, org, period.yearEarlier());
        Optional<DataValue> own = indicator.derived() || indicator.periodType() != period.type() ? Optional.empty()
                : values.find(scope, indicator.code(), org.id(), period);
        BigDecimal value = raw.map(indicator::round).orElse(null);
        Growth growth = Growth.of(indicator, value, previous.map(indicator::round).orElse(null),
                own.map(DataValue::reportedGrowth).orElse(null));
        return new Figure(indicator, org.code(), period, value, raw.orElse(null), growth, own.map(DataValue::id).orElse(null),
                own.map(DataValue::revision).orElse(null), own.map(DataValue::source).orElse(null),
                raw.isEmpty() ? "indicator.figure.noValue" : null);
    }

    private Optional<BigDecimal> raw(DataScope scope, Indicator indicator, OrgUnit org, Period period) {
        if (indicator.derived()) {
            Map<String, Indicator> byCode = new HashMap<>();
            indicators.all().forEach(i -> byCode.put(i.code(), i));
            return rules.evaluate(scope, org, period, indicator.formula(), byCode, 0);
        }
        if (indicator.periodType() == period.type()) {
            return values.aggregate(scope, indicator, org.path(), period);
        }
        if (period.type() == PeriodType.YEAR) {
            return values.yearToDate(scope, indicator, org.path(), period.year(), new Period(indicator.periodType(),
                    period.end().minusMonths(indicator.periodType().months())).start());
        }
        return Optional.empty();
    }

    /** Several figures of one org unit and period (a report section). */
    public List<Figure> figures(DataScope scope, List<String> codes, String orgUnitCode, Period period) {
        return codes.stream().map(code -> figure(scope, code, orgUnitCode, period)).toList();
    }
}
