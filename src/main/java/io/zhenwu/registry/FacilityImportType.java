package io.zhenwu.registry;

import io.zhenwu.imports.ExportType;
import io.zhenwu.imports.ImportColumn;
import io.zhenwu.imports.ImportRow;
import io.zhenwu.imports.ImportType;
import io.zhenwu.imports.Staging;
import io.zhenwu.shared.Actor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * 设施台账 through the import/export pipeline, checked by {@link FacilityRules}. The type column takes the catalogue
 * code or its Chinese name; a prepare statement turns names into codes, and a whole-file check rejects a type that
 * is not in the catalogue or no longer active.
 */
@Component
class FacilityImportType extends RegistryImportType<FacilityDraft> {

    private static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.required("code", "设施编号", "Facility code", "XS-WXXF-01"),
            ImportColumn.required("typeCode", "设施类型", "Facility type", "微型消防站"),
            ImportColumn.required("name", "设施名称", "Name", "空青村微型消防站"),
            ImportColumn.required("orgUnitCode", "所属单位代码", "Org unit code", "321183102201"),
            ImportColumn.optional("latitude", "纬度", "Latitude", "32.201234"),
            ImportColumn.optional("longitude", "经度", "Longitude", "119.231234"),
            ImportColumn.optional("status", "状态", "Status", "在用"),
            ImportColumn.optional("commissionedOn", "投用日期", "Commissioned on", "2023-06-30"));

    static final Map<FacilityStatus, List<String>> STATUS_NAMES = Map.of(
            FacilityStatus.IN_SERVICE, List.of("在用", "IN_SERVICE", "运行", "投用"),
            FacilityStatus.UNDER_CONSTRUCTION, List.of("在建", "UNDER_CONSTRUCTION"),
            FacilityStatus.DECOMMISSIONED, List.of("停用", "DECOMMISSIONED", "拆除"));

    private final Facilities facilities;

    FacilityImportType(Facilities facilities) {
        super("facilities", "registry.facility.plural", COLUMNS);
        this.facilities = facilities;
    }

    @Override
    public RowResult<FacilityDraft> read(ImportRow row) {
        var draft = new FacilityDraft(row.text("code"), row.text("typeCode"), row.text("name"), row.text("orgUnitCode"),
                row.decimal("latitude"), row.decimal("longitude"),
                row.choice("status", Arrays.asList(FacilityStatus.values()), STATUS_NAMES::get), row.date("commissionedOn"));
        var checked = FacilityRules.check(draft);
        return RowResult.of(checked.draft(), checked.violations());
    }

    @Override
    public Staging<FacilityDraft> staging() {
        return new Staging<>("facility", "facility_staging", "facility_code",
                List.of("facility_code", "facility_type", "name", "latitude", "longitude", "status", "commissioned_on"),
                d -> new Object[]{d.orgUnitCode(), d.code(), d.typeCode(), d.name(), d.latitude(), d.longitude(), d.status().name(),
                        d.commissionedOn()},
                List.of(new Staging.StagingCheck("typeCode", "registry.facility.type.unknown",
                        "SELECT s.row_no, s.facility_type FROM facility_staging s WHERE s.job_id = :job AND NOT EXISTS "
                                + "(SELECT 1 FROM facility_type t WHERE t.code = s.facility_type AND t.active = TRUE)")),
                List.of("UPDATE facility_staging SET facility_type = (SELECT t.code FROM facility_type t "
                        + "WHERE t.name_zh = facility_staging.facility_type) WHERE job_id = :job "
                        + "AND EXISTS (SELECT 1 FROM facility_type t WHERE t.name_zh = facility_staging.facility_type)"));
    }

    @Override
    public void checkFilters(Map<String, String> filters) {
        ExportType.refuseUnknownFilters(filters, Set.of("q", "org", "type", "status"));
        FacilityQuery.from(filters);
    }

    @Override
    public void export(Actor actor, Map<String, String> filters, boolean unmasked, Consumer<List<Object>> row) {
        facilities.forEach(actor.scope(), FacilityQuery.from(filters), f -> {
            List<Object> values = new ArrayList<>(COLUMNS.size());
            values.add(f.code());
            values.add(f.typeNameZh());
            values.add(f.name());
            values.add(f.orgUnitCode());
            values.add(f.latitude());
            values.add(f.longitude());
            values.add(STATUS_NAMES.get(f.status()).get(0));
            values.add(f.commissionedOn());
            row.accept(values);
        });
    }
}
