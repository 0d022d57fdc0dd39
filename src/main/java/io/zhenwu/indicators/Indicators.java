package io.zhenwu.indicators;

import io.zhenwu.indicators.IndicatorEvents.IndicatorDefined;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 指标目录: the catalogue every other part of the module (and the reports) reads. Administrators define and edit
 * indicators through {@link #define(Draft)} and {@link #update(String, long, Changes)} — the API and the admin pages
 * call the same two methods, so a rule (required fields, lengths, code format, decimals, formula syntax, unknown
 * references, cycles) holds the same everywhere.
 */
@Service
@Transactional
public class Indicators {

    /** Column widths of the catalogue table (V10). */
    static final int NAME_ZH_MAX = 100;
    static final int NAME_EN_MAX = 200;
    static final int GROUP_MAX = 40;
    static final int UNIT_MAX = 16;
    static final int TEXT_MAX = 2000;
    static final int OWNER_MAX = 32;

    /** A new indicator as an administrator gives it (API body or form); null or blank fields take the defaults. */
    public record Draft(String code, String nameZh, String nameEn, String groupCode, String unit, Indicator.ValueType valueType,
                        Indicator.OrgAggregation orgAggregation, Indicator.PeriodAggregation periodAggregation,
                        PeriodType periodType, Integer decimals, Indicator.Source source, String definition, String ownerOrgCode,
                        String formula, Boolean comparableGrowth) {
    }

    /**
     * Changes to an indicator's editable fields: null keeps a field as it is; a blank formula, definition or owner
     * clears it; a blank English name falls back to the Chinese one.
     */
    public record Changes(String nameZh, String nameEn, String groupCode, String unit, Integer decimals, String definition,
                          String ownerOrgCode, String formula, Boolean comparableGrowth, Boolean active) {
    }

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

    /** The catalogue filtered by group, source and period type (each null = any), in catalogue order. */
    @Transactional(readOnly = true)
    public List<Indicator> search(String groupCode, Indicator.Source source, PeriodType periodType) {
        return repository.all().stream()
                .filter(i -> groupCode == null || groupCode.isBlank() || i.groupCode().equals(groupCode.strip()))
                .filter(i -> source == null || i.source() == source)
                .filter(i -> periodType == null || i.periodType() == periodType)
                .toList();
    }

    /** The groups in use, in catalogue order. */
    @Transactional(readOnly = true)
    public List<String> groups() {
        return repository.all().stream().map(Indicator::groupCode).distinct().toList();
    }

    @Transactional(readOnly = true)
    public Optional<Indicator> find(String code) {
        return code == null ? Optional.empty() : repository.find(code.strip());
    }

    @Transactional(readOnly = true)
    public Indicator get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("indicator", code));
    }

    /** Adds an indicator from what an administrator gave: required fields, defaults, then {@link #define(Indicator)}. */
    public Indicator define(Draft d) {
        List<FieldViolation> problems = new ArrayList<>();
        String code = blankToNull(d.code());
        String nameZh = blankToNull(d.nameZh());
        String unit = blankToNull(d.unit());
        required(problems, "code", code);
        required(problems, "nameZh", nameZh);
        required(problems, "unit", unit);
        required(problems, "valueType", d.valueType());
        required(problems, "periodType", d.periodType());
        if (!problems.isEmpty()) {
            // Report what else is wrong with the fields given too, so that one round trip shows every problem.
            if (code != null && !code.matches("[a-z][a-z0-9_]{0,39}")) {
                problems.add(FieldViolation.of("code", "indicator.code.format", code));
            }
            if (d.decimals() != null) {
                checkDecimals(problems, d.decimals());
            }
            checkLengths(problems, nameZh, blankToNull(d.nameEn()), blankToNull(d.groupCode()), unit, blankToNull(d.definition()),
                    blankToNull(d.ownerOrgCode()), formula(d.formula()));
            throw new InvalidInputException(problems);
        }
        String formula = formula(d.formula());
        String nameEn = blankToNull(d.nameEn());
        String group = blankToNull(d.groupCode());
        Indicator.Source source = d.source() != null ? d.source() : formula != null ? Indicator.Source.COMPUTED : Indicator.Source.DEPARTMENT;
        return define(new Indicator(code, nameZh, nameEn == null ? nameZh : nameEn, group == null ? "ECONOMY" : group, unit,
                d.valueType(), d.orgAggregation() == null ? Indicator.OrgAggregation.SUM : d.orgAggregation(),
                d.periodAggregation() == null ? Indicator.PeriodAggregation.SUM : d.periodAggregation(), d.periodType(),
                d.decimals() == null ? 2 : d.decimals(), source, blankToNull(d.definition()), blankToNull(d.ownerOrgCode()), formula,
                Boolean.TRUE.equals(d.comparableGrowth()), 0, true, 0));
    }

    /** Adds an indicator (administrators, demo data); a formula must parse and must not close a cycle. */
    public Indicator define(Indicator indicator) {
        List<FieldViolation> problems = new ArrayList<>();
        if (!indicator.code().matches("[a-z][a-z0-9_]{0,39}")) {
            problems.add(FieldViolation.of("code", "indicator.code.format", indicator.code()));
        } else if (repository.find(indicator.code()).isPresent()) {
            problems.add(FieldViolation.of("code", "indicator.code.duplicate", indicator.code()));
        }
        checkDecimals(problems, indicator.decimals());
        checkLengths(problems, indicator.nameZh(), indicator.nameEn(), indicator.groupCode(), indicator.unit(), indicator.definition(),
                indicator.ownerOrgCode(), indicator.formula());
        if (indicator.derived()) {
            try {
                DerivedIndicators.checkNewFormula(indicator, repository.all());
            } catch (InvalidInputException e) {
                problems.addAll(e.violations());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.insert(indicator);
        Indicator saved = get(indicator.code());
        events.publishEvent(new IndicatorDefined(saved));
        return saved;
    }

    /**
     * Applies an administrator's changes (API PATCH or the edit form) with the version last read: null keeps a field;
     * the names and the unit cannot be blanked.
     */
    public Indicator update(String code, long version, Changes c) {
        Indicator current = get(code);
        List<FieldViolation> problems = new ArrayList<>();
        if (c.nameZh() != null && c.nameZh().isBlank()) {
            problems.add(FieldViolation.of("nameZh", "indicator.field.required"));
        }
        if (c.unit() != null && c.unit().isBlank()) {
            problems.add(FieldViolation.of("unit", "indicator.field.required"));
        }
        if (c.groupCode() != null && c.groupCode().isBlank()) {
            problems.add(FieldViolation.of("groupCode", "indicator.field.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String nameZh = c.nameZh() == null ? current.nameZh() : c.nameZh().strip();
        String nameEn = c.nameEn() == null ? current.nameEn() : c.nameEn().isBlank() ? nameZh : c.nameEn().strip();
        return update(code, version, new Indicator(code, nameZh, nameEn, or(c.groupCode(), current.groupCode()), or(c.unit(), current.unit()),
                current.valueType(), current.orgAggregation(), current.periodAggregation(), current.periodType(),
                c.decimals() == null ? current.decimals() : c.decimals(),
                current.source(), c.definition() == null ? current.definition() : blankToNull(c.definition()),
                c.ownerOrgCode() == null ? current.ownerOrgCode() : blankToNull(c.ownerOrgCode()),
                c.formula() == null ? current.formula() : formula(c.formula()),
                c.comparableGrowth() == null ? current.comparableGrowth() : c.comparableGrowth(), current.sortOrder(),
                c.active() == null ? current.active() : c.active(), version));
    }

    /**
     * Changes an indicator's editable fields (names, group, unit, decimals, definition, owner, formula, comparable
     * growth, active) with the version last read. Its code, value type, aggregations and period type are its identity
     * for the values already entered and cannot change; decimals cannot drop below what stored values carry.
     */
    public Indicator update(String code, long version, Indicator changed) {
        Indicator before = get(code);
        if (before.version() != version) {
            throw new ConflictException("conflict.stale", before);
        }
        List<FieldViolation> problems = new ArrayList<>();
        checkDecimals(problems, changed.decimals());
        checkLengths(problems, changed.nameZh(), changed.nameEn(), changed.groupCode(), changed.unit(), changed.definition(),
                changed.ownerOrgCode(), changed.formula());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
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
            throw new ConflictException("conflict.stale", get(code));
        }
        Indicator saved = get(code);
        events.publishEvent(new IndicatorEvents.IndicatorChanged(before, saved));
        return saved;
    }

    private static void checkDecimals(List<FieldViolation> problems, int decimals) {
        if (decimals < 0 || decimals > 6) {
            problems.add(FieldViolation.of("decimals", "indicator.decimals.range", 0, 6));
        }
    }

    private static void checkLengths(List<FieldViolation> problems, String nameZh, String nameEn, String group, String unit,
                                     String definition, String owner, String formula) {
        tooLong(problems, "nameZh", nameZh, NAME_ZH_MAX);
        tooLong(problems, "nameEn", nameEn, NAME_EN_MAX);
        tooLong(problems, "groupCode", group, GROUP_MAX);
        tooLong(problems, "unit", unit, UNIT_MAX);
        tooLong(problems, "definition", definition, TEXT_MAX);
        tooLong(problems, "ownerOrgCode", owner, OWNER_MAX);
        // A formula's length is the parser's own rule (indicator.formula.tooLong, with its column).
    }

    private static void tooLong(List<FieldViolation> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(FieldViolation.of(field, "indicator.field.tooLong", max));
        }
    }

    private static void required(List<FieldViolation> problems, String field, Object value) {
        if (value == null) {
            problems.add(FieldViolation.of(field, "indicator.field.required"));
        }
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value.strip();
    }

    /** A formula as typed, without trailing blanks (leading ones stay: error columns count from the first character). */
    private static String formula(String s) {
        return s == null || s.isBlank() ? null : s.stripTrailing();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
