package io.zhenwu.registry;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.figures.CountedRecord;
import io.zhenwu.shared.figures.FigureDefinition;
import io.zhenwu.shared.figures.FigureKind;
import io.zhenwu.shared.figures.FigureProvider;
import io.zhenwu.shared.figures.FigureRequest;
import io.zhenwu.shared.figures.FigureValue;
import io.zhenwu.shared.figures.Fingerprint;
import io.zhenwu.shared.figures.LocalizedText;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry's figures (统计口径), each counted in one SQL statement over an org unit's subtree: honours awarded in
 * the period (by level and type: 全年共获得各级荣誉45项，其中国家级荣誉20项), enterprises entering and leaving the
 * above-scale statistics (净增入规“四上”单位12家), above-scale enterprises at the period's end, 夜间生产企业,
 * 高新技术企业, and facilities in service or commissioned in the period (设置微型消防站14处, 新增充电桩6台套). A period
 * the register does not cover — none of its records of the subtree (whatever the filters) dates from the period's
 * end or before — or one that has not begun, has no value ("—"), never 0.
 */
@Component
@Transactional(readOnly = true)
class RegistryFigureProvider implements FigureProvider {

    /** The codes' prefix (kept apart so the codes are not mistaken for message keys). */
    private static final String MODULE = "registry" + ".";

    private record Figure(FigureDefinition definition, RegistryFigureRepository.Spec spec) {
    }

    private static final String HONOURS = "enterprise_honour h JOIN org_unit o ON o.id = h.org_unit_id JOIN enterprise e ON e.id = h.enterprise_id "
            + "JOIN honour_type t ON t.code = h.honour_type";
    private static final String ENTERPRISES = "enterprise e JOIN org_unit o ON o.id = e.org_unit_id";
    private static final String FACILITIES = "facility f JOIN org_unit o ON o.id = f.org_unit_id JOIN facility_type t ON t.code = f.facility_type";
    /**
     * The facility register covers a period when some facility of the subtree (of any type) was commissioned by its
     * end: undated facilities alone, such as hazard points, do not say the register existed then.
     */
    private static final String FACILITY_REGISTER_COVERS = "f.commissioned_on <= :to";
    private static final String ENTERPRISE_EXISTS = "e.above_scale_from <= :to OR e.established_on <= :to OR e.night_production_from <= :to";

    private static final RowMapper<CountedRecord> HONOUR_ROW = (rs, i) -> new CountedRecord(rs.getLong(1), rs.getString(2),
            LocalDate.of(rs.getInt(5), 1, 1), rs.getString(3) + " · " + level(rs.getString(4)) + " · " + rs.getInt(5),
            "/registry/enterprises/" + rs.getLong(6));
    private static final RowMapper<CountedRecord> ENTERPRISE_ROW = (rs, i) -> {
        LocalDate from = rs.getObject(4, LocalDate.class);
        LocalDate to = rs.getObject(5, LocalDate.class);
        LocalDate nightFrom = rs.getObject(6, LocalDate.class);
        StringBuilder detail = new StringBuilder(rs.getString(3));
        if (from != null) {
            detail.append(" · 入规 ").append(from);
        }
        if (to != null) {
            detail.append(" · 退规 ").append(to);
        }
        if (nightFrom != null) {
            detail.append(" · 夜间生产 ").append(nightFrom);
        }
        return new CountedRecord(rs.getLong(1), rs.getString(2), to != null ? to : from != null ? from : nightFrom, detail.toString(),
                "/registry/enterprises/" + rs.getLong(1));
    };
    private static final String ENTERPRISE_COLUMNS = "e.id, e.name, e.credit_code, e.above_scale_from, e.above_scale_to, e.night_production_from";
    private static final RowMapper<CountedRecord> FACILITY_ROW = (rs, i) -> new CountedRecord(rs.getLong(1), rs.getString(2),
            rs.getObject(5, LocalDate.class), rs.getString(3) + " · " + rs.getString(4), "/registry/facilities/" + rs.getLong(1));
    private static final String FACILITY_COLUMNS = "f.id, f.facility_code || ' ' || f.name, t.name_zh, o.name, f.commissioned_on";

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final OrgUnits orgUnits;
    private final RegistryFigureRepository repository;

