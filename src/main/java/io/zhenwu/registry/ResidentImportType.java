package io.zhenwu.registry;

import io.zhenwu.imports.ExportType;
import io.zhenwu.imports.ImportColumn;
import io.zhenwu.imports.ImportRow;
import io.zhenwu.imports.ImportType;
import io.zhenwu.imports.Staging;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.FieldViolation;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 居民台账 through the import/export pipeline: the columns a village keeps, checked by {@link ResidentRules}. Gender
 * and birth date are staged as derived from the ID number; exports mask the ID number and phone unless unmasked.
 */
@Component
class ResidentImportType extends RegistryImportType<ResidentDraft> {

    private static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.required("name", "姓名", "Name", "张三"),
            ImportColumn.required("idNumber", "公民身份号码", "ID number", "321183195005120014").personal(Masking::residentId),
            ImportColumn.required("orgUnitCode", "所属单位代码", "Org unit code", "321183102201"),
            ImportColumn.optional("householdNo", "户编号", "Household number", "KQ-0001"),
            ImportColumn.optional("relationToHead", "与户主关系", "Relation to head", "户主"),
            ImportColumn.optional("phone", "联系电话", "Phone", "13812345678").personal(Masking::phone),
            ImportColumn.optional("tags", "标签", "Tags", "种粮农户、退役军人"));

    /** Tags in one cell: 、 or , or ； (either width), or spaces. */
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[、,，;；\\s]+");

    private final Residents residents;

    ResidentImportType(Residents residents) {
        super("residents", "registry.resident.plural", COLUMNS);
        this.residents = residents;
    }

    @Override
    public RowResult<ResidentDraft> read(ImportRow row) {
        List<FieldViolation> problems = new ArrayList<>();
        Set<ResidentTag> tags = tags(row.text("tags"), problems);
        var draft = new ResidentDraft(row.text("idNumber"), row.text("name"), row.text("orgUnitCode"), row.text("householdNo"),
                row.choice("relationToHead", Arrays.asList(Relation.values()),
                        r -> Stream.concat(r.names().stream(), Stream.of(r.name())).toList()),
                row.text("phone"), tags);
        var checked = ResidentRules.check(draft);
        problems.addAll(checked.violations());
        return RowResult.of(checked.draft(), problems);
    }

    static Set<ResidentTag> tags(String cell, List<FieldViolation> problems) {
        Set<ResidentTag> tags = EnumSet.noneOf(ResidentTag.class);
        if (cell == null) {
            return tags;
        }
        for (String word : TAG_SEPARATORS.split(cell.strip())) {
            if (word.isEmpty()) {
                continue;
            }
            ResidentTag tag = ResidentTag.lookup(word);
            if (tag == null) {
                problems.add(FieldViolation.of("tags", "registry.resident.tag.unknown", word,
                        ResidentTag.all().stream().map(ResidentTag::chinese).collect(Collectors.joining("、"))));
            } else {
                tags.add(tag);
            }
        }
        return tags;
    }

    @Override
    public Staging<ResidentDraft> staging() {
        return new Staging<ResidentDraft>("resident", "resident_staging", "id_number",
                List.of("id_number", "name", "gender", "birth_date", "household_no", "relation_to_head", "phone", "tags"),
                d -> {
                    ResidentId id = new ResidentId(d.idNumber());
                    return new Object[]{d.orgUnitCode(), id.value(), d.name(), id.gender().name(), id.birthDate(),
                            d.householdNo(), d.relationToHead() == null ? null : d.relationToHead().name(), d.phone(),
                            ResidentTag.toColumn(d.tags())};
                },
                List.of(new Staging.StagingCheck("orgUnitCode", "registry.resident.orgUnitType",
                                "SELECT s.row_no, s.org_code FROM resident_staging s JOIN org_unit o ON o.id = s.org_unit_id "
                                        + "WHERE s.job_id = :job AND o.unit_type NOT IN ('TOWN', 'SUBDISTRICT', 'VILLAGE', 'COMMUNITY')"),
                        // One 户主 per household: not twice in the file (grouped once, not probed row by row — that goes
                        // quadratic on large files) …
                        new Staging.StagingCheck("relationToHead", "registry.resident.relation.headExists",
                                "SELECT s.row_no, s.household_no FROM resident_staging s JOIN (SELECT household_no AS hh, "
                                        + "MIN(row_no) AS first_row FROM resident_staging WHERE job_id = :job AND relation_to_head = 'HEAD' "
                                        + "GROUP BY household_no HAVING COUNT(*) > 1) f ON f.hh = s.household_no "
                                        + "WHERE s.job_id = :job AND s.relation_to_head = 'HEAD' AND s.row_no > f.first_row"),
                        // … and not besides a registered head that the file leaves as head.
                        new Staging.StagingCheck("relationToHead", "registry.resident.relation.headExists",
                                "SELECT s.row_no, s.household_no FROM resident_staging s WHERE s.job_id = :job "
                                        + "AND s.relation_to_head = 'HEAD' AND EXISTS (SELECT 1 FROM resident r WHERE r.household_no = s.household_no "
                                        + "AND r.relation_to_head = 'HEAD' AND r.id_number <> s.id_number AND NOT EXISTS (SELECT 1 "
                                        + "FROM resident_staging c WHERE c.job_id = s.job_id AND c.id_number = r.id_number "
                                        + "AND (c.relation_to_head IS NULL OR c.relation_to_head <> 'HEAD' OR c.household_no <> r.household_no)))")))
                .keepingWhenBlank("phone");
    }

    @Override
    public boolean hasPersonalData() {
        return true;
    }

    @Override
    public void checkFilters(Map<String, String> filters) {
        ExportType.refuseUnknownFilters(filters, Set.of("q", "org", "tag", "householdNo"));
        ResidentQuery.from(filters);
    }

    @Override
    public void export(Actor actor, Map<String, String> filters, boolean unmasked, Consumer<List<Object>> row) {
        residents.forEach(actor.scope(), ResidentQuery.from(filters), r -> {
            List<Object> values = new ArrayList<>(COLUMNS.size());
            values.add(r.name());
            values.add(unmasked ? r.idNumber() : r.maskedIdNumber());
            values.add(r.orgUnitCode());
            values.add(r.householdNo());
            values.add(r.relationToHead() == null ? null : r.relationToHead().names().get(0));
            values.add(unmasked ? r.phone() : r.maskedPhone());
            values.add(r.tags().stream().sorted().map(ResidentTag::chinese).collect(Collectors.joining("、")));
            row.accept(values);
        });
    }
}
