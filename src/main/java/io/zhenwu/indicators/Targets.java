package io.zhenwu.indicators;

import io.zhenwu.indicators.IndicatorEvents.TargetSet;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 预期目标 and progress against them: are we on track? Completion = actual to date / target; 序时进度 = the share
 * of the year elapsed (completed months for monthly indicators, quarters for quarterly, days for yearly); the
 * status is green when completion keeps pace, amber within 5 points behind, red further behind. Point-in-time
 * indicators (优良率, PM2.5) are judged by their latest value against the target itself.
 */
@Service
@Transactional
public class Targets {

    /** How far behind schedule (in percentage points) is still amber. */
    static final BigDecimal AMBER_POINTS = BigDecimal.valueOf(5);

    private final TargetRepository repository;
    private final Indicators indicators;
    private final DataValues values;
    private final OrgUnits orgUnits;
    private final ApplicationEventPublisher events;
    private final IndicatorFigures figures;

    Targets(TargetRepository repository, Indicators indicators, DataValues values, OrgUnits orgUnits, ApplicationEventPublisher events,
            IndicatorFigures figures) {
        this.figures = figures;
        this.repository = repository;
        this.indicators = indicators;
        this.values = values;
        this.orgUnits = orgUnits;
        this.events = events;
    }

    /** Traffic light of a target. */
    public enum Status { GREEN, AMBER, RED, NO_DATA }

    /** A target with how it stands on {@code asOf}. */
    public record Progress(Target target, Indicator indicator, BigDecimal actual, BigDecimal completionPercent,
                           BigDecimal schedulePercent, Status status, LocalDate asOf, Period lastPeriod) {
    }

    /** A quarter's or month's part of a target, as given: {@code period} like {@code 2024Q1} or {@code 2024-03}. */
    public record SplitInput(String period, BigDecimal value) {
    }

    /** Sets (or changes, with the version last seen) an org unit's target for a year. */
    public Target set(Actor actor, String indicatorCode, String orgUnitCode, int year, Target.Comparator comparator, BigDecimal value,
                      String wording, Long version) {
        return set(actor, indicatorCode, orgUnitCode, year, comparator, value, wording, version, null);
    }

