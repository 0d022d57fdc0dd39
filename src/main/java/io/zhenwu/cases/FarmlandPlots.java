package io.zhenwu.cases;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 耕地/永久基本农田流出整改: a {@code farmland_plot} case per 图斑 with its area in 亩 (exact), the problem, the plan and
 * the re-planted area and crop (which may differ from the plot's area: the seed re-ploughs 667亩 for 508亩 of plots).
 */
@Service
@Transactional
public class FarmlandPlots {

    static final String TYPE = "farmland_plot";
    public static final List<String> PROBLEMS = List.of("OUTFLOW", "ABANDONED", "NON_GRAIN");
    /** 1 亩 = 10000/15 m². */
    public static final BigDecimal SQUARE_METRES_PER_MU = new BigDecimal(10000).divide(new BigDecimal(15), 10, RoundingMode.HALF_EVEN);

    private final Cases cases;
    private final LoopRepository repository;
    private final CaseRepository caseRepository;
    private final OrgUnits orgUnits;
    private final ApplicationEventPublisher events;

    FarmlandPlots(Cases cases, LoopRepository repository, CaseRepository caseRepository, OrgUnits orgUnits, ApplicationEventPublisher events) {
        this.cases = cases;
        this.repository = repository;
        this.caseRepository = caseRepository;
        this.orgUnits = orgUnits;
        this.events = events;
    }

    public record PlotDraft(String plotCode, String villageCode, String area, String currentUse, String problemType) {
    }

    public record Plot(CaseView plotCase, String plotCode, long villageOrgId, String villageName, BigDecimal areaMu,
                       String currentUse, String problemType, String plan, BigDecimal replantedArea, String crop) {

        /** The plot's area in m² (亩 × 10000/15), to two decimals. */
        public BigDecimal areaSquareMetres() {
            return areaMu.multiply(new BigDecimal(10000)).divide(new BigDecimal(15), 2, RoundingMode.HALF_EVEN);
        }
    }

    /** 核查发现: opens the case in the plot's village. */
    public Plot register(Actor actor, PlotDraft d) {
        List<FieldViolation> problems = new ArrayList<>();
        OrgUnit village = d.villageCode() == null ? null : orgUnits.findByCode(actor.scope(), d.villageCode().strip()).orElse(null);
        if (village == null || (village.type() != OrgUnitType.VILLAGE && village.type() != OrgUnitType.COMMUNITY)) {
            problems.add(FieldViolation.of("villageCode", "case.safety.village.unknown", d.villageCode()));
        }
        String code = Safety.blankToNull(d.plotCode());
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,40}")) {
            problems.add(FieldViolation.of("plotCode", "case.land.plotCode"));
        } else if (repository.plotCodeTaken(code)) {
            problems.add(FieldViolation.of("plotCode", "case.land.plotCode.taken", code));
        }
        BigDecimal area = null;
        try {
            area = mu("area", d.area());
        } catch (InvalidInputException e) {
            problems.addAll(e.violations());
        }
        String use = Safety.blankToNull(d.currentUse());
        if (use == null || use.length() > 100) {
            problems.add(FieldViolation.of("currentUse", "case.land.currentUse", 100));
        }
        if (d.problemType() == null || !PROBLEMS.contains(d.problemType())) {
            problems.add(FieldViolation.of("problemType", "case.land.problemType", String.join(", ", PROBLEMS)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CaseView c = cases.open(actor, new Cases.NewCase(TYPE, village.id(), d.problemType(), code, null,
                "图斑 " + code + "（" + area.stripTrailingZeros().toPlainString() + "亩）", "SURVEY", false, ApplicantKind.NONE, null,
                null, null, null, null, null, null, null, null));
        repository.insertPlot(c.id(), code, village.id(), area, use, d.problemType());
        Plot saved = get(actor, c.id());
        events.publishEvent(new LoopEvents.PlotRecorded(c.id(), saved, village.path()));
        return saved;
    }

    public Plot plan(Actor actor, long caseId, long version, String plan) {
        cases.fire(actor, caseId, "plan", version, Map.of("plan", plan == null ? "" : plan), null);   // LoopRecordSync keeps the plan
        return get(actor, caseId);
    }

    public Plot replant(Actor actor, long caseId, long version, String area, String crop) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("replanted_area", area);
        f.put("crop", crop);
        cases.fire(actor, caseId, "replant", version, f, null);   // LoopRecordSync writes the area and crop
        return get(actor, caseId);
    }

    public Plot verify(Actor actor, long caseId, long version, boolean byDepartment, String opinion) {
        cases.fire(actor, caseId, byDepartment ? "verify_department" : "verify_village", version,
                Map.of("opinion", opinion == null ? "" : opinion), null);
        return get(actor, caseId);
    }

    @Transactional(readOnly = true)
    public Plot get(Actor actor, long caseId) {
        CaseView c = cases.get(actor, caseId);
        return repository.plot(actor.scope(), caseId, c).orElseThrow(() -> new NotFoundException("farmland_plot", caseId));
    }

    @Transactional(readOnly = true)
    public List<Plot> list(Actor actor, String problemType, String stateKind, Long villageOrgId) {
        return repository.plotIds(actor.scope(), problemType, stateKind, villageOrgId, 500).stream().map(id -> get(actor, id)).toList();
    }

    /** 亩: positive, at most four decimals. */
    static BigDecimal mu(String field, String text) {
        BigDecimal v = LoopGuards.parse(field, text, "case.land.area.required");
        if (v.signum() <= 0) {
            throw new InvalidInputException(field, "case.land.area.positive");
        }
        if (v.stripTrailingZeros().scale() > 4 || v.compareTo(new BigDecimal("100000000")) >= 0) {
            throw new InvalidInputException(field, "case.land.area.scale");
        }
        return v;
    }
}
