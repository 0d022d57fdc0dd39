package io.zhenwu.cases;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 历史数据载入: the safety, labor and farmland loops of a past year (the demo town's 2023, or a migration from an old
 * system) loaded in bulk. Each case is replayed through the engine ({@link Cases#load}: every transition
 * checked by the aggregate, numbered like any case); notices take their gapless numbers in the order they were
 * issued; the records beside the cases are written in the same transaction, with one audit event per batch.
 * Historic evidence photos are not loaded (their count is recorded as 0).
 */
@Service
@Transactional
public class LoopHistory {

    private final Cases cases;
    private final SafetyRepository safety;
    private final LoopRepository loops;
    private final CaseRepository caseRepository;
    private final ApplicationEventPublisher events;

    LoopHistory(Cases cases, SafetyRepository safety, LoopRepository loops, CaseRepository caseRepository, ApplicationEventPublisher events) {
        this.cases = cases;
        this.safety = safety;
        this.loops = loops;
        this.caseRepository = caseRepository;
        this.events = events;
    }

    public record HistoricInspection(long orgUnitId, Long villageOrgId, Long enterpriseId, Long facilityId, String place, LocalDate on,
                                     String kind, String campaign, List<String> inspectors, String findings, String by) {
    }

    /** One rectification report and its re-inspection ({@code reinspectedOn} null: still awaiting it). */
    public record Round(LocalDate reportedOn, String reporter, String measures, LocalDate reinspectedOn, String reinspector,
                        boolean passed, String opinion, LocalDate newDeadline) {
    }

    /**
     * A hazard: with a notice ({@code noticeOn} set) or rectified on the spot; its rounds of reports and re-inspections;
     * optionally filed as an enforcement case (事前立案).
     */
    public record HistoricHazard(long inspectionId, long orgUnitId, Long villageOrgId, Long enterpriseId, String enterpriseName,
                                 String category, String level, String location, String description, LocalDate foundOn, String finder,
                                 LocalDate noticeOn, LocalDate deadline, String items, List<Round> rounds, String enforcementRef,
                                 LocalDate enforcementOn) {
    }

    public record HistoricDispute(long orgUnitId, long enterpriseId, String enterpriseName, Long villageOrgId, int workers, String masked,
                                  BigDecimal claim, String category, LocalDate acceptedOn, String staff, boolean arbitration,
                                  LocalDate closedOn, String outcome, BigDecimal settled) {
    }

    public record HistoricPlot(String code, long villageOrgId, BigDecimal area, String currentUse, String problem, LocalDate foundOn,
                               String cadre, LocalDate planOn, String plan, LocalDate replantOn, BigDecimal replanted, String crop,
                               LocalDate villageVerifiedOn, LocalDate departmentVerifiedOn, String departmentStaff) {
    }

    public long inspection(Actor loader, HistoricInspection i) {
        check(loader);
        return safety.insertInspection(i.orgUnitId(), i.villageOrgId(), i.enterpriseId(), i.facilityId(), i.place(), i.on(), i.kind(),
                i.campaign(), i.inspectors(), i.findings(), i.by(), at(i.on(), 0));
    }

    /** @return the number of hazards loaded */
    public int hazards(Actor loader, List<HistoricHazard> hazards) {
        check(loader);
        // notices are numbered in the order they were issued
        Map<HistoricHazard, Cases.DocumentNumber> numbers = new java.util.IdentityHashMap<>();
        hazards.stream().filter(h -> h.noticeOn() != null).sorted(Comparator.comparing(HistoricHazard::noticeOn))
                .forEach(h -> numbers.put(h, cases.nextDocumentNumber(loader, h.orgUnitId(), Safety.NOTICE_SERIES, h.noticeOn().getYear())));
        List<HistoricHazard> ordered = hazards.stream().sorted(Comparator.comparing(HistoricHazard::foundOn)).toList();
        List<Cases.HistoricalCase> history = new ArrayList<>();
        for (HistoricHazard h : ordered) {
            List<Cases.Step> steps = new ArrayList<>();
            Cases.DocumentNumber n = numbers.get(h);
            if (n != null) {
                steps.add(step("issue_notice", h.finder(), h.noticeOn(), 60, Map.of("notice_number",
                        Safety.noticeNumber(n.townName(), n.year(), n.seq()), "due_on", h.deadline().toString())));
            }
            int i = 0;
            for (Round r : h.rounds()) {
                boolean onTheSpot = n == null && i == 0;
                Map<String, String> report = new LinkedHashMap<>();
                report.put("measures", r.measures());
                report.put("evidence_count", "0");
                steps.add(step(onTheSpot ? "rectify_on_spot" : "report_rectification", onTheSpot ? h.finder() : r.reporter(),
                        onTheSpot ? h.foundOn() : r.reportedOn(), 120, report));
                if (r.reinspectedOn() != null) {
                    Map<String, String> f = new LinkedHashMap<>();
                    f.put("opinion", r.opinion());
                    if (!r.passed() && r.newDeadline() != null) {
                        f.put("due_on", r.newDeadline().toString());
                    }
                    steps.add(step(r.passed() ? "reinspect_pass" : "reinspect_fail", r.reinspector(), r.reinspectedOn(), 180, f));
                }
                i++;
            }
            String title = (h.enterpriseName() != null ? h.enterpriseName() : h.location()) + "：" + h.location();
            history.add(new Cases.HistoricalCase(new Cases.NewCase(Safety.TYPE, h.orgUnitId(), h.category(), h.level(), null,
                    title.length() > 300 ? title.substring(0, 300) : title, "INSPECTION", false,
                    h.enterpriseId() != null ? ApplicantKind.ENTERPRISE : ApplicantKind.NONE, h.enterpriseId(), h.enterpriseName(), null,
                    h.enterpriseId(), null, null, null, null, h.description()), at(h.foundOn(), 30), h.finder(), steps));
        }
        List<Long> ids = cases.load(loader, history);
        int notices = 0;
        for (int k = 0; k < ordered.size(); k++) {
            HistoricHazard h = ordered.get(k);
            long id = ids.get(k);
            safety.insertHazard(id, h.inspectionId(), h.category(), h.level(), h.villageOrgId(), h.location(), h.description(), null, null,
                    h.foundOn(), h.noticeOn() == null);
            Cases.DocumentNumber n = numbers.get(h);
            if (n != null) {
                safety.insertNotice(id, n.townOrgId(), n.year(), n.seq(), Safety.noticeNumber(n.townName(), n.year(), n.seq()), h.enterpriseId(),
                        h.enterpriseName() != null ? h.enterpriseName() : h.location(), h.noticeOn(), h.deadline(), h.items(), h.finder(),
                        at(h.noticeOn(), 60));
                notices++;
            }
            if (h.enforcementRef() != null) {
                safety.fileEnforcement(id, h.enforcementRef(), h.enforcementOn());
            }
        }
        String path = scopePath(loader);
        events.publishEvent(new LoopEvents.LoopRecordsLoaded("safety_hazard", ordered.size(), path));
        events.publishEvent(new LoopEvents.LoopRecordsLoaded("rectification_notice", notices, path));
        return ordered.size();
    }

    public int disputes(Actor loader, List<HistoricDispute> disputes) {
        check(loader);
        List<HistoricDispute> ordered = disputes.stream().sorted(Comparator.comparing(HistoricDispute::acceptedOn)).toList();
        List<Cases.HistoricalCase> history = new ArrayList<>();
        for (HistoricDispute d : ordered) {
            List<Cases.Step> steps = new ArrayList<>();
            steps.add(d.arbitration()
                    ? step("refer_arbitration", d.staff(), d.acceptedOn(), 60, Map.of("reason", "调解不成，引导申请劳动仲裁"))
                    : step("mediate", d.staff(), d.acceptedOn(), 60, Map.of("mediator", d.staff())));
            steps.add(step("close", d.staff(), d.closedOn(), 120, Map.of("outcome", d.outcome(), "settled_amount", d.settled().toPlainString())));
            history.add(new Cases.HistoricalCase(new Cases.NewCase(LaborDisputes.TYPE, d.orgUnitId(), d.category(), null, null,
                    d.enterpriseName() + "：" + d.workers() + "名劳动者", "VISIT", false, ApplicantKind.PERSON, null, d.masked(), null,
                    d.enterpriseId(), null, null, null, null, null), at(d.acceptedOn(), 0), d.staff(), steps));
        }
        List<Long> ids = cases.load(loader, history);
        for (int k = 0; k < ordered.size(); k++) {
            HistoricDispute d = ordered.get(k);
            loops.insertDispute(ids.get(k), d.enterpriseId(), d.villageOrgId(), d.workers(), d.masked(), d.claim(), d.category());
            loops.setDisputePath(ids.get(k), d.arbitration() ? "ARBITRATION" : "MEDIATION");
            loops.settleDispute(ids.get(k), d.settled());
        }
        events.publishEvent(new LoopEvents.LoopRecordsLoaded("labor_dispute", ordered.size(), scopePath(loader)));
        return ordered.size();
    }

    public int plots(Actor loader, List<HistoricPlot> plots) {
        check(loader);
        List<HistoricPlot> ordered = plots.stream().sorted(Comparator.comparing(HistoricPlot::foundOn).thenComparing(HistoricPlot::code)).toList();
        List<Cases.HistoricalCase> history = new ArrayList<>();
        for (HistoricPlot p : ordered) {
            List<Cases.Step> steps = new ArrayList<>();
            steps.add(step("plan", p.cadre(), p.planOn(), 60, Map.of("plan", p.plan())));
            steps.add(step("replant", p.cadre(), p.replantOn(), 60, Map.of("replanted_area", p.replanted().toPlainString(), "crop", p.crop())));
            steps.add(step("verify_village", p.cadre(), p.villageVerifiedOn(), 60, Map.of("opinion", "已复耕复种，面积属实")));
            steps.add(step("verify_department", p.departmentStaff(), p.departmentVerifiedOn(), 120, Map.of("opinion", "核验通过，同意销号")));
            history.add(new Cases.HistoricalCase(new Cases.NewCase(FarmlandPlots.TYPE, p.villageOrgId(), p.problem(), p.code(), null,
                    "图斑 " + p.code() + "（" + p.area().stripTrailingZeros().toPlainString() + "亩）", "SURVEY", false, ApplicantKind.NONE,
                    null, null, null, null, null, null, null, null, null), at(p.foundOn(), 0), p.cadre(), steps));
        }
        List<Long> ids = cases.load(loader, history);
        for (int k = 0; k < ordered.size(); k++) {
            HistoricPlot p = ordered.get(k);
            loops.insertPlot(ids.get(k), p.code(), p.villageOrgId(), p.area(), p.currentUse(), p.problem());
            loops.setPlan(ids.get(k), p.plan());
            loops.setReplanted(ids.get(k), p.replanted(), p.crop());
        }
        events.publishEvent(new LoopEvents.LoopRecordsLoaded("farmland_plot", ordered.size(), scopePath(loader)));
        return ordered.size();
    }

    private static Cases.Step step(String transition, String actor, LocalDate day, int minutes, Map<String, String> fields) {
        return new Cases.Step(transition, at(day, minutes), actor, fields);
    }

    /** 09:00 in the town's zone plus some minutes, so the steps of one day keep their order. */
    static Instant at(LocalDate day, int minutes) {
        return day.atTime(LocalTime.of(9, 0)).plusMinutes(minutes).atZone(Times.ZONE).toInstant();
    }

    private static void check(Actor loader) {
        if (!loader.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator (or the demo loader) loads history");
        }
    }

    private String scopePath(Actor loader) {
        return loader.scope().path();
    }
}
