package io.zhenwu.indicators;

import io.zhenwu.indicators.IndicatorEvents.IndicatorDefined;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** 指标目录: the catalogue every other part of the module (and the reports) reads. */
@Service
@Transactional
public class Indicators {

    private final IndicatorRepository repository;
    private final ApplicationEventPublisher events;

    Indicators(IndicatorRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Indicator> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Optional<Indicator> find(String code) {
        return code == null ? Optional.empty() : repository.find(code.strip());
    }

    @Transactional(readOnly = true)
    public Indicator get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("indicator", code));
    }

    /**
     * Changes an indicator's editable fields (names, group, unit, decimals, definition, owner, formula, comparable
     * growth, active) with the version last read. Its code, value type, aggregations and period type are its identity
     * for the values already entered and cannot change; decimals cannot drop below what stored values carry.
     */
    public Indicator update(String code, long version, Indicator changed) {
        Indicator before = get(code);
        if (before.version() != version) {
            throw new io.zhenwu.shared.ConflictException("conflict.stale", before);
        }
        if (changed.decimals() < 0 || changed.decimals() > 6) {
            throw new InvalidInputException("decimals", "indicator.decimals.range", 0, 6);
        }
        if (changed.decimals() < before.decimals() && repository.hasValuesFinerThan(code, changed.decimals())) {
            throw new InvalidInputException("decimals", "indicator.decimals.values", changed.decimals());
        }
        if (changed.derived() != before.derived()) {
            throw new InvalidInputException("formula", "indicator.kindChange");
        }
        Indicator after = new Indicator(code, changed.nameZh(), changed.nameEn(), changed.groupCode(), changed.unit(), before.valueType(),
                before.orgAggregation(), before.periodAggregation(), before.periodType(), changed.decimals(), before.source(),
                changed.definition(), changed.ownerOrgCode(), changed.formula(), changed.comparableGrowth(), before.sortOrder(),
                changed.active(), version);
        if (after.derived()) {
            List<Indicator> others = repository.all().stream().filter(i -> !i.code().equals(code)).toList();
            DerivedIndicators.checkNewFormula(after, others);
        }
        if (repository.update(after, version) != 1) {
            throw new io.zhenwu.shared.ConflictException("conflict.stale", get(code));
        }
        Indicator saved = get(code);
        events.publishEvent(new IndicatorEvents.IndicatorChanged(before, saved));
        return saved;
    }

    /** Adds an indicator (administrators, demo data); a formula must parse and must not close a cycle. */
    public Indicator define(Indicator indicator) {
        if (!indicator.code().matches("[a-z][a-z0-9_]{0,39}")) {
            throw new InvalidInputException("code", "indicator.code.format", indicator.code());
        }
        if (repository.find(indicator.code()).isPresent()) {
            throw new InvalidInputException("code", "indicator.code.duplicate", indicator.code());
        }
        if (indicator.decimals() < 0 || indicator.decimals() > 6) {
            throw new InvalidInputException("decimals", "indicator.decimals.range", 0, 6);
        }
        if (indicator.derived()) {
            DerivedIndicators.checkNewFormula(indicator, repository.all());
        }
        repository.insert(indicator);
        Indicator saved = get(indicator.code());
        events.publishEvent(new IndicatorDefined(saved));
        return saved;
    }
}
