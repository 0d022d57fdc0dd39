package io.zhenwu.registry;

import io.zhenwu.imports.ExportType;
import io.zhenwu.imports.ImportColumn;
import io.zhenwu.imports.ImportRow;
import io.zhenwu.imports.ImportType;
import io.zhenwu.imports.Staging;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.FieldViolation;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * 企业荣誉 through the import pipeline. A row names its enterprise by credit code; the key of a row (and of a stored
 * honour) is {@code 统一社会信用代码|荣誉类型代码|年度}, so re-importing a file updates instead of duplicating.
 * <p>
 * The rows carry no org unit: the type's prepare statements resolve, within the importer's scope, the enterprise
 * from the credit code (the key's first 18 characters) and take the enterprise's own org unit as the row's
 * {@code org_code} and {@code org_unit_id} (the rows are staged with a null org code, which the pipeline leaves to
 * the type). They also turn a type
 * written by its Chinese name into its code, fill the type's default level and rebuild the key from the code. A row
 * whose enterprise is unknown or out of scope keeps no org code and is reported by the credit-code check.
 */
@Component
class HonourImportType extends RegistryImportType<HonourImportType.Row> {

    private static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.required("creditCode", "统一社会信用代码", "Credit code", "91321183MA1XXXXXX0"),
            ImportColumn.required("honourType", "荣誉类型", "Honour type", "省级绿色工厂"),
            ImportColumn.optional("level", "级别", "Level", "省级"),
            ImportColumn.required("awardYear", "年度", "Year", "2023"),
            ImportColumn.optional("issuingBody", "颁发单位", "Issuing body", "江苏省工业和信息化厅"),
            ImportColumn.optional("note", "备注", "Note", ""));

    static final Map<HonourLevel, List<String>> LEVEL_NAMES = Map.of(
            HonourLevel.NATIONAL, List.of("国家级", "NATIONAL", "国家"),
            HonourLevel.PROVINCIAL, List.of("省级", "PROVINCIAL", "省"),
            HonourLevel.MUNICIPAL, List.of("市级", "MUNICIPAL", "地市级"),
            HonourLevel.COUNTY, List.of("县级", "COUNTY", "县（市）级"));

    /** A checked row: the enterprise by credit code, the type as written. */
    record Row(String creditCode, String honourType, HonourLevel level, int awardYear, String issuingBody, String note) {
    }

    private final Honours honours;

    HonourImportType(Honours honours) {
        super("honours", "registry.honour.plural", COLUMNS);
        this.honours = honours;
    }

    /** The natural key of an honour: credit code, type code and year. */
    static String key(String creditCode, String typeCode, int year) {
        return creditCode + "|" + typeCode + "|" + year;
    }

    @Override
    public RowResult<Row> read(ImportRow row) {
        List<FieldViolation> problems = new ArrayList<>();
        var code = CreditCode.parse("creditCode", row.text("creditCode"));
        problems.addAll(code.violations());
        String type = EnterpriseRules.strip(row.text("honourType"));
        if (type != null && type.length() > 100) {
            problems.add(FieldViolation.of("honourType", "registry.text.tooLong", 100));
        }
        HonourLevel level = row.choice("level", Arrays.asList(HonourLevel.values()), LEVEL_NAMES::get);
        BigDecimal yearNumber = row.decimal("awardYear");
        Integer year = null;
        if (yearNumber != null) {
            try {
                year = yearNumber.intValueExact();
            } catch (ArithmeticException e) {
                problems.add(FieldViolation.of("awardYear", "registry.honour.year.range", yearNumber.toPlainString(),
                        String.valueOf(Honours.FIRST_YEAR), "—"));
            }
            if (year != null) {
                problems.addAll(Honours.checkYear(year));
            }
        }
        String body = EnterpriseRules.strip(row.text("issuingBody"));
        String note = EnterpriseRules.strip(row.text("note"));
        if (body != null && body.length() > 200) {
            problems.add(FieldViolation.of("issuingBody", "registry.text.tooLong", 200));
        }
        if (note != null && note.length() > 500) {
            problems.add(FieldViolation.of("note", "registry.text.tooLong", 500));
        }
        if (!problems.isEmpty() || code.value() == null || type == null || year == null) {
            return RowResult.of(null, problems);
        }
        return RowResult.of(new Row(code.value().value(), type, level, year, body, note), List.of());
    }

    @Override
    public Staging<Row> staging() {
        return new Staging<>("enterprise_honour", "honour_staging", "honour_key",
                List.of("honour_key", "enterprise_id", "honour_type", "level", "award_year", "issuing_body", "note"),
                r -> new Object[]{null, key(r.creditCode(), r.honourType(), r.awardYear()), null, r.honourType(),
                        r.level() == null ? null : r.level().name(), r.awardYear(), r.issuingBody(), r.note()},
                List.of(new Staging.StagingCheck("creditCode", "registry.honour.enterprise.notFound",
                                "SELECT row_no, SUBSTRING(honour_key, 1, 18) FROM honour_staging WHERE job_id = :job "
                                        + "AND enterprise_id IS NULL"),
                        new Staging.StagingCheck("honourType", "registry.honour.type.unknown",
                                "SELECT s.row_no, s.honour_type FROM honour_staging s WHERE s.job_id = :job AND NOT EXISTS "
                                        + "(SELECT 1 FROM honour_type t WHERE t.code = s.honour_type AND t.active = TRUE)")),
                List.of(
                        // the type by its Chinese name
                        "UPDATE honour_staging SET honour_type = (SELECT t.code FROM honour_type t WHERE t.name_zh = honour_staging.honour_type) "
                                + "WHERE job_id = :job AND EXISTS (SELECT 1 FROM honour_type t WHERE t.name_zh = honour_staging.honour_type)",
                        // the enterprise, within the importer's scope, and its org unit code
                        "UPDATE honour_staging SET enterprise_id = (SELECT e.id FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id "
                                + "WHERE e.credit_code = SUBSTRING(honour_staging.honour_key, 1, 18) AND o.path LIKE :scope), "
                                + "org_code = (SELECT o.code FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id "
                                + "WHERE e.credit_code = SUBSTRING(honour_staging.honour_key, 1, 18) AND o.path LIKE :scope), "
                                + "org_unit_id = (SELECT e.org_unit_id FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id "
                                + "WHERE e.credit_code = SUBSTRING(honour_staging.honour_key, 1, 18) AND o.path LIKE :scope) "
                                + "WHERE job_id = :job",
                        // the type's default level
                        "UPDATE honour_staging SET level = (SELECT t.default_level FROM honour_type t WHERE t.code = honour_staging.honour_type) "
                                + "WHERE job_id = :job AND level IS NULL",
                        // the key from the type code
                        "UPDATE honour_staging SET honour_key = SUBSTRING(honour_key, 1, 18) || '|' || honour_type || '|' "
                                + "|| CAST(award_year AS VARCHAR(4)) WHERE job_id = :job"));
    }

    @Override
    public void checkFilters(Map<String, String> filters) {
        ExportType.refuseUnknownFilters(filters, Set.of("year"));
        year(filters);
    }

    /** The award year filter, or null for every year. */
    private static Integer year(Map<String, String> filters) {
        String year = filters.get("year");
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            throw new io.zhenwu.shared.InvalidInputException("year", "validation.type", "year");
        }
    }

    @Override
    public void export(Actor actor, Map<String, String> filters, boolean unmasked, Consumer<List<Object>> row) {
        honours.forEach(actor.scope(), year(filters), h -> row.accept(Arrays.asList(h.creditCode(), h.typeNameZh(),
                LEVEL_NAMES.get(h.level()).get(0), h.awardYear(), h.issuingBody(), h.note())));
    }
}
