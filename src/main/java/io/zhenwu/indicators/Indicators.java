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
