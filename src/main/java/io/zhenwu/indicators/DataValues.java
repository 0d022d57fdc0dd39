package io.zhenwu.indicators;

import io.zhenwu.indicators.IndicatorEvents.DataValueSaved;
import io.zhenwu.indicators.IndicatorEvents.PeriodLocked;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * 数据值: entering and revising values (every change kept as a revision), period locks, series and growth for an
 * org unit's subtree. A value with more decimals than its indicator allows is refused, not rounded: the person
 * entering it copies a published number, and silent rounding would hide a typing error.
 */
@Service
@Transactional
public class DataValues {

    /** A reported growth rate (percent) the column holds: NUMERIC(12, 4) keeps less than 10^8. */
    private static final BigDecimal MAX_GROWTH = new BigDecimal("1E8");

    private final DataValueRepository repository;
    private final Indicators indicators;
    private final OrgUnits orgUnits;
    private final ValidationRules validation;
    private final ApplicationEventPublisher events;

    DataValues(DataValueRepository repository, Indicators indicators, OrgUnits orgUnits, ValidationRules validation,
               ApplicationEventPublisher events) {
        this.repository = repository;
        this.indicators = indicators;
        this.orgUnits = orgUnits;
        this.validation = validation;
        this.events = events;
    }

    /** What a batch save did and which non-blocking rules now warn. */
    public record SaveResult(List<DataValue> saved, List<ValidationRules.Violation> warnings) {
    }