    RegistryFigureProvider(OrgUnits orgUnits, RegistryFigureRepository repository) {
        this.orgUnits = orgUnits;
        this.repository = repository;
        String inYear = "h.award_year BETWEEN :fromYear AND :toYear";
        add(MODULE + "honours.awarded", "企业获得荣誉", "Honours awarded to enterprises", "项", FigureKind.COUNT,
                "期间内（按授予年度）辖区企业获得的各级荣誉、资质项数，计在获奖时企业所在单位；可按级别（level：NATIONAL 国家级、PROVINCIAL 省级、MUNICIPAL 市级、COUNTY 县级）和类型（type：荣誉类型代码）筛选。",
                "Honours and certifications awarded to the subtree's enterprises in the period (by award year), counted where the enterprise was when awarded; filter by level and type.",
                new RegistryFigureRepository.Spec(HONOURS, "h.id", Map.of("level", "h.level = :f_level", "type", "h.honour_type = :f_type"),
                        "CASE WHEN " + inYear + " THEN 1 ELSE 0 END", inYear, "h.award_year <= :toYear",
                        "h.id, e.name, t.name_zh, h.level, h.award_year, e.id", HONOUR_ROW));
        String entered = "e.above_scale_from >= :from AND e.above_scale_from <= :to";
        String exited = "e.above_scale_to >= :from AND e.above_scale_to <= :to";
        add(MODULE + "enterprises.above_scale_net", "净增入规“四上”单位", "Net new above-scale units", "家", FigureKind.COUNT,
                "期间内新入规（入库）企业数减去退规（退库）企业数；入规、退规以企业台账记载的日期为准。",
                "Enterprises entering the above-scale statistics in the period minus those leaving, by the dates in the register.",
                new RegistryFigureRepository.Spec(ENTERPRISES, "e.id", Map.of(),
                        "(CASE WHEN " + entered + " THEN 1 ELSE 0 END) - (CASE WHEN " + exited + " THEN 1 ELSE 0 END)",
                        "(" + entered + ") OR (" + exited + ")", ENTERPRISE_EXISTS, ENTERPRISE_COLUMNS, ENTERPRISE_ROW));
        add(MODULE + "enterprises.above_scale_entered", "新入规企业", "Enterprises entering above-scale statistics", "家", FigureKind.COUNT,
                "期间内入规（入库）的企业数。", "Enterprises entering the above-scale statistics in the period.",
                new RegistryFigureRepository.Spec(ENTERPRISES, "e.id", Map.of(), "CASE WHEN " + entered + " THEN 1 ELSE 0 END",
                        entered, ENTERPRISE_EXISTS, ENTERPRISE_COLUMNS, ENTERPRISE_ROW));
        String aboveScale = "e.above_scale_from <= :to AND (e.above_scale_to IS NULL OR e.above_scale_to > :to)";
        add(MODULE + "enterprises.above_scale", "规上企业", "Above-scale enterprises", "家", FigureKind.COUNT,
                "期末（期间最后一日）处于规上（四上）状态的企业数：入规日期不晚于期末且尚未退规。",
                "Enterprises above scale on the period's last day (entered on or before it, not yet exited).",
                new RegistryFigureRepository.Spec(ENTERPRISES, "e.id", Map.of(), "CASE WHEN " + aboveScale + " THEN 1 ELSE 0 END",
                        aboveScale, ENTERPRISE_EXISTS, ENTERPRISE_COLUMNS, ENTERPRISE_ROW));
        String night = "e.night_production_from <= :to AND (e.night_production_to IS NULL OR e.night_production_to > :from)";
        add(MODULE + "enterprises.night_production", "夜间生产企业", "Enterprises producing at night", "家", FigureKind.COUNT,
                "期间内任一时间有夜间生产的企业数（夜间生产起止日期与期间相交）。",
                "Enterprises producing at night at any time in the period.",
                new RegistryFigureRepository.Spec(ENTERPRISES, "e.id", Map.of(), "CASE WHEN " + night + " THEN 1 ELSE 0 END",
                        night, ENTERPRISE_EXISTS, ENTERPRISE_COLUMNS, ENTERPRISE_ROW));
        String highTech = "EXISTS (SELECT 1 FROM enterprise_honour ht WHERE ht.enterprise_id = e.id AND ht.honour_type = 'HIGH_TECH_ENTERPRISE' "
                + "AND ht.award_year BETWEEN :toYear - 2 AND :toYear)";
        add(MODULE + "enterprises.high_tech", "有效期内高新技术企业", "High-tech enterprises (certificate valid)", "家", FigureKind.COUNT,
                "期末持有有效高新技术企业认定（认定年度在期末年度及此前两年内，有效期三年）的企业数。",
                "Enterprises whose high-tech certification (valid three years) covers the period's end.",
                new RegistryFigureRepository.Spec(ENTERPRISES, "e.id", Map.of(), "CASE WHEN " + highTech + " THEN 1 ELSE 0 END",
                        highTech, ENTERPRISE_EXISTS, ENTERPRISE_COLUMNS, ENTERPRISE_ROW));
        String inService = "f.status <> 'DECOMMISSIONED' AND (f.commissioned_on IS NULL OR f.commissioned_on <= :to)";
        add(MODULE + "facilities.in_service", "在用设施", "Facilities in service", "处", FigureKind.COUNT,
                "期末在用（未报废，投用日期不晚于期末或未记载）的设施数；按类型（type：设施类型代码，如 MICRO_FIRE_STATION）筛选。",
                "Facilities in service at the period's end (not decommissioned, commissioned by then or undated); filter by type.",
                new RegistryFigureRepository.Spec(FACILITIES, "f.id", Map.of("type", "f.facility_type = :f_type"),
                        "CASE WHEN " + inService + " THEN 1 ELSE 0 END", inService, FACILITY_REGISTER_COVERS,
                        FACILITY_COLUMNS, FACILITY_ROW));
        String commissioned = "f.commissioned_on >= :from AND f.commissioned_on <= :to";
        add(MODULE + "facilities.commissioned", "新投用设施", "Facilities commissioned", "处", FigureKind.COUNT,
                "期间内投用的设施数（以投用日期为准）；按类型（type）筛选。",
                "Facilities commissioned in the period (by commissioning date); filter by type.",
                new RegistryFigureRepository.Spec(FACILITIES, "f.id", Map.of("type", "f.facility_type = :f_type"),
                        "CASE WHEN " + commissioned + " THEN 1 ELSE 0 END", commissioned, FACILITY_REGISTER_COVERS,
                        FACILITY_COLUMNS, FACILITY_ROW));
    }

