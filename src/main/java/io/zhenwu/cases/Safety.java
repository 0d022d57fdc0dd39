package io.zhenwu.cases;

import io.zhenwu.cases.SafetyRecords.Evidence;
import io.zhenwu.cases.SafetyRecords.Hazard;
import io.zhenwu.cases.SafetyRecords.HazardRow;
import io.zhenwu.cases.SafetyRecords.Inspection;
import io.zhenwu.cases.SafetyRecords.Notice;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.Enterprise;
import io.zhenwu.registry.Enterprises;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.MissingScopeException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 安全生产闭环: inspections (检查关), hazards as {@code safety_hazard} cases with their notices and evidence (整改关), and
 * re-inspection by another person (闭环关). Every state change goes through {@link Cases#fire}; this service only
 * keeps the records beside the case and numbers the notices.
 */
@Service
@Transactional
public class Safety {

    static final String TYPE = "safety_hazard";
    static final String NOTICE_SERIES = "notice:AJZG";
    /**
     * The earliest inspection date accepted: records of this platform start long after it (the 安全生产法 dates from
     * 2002), so an earlier date is a typing error (0001-01-01), not history.
     */
    static final LocalDate EARLIEST_INSPECTION = LocalDate.of(2000, 1, 1);

    private final Cases cases;
    private final SafetyRepository repository;
    private final CaseRepository caseRepository;
    private final EvidenceStore store;
    private final OrgUnits orgUnits;
    private final Enterprises enterprises;
    private final InspectorRoster roster;
    private final ApplicationEventPublisher events;

    Safety(Cases cases, SafetyRepository repository, CaseRepository caseRepository, EvidenceStore store, OrgUnits orgUnits,
           Enterprises enterprises, InspectorRoster roster, ApplicationEventPublisher events) {
        this.cases = cases;
        this.repository = repository;
        this.caseRepository = caseRepository;
        this.store = store;
        this.orgUnits = orgUnits;
        this.enterprises = enterprises;
        this.roster = roster;
        this.events = events;
    }

    public record InspectionDraft(Long orgUnitId, String villageCode, Long enterpriseId, Long facilityId, String place,
                                  LocalDate inspectedOn, String kind, String campaign, List<String> inspectors, String findings) {
    }

    public record HazardDraft(Long inspectionId, String category, String level, String location, String description,
                              BigDecimal latitude, BigDecimal longitude, LocalDate foundOn) {
    }

    // --- inspections ------------------------------------------------------------------------------------------------

    public Inspection recordInspection(Actor actor, InspectionDraft d) {
        List<FieldViolation> problems = new ArrayList<>();
        long org = d.orgUnitId() != null ? d.orgUnitId() : actor.orgUnitId();
        OrgUnit unit = orgUnits.find(actor.scope(), org).orElseThrow(() -> new NotFoundException("org_unit", org));
        DataScope town = townScope(unit.id());
        Long village = null;
        if (d.villageCode() != null && !d.villageCode().isBlank()) {
            village = orgUnits.findByCode(town, d.villageCode().strip()).map(OrgUnit::id).orElse(null);
            if (village == null) {
                problems.add(FieldViolation.of("villageCode", "case.safety.village.unknown", d.villageCode().strip()));
            }
        }
        if (d.enterpriseId() != null && !enterpriseExists(town, d.enterpriseId())) {
            problems.add(FieldViolation.of("enterpriseId", "case.safety.enterprise.unknown", d.enterpriseId()));
        }
        String place = blankToNull(d.place());
        if (d.enterpriseId() == null && place == null && d.facilityId() == null) {
            problems.add(FieldViolation.of("place", "case.safety.inspection.target"));
        }
        if (place != null && place.length() > 200) {
            problems.add(FieldViolation.of("place", "case.field.tooLong", "place", 200));
        }
        if (d.inspectedOn() == null) {
            problems.add(FieldViolation.of("inspectedOn", "case.safety.date.required"));
        } else if (d.inspectedOn().isAfter(today())) {
            problems.add(FieldViolation.of("inspectedOn", "case.safety.date.future"));
        } else if (d.inspectedOn().isBefore(EARLIEST_INSPECTION)) {
            problems.add(FieldViolation.of("inspectedOn", "case.safety.date.tooEarly", EARLIEST_INSPECTION));
        }
        if (d.kind() == null || !SafetyRecords.INSPECTION_KINDS.contains(d.kind())) {
            problems.add(FieldViolation.of("kind", "case.safety.inspection.kind", String.join(", ", SafetyRecords.INSPECTION_KINDS)));
        }
        List<String> names = roster.resolve(actor, town, d.inspectors(), problems);
        if (names.stream().anyMatch(n -> n.length() > 40 || n.contains(","))) {
            problems.add(FieldViolation.of("inspectors", "case.safety.inspection.inspectorName"));
        }
        if (d.findings() != null && d.findings().length() > 4000) {
            problems.add(FieldViolation.of("findings", "case.field.tooLong", "findings", 4000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = Times.now();
        long id = repository.insertInspection(unit.id(), village, d.enterpriseId(), d.facilityId(), place, d.inspectedOn(), d.kind(),
                blankToNull(d.campaign()), List.copyOf(names), blankToNull(d.findings()), actor.username(), now);
        Inspection saved = repository.inspection(actor.scope(), id).orElseThrow();
        events.publishEvent(new LoopEvents.InspectionRecorded(id, saved, unit.path()));
        return saved;
    }

    @Transactional(readOnly = true)
    public Inspection inspection(Actor actor, long id) {
        return repository.inspection(actor.scope(), id).orElseThrow(() -> new NotFoundException("safety_inspection", id));
    }

    @Transactional(readOnly = true)
    public List<Inspection> inspections(Actor actor, LocalDate from, LocalDate to, String kind) {
        return repository.inspections(actor.scope(), from, to, kind, 200);
    }

    // --- hazards ------------------------------------------------------------------------------------------------------

    /** 发现隐患: opens a {@code safety_hazard} case for the inspection's enterprise and records the hazard beside it. */
    public HazardRow addHazard(Actor actor, HazardDraft d) {
        List<FieldViolation> problems = new ArrayList<>();
        Inspection inspection = d.inspectionId() == null ? null : repository.inspection(actor.scope(), d.inspectionId())
                .orElseThrow(() -> new NotFoundException("safety_inspection", d.inspectionId()));
        if (inspection == null) {
            problems.add(FieldViolation.of("inspectionId", "case.safety.hazard.inspection"));
        }
        if (d.category() == null || !SafetyRecords.HAZARD_CATEGORIES.contains(d.category())) {
            problems.add(FieldViolation.of("category", "case.safety.hazard.category", String.join(", ", SafetyRecords.HAZARD_CATEGORIES)));
        }
        if (d.level() == null || !SafetyRecords.HAZARD_LEVELS.contains(d.level())) {
            problems.add(FieldViolation.of("level", "case.safety.hazard.level"));
        }
        String location = blankToNull(d.location());
        String description = blankToNull(d.description());
        if (location == null || location.length() > 200) {
            problems.add(FieldViolation.of("location", "case.safety.hazard.location", 200));
        }
        if (description == null || description.length() > 2000) {
            problems.add(FieldViolation.of("description", "case.safety.hazard.description", 2000));
        }
        checkCoordinates(d.latitude(), d.longitude(), problems);
        LocalDate found = d.foundOn() != null ? d.foundOn() : inspection != null ? inspection.inspectedOn() : today();
        if (found.isAfter(today())) {
            problems.add(FieldViolation.of("foundOn", "case.safety.date.future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Enterprise enterprise = inspection.enterpriseId() == null ? null
                : enterprises.get(townScope(inspection.orgUnitId()), inspection.enterpriseId());
        String title = (enterprise != null ? enterprise.name() : inspection.place() != null ? inspection.place() : location) + "：" + location;
        CaseView opened = cases.open(actor, new Cases.NewCase(TYPE, inspection.orgUnitId(), d.category(), d.level(), null,
                title.length() > 300 ? title.substring(0, 300) : title, "INSPECTION", false,
                enterprise != null ? ApplicantKind.ENTERPRISE : ApplicantKind.NONE, enterprise == null ? null : enterprise.id(),
                enterprise == null ? null : enterprise.name(), null, enterprise == null ? null : enterprise.id(), null, null,
                null, null, description));
        repository.insertHazard(opened.id(), inspection.id(), d.category(), d.level(), inspection.villageOrgId(), location, description,
                d.latitude(), d.longitude(), found, false);
        Hazard hazard = repository.hazard(actor.scope(), opened.id()).orElseThrow();
        events.publishEvent(new LoopEvents.HazardRecorded(opened.id(), hazard, pathOf(opened)));
        return new HazardRow(opened, hazard, null);
    }

    @Transactional(readOnly = true)
    public HazardRow hazard(Actor actor, long caseId) {
        CaseView c = cases.get(actor, caseId);
        Hazard h = repository.hazard(actor.scope(), caseId).orElseThrow(() -> new NotFoundException("safety_hazard", caseId));
        return new HazardRow(c, h, repository.noticeOfCase(actor.scope(), caseId).orElse(null));
    }

    @Transactional(readOnly = true)
    public List<HazardRow> hazards(Actor actor, String level, String category, String stateKind, Long villageOrgId, Boolean overdue) {
        if (actor.boundToEnterprise()) {
            return List.of();
        }
        return repository.hazardIds(actor.scope(), level, category, stateKind, villageOrgId, overdue, 200).stream()
                .map(id -> hazard(actor, id)).toList();
    }

    @Transactional(readOnly = true)
    public List<Evidence> evidence(Actor actor, long caseId) {
        cases.get(actor, caseId);
        return repository.evidence(actor.scope(), caseId);
    }

    /** Uploads a photo of a hazard (stage FOUND) or of its rectification (stage RECTIFIED). */
    public Evidence uploadEvidence(Actor actor, long caseId, String stage, String fileName, long size, InputStream content,
                                   BigDecimal latitude, BigDecimal longitude) {
        CaseView c = cases.get(actor, caseId);
        if (!TYPE.equals(c.type())) {
            throw new NotFoundException("safety_hazard", caseId);
        }
        if (!SafetyRecords.FOUND.equals(stage) && !SafetyRecords.RECTIFIED.equals(stage)) {
            throw new InvalidInputException("stage", "case.safety.evidence.stage");
        }
        if (c.closed()) {
            throw new InvalidInputException("file", "case.safety.evidence.closed", c.number());
        }
        List<FieldViolation> problems = new ArrayList<>();
        checkCoordinates(latitude, longitude, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        EvidenceStore.Stored stored = store.store(size, content);
        String name = fileName == null || fileName.isBlank() ? stored.storedName() : Path.of(fileName).getFileName().toString();
        long id = repository.insertEvidence(caseId, stage, name.length() > 200 ? name.substring(name.length() - 200) : name,
                stored.contentType(), stored.size(), stored.sha256(), stored.storedName(), latitude, longitude, actor.username(), Times.now());
        events.publishEvent(new LoopEvents.EvidenceUploaded(id, caseId, stage, stored.sha256(), stored.size(), pathOf(c)));
        return repository.evidence(actor.scope(), caseId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /** The stored photo (path and type) of an evidence row in scope. */
    @Transactional(readOnly = true)
    public Map.Entry<Path, String> evidenceFile(Actor actor, long evidenceId) {
        String[] f = repository.evidenceFile(actor.scope(), evidenceId).orElseThrow(() -> new NotFoundException("safety_evidence", evidenceId));
        return Map.entry(store.file(f[0]), f[1]);
    }

    // --- the loop -------------------------------------------------------------------------------------------------------

    /** 下达责令整改通知书: numbered per town and year without gaps; the deadline becomes the case's deadline. */
    public Notice issueNotice(Actor actor, long caseId, long version, LocalDate issuedOn, LocalDate deadline, String items) {
        CaseView c = cases.get(actor, caseId);
        List<FieldViolation> problems = new ArrayList<>();
        LocalDate issued = issuedOn == null ? today() : issuedOn;
        if (issued.isAfter(today())) {
            problems.add(FieldViolation.of("issuedOn", "case.safety.date.future"));
        }
        if (deadline == null) {
            problems.add(FieldViolation.of("deadline", "case.safety.notice.deadlineRequired"));
        } else if (deadline.isBefore(issued)) {
            problems.add(FieldViolation.of("deadline", "case.safety.notice.deadlineBeforeIssue", deadline, issued));
        }
        String text = blankToNull(items);
        if (text == null || text.length() > 4000) {
            problems.add(FieldViolation.of("items", "case.safety.notice.items", 4000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // two inspectors issuing at once: the second waits here, then gets 409 — no number taken, no duplicate record
        cases.holdAtVersion(actor, caseId, version);
        Cases.DocumentNumber n = cases.nextDocumentNumber(actor, c.orgUnitId(), NOTICE_SERIES, issued.getYear());
        String number = noticeNumber(n.townName(), n.year(), n.seq());
        String addressee = c.applicantName() != null ? c.applicantName() : c.title();
        // the notice exists before the transition fires: the guard lets issue_notice through only for a numbered notice
        long id = repository.insertNotice(caseId, n.townOrgId(), n.year(), n.seq(), number, c.enterpriseId(), addressee, issued, deadline,
                text, actor.username(), Times.now());
        cases.fire(actor, caseId, "issue_notice", version, Map.of("notice_number", number, "due_on", deadline.toString()), null);
        Notice notice = repository.notice(actor.scope(), id).orElseThrow();
        events.publishEvent(new LoopEvents.NoticeIssued(id, caseId, number, notice, pathOf(c)));
        return notice;
    }

    /** {@code 下蜀安责改〔2023〕第227号}: the town's short name (without 镇/街道/乡), year, sequence. */
    static String noticeNumber(String townName, int year, long seq) {
        String shortName = townName.replaceAll("(镇|街道|乡)$", "");
        return shortName + "安责改〔" + year + "〕第" + seq + "号";
    }

    /** 现场整改: fixed while the inspector was there, with a photo; awaits re-inspection by someone else. */
    public CaseView rectifyOnSpot(Actor actor, long caseId, long version, String measures) {
        int photos = repository.evidenceCount(caseId, SafetyRecords.RECTIFIED);
        return cases.fire(actor, caseId, "rectify_on_spot", version, fields(measures, photos), null);   // LoopRecordSync marks it
    }

    /** 整改完成报告: needs at least one photo of the rectification. */
    public CaseView reportRectification(Actor actor, long caseId, long version, String measures) {
        int photos = repository.evidenceCount(caseId, SafetyRecords.RECTIFIED);
        return cases.fire(actor, caseId, "report_rectification", version, fields(measures, photos), null);
    }

    /** 复查: by a person other than whoever found the hazard or issued the notice; passed → 销号, failed → rectify again. */
    public CaseView reinspect(Actor actor, long caseId, long version, boolean passed, String opinion, LocalDate newDeadline) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("opinion", opinion);
        if (!passed && newDeadline != null) {
            f.put("due_on", newDeadline.toString());
        }
        return cases.fire(actor, caseId, passed ? "reinspect_pass" : "reinspect_fail", version, f, null);
    }

    /** 事前立案: files a serious hazard as an enforcement case (its reference in the enforcement system). */
    public HazardRow fileEnforcement(Actor actor, long caseId, String reference) {
        CaseView c = cases.get(actor, caseId);
        String ref = blankToNull(reference);
        if (ref == null || ref.length() > 60) {
            throw new InvalidInputException("reference", "case.safety.enforcement.reference", 60);
        }
        if (!repository.fileEnforcement(caseId, ref, today())) {
            throw new InvalidInputException("reference", "case.safety.enforcement.already", c.number());
        }
        events.publishEvent(new LoopEvents.EnforcementFiled(caseId, ref, pathOf(c)));
        return hazard(actor, caseId);
    }

    // --- notices --------------------------------------------------------------------------------------------------------

    /** A notice; an enterprise user reads only their own enterprise's (another's is 404). */
    @Transactional(readOnly = true)
    public Notice notice(Actor actor, long id) {
        if (actor.boundToEnterprise()) {
            if (actor.enterpriseId() == null) {
                throw new MissingScopeException();
            }
            return repository.noticeForEnterprise(id, actor.enterpriseId()).orElseThrow(() -> new NotFoundException("rectification_notice", id));
        }
        return repository.notice(actor.scope(), id).orElseThrow(() -> new NotFoundException("rectification_notice", id));
    }

    @Transactional(readOnly = true)
    public List<Notice> myEnterpriseNotices(Actor actor) {
        if (!actor.boundToEnterprise() || actor.enterpriseId() == null) {
            return List.of();
        }
        return repository.noticesForEnterprise(actor.enterpriseId());
    }

    /** Open notices past their deadline; an inspector sees the ones they issued, leaders and staff all of their scope. */
    @Transactional(readOnly = true)
    public List<Notice> overdueNotices(Actor actor, boolean mine) {
        if (actor.boundToEnterprise()) {
            return List.of();
        }
        return repository.overdueNotices(actor.scope(), mine ? actor.username() : null, today());
    }

    /** The unit that issues a notice: the town's name (下蜀镇人民政府). */
    @Transactional(readOnly = true)
    public String issuingUnit(Notice n) {
        return caseRepository.townName(caseRepository.findAsSystem(n.caseId()).orElseThrow().townOrgId) + "人民政府";
    }

    // --- the leader's board -----------------------------------------------------------------------------------------------

    public record Board(int year, Map<String, Object> figures, List<Map<String, Object>> openByVillageAndLevel,
                       Map<Integer, long[]> byMonth) {
    }

    @Transactional(readOnly = true)
    public Board board(Actor actor, int year) {
        return new Board(year, repository.yearFigures(actor.scope(), year), repository.openByVillageAndLevel(actor.scope()),
                repository.byMonth(actor.scope(), year));
    }

    // --- helpers ------------------------------------------------------------------------------------------------------------

    private static Map<String, String> fields(String measures, int photos) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("measures", measures);
        f.put("evidence_count", String.valueOf(photos));
        return f;
    }

    private static void checkCoordinates(BigDecimal lat, BigDecimal lng, List<FieldViolation> problems) {
        if ((lat == null) != (lng == null)) {
            problems.add(FieldViolation.of("latitude", "case.safety.gps.both"));
        } else if (lat != null && (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0 || lng.abs().compareTo(BigDecimal.valueOf(180)) > 0
                || lat.scale() > 6 || lng.scale() > 6)) {
            problems.add(FieldViolation.of("latitude", "case.safety.gps.range"));
        }
    }

    DataScope townScope(long orgUnitId) {
        long town = caseRepository.townOf(orgUnitId).orElseThrow(() -> new InvalidInputException("orgUnitId", "case.org.noTown")).id();
        return orgUnits.scopeOf(town).orElseThrow();
    }

    private String pathOf(CaseView c) {
        return caseRepository.pathOf(c.orgUnitId()).orElse(null);
    }

    static LocalDate today() {
        return LocalDate.now(Times.ZONE);
    }

    private boolean enterpriseExists(DataScope town, long id) {
        try {
            enterprises.get(town, id);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