    /**
     * As above, optionally split by quarter or month (序时目标). A split's periods must be of a type the indicator is
     * reported at or can be added up to (a monthly indicator splits by month or quarter, a quarterly one by quarter,
     * a yearly one not at all), lie in the year, not repeat, and — for indicators that add up over the year — sum to
     * the target. Null keeps the splits as they are; an empty list removes them.
     */
    public Target set(Actor actor, String indicatorCode, String orgUnitCode, int year, Target.Comparator comparator, BigDecimal value,
                      String wording, Long version, List<SplitInput> splits) {
        Indicator indicator = indicators.find(indicatorCode)
                .orElseThrow(() -> new InvalidInputException("indicatorCode", "indicator.unknown", indicatorCode));
        OrgUnit org = orgUnits.findByCode(actor.scope(), orgUnitCode)
                .orElseThrow(() -> new InvalidInputException("orgUnitCode", "registry.orgUnit.notFound", orgUnitCode));
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "indicator.target.year", year);
        }
        List<FieldViolation> problems = new ArrayList<>();
        DataValues.checkValue("", indicator, value, problems);   // a target is bounded like the values it is compared with
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Target.Comparator cmp = comparator == null ? Target.Comparator.GE : comparator;
        Optional<Target> current = repository.find(actor.scope(), indicator.code(), org.id(), year);
        Target before = current.orElse(null);
        if (current.isEmpty()) {
            repository.insert(indicator.code(), org.id(), year, cmp, value, wording);
        } else if (version == null || current.get().version() != version
                || repository.update(actor.scope(), current.get().id(), version, cmp, value, wording) != 1) {
            throw new ConflictException("conflict.stale", current.get());
        }
        Target after = repository.find(actor.scope(), indicator.code(), org.id(), year).orElseThrow();
        if (splits != null) {
            repository.replaceSplits(after.id(), checkSplits(indicator, year, value, splits));
        }
        events.publishEvent(new TargetSet(before, after, org.path()));
        return after;
    }

    private static List<TargetRepository.Split> checkSplits(Indicator indicator, int year, BigDecimal total, List<SplitInput> splits) {
        List<TargetRepository.Split> parsed = new ArrayList<>();
        java.util.Set<Period> seen = new java.util.HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < splits.size(); i++) {
            String field = "splits[" + i + "]";
            Period p = Period.parse(field + ".period", splits.get(i).period());
            boolean allowed = p.type() != PeriodType.YEAR && p.type().months() >= indicator.periodType().months();
            if (!allowed) {
                throw new InvalidInputException(field + ".period", "indicator.target.splitType", p.toString(),
                        new org.springframework.context.support.DefaultMessageSourceResolvable(indicator.periodType().messageKey()));
            }
            if (p.year() != year || !seen.add(p)) {
                throw new InvalidInputException(field + ".period", "indicator.target.splitPeriod", p.toString(), year);
            }
            BigDecimal v = splits.get(i).value();
            List<FieldViolation> problems = new ArrayList<>();
            DataValues.checkValue(field + ".", indicator, v, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            sum = sum.add(v);
            parsed.add(new TargetRepository.Split(p, v));
        }
        if (!parsed.isEmpty() && indicator.periodAggregation() == Indicator.PeriodAggregation.SUM && sum.compareTo(total) != 0) {
            throw new InvalidInputException("splits", "indicator.target.splitSum", sum.toPlainString(), total.toPlainString());
        }
        parsed.sort(java.util.Comparator.comparing(TargetRepository.Split::period));
        return parsed;
    }

    /**
     * The org unit's targets for the year, each with its progress on {@code asOf}. A constant number of statements
     * whatever the number of targets: the targets, the catalogue, their splits, and the year to date of every stored
     * indicator in one statement grouped by indicator (after one cheap probe whether any value is shadowed by one
     * higher up). Only a target on a derived indicator evaluates its formula on its own (its inputs are other
     * indicators).
     */
    @Transactional(readOnly = true)
    public List<Progress> progress(DataScope scope, String orgUnitCode, int year, LocalDate asOf) {
        OrgUnit org = orgUnits.findByCode(scope, orgUnitCode).orElseThrow(() -> new NotFoundException("org_unit", orgUnitCode));
        List<Target> targets = repository.forOrgUnit(scope, org.id(), year);
        if (targets.isEmpty()) {
            return List.of();
        }
        Map<String, Indicator> catalogue = new HashMap<>();
        indicators.all().forEach(i -> catalogue.put(i.code(), i));
        Map<Long, List<TargetRepository.Split>> splits = repository.splitsForOrgUnit(scope, org.id(), year);
        Map<PeriodType, Period> lastPeriods = new EnumMap<>(PeriodType.class);
        for (PeriodType type : PeriodType.values()) {
            Period last = lastCompletePeriod(type, year, asOf);
            if (last != null) {
                lastPeriods.put(type, last);
            }
        }
        List<Indicator> boardIndicators = targets.stream().map(t -> catalogue.get(t.indicatorCode())).toList();
        Map<String, BigDecimal> actuals = values.yearToDate(scope, boardIndicators, org.path(), year, lastPeriods);
        List<Progress> board = new ArrayList<>();
        for (Target target : targets) {
            Indicator indicator = catalogue.get(target.indicatorCode());
            board.add(progress(scope, org, target, indicator, asOf, splits.getOrDefault(target.id(), List.of()),
                    lastPeriods.get(indicator.periodType()), Optional.ofNullable(actuals.get(indicator.code()))));
        }
        return board;
    }

    private Progress progress(DataScope scope, OrgUnit org, Target target, Indicator indicator, LocalDate asOf,
                              List<TargetRepository.Split> splits, Period last, Optional<BigDecimal> actual) {
        int year = target.year();
        if (indicator.derived()) {
            // A computed indicator (R&D ratio, 优良率) has a value for the whole year once its inputs do.
            var figure = figures.figure(scope, indicator.code(), org.code(), Period.year(year));
            BigDecimal schedule = schedulePercent(PeriodType.YEAR, year, asOf);
            if (!figure.hasValue() || asOf.isBefore(LocalDate.of(year, 12, 31))) {
                return new Progress(target, indicator, null, null, schedule, Status.NO_DATA, asOf, null);
            }
            return new Progress(target, indicator, figure.value(), DataValues.percent(figure.value(), target.value(), 1), null,
                    pointStatus(target.comparator(), figure.value(), target.value()), asOf, Period.year(year));
        }
        BigDecimal schedule = schedulePercent(indicator.periodType(), year, asOf);
        if (!splits.isEmpty()) {
            // 序时目标: the schedule is what the splits planned by now, not the share of the year elapsed.
            BigDecimal planned = splits.stream().filter(sp -> !sp.period().end().isAfter(asOf.plusDays(1)))
                    .map(TargetRepository.Split::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            schedule = DataValues.percent(planned, target.value(), 1);
        }
        if (last == null) {
            return new Progress(target, indicator, null, null, schedule, Status.NO_DATA, asOf, null);
        }
        if (actual.isEmpty()) {
            return new Progress(target, indicator, null, null, schedule, Status.NO_DATA, asOf, last);
        }
        BigDecimal value = indicator.round(actual.get());
        BigDecimal completion = DataValues.percent(value, target.value(), 1);
        boolean cumulative = indicator.periodAggregation() == Indicator.PeriodAggregation.SUM;
        Status status = cumulative ? cumulativeStatus(target.comparator(), completion, schedule)
                : pointStatus(target.comparator(), value, target.value());
        return new Progress(target, indicator, value, completion, cumulative ? schedule : null, status, asOf, last);
    }

    /** The last period of the year that has ended by {@code asOf} (null if none has). */
    static Period lastCompletePeriod(PeriodType type, int year, LocalDate asOf) {
        Period p = new Period(type, LocalDate.of(year, 1, 1));
        Period last = null;
        while (p.year() == year && !p.end().isAfter(asOf.plusDays(1))) {
            last = p;
            p = new Period(type, p.end());
        }
        return last;
    }

    /** 序时进度 in percent, one decimal: completed months (or quarters) of the year, or days for yearly indicators. */
    static BigDecimal schedulePercent(PeriodType type, int year, LocalDate asOf) {
        LocalDate start = LocalDate.of(year, 1, 1);
        if (asOf.isBefore(start)) {
            return BigDecimal.ZERO.setScale(1);
        }
        if (!asOf.isBefore(start.plusYears(1).minusDays(1))) {
            return BigDecimal.valueOf(100).setScale(1);
        }
        if (type == PeriodType.YEAR) {
            long days = ChronoUnit.DAYS.between(start, asOf) + 1;
            return BigDecimal.valueOf(days * 100).divide(BigDecimal.valueOf(start.lengthOfYear()), 1, RoundingMode.HALF_EVEN);
        }
        Period last = lastCompletePeriod(type, year, asOf);
        long months = last == null ? 0 : ChronoUnit.MONTHS.between(start, last.end());
        return BigDecimal.valueOf(months * 100L).divide(BigDecimal.valueOf(12), 1, RoundingMode.HALF_EVEN);
    }

    static Status cumulativeStatus(Target.Comparator comparator, BigDecimal completion, BigDecimal schedule) {
        if (completion == null) {
            return Status.NO_DATA;
        }
        BigDecimal behind = comparator == Target.Comparator.LE ? completion.subtract(schedule) : schedule.subtract(completion);
        if (comparator == Target.Comparator.EQ) {
            behind = behind.abs();
        }
        if (behind.signum() <= 0) {
            return Status.GREEN;
        }
        return behind.compareTo(AMBER_POINTS) <= 0 ? Status.AMBER : Status.RED;
    }

    static Status pointStatus(Target.Comparator comparator, BigDecimal actual, BigDecimal target) {
        int c = actual.compareTo(target);
        boolean met = switch (comparator) {
            case GE -> c >= 0;
            case LE -> c <= 0;
            case EQ -> c == 0;
        };
        if (met) {
            return Status.GREEN;
        }
        BigDecimal gap = actual.subtract(target).abs().multiply(BigDecimal.valueOf(100))
                .divide(target.abs().max(BigDecimal.ONE.movePointLeft(6)), 1, RoundingMode.HALF_EVEN);
        return gap.compareTo(AMBER_POINTS) <= 0 ? Status.AMBER : Status.RED;
    }
}