    /**
     * Saves a batch all-or-nothing: every value is checked (indicator, org unit in scope, period type, decimals,
     * lock, version) and the blocking validation rules that read the values written must hold afterwards; otherwise
     * nothing is written. The warnings are the non-blocking rules among those that are broken.
     */
    public SaveResult save(Actor actor, List<ValueInput> inputs) {
        DataScope scope = actor.scope();
        List<FieldViolation> problems = new ArrayList<>();
        List<DataValue> saved = new ArrayList<>();
        // Per org unit and period, the indicators this batch wrote there.
        Map<String, Touched> touched = new TreeMap<>();
        // A batch names the same indicators, units and periods again and again: look each up once.
        Map<String, Optional<Indicator>> catalogue = new HashMap<>();
        Map<String, Optional<OrgUnit>> units = new HashMap<>();
        Map<String, Boolean> locks = new HashMap<>();
        List<Checked> checked = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ValueInput in = inputs.get(i);
            String prefix = inputs.size() == 1 ? "" : "values[" + i + "].";
            int before = problems.size();
            Indicator indicator = catalogue.computeIfAbsent(String.valueOf(in.indicatorCode()), c -> indicators.find(in.indicatorCode())).orElse(null);
            if (indicator == null) {
                problems.add(FieldViolation.of(prefix + "indicatorCode", "indicator.unknown", in.indicatorCode()));
            } else if (indicator.derived()) {
                problems.add(FieldViolation.of(prefix + "indicatorCode", "indicator.derived.readOnly", indicator.code()));
            }
            OrgUnit org = in.orgUnitCode() == null ? null
                    : units.computeIfAbsent(in.orgUnitCode(), c -> orgUnits.findByCode(scope, c)).orElse(null);
            if (org == null) {
                problems.add(FieldViolation.of(prefix + "orgUnitCode", "registry.orgUnit.notFound", in.orgUnitCode()));
            }
            Period period = null;
            try {
                period = Period.parse(prefix + "period", in.period());
            } catch (InvalidInputException e) {
                problems.addAll(e.violations());
            }
            if (indicator != null && period != null && period.type() != indicator.periodType()) {
                problems.add(FieldViolation.of(prefix + "period", "indicator.period.type", in.period(),
                        new org.springframework.context.support.DefaultMessageSourceResolvable(indicator.periodType().messageKey())));
            }
            if (indicator != null) {
                checkValue(prefix, indicator, in.value(), problems);
            }
            if (in.reportedGrowth() != null && in.reportedGrowth().abs().compareTo(MAX_GROWTH) >= 0) {
                problems.add(FieldViolation.of(prefix + "reportedGrowth", "indicator.growth.tooLarge"));
            }
            if (problems.size() > before) {
                continue;
            }
            Period p = period;
            if (locks.computeIfAbsent(org.path() + "|" + period, k -> repository.locked(org.path(), p))) {
                problems.add(FieldViolation.of(prefix + "period", "indicator.period.locked", period.toString(), org.name()));
                continue;
            }
            checked.add(new Checked(in, indicator, org, period, DataValueRepository.key(indicator.code(), org.id(), period)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // The values already there, read once for the batch (not once per value); a value this batch writes replaces
        // its entry, so naming the same value twice behaves as two saves one after the other.
        Map<String, DataValue> current = repository.findByKeys(scope, checked.stream().map(Checked::key).toList());
        for (Checked c : checked) {
            ValueInput in = c.input();
            DataValue old = current.get(c.key());
            DataValue.ValueSource source = in.source() == null ? DataValue.ValueSource.DEPARTMENT : in.source();
            DataValue after;
            if (old == null) {
                if (in.version() != null) {
                    throw new ConflictException("conflict.stale", null);
                }
                Instant at = Times.now();
                long id = repository.insert(c.indicator().code(), c.org().id(), c.period(), in.value(), in.reportedGrowth(), source,
                        in.comment(), actor.username(), at);
                after = written(id, c, in, source, actor.username(), at)
                        .orElseGet(() -> repository.find(scope, c.indicator().code(), c.org().id(), c.period()).orElseThrow());
                events.publishEvent(new DataValueSaved(null, after, c.org().path()));
            } else {
                if (in.version() == null || in.version() != old.version()) {
                    // Someone saved in between: show them the value that is there now.
                    throw new ConflictException("conflict.stale", old);
                }
                if (old.value().compareTo(in.value()) == 0 && java.util.Objects.equals(old.reportedGrowth(), in.reportedGrowth())
                        && old.source() == source && java.util.Objects.equals(old.comment(), in.comment())) {
                    saved.add(old);
                    continue;
                }
                repository.update(scope, old.id(), old.version(), in.value(), in.reportedGrowth(), source, in.comment(), actor.username());
                after = repository.find(scope, c.indicator().code(), c.org().id(), c.period()).orElseThrow();
                events.publishEvent(new DataValueSaved(old, after, c.org().path()));
            }
            current.put(c.key(), after);
            saved.add(after);
            touched.computeIfAbsent(c.org().id() + "|" + c.period(), k -> new Touched(c.org(), c.period(), new HashSet<>()))
                    .indicators().add(c.indicator().code());
        }
        // Only the rules that read what the batch wrote (through derived indicators too) can have changed, as in the
        // import pipeline: a rule broken before by other values neither blocks nor warns about this save.
        List<ValidationRules.Violation> warnings = new ArrayList<>();
        Map<ValidationRules.Rule, Set<String>> rules = touched.isEmpty() ? Map.of() : validation.activeRules();
        for (Touched t : touched.values()) {
            List<ValidationRules.Rule> relevant = ValidationRules.reading(rules, t.period().type(), t.indicators());
            if (relevant.isEmpty()) {
                continue;
            }
            for (ValidationRules.Violation v : validation.check(scope, t.org(), t.period(), relevant)) {
                if (v.rule().blocking()) {
                    throw new InvalidInputException("values", "indicator.validation.blocked", v.rule().name(),
                            v.leftValue() == null ? "—" : v.leftValue().toPlainString(), v.rule().operatorSymbol(),
                            v.rightValue() == null ? "—" : v.rightValue().toPlainString());
                }
                warnings.add(v);
            }
        }
        return new SaveResult(saved, warnings);
    }

    /** An org unit and period a batch wrote values for, and the indicators it wrote there. */
    private record Touched(OrgUnit org, Period period, Set<String> indicators) {
    }

    /** An input that passed the per-value checks, with what it names. */
    private record Checked(ValueInput input, Indicator indicator, OrgUnit org, Period period, String key) {
    }

    /**
     * The row as the insert wrote it, without reading it back: the columns hold the value at scale 6 and the growth at
     * scale 4. Empty when the growth has more decimals, which the database rounds: then the row is read back.
     */
    private static Optional<DataValue> written(long id, Checked c, ValueInput in, DataValue.ValueSource source, String by, Instant at) {
        BigDecimal growth = in.reportedGrowth();
        if (growth != null && growth.stripTrailingZeros().scale() > 4) {
            return Optional.empty();
        }
        return Optional.of(new DataValue(id, c.indicator().code(), c.org().id(), c.org().code(), c.period(), in.value().setScale(6),
                growth == null ? null : growth.setScale(4), source, in.comment(), 1, 0, by, at));
    }

    /** A value (or a target) that the value columns hold: present, within the indicator's decimals and below 10^17. */
    static void checkValue(String prefix, Indicator indicator, BigDecimal value, List<FieldViolation> problems) {
        if (value == null) {
            problems.add(FieldViolation.of(prefix + "value", "indicator.value.required"));
            return;
        }
        if (value.stripTrailingZeros().scale() > indicator.decimals()) {
            problems.add(FieldViolation.of(prefix + "value", "indicator.value.decimals", value.toPlainString(), indicator.decimals()));
        }
        if (indicator.valueType() == Indicator.ValueType.COUNT && value.signum() < 0) {
            problems.add(FieldViolation.of(prefix + "value", "indicator.value.negative", value.toPlainString()));
        }
        if (value.abs().compareTo(new BigDecimal("1E17")) >= 0) {
            problems.add(FieldViolation.of(prefix + "value", "indicator.value.tooLarge"));
        }
    }

    /** Locks a period for an org unit's subtree (sign-off); later writes are refused. */
    public void lock(Actor actor, String orgUnitCode, String period) {
        if (orgUnitCode == null || orgUnitCode.isBlank()) {
            throw new InvalidInputException("orgUnitCode", "indicator.field.required");
        }
        OrgUnit org = orgUnits.findByCode(actor.scope(), orgUnitCode).orElseThrow(() -> new NotFoundException("org_unit", orgUnitCode));
        Period p = Period.parse("period", period);
        if (!repository.locked(org.path(), p)) {
            repository.lock(org.id(), p, actor.username());
            events.publishEvent(new PeriodLocked(org.id(), p.toString(), org.path()));
        }
    }

    @Transactional(readOnly = true)
    public Optional<DataValue> find(DataScope scope, String indicator, long orgUnitId, Period period) {
        return repository.find(scope, indicator, orgUnitId, period);
    }

    @Transactional(readOnly = true)
    public List<DataValue> values(DataScope scope, long orgUnitId, PeriodType type, LocalDate from, LocalDate to) {
        return repository.list(scope, orgUnitId, type, from, to);
    }

    /** Streams the scope's values for exports (read-only transaction: the cursor streams). */
    @Transactional(readOnly = true)
    public void forEach(DataScope scope, String indicator, String orgCode, java.util.function.Consumer<DataValue> consumer) {
        repository.export(scope, blank(indicator), blank(orgCode), consumer);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Transactional(readOnly = true)
    public List<DataValue.Revision> revisions(DataScope scope, long dataValueId) {
        return repository.revisions(scope, dataValueId);
    }

    /** The value as reported on a date: the latest revision entered by then. */
    @Transactional(readOnly = true)
    public Optional<DataValue.Revision> asReportedOn(DataScope scope, String indicator, long orgUnitId, Period period, Instant asOf) {
        return repository.asOf(scope, indicator, orgUnitId, period, asOf);
    }

    /** One point of a series: the subtree's value and its year-on-year change. */
    public record Point(Period period, BigDecimal value, BigDecimal previousYear, Growth growth, long valuesCounted) {
    }

    /** The indicator over the org unit's subtree, period by period in [from, to), with YoY growth. */
    @Transactional(readOnly = true)
    public List<Point> series(DataScope scope, String indicatorCode, String orgUnitCode, Period from, Period to) {
        Indicator indicator = indicators.get(indicatorCode);
        OrgUnit org = orgUnits.findByCode(scope, orgUnitCode).orElseThrow(() -> new NotFoundException("org_unit", orgUnitCode));
        // The periods and the same periods a year earlier in one statement: [from − 1 year, to) covers both.
        var both = repository.series(scope, indicator.code(), org.path(), indicator.periodType(), from.start().minusYears(1),
                to.start(), indicator.orgAggregation());
        Map<LocalDate, BigDecimal> before = new TreeMap<>();
        both.stream().filter(a -> a.periodStart().isBefore(to.start().minusYears(1)))
                .forEach(a -> before.put(a.periodStart().plusYears(1), a.value()));
        List<Point> points = new ArrayList<>();
        for (var a : both) {
            if (a.periodStart().isBefore(from.start())) {
                continue;
            }
            Period p = new Period(indicator.periodType(), a.periodStart());
            BigDecimal value = indicator.round(a.value());
            BigDecimal last = indicator.round(before.get(a.periodStart()));
            BigDecimal reported = a.count() == 1 ? repository.find(scope, indicator.code(), org.id(), p)
                    .map(DataValue::reportedGrowth).orElse(null) : null;
            points.add(new Point(p, value, last, Growth.of(indicator, value, last, reported), a.count()));
        }
        return points;
    }

    /** Each direct child's value for one period (a county leader's side-by-side view of its towns). */
    @Transactional(readOnly = true)
    public List<DataValueRepository.ChildAggregate> byChild(DataScope scope, String indicatorCode, String orgUnitCode, Period period) {
        Indicator indicator = indicators.get(indicatorCode);
        OrgUnit org = orgUnits.findByCode(scope, orgUnitCode).orElseThrow(() -> new NotFoundException("org_unit", orgUnitCode));
        return repository.byChild(scope, indicator.code(), org.path(), org.id(), period, indicator.orgAggregation());
    }

    /** The subtree's value for one period (own value, or the top-most values below it), unrounded; empty if none. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> aggregate(DataScope scope, Indicator indicator, String orgPath, Period period) {
        return repository.series(scope, indicator.code(), orgPath, period.type(), period.start(), period.end(),
                indicator.orgAggregation()).stream().findFirst().map(DataValueRepository.Aggregate::value);
    }

    /** Year-to-date over the periods of a year up to and including {@code lastPeriodStart}, combined in SQL. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> yearToDate(DataScope scope, Indicator indicator, String orgPath, int year, LocalDate lastPeriodStart) {
        return repository.combined(scope, indicator.code(), orgPath, indicator.periodType(), LocalDate.of(year, 1, 1),
                lastPeriodStart.plusDays(1), indicator.orgAggregation(), indicator.periodAggregation());
    }

    /**
     * Year to date of several indicators at once (a target board), in one grouped statement: for each indicator the
     * periods of {@code year} up to and including the last complete period of its type in {@code lastPeriods}, each
     * aggregated over the org units in SQL as {@link #yearToDate} aggregates them, then combined as the indicator
     * combines periods — sum, maximum and last period exactly as SQL would; the average of (at most twelve) periods in
     * 34 significant digits, which rounds to the indicator's decimals as SQL's average does. Indicators without a
     * value, or whose type has no complete period, are absent. Values are not rounded.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> yearToDate(DataScope scope, Collection<Indicator> indicators, String orgPath, int year,
                                              Map<PeriodType, Period> lastPeriods) {
        Map<PeriodType, LocalDate> ends = new EnumMap<>(PeriodType.class);
        lastPeriods.forEach((type, last) -> ends.put(type, last.start().plusDays(1)));
        Map<String, List<BigDecimal>> periods = new HashMap<>();
        for (var p : repository.perPeriod(scope, orgPath, indicators, LocalDate.of(year, 1, 1), ends)) {
            periods.computeIfAbsent(p.indicatorCode(), k -> new ArrayList<>()).add(p.value());
        }
        Map<String, BigDecimal> result = new HashMap<>();
        for (Indicator i : indicators) {
            List<BigDecimal> values = i.derived() || !lastPeriods.containsKey(i.periodType()) ? null : periods.get(i.code());
            if (values == null || values.isEmpty()) {
                continue;
            }
            result.put(i.code(), switch (i.periodAggregation()) {
                case SUM -> values.stream().reduce(BigDecimal::add).orElseThrow();
                case MAX -> values.stream().max(BigDecimal::compareTo).orElseThrow();
                case LAST -> values.get(values.size() - 1);
                case AVERAGE -> values.stream().reduce(BigDecimal::add).orElseThrow()
                        .divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128);
            });
        }
        return result;
    }

    /** A monthly indicator's twelve months of a year and of the year before (null where there is no value). */
    public record MonthlyTrend(List<BigDecimal> thisYear, List<BigDecimal> lastYear) {

        /** No value in any month (also the trend of a derived indicator, which has no stored values). */
        public static MonthlyTrend empty() {
            return new MonthlyTrend(new ArrayList<>(java.util.Collections.nCopies(12, null)),
                    new ArrayList<>(java.util.Collections.nCopies(12, null)));
        }
    }

    /**
     * The trend charts of a target board: for each stored monthly indicator, its months of {@code year} and of the year
     * before over the subtree of {@code orgPath}, aggregated and rounded as {@link #series} does — for all of them in
     * one statement (two when a value is shadowed by one higher up) instead of a series per indicator.
     */
    @Transactional(readOnly = true)
    public Map<String, MonthlyTrend> monthlyTrends(DataScope scope, Collection<Indicator> indicators, String orgPath, int year) {
        Map<String, Indicator> monthly = new LinkedHashMap<>();
        indicators.stream().filter(i -> i.periodType() == PeriodType.MONTH && !i.derived()).forEach(i -> monthly.put(i.code(), i));
        Map<String, MonthlyTrend> trends = new LinkedHashMap<>();
        monthly.keySet().forEach(code -> trends.put(code, MonthlyTrend.empty()));
        for (var p : repository.perPeriod(scope, orgPath, monthly.values(), LocalDate.of(year - 1, 1, 1),
                Map.of(PeriodType.MONTH, LocalDate.of(year + 1, 1, 1)))) {
            MonthlyTrend trend = trends.get(p.indicatorCode());
            List<BigDecimal> months = p.periodStart().getYear() == year ? trend.thisYear() : trend.lastYear();
            months.set(p.periodStart().getMonthValue() - 1, monthly.get(p.indicatorCode()).round(p.value()));
        }
        return trends;
    }

    /**
     * 汇总对比: every stored indicator of the period's type for each direct child of the org unit, side by side (a
     * county leader's towns), in one statement grouped by child and indicator (after one cheap probe whether any value
     * is shadowed by one higher up). Per indicator (catalogue order) the children in code order, each with its value
     * or null — the same numbers as {@link #byChild} gives for each indicator.
     */
    @Transactional(readOnly = true)
    public Map<String, List<DataValueRepository.ChildAggregate>> rollup(DataScope scope, String orgUnitCode, Period period) {
        OrgUnit org = orgUnits.findByCode(scope, orgUnitCode).orElseThrow(() -> new NotFoundException("org_unit", orgUnitCode));
        List<Indicator> stored = indicators.all().stream().filter(i -> !i.derived() && i.periodType() == period.type()).toList();
        List<OrgUnit> children = orgUnits.children(scope, org.id()); // in code order, as byChild lists them
        Map<String, BigDecimal> values = new HashMap<>();
        Map<String, Indicator> byCode = new HashMap<>();
        stored.forEach(i -> byCode.put(i.code(), i));
        for (var r : repository.rollup(scope, org.path(), org.id(), period)) {
            Indicator i = byCode.get(r.indicatorCode());
            if (i == null) {
                continue;
            }
            values.put(r.indicatorCode() + "|" + r.orgUnitId(),
                    i.orgAggregation() == Indicator.OrgAggregation.AVERAGE ? r.average() : r.sum());
        }
        Map<String, List<DataValueRepository.ChildAggregate>> rollup = new LinkedHashMap<>();
        for (Indicator i : stored) {
            rollup.put(i.code(), children.stream().map(c -> new DataValueRepository.ChildAggregate(c.id(), c.code(), c.name(),
                    values.get(i.code() + "|" + c.id()))).toList());
        }
        return rollup;
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole, int decimals) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, decimals + 6, RoundingMode.HALF_EVEN)
                .setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
