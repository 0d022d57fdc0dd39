package io.zhenwu.indicators;

import io.zhenwu.imports.ExportType;
import io.zhenwu.imports.ImportColumn;
import io.zhenwu.imports.ImportRow;
import io.zhenwu.imports.ImportType;
import io.zhenwu.imports.Staging;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.Role;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * 指标数据 through the one import pipeline: each row is checked like a value typed into the form (known, non-derived
 * indicator; a period of its frequency; its decimals; no negative counts), locked periods refuse the whole file, and
 * after the MERGE the applying transaction bumps the revision of every changed value and writes its revision row —
 * so an imported value has the same history as an entered one. Blocking validation rules are judged on the values as
 * the file leaves them ({@link #checkApplied}): for every org unit and period the file writes an input of such a rule,
 * inside the applying transaction; a broken rule rejects the whole file, with the error on the rows that feed it.
 * Rules that no imported indicator feeds are not the file's doing and are not checked ({@code POST
 * /api/v1/validation-runs} lists every broken rule of a period).
 */
@Component
class DataValueImportType implements ImportType<DataValueImportType.Row> {

    private static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.required("indicatorCode", "指标代码", "Indicator code", "budget_revenue"),
            ImportColumn.required("orgUnitCode", "单位代码", "Org unit code", "321183102000"),
            ImportColumn.required("period", "期间", "Period", "2024-05"),
            ImportColumn.required("value", "数值", "Value", "0.4123"),
            ImportColumn.optional("source", "来源", "Source", "快报"),
            ImportColumn.optional("comment", "备注", "Comment", ""));

    private static final Map<DataValue.ValueSource, List<String>> SOURCES = Map.of(
            DataValue.ValueSource.FLASH, List.of("快报", "FLASH"),
            DataValue.ValueSource.ANNUAL, List.of("年报", "ANNUAL"),
            DataValue.ValueSource.REVISED, List.of("统计局修订", "REVISED", "修订"),
            DataValue.ValueSource.DEPARTMENT, List.of("部门填报", "DEPARTMENT"),
            DataValue.ValueSource.COMPUTED, List.of("系统计算", "COMPUTED"));

    /** A checked row. */
    record Row(String orgUnitCode, String indicatorCode, Period period, BigDecimal value, DataValue.ValueSource source, String comment) {
    }

    private final Indicators indicators;
    private final DataValues values;
    private final ValidationRules rules;
    private final DataValueRepository repository;
    private final OrgUnits orgUnits;

    DataValueImportType(Indicators indicators, DataValues values, ValidationRules rules, DataValueRepository repository,
                        OrgUnits orgUnits) {
        this.indicators = indicators;
        this.values = values;
        this.rules = rules;
        this.repository = repository;
        this.orgUnits = orgUnits;
    }

    @Override
    public String code() {
        return "data-values";
    }

    @Override
    public String labelKey() {
        return "indicator.values.plural";
    }

    /** Who enters values: as {@code PUT /api/v1/data-values} and the entry form admit them. */
    private static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.STAFF, Role.CADRE);

    @Override
    public Set<Role> roles() {
        return WRITERS;
    }

    @Override
    public Set<Role> importRoles() {
        return WRITERS;
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public RowResult<Row> read(ImportRow row) {
        String code = row.text("indicatorCode");
        String org = row.text("orgUnitCode");
        String periodText = row.text("period");
        BigDecimal value = row.decimal("value");
        DataValue.ValueSource source = row.choice("source", Arrays.asList(DataValue.ValueSource.values()), SOURCES::get);
        List<FieldViolation> problems = new ArrayList<>();
        Indicator indicator = code == null ? null : indicators.find(code).orElse(null);
        if (code != null && indicator == null) {
            problems.add(FieldViolation.of("indicatorCode", "indicator.unknown", code));
        } else if (indicator != null && indicator.derived()) {
            problems.add(FieldViolation.of("indicatorCode", "indicator.derived.readOnly", code));
        }
        Period period = null;
        if (periodText != null) {
            try {
                period = Period.parse("period", periodText);
            } catch (InvalidInputException e) {
                problems.addAll(e.violations());
            }
        }
        if (indicator != null && period != null && period.type() != indicator.periodType()) {
            problems.add(FieldViolation.of("period", "indicator.period.type", periodText,
                    new org.springframework.context.support.DefaultMessageSourceResolvable(indicator.periodType().messageKey())));
        }
        if (indicator != null && value != null) {
            if (value.stripTrailingZeros().scale() > indicator.decimals()) {
                problems.add(FieldViolation.of("value", "indicator.value.decimals", value.toPlainString(), indicator.decimals()));
            }
            if (indicator.valueType() == Indicator.ValueType.COUNT && value.signum() < 0) {
                problems.add(FieldViolation.of("value", "indicator.value.negative", value.toPlainString()));
            }
        }
        return RowResult.of(new Row(org == null ? null : org.toUpperCase(), code, period, value,
                source == null ? DataValue.ValueSource.DEPARTMENT : source, row.text("comment")), problems);
    }

    @Override
    public Staging<Row> staging() {
        String touched = "value_key IN (SELECT value_key FROM data_value_staging WHERE job_id = :job)";
        return new Staging<>("data_value", "data_value_staging", "value_key",
                List.of("value_key", "indicator_code", "period_type", "period_start", "num_value", "source", "comment"),
                r -> new Object[]{r.orgUnitCode(), null, r.indicatorCode(), r.period().type().name(), r.period().start(), r.value(),
                        r.source().name(), r.comment()},
                List.of(new Staging.StagingCheck("period", "indicator.period.locked.import",
                        "SELECT s.row_no, s.org_code FROM data_value_staging s JOIN org_unit o ON o.id = s.org_unit_id "
                                + "WHERE s.job_id = :job AND EXISTS (SELECT 1 FROM period_lock l JOIN org_unit lo ON lo.id = l.org_unit_id "
                                + "WHERE o.path LIKE lo.path || '%' AND l.period_type = s.period_type AND l.period_start = s.period_start)")),
                List.of("UPDATE data_value_staging SET value_key = indicator_code || '|' || CAST(org_unit_id AS VARCHAR(20)) || '|' "
                        + "|| period_type || '|' || CAST(period_start AS VARCHAR(10)) WHERE job_id = :job"),
                List.of("UPDATE data_value SET revision = revision + 1, updated_by = :actor WHERE updated_at = :now "
                                + "AND created_at <> :now AND " + touched,
                        "UPDATE data_value SET updated_by = :actor WHERE created_at = :now AND " + touched,
                        "INSERT INTO data_value_revision (data_value_id, revision, num_value, reported_growth, source, comment, revised_by, "
                                + "revised_at) SELECT t.id, t.revision, t.num_value, t.reported_growth, t.source, t.comment, :actor, :now "
                                + "FROM data_value t WHERE t.updated_at = :now AND " + touched.replace("value_key IN", "t.value_key IN")));
    }

    /**
     * The blocking validation rules, judged after the MERGE for each org unit and period whose rows feed one: a broken
     * rule is an error on the value of every row of that unit and period that feeds it.
     */
    @Override
    public List<RowViolation> checkApplied(Actor actor, long jobId) {
        Map<ValidationRules.Rule, Set<String>> blocking = rules.blockingRules();
        if (blocking.isEmpty()) {
            return List.of();
        }
        Set<String> inputs = new HashSet<>();
        blocking.values().forEach(inputs::addAll);
        Map<String, List<DataValueRepository.StagedValue>> byUnitAndPeriod = new LinkedHashMap<>();
        for (DataValueRepository.StagedValue row : repository.staged(jobId, inputs)) {
            byUnitAndPeriod.computeIfAbsent(row.orgUnitId() + "|" + row.period(), k -> new ArrayList<>()).add(row);
        }
        List<RowViolation> violations = new ArrayList<>();
        for (List<DataValueRepository.StagedValue> rows : byUnitAndPeriod.values()) {
            Period period = rows.get(0).period();
            Set<String> written = new HashSet<>();
            rows.forEach(r -> written.add(r.indicatorCode()));
            List<ValidationRules.Rule> relevant = ValidationRules.reading(blocking, period.type(), written);
            if (relevant.isEmpty()) {
                continue;
            }
            OrgUnit org = orgUnits.get(actor.scope(), rows.get(0).orgUnitId());
            for (ValidationRules.Violation v : rules.check(actor.scope(), org, period, relevant)) {
                for (DataValueRepository.StagedValue row : rows) {
                    if (blocking.get(v.rule()).contains(row.indicatorCode())) {
                        violations.add(new RowViolation(row.rowNumber(), FieldViolation.of("value", "indicator.validation.blocked.import",
                                v.rule().name(), org.code(), period.toString(), v.leftValue().stripTrailingZeros().toPlainString(),
                                v.rule().operatorSymbol(), v.rightValue().stripTrailingZeros().toPlainString())));
                    }
                }
            }
        }
        return violations;
    }

    @Override
    public void checkFilters(Map<String, String> filters) {
        ExportType.refuseUnknownFilters(filters, Set.of("indicator", "org"));
    }

    @Override
    public void export(Actor actor, Map<String, String> filters, boolean unmasked, Consumer<List<Object>> row) {
        String indicator = filters.get("indicator");
        String org = filters.get("org");
        values.forEach(actor.scope(), indicator, org, v -> row.accept(Arrays.asList(v.indicatorCode(), v.orgUnitCode(),
                v.period().toString(), v.value().stripTrailingZeros().toPlainString(), SOURCES.get(v.source()).get(0), v.comment())));
    }
}
