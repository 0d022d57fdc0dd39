package io.zhenwu.indicators;

import io.zhenwu.indicators.IndicatorEvents.ValidationRuleChanged;
import io.zhenwu.indicators.IndicatorEvents.ValidationRuleDefined;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 校验规则 (DHIS2 validation rules): {@code left operator right} over indicator values of one org unit and period,
 * e.g. {@code manufacturing_investment <= fixed_asset_investment}. A rule with a side that has no value is skipped
 * (nothing to compare), not counted as broken. Blocking rules refuse the save (form, API, import) that breaks them;
 * the others warn. Administrators define, change and deactivate rules ({@link #define(Draft)},
 * {@link #update(String, long, Changes)}); both sides are parsed with the formula parser and may name only known
 * indicators that can be compared at the rule's period type.
 */
@Service
@Transactional(readOnly = true)
public class ValidationRules {

    /** The comparison operators a rule may use. */
    public static final List<String> OPERATORS = List.of("<", "<=", "=", "!=", ">=", ">");

    /** 重要程度. */
    public enum Importance {
        HIGH, MEDIUM, LOW;

        public String messageKey() {
            return "indicator.rule.importance." + name();
        }
    }

    /** A rule of the catalogue. {@code importance} is the name of an {@link Importance}. */
    public record Rule(String code, String name, String nameEn, String left, String operator, String right, String importance,
                       boolean blocking, PeriodType periodType, boolean active, long version) {

        /** An active rule not yet stored (demo data, tests). */
        public Rule(String code, String name, String nameEn, String left, String operator, String right, String importance,
                    boolean blocking, PeriodType periodType) {
            this(code, name, nameEn, left, operator, right, importance, blocking, periodType, true, 0);
        }

        public String operatorSymbol() {
            return switch (operator) {
                case "<=" -> "≤";
                case ">=" -> "≥";
                case "!=" -> "≠";
                default -> operator;
            };
        }

        boolean holds(BigDecimal l, BigDecimal r) {
            int c = l.compareTo(r);
            return switch (operator) {
                case "<=" -> c <= 0;
                case "<" -> c < 0;
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "=" -> c == 0;
                case "!=" -> c != 0;
                default -> throw new IllegalStateException("operator " + operator);
            };
        }
    }

    /** A new rule as an administrator gives it (API body or form); null fields are missing or take the defaults. */
    public record Draft(String code, String name, String nameEn, String left, String operator, String right, String importance,
                        Boolean blocking, PeriodType periodType) {
    }

    /** Changes to a rule: null keeps a field as it is ({@code active = false} deactivates it). */
    public record Changes(String name, String nameEn, String left, String operator, String right, String importance,
                          Boolean blocking, PeriodType periodType, Boolean active) {
    }

    /** A broken rule with the two values that broke it. */
    public record Violation(Rule rule, String orgUnitCode, String period, BigDecimal leftValue, BigDecimal rightValue) {
    }

    private final Catalogue catalogue;
    private final DataValueRepository values;
    private final IndicatorRepository indicators;
    private final ApplicationEventPublisher events;

    ValidationRules(Catalogue catalogue, DataValueRepository values, IndicatorRepository indicators, ApplicationEventPublisher events) {
        this.catalogue = catalogue;
        this.values = values;
        this.indicators = indicators;
        this.events = events;
    }

    /** The active rules. */
    public List<Rule> all() {
        return catalogue.all(false);
    }

    /** Every rule, the deactivated ones too (the administrators' list). */
    public List<Rule> catalogue() {
        return catalogue.all(true);
    }

    public Optional<Rule> find(String code) {
        return code == null ? Optional.empty() : catalogue.find(code.strip());
    }

    public Rule get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("validation_rule", code));
    }

    /** Adds a rule from what an administrator gave; every problem is reported at once, on its field. */
    @Transactional
    public Rule define(Draft d) {
        List<FieldViolation> problems = new ArrayList<>();
        String code = Indicators.blankToNull(d.code());
        String name = Indicators.blankToNull(d.name());
        String nameEn = Indicators.blankToNull(d.nameEn());
        if (code == null) {
            problems.add(FieldViolation.of("code", "indicator.field.required"));
        } else if (!Formula.isValidCode(code)) {
            problems.add(FieldViolation.of("code", "indicator.rule.code.format", code));
        } else if (catalogue.find(code).isPresent()) {
            problems.add(FieldViolation.of("code", "indicator.rule.code.duplicate", code));
        }
        Rule rule = new Rule(code, name, nameEn == null ? name : nameEn, d.left(), Indicators.blankToNull(d.operator()), d.right(),
                d.importance() == null || d.importance().isBlank() ? Importance.MEDIUM.name() : d.importance().strip(),
                Boolean.TRUE.equals(d.blocking()), d.periodType(), true, 0);
        check(rule, problems);
        catalogue.insert(rule);
        Rule saved = get(code);
        events.publishEvent(new ValidationRuleDefined(saved));
        return saved;
    }

    /** Adds a rule (demo data); the same checks as {@link #define(Draft)}. */
    @Transactional
    public Rule define(Rule rule) {
        return define(new Draft(rule.code(), rule.name(), rule.nameEn(), rule.left(), rule.operator(), rule.right(), rule.importance(),
                rule.blocking(), rule.periodType()));
    }

    /** Changes a rule with the version last read; a stale version is a conflict carrying the rule as it is now. */
    @Transactional
    public Rule update(String code, long version, Changes c) {
        Rule before = get(code);
        if (before.version() != version) {
            throw new ConflictException("conflict.stale", before);
        }
        List<FieldViolation> problems = new ArrayList<>();
        String name = c.name() == null ? before.name() : Indicators.blankToNull(c.name());
        String nameEn = c.nameEn() == null ? before.nameEn() : Indicators.blankToNull(c.nameEn());
        Rule after = new Rule(before.code(), name, nameEn == null ? name : nameEn, c.left() == null ? before.left() : c.left(),
                c.operator() == null ? before.operator() : c.operator().strip(), c.right() == null ? before.right() : c.right(),
                c.importance() == null ? before.importance() : c.importance().strip(),
                c.blocking() == null ? before.blocking() : c.blocking(), c.periodType() == null ? before.periodType() : c.periodType(),
                c.active() == null ? before.active() : c.active(), version);
        boolean deactivatingOnly = after.equals(new Rule(before.code(), before.name(), before.nameEn(), before.left(), before.operator(),
                before.right(), before.importance(), before.blocking(), before.periodType(), false, version));
        if (!deactivatingOnly) {
            // Switching a rule off needs no checks: it must stay possible even if the catalogue has moved on since.
            check(after, problems);
        }
        if (catalogue.update(after, version) != 1) {
            throw new ConflictException("conflict.stale", get(code));
        }
        Rule saved = get(code);
        events.publishEvent(new ValidationRuleChanged(before, saved));
        return saved;
    }

    /**
     * The rule's fields: a name, a known operator and importance, a period type, and two expressions that parse and
     * name only indicators of the catalogue that have a value at the rule's period type (the indicator's own, or a
     * year added up from its months or quarters).
     */
    private void check(Rule rule, List<FieldViolation> problems) {
        if (rule.name() == null) {
            problems.add(FieldViolation.of("name", "indicator.field.required"));
        } else if (rule.name().length() > 200) {
            problems.add(FieldViolation.of("name", "indicator.field.tooLong", 200));
        }
        if (rule.nameEn() != null && rule.nameEn().length() > 200) {
            problems.add(FieldViolation.of("nameEn", "indicator.field.tooLong", 200));
        }
        if (rule.operator() == null) {
            problems.add(FieldViolation.of("operator", "indicator.field.required"));
        } else if (!OPERATORS.contains(rule.operator())) {
            problems.add(FieldViolation.of("operator", "indicator.rule.operator", rule.operator()));
        }
        if (Arrays.stream(Importance.values()).noneMatch(i -> i.name().equals(rule.importance()))) {
            problems.add(FieldViolation.of("importance", "indicator.rule.importance", rule.importance()));
        }
        if (rule.periodType() == null) {
            problems.add(FieldViolation.of("periodType", "indicator.field.required"));
        }
        Map<String, Indicator> byCode = catalogueByCode();
        checkExpression("left", rule.left(), rule.periodType(), byCode, problems);
        checkExpression("right", rule.right(), rule.periodType(), byCode, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void checkExpression(String field, String text, PeriodType type, Map<String, Indicator> byCode,
                                        List<FieldViolation> problems) {
        Formula formula;
        try {
            formula = DerivedIndicators.parse(field, text);
        } catch (InvalidInputException e) {
            problems.addAll(e.violations());
            return;
        }
        for (Formula.Reference reference : formula.references()) {
            Indicator indicator = byCode.get(reference.code());
            if (indicator == null) {
                problems.add(FieldViolation.of(field, "indicator.reference.unknown", reference.code()));
                return;
            }
            if (type != null && !indicator.derived() && indicator.periodType() != type && type != PeriodType.YEAR) {
                problems.add(FieldViolation.of(field, "indicator.rule.periodType", reference.code(),
                        new DefaultMessageSourceResolvable(indicator.periodType().messageKey()),
                        new DefaultMessageSourceResolvable(type.messageKey())));
                return;
            }
        }
    }

    private Map<String, Indicator> catalogueByCode() {
        Map<String, Indicator> byCode = new HashMap<>();
        indicators.all().forEach(i -> byCode.put(i.code(), i));
        return byCode;
    }

    /** Runs every active rule of the period's type for one org unit (its subtree's values) and period. */
    public List<Violation> run(DataScope scope, OrgUnit org, Period period) {
        return run(scope, org, period, catalogue.all(false));
    }

    /** Runs the given rules (those of the period's type) for one org unit and period. */
    List<Violation> check(DataScope scope, OrgUnit org, Period period, List<Rule> rules) {
        return run(scope, org, period, rules);
    }

    /** The active blocking rules and the stored indicators each depends on (through derived ones too). */
    Map<Rule, Set<String>> blockingRules() {
        Map<Rule, Set<String>> rules = activeRules();
        rules.keySet().removeIf(r -> !r.blocking());
        return rules;
    }

    /**
     * Of {@code rules} (each with the stored indicators it reads), those of the period's type that read any of the
     * indicators {@code written}: a write can break no other rule. The import pipeline and a value batch both ask this.
     */
    static List<Rule> reading(Map<Rule, Set<String>> rules, PeriodType type, Collection<String> written) {
        return rules.entrySet().stream()
                .filter(e -> e.getKey().periodType() == type && e.getValue().stream().anyMatch(written::contains))
                .map(Map.Entry::getKey).toList();
    }

    /** The active rules and the stored indicators each depends on (through derived ones too). */
    Map<Rule, Set<String>> activeRules() {
        Map<String, Indicator> byCode = catalogueByCode();
        Map<Rule, Set<String>> rules = new LinkedHashMap<>();
        for (Rule r : catalogue.all(false)) {
            rules.put(r, inputs(r, byCode));
        }
        return rules;
    }

    /** The stored (non-derived) indicators a rule reads, following derived indicators' formulas. */
    private static Set<String> inputs(Rule rule, Map<String, Indicator> byCode) {
        Set<String> inputs = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (String text : List.of(rule.left(), rule.right())) {
            Formula.parse(text).references().forEach(r -> pending.add(r.code()));
        }
        while (!pending.isEmpty()) {
            String code = pending.pop();
            if (!seen.add(code)) {
                continue;
            }
            Indicator i = byCode.get(code);
            if (i != null && i.derived()) {
                Formula.parse(i.formula()).references().forEach(r -> pending.add(r.code()));
            } else {
                inputs.add(code);
            }
        }
        return inputs;
    }

    private List<Violation> run(DataScope scope, OrgUnit org, Period period, List<Rule> rules) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Indicator> byCode = catalogueByCode();
        for (Rule rule : rules) {
            if (rule.periodType() != period.type()) {
                continue;
            }
            Optional<BigDecimal> left = evaluate(scope, org, period, rule.left(), byCode, 0);
            Optional<BigDecimal> right = evaluate(scope, org, period, rule.right(), byCode, 0);
            if (left.isPresent() && right.isPresent() && !rule.holds(left.get(), right.get())) {
                violations.add(new Violation(rule, org.code(), period.toString(), left.get(), right.get()));
            }
        }
        return violations;
    }

    /** A formula's value for the org unit and period; derived indicators are evaluated in turn (depth-limited). */
    Optional<BigDecimal> evaluate(DataScope scope, OrgUnit org, Period period, String text, Map<String, Indicator> byCode, int depth) {
        if (depth > 20) {
            return Optional.empty();
        }
        Formula formula = Formula.parse(text);
        Formula.Evaluation result = formula.evaluate(reference -> {
            Indicator indicator = byCode.get(reference.code());
            if (indicator == null) {
                return Optional.empty();
            }
            Period p = period.shiftMonths(reference.shiftMonths());
            if (indicator.derived()) {
                return evaluate(scope, org, p, indicator.formula(), byCode, depth + 1);
            }
            if (indicator.periodType() != p.type()) {
                if (p.type() != PeriodType.YEAR) {
                    return Optional.empty();
                }
                // A yearly formula over a monthly indicator: the year combined as the indicator combines periods.
                return values.combined(scope, indicator.code(), org.path(), indicator.periodType(), p.start(), p.end(),
                        indicator.orgAggregation(), indicator.periodAggregation());
            }
            return values.series(scope, indicator.code(), org.path(), p.type(), p.start(), p.end(), indicator.orgAggregation())
                    .stream().findFirst().map(DataValueRepository.Aggregate::value);
        });
        return Optional.ofNullable(result.value());
    }

    /** The rule catalogue: installation-wide. */
    @Repository
    static class Catalogue {
        private static final String COLUMNS = "code, name_zh, name_en, left_expr, operator, right_expr, importance, blocking, "
                + "period_type, active, version";

        private final JdbcClient jdbc;

        Catalogue(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Unscoped("the rule catalogue is installation-wide reference data")
        List<Rule> all(boolean inactiveToo) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM validation_rule" + (inactiveToo ? "" : " WHERE active = TRUE") + " ORDER BY code")
                    .query(Catalogue::map).list();
        }

        @Unscoped("the rule catalogue is installation-wide reference data")
        Optional<Rule> find(String code) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM validation_rule WHERE code = :code").param("code", code)
                    .query(Catalogue::map).optional();
        }

        @Unscoped("the rule catalogue is installation-wide reference data")
        void insert(Rule rule) {
            jdbc.sql("INSERT INTO validation_rule (code, name_zh, name_en, left_expr, operator, right_expr, importance, blocking, "
                            + "period_type, active, version, updated_at) VALUES (:code, :name, :nameEn, :left, :op, :right, :importance, "
                            + ":blocking, :type, TRUE, 0, :now)")
                    .param("code", rule.code()).param("name", rule.name()).param("nameEn", rule.nameEn()).param("left", rule.left())
                    .param("op", rule.operator()).param("right", rule.right()).param("importance", rule.importance())
                    .param("blocking", rule.blocking()).param("type", rule.periodType().name())
                    .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE)).update();
        }

        /** Replaces every field but the code; 0 rows when the version is stale. */
        @Unscoped("the rule catalogue is installation-wide reference data")
        int update(Rule rule, long expectedVersion) {
            return jdbc.sql("UPDATE validation_rule SET name_zh = :name, name_en = :nameEn, left_expr = :left, operator = :op, "
                            + "right_expr = :right, importance = :importance, blocking = :blocking, period_type = :type, active = :active, "
                            + "version = version + 1, updated_at = :now WHERE code = :code AND version = :version")
                    .param("name", rule.name()).param("nameEn", rule.nameEn()).param("left", rule.left()).param("op", rule.operator())
                    .param("right", rule.right()).param("importance", rule.importance()).param("blocking", rule.blocking())
                    .param("type", rule.periodType().name()).param("active", rule.active())
                    .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE)).param("code", rule.code())
                    .param("version", expectedVersion).update();
        }

        static Rule map(ResultSet rs, int row) throws SQLException {
            return new Rule(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("left_expr"),
                    rs.getString("operator"), rs.getString("right_expr"), rs.getString("importance"), rs.getBoolean("blocking"),
                    PeriodType.valueOf(rs.getString("period_type")), rs.getBoolean("active"), rs.getLong("version"));
        }
    }
}
