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

/** 企业台账 through the import/export pipeline: the columns town staff keep, checked by {@link EnterpriseRules}. */
@Component
class EnterpriseImportType extends RegistryImportType<EnterpriseDraft> {

    private static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.required("creditCode", "统一社会信用代码", "Credit code", "91321183MA1XXXXXX0"),
            ImportColumn.required("name", "企业名称", "Name", "江苏某某新材料有限公司"),
            ImportColumn.required("orgUnitCode", "所属单位代码", "Org unit code", "XS-PARK"),
            ImportColumn.optional("industryCode", "行业代码", "Industry code", "3021"),
            ImportColumn.optional("address", "地址", "Address", "句容市下蜀镇临港工业集中区"),
            ImportColumn.optional("legalRepresentative", "法定代表人", "Legal representative", "张三"),
            ImportColumn.optional("contactPhone", "联系电话", "Contact phone", "0511-87654321").personal(Masking::phone),
            ImportColumn.optional("status", "经营状态", "Status", "在营"),
            ImportColumn.optional("establishedOn", "成立日期", "Established on", "2015-06-18"),
            ImportColumn.optional("aboveScaleFrom", "入规日期", "Above scale from", "2023-03-01"),
            ImportColumn.optional("aboveScaleTo", "退规日期", "Above scale until", ""),
            ImportColumn.optional("nightProductionFrom", "夜间生产起始日期", "Night production from", ""),
            ImportColumn.optional("nightProductionTo", "夜间生产结束日期", "Night production until", ""));

    private static final Map<EnterpriseStatus, List<String>> STATUS_NAMES = Map.of(
            EnterpriseStatus.OPERATING, List.of("在营", "OPERATING", "存续"),
            EnterpriseStatus.SUSPENDED, List.of("停业", "SUSPENDED"),
            EnterpriseStatus.CLOSED, List.of("注销", "CLOSED", "吊销"));

    private final Enterprises enterprises;

    EnterpriseImportType(Enterprises enterprises) {
        super("enterprises", "registry.enterprise.plural", COLUMNS);
        this.enterprises = enterprises;
    }

    @Override
    public RowResult<EnterpriseDraft> read(ImportRow row) {
        var draft = new EnterpriseDraft(row.text("creditCode"), row.text("name"), row.text("orgUnitCode"),
                row.text("industryCode"), row.text("address"), row.text("legalRepresentative"), row.text("contactPhone"),
                row.choice("status", Arrays.asList(EnterpriseStatus.values()), STATUS_NAMES::get),
                row.date("establishedOn"), row.date("aboveScaleFrom"), row.date("aboveScaleTo"),
                row.date("nightProductionFrom"), row.date("nightProductionTo"));
        var checked = EnterpriseRules.check(draft);
        return RowResult.of(checked.draft(), checked.violations());
    }

    @Override
    public Staging<EnterpriseDraft> staging() {
        return new Staging<EnterpriseDraft>("enterprise", "enterprise_staging", "credit_code",
                List.of("credit_code", "name", "industry_code", "address", "legal_representative", "contact_phone", "status",
                        "established_on", "above_scale_from", "above_scale_to", "night_production_from", "night_production_to"),
                d -> new Object[]{d.orgUnitCode(), d.creditCode(), d.name(), d.industryCode(), d.address(),
                        d.legalRepresentative(), d.contactPhone(), d.status().name(), d.establishedOn(), d.aboveScaleFrom(),
                        d.aboveScaleTo(), d.nightProductionFrom(), d.nightProductionTo()},
                List.of(new Staging.StagingCheck("orgUnitCode", "registry.enterprise.orgUnitType",
                        "SELECT s.row_no, s.org_code FROM enterprise_staging s JOIN org_unit o ON o.id = s.org_unit_id "
                                + "WHERE s.job_id = :job AND o.unit_type NOT IN ('TOWN', 'SUBDISTRICT', 'VILLAGE', 'COMMUNITY', 'PARK')")))
                .keepingWhenBlank("contact_phone");
    }

    @Override
    public boolean hasPersonalData() {
        return true;
    }

    @Override
    public void checkFilters(Map<String, String> filters) {
        ExportType.refuseUnknownFilters(filters, Set.of("q", "org", "status", "aboveScale", "nightProduction"));
        EnterpriseQuery.from(filters);
    }

    @Override
    public void export(Actor actor, Map<String, String> filters, boolean unmasked, Consumer<List<Object>> row) {
        enterprises.forEach(actor.scope(), EnterpriseQuery.from(filters), e -> {
            List<Object> values = new ArrayList<>(COLUMNS.size());
            values.add(e.creditCode());
            values.add(e.name());
            values.add(e.orgUnitCode());
            values.add(e.industryCode());
            values.add(e.address());
            values.add(e.legalRepresentative());
            values.add(unmasked ? e.contactPhone() : Masking.phone(e.contactPhone()));
            values.add(STATUS_NAMES.get(e.status()).get(0));
            values.add(e.establishedOn());
            values.add(e.aboveScaleFrom());
            values.add(e.aboveScaleTo());
            values.add(e.nightProductionFrom());
            values.add(e.nightProductionTo());
            row.accept(values);
        });
    }
}
