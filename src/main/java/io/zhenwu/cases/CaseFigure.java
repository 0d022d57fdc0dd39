package io.zhenwu.cases;

import io.zhenwu.shared.figures.FigureDefinition;
import io.zhenwu.shared.figures.FigureKind;
import io.zhenwu.shared.figures.LocalizedText;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One case figure declared as SQL parts, so every case type states its numbers the same way and the engine runs
 * them as one statement: {@code SELECT <aggregate> FROM case_record c <joins> JOIN org_unit o … WHERE o.path LIKE
 * :org AND <dateColumn> BETWEEN :from AND :to AND <predicate> [AND <filter clauses>]}. A rate has a numerator
 * predicate evaluated over the rows the predicate selects (the denominator), both counted in the same statement.
 *
 * @param joins          extra joins onto {@code c} (a type's record table), or empty
 * @param dateColumn     the date that puts a case into the period ({@code c.opened_on}, {@code c.closed_on} …)
 * @param predicate      which cases count (SQL over c and the joins; constants only, no user input)
 * @param sum            null to count cases; else the SQL expression summed (an amount, an area)
 * @param average        true to average {@code sum} instead of summing it
 * @param distinct       true to count the distinct values of {@code sum} instead of summing it
 * @param numerator      for rates: the predicate of the cases counted above the line (percent of the denominator)
 * @param filters        filter name → SQL clause using the named parameter {@code :f_<name>}
 * @param source         the table aliased {@code c}: {@code case_record}, or a type's own record table that has
 *                       {@code id} and {@code org_unit_id} columns (a safety inspection is a record, not a case)
 * @param numberSql      what names a counted record in the list of records ({@code c.case_number})
 * @param labelSql       its label ({@code c.title || ' · ' || c.state})
 * @param linkPrefix     its page, followed by the id ({@code /cases/})
 */
record CaseFigure(FigureDefinition definition, String joins, String dateColumn, String predicate, String sum, boolean average,
                  boolean distinct, String numerator, Map<String, String> filters, String source, String numberSql, String labelSql,
                  String linkPrefix) {

    static Builder count(String code, String zh, String en, String definitionZh, String definitionEn, String unit) {
        return new Builder(code, zh, en, definitionZh, definitionEn, unit, FigureKind.COUNT);
    }

    static Builder amount(String code, String zh, String en, String definitionZh, String definitionEn, String unit, FigureKind kind) {
        return new Builder(code, zh, en, definitionZh, definitionEn, unit, kind);
    }

    String code() {
        return definition.code();
    }

    /** Fluent declaration; {@link #build()} checks the parts fit together. */
    static final class Builder {
        private final String code;
        private final LocalizedText name;
        private final LocalizedText definitionText;
        private final String unit;
        private FigureKind kind;
        private String joins = "";
        private String dateColumn = "c.opened_on";
        private String predicate = "1 = 1";
        private String sum;
        private boolean average;
        private boolean distinct;
        private String numerator;
        private final Map<String, String> filters = new LinkedHashMap<>();
        private String source = "case_record";
        private String numberSql = "c.case_number";
        private String labelSql = "c.title || ' · ' || c.state";
        private String linkPrefix = "/cases/";

        private Builder(String code, String zh, String en, String dzh, String den, String unit, FigureKind kind) {
            this.code = code;
            this.name = new LocalizedText(zh, en);
            this.definitionText = new LocalizedText(dzh, den);
            this.unit = unit;
            this.kind = kind;
        }

        Builder joins(String sql) {
            this.joins = sql;
            return this;
        }

        Builder on(String dateColumn) {
            this.dateColumn = dateColumn;
            return this;
        }

        Builder where(String predicate) {
            this.predicate = predicate;
            return this;
        }

        Builder sum(String expression) {
            this.sum = expression;
            return this;
        }

        Builder average(String expression) {
            this.sum = expression;
            this.average = true;
            return this;
        }

        Builder countDistinct(String expression) {
            this.sum = expression;
            this.distinct = true;
            return this;
        }

        Builder rate(String numeratorPredicate) {
            this.numerator = numeratorPredicate;
            this.kind = FigureKind.RATE;
            return this;
        }

        /** Counts the records of a type's own table instead of cases (columns {@code id} and {@code org_unit_id} required). */
        Builder over(String table, String numberSql, String labelSql, String linkPrefix) {
            if (!table.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
            this.source = table;
            this.numberSql = numberSql;
            this.labelSql = labelSql;
            this.linkPrefix = linkPrefix;
            return this;
        }

        Builder filter(String name, String clause) {
            if (!clause.contains(":f_" + name)) {
                throw new IllegalArgumentException("filter clause must use :f_" + name + ": " + clause);
            }
            filters.put(name, clause);
            return this;
        }

        CaseFigure build() {
            String u = numerator != null ? "%" : unit;
            return new CaseFigure(new FigureDefinition(code, name, definitionText, u, kind, Set.copyOf(filters.keySet()), true),
                    joins, dateColumn, predicate, sum, average, distinct, numerator, Map.copyOf(filters), source, numberSql, labelSql,
                    linkPrefix);
        }
    }
}
