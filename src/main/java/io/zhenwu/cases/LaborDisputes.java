package io.zhenwu.cases;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.Enterprise;
import io.zhenwu.registry.Enterprises;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 劳动争议: a {@code labor_dispute} case with its parties and amounts. Names of workers are masked before they are
 * stored; amounts are yuan with at most two decimals (a third decimal is refused, never rounded).
 */
@Service
@Transactional
public class LaborDisputes {

    static final String TYPE = "labor_dispute";
    public static final List<String> CATEGORIES = List.of("WAGES", "SOCIAL_INSURANCE", "INJURY", "CONTRACT");

    private final Cases cases;
    private final LoopRepository repository;
    private final CaseRepository caseRepository;
    private final OrgUnits orgUnits;
    private final Enterprises enterprises;
    private final ApplicationEventPublisher events;

    LaborDisputes(Cases cases, LoopRepository repository, CaseRepository caseRepository, OrgUnits orgUnits, Enterprises enterprises,
                  ApplicationEventPublisher events) {
        this.cases = cases;
        this.repository = repository;
        this.caseRepository = caseRepository;
        this.orgUnits = orgUnits;
        this.enterprises = enterprises;
        this.events = events;
    }

    public record DisputeDraft(Long orgUnitId, Long enterpriseId, Integer workersCount, List<String> workerNames, String claimAmount,
                               String category, String summary) {
    }

    public record Dispute(CaseView disputeCase, Long enterpriseId, Long villageOrgId, int workersCount, String workersMasked,
                          BigDecimal claimAmount, String category, String path, BigDecimal settledAmount) {
    }

    /** 受理: opens the case and records the parties. */
    public Dispute accept(Actor actor, DisputeDraft d) {
        List<FieldViolation> problems = new ArrayList<>();
        long org = d.orgUnitId() != null ? d.orgUnitId() : actor.orgUnitId();
        OrgUnit unit = orgUnits.find(actor.scope(), org).orElseThrow(() -> new NotFoundException("org_unit", org));
        Enterprise enterprise = null;
        if (d.enterpriseId() == null) {
            problems.add(FieldViolation.of("enterpriseId", "case.labor.enterprise.required"));
        } else {
            try {
                long town = caseRepository.townOf(unit.id()).orElseThrow(() -> new InvalidInputException("orgUnitId", "case.org.noTown")).id();
                enterprise = enterprises.get(orgUnits.scopeOf(town).orElseThrow(), d.enterpriseId());
            } catch (NotFoundException e) {
                problems.add(FieldViolation.of("enterpriseId", "case.safety.enterprise.unknown", d.enterpriseId()));
            }
        }
        if (d.workersCount() == null || d.workersCount() < 1 || d.workersCount() > 100000) {
            problems.add(FieldViolation.of("workersCount", "case.labor.workers"));
        }
        BigDecimal claim = null;
        try {
            claim = yuan("claimAmount", d.claimAmount());
        } catch (InvalidInputException e) {
            problems.addAll(e.violations());
        }
        if (d.category() == null || !CATEGORIES.contains(d.category())) {
            problems.add(FieldViolation.of("category", "case.labor.category", String.join(", ", CATEGORIES)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String masked = d.workerNames() == null ? null : String.join("、", d.workerNames().stream()
                .filter(n -> n != null && !n.isBlank()).map(n -> mask(n.strip())).toList());
        String title = enterprise.name() + "：" + d.workersCount() + "名劳动者";
        CaseView c = cases.open(actor, new Cases.NewCase(TYPE, unit.id(), d.category(), null, null, title, "VISIT", false,
                ApplicantKind.PERSON, null, masked == null || masked.isBlank() ? d.workersCount() + "名劳动者" : truncate(masked, 100),
                null, enterprise.id(), null, null, null, null, Safety.blankToNull(d.summary())));
        repository.insertDispute(c.id(), enterprise.id(), enterprise.orgUnitId(), d.workersCount(), masked == null || masked.isBlank() ? null : truncate(masked, 400),
                claim, d.category());
        Dispute saved = get(actor, c.id());
        events.publishEvent(new LoopEvents.DisputeRecorded(c.id(), saved, unit.path()));
        return saved;
    }

    public Dispute mediate(Actor actor, long caseId, long version, String mediator) {
        cases.fire(actor, caseId, "mediate", version, Map.of("mediator", mediator == null ? "" : mediator), null);
        return get(actor, caseId);
    }

    public Dispute referToArbitration(Actor actor, long caseId, long version, String reason) {
        cases.fire(actor, caseId, "refer_arbitration", version, Map.of("reason", reason == null ? "" : reason), null);
        return get(actor, caseId);
    }

    /** 结案 with the outcome and the amount settled (the mediation/arbitration path and amount follow the transition). */
    public Dispute close(Actor actor, long caseId, long version, String outcome, String settledAmount) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("outcome", outcome);
        f.put("settled_amount", settledAmount);
        cases.fire(actor, caseId, "close", version, f, null);   // LoopRecordSync writes the settled amount
        return get(actor, caseId);
    }

    @Transactional(readOnly = true)
    public Dispute get(Actor actor, long caseId) {
        CaseView c = cases.get(actor, caseId);
        return repository.dispute(actor.scope(), caseId, c).orElseThrow(() -> new NotFoundException("labor_dispute", caseId));
    }

    @Transactional(readOnly = true)
    public List<Dispute> list(Actor actor, String category, String stateKind, int year) {
        return repository.disputeIds(actor.scope(), category, stateKind, year, 500).stream().map(id -> get(actor, id)).toList();
    }

    /**
     * The largest claim or settlement a town's mediation handles: 1 亿元 less a fen. Far above any wage or
     * compensation claim of a township enterprise, far below what the column (DECIMAL(14, 2)) holds.
     */
    static final BigDecimal MAX_YUAN = new BigDecimal("99999999.99");

    /** Plain decimal yuan ({@link LoopGuards#parse}), at most two decimals, not negative, at most {@link #MAX_YUAN}. */
    static BigDecimal yuan(String field, String text) {
        BigDecimal v = LoopGuards.parse(field, text, "case.labor.amount.required");
        if (v.signum() < 0) {
            throw new InvalidInputException(field, "case.labor.amount.negative");
        }
        if (v.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "case.labor.amount.scale", v.toPlainString());
        }
        if (v.compareTo(MAX_YUAN) > 0) {
            throw new InvalidInputException(field, "case.labor.amount.max", MAX_YUAN.toPlainString());
        }
        return v.setScale(2);
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***. */
    static String mask(String name) {
        if (name.length() <= 1) {
            return "*";
        }
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