    private void add(String code, String nameZh, String nameEn, String unit, FigureKind kind, String definitionZh, String definitionEn,
                     RegistryFigureRepository.Spec spec) {
        figures.put(code, new Figure(new FigureDefinition(code, new LocalizedText(nameZh, nameEn),
                new LocalizedText(definitionZh, definitionEn), unit, kind, spec.filterSql().keySet(), true), spec));
    }

    @Override
    public List<FigureDefinition> definitions() {
        return figures.values().stream().map(Figure::definition).toList();
    }

    private Figure figure(FigureRequest request) {
        Figure f = figures.get(request.code());
        if (f == null) {
            throw new NotFoundException("figure", request.code());
        }
        for (Map.Entry<String, String> filter : request.filters().entrySet()) {
            if (!f.definition().filters().contains(filter.getKey())) {
                throw new InvalidInputException(filter.getKey(), "registry.figure.filter", filter.getKey(), request.code());
            }
            if (filter.getKey().equals("level")) {
                try {
                    HonourLevel.valueOf(filter.getValue());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("level", "registry.figure.level", filter.getValue());
                }
            }
        }
        return f;
    }

    @Override
    public FigureValue compute(DataScope scope, FigureRequest request) {
        Figure f = figure(request);
        if (request.period().from().isAfter(LocalDate.now(Times.ZONE))) {
            return noValue(request, f, "registry.figure.future");
        }
        var count = repository.count(scope, f.spec(), request.orgUnitCode(), request.period().from(), request.period().to(), request.filters())
                .orElseThrow(() -> new NotFoundException("org_unit", request.orgUnitCode()));
        if (!count.hasData()) {
            return noValue(request, f, "registry.figure.noRecords");
        }
        return FigureValue.counted(request, BigDecimal.valueOf(count.value()), f.definition().unit());
    }

    private static FigureValue noValue(FigureRequest request, Figure f, String reason) {
        return new FigureValue(request, null, f.definition().unit(), FigureValue.RECORDS, null, false, false, null, null, reason);
    }

    @Override
    public PageResult<CountedRecord> records(DataScope scope, FigureRequest request, PageQuery page) {
        Figure f = figure(request);
        return repository.records(scope, f.spec(), org(scope, request).path(), request.period().from(), request.period().to(),
                request.filters(), page);
    }

    @Override
    public Fingerprint fingerprint(DataScope scope, FigureRequest request) {
        Figure f = figure(request);
        return repository.fingerprint(scope, f.spec(), org(scope, request).path(), request.period().from(), request.period().to(),
                request.filters());
    }

    private OrgUnit org(DataScope scope, FigureRequest request) {
        return orgUnits.findByCode(scope, request.orgUnitCode()).orElseThrow(() -> new NotFoundException("org_unit", request.orgUnitCode()));
    }

    private static String level(String level) {
        return switch (level) {
            case "NATIONAL" -> "国家级";
            case "PROVINCIAL" -> "省级";
            case "MUNICIPAL" -> "市级";
            case "COUNTY" -> "县级";
            default -> level.toLowerCase(Locale.ROOT);
        };
    }
}
