package io.zhenwu.indicators;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 校验规则 (DHIS2 validation rules): {@code left operator right} over indicator values of one org unit and period,
 * e.g. {@code manufacturing_investment <= fixed_asset_investment}. A rule with a side that has no value is skipped
 * (nothing to compare), not counted as broken. Blocking rules refuse the save that breaks them.
 */
@Service
@Transactional(readOnly = true)
public class ValidationRules {

    /** A rule of the catalogue. */
    public record Rule(String code, String name, String nameEn, String left, String operator, String right, String importance,
                       boolean blocking, PeriodType periodType) {
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

    /** A broken rule with the two values that broke it. */
    public record Violation(Rule rule, String orgUnitCode, String period, BigDecimal leftValue, BigDecimal rightValue) {
    }

    private final Catalogue catalogue;
    private final DataValueRepository values;
    private final IndicatorRepository indicators;

    ValidationRules(Catalogue catalogue, DataValueRepository values, IndicatorRepository indicators) {
        this.catalogue = catalogue;
        this.values = values;
        this.indicators = indicators;
    }

    public List<Rule> all() {
        return catalogue.all();
    }

    /** Adds a rule; both sides must parse as formulas and the operator must be one of < <= = != >= >. */
    @Transactional
    public Rule define(Rule rule) {
        if (!java.util.Set.of("<", "<=", "=", "!=", ">=", ">").contains(rule.operator())) {
            throw new io.zhenwu.shared.InvalidInputException("operator", "indicator.rule.operator", rule.operator());
        }
        DerivedIndicators.parse("left", rule.left());
        DerivedIndicators.parse("right", rule.right());
        catalogue.insert(rule);
        return rule;
    }

    /** Runs every active rule of the period's type for one org unit (its subtree's values) and period. */
    public List<Violation> run(DataScope scope, OrgUnit org, Period period) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Indicator> byCode = new HashMap<>();
        indicators.all().forEach(i -> byCode.put(i.code(), i));
        for (Rule rule : catalogue.all()) {
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
        private final JdbcClient jdbc;

        Catalogue(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Unscoped("the rule catalogue is installation-wide reference data")
        List<Rule> all() {
            return jdbc.sql("SELECT code, name_zh, name_en, left_expr, operator, right_expr, importance, blocking, period_type "
                            + "FROM validation_rule WHERE active = TRUE ORDER BY code")
                    .query((rs, i) -> new Rule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getBoolean(8), PeriodType.valueOf(rs.getString(9))))
                    .list();
        }

        @Unscoped("the rule catalogue is installation-wide reference data")
        void insert(Rule rule) {
            jdbc.sql("INSERT INTO validation_rule (code, name_zh, name_en, left_expr, operator, right_expr, importance, blocking, "
                            + "period_type, active) VALUES (:code, :name, :nameEn, :left, :op, :right, :importance, :blocking, :type, TRUE)")
                    .param("code", rule.code()).param("name", rule.name()).param("nameEn", rule.nameEn()).param("left", rule.left())
                    .param("op", rule.operator()).param("right", rule.right()).param("importance", rule.importance())
                    .param("blocking", rule.blocking()).param("type", rule.periodType().name()).update();
        }
    }
}
