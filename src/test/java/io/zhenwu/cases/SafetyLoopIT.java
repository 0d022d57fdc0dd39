package io.zhenwu.cases;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.CreditCode;
import io.zhenwu.registry.Enterprise;
import io.zhenwu.registry.EnterpriseDraft;
import io.zhenwu.registry.Enterprises;
import io.zhenwu.security.Users;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The safety, labor and farmland loops on the one engine, with the issue's bad inputs, on H2 and PostgreSQL. */
@Tag("db")
@ZhenwuTest
class SafetyLoopIT {

    static final AtomicInteger SERIAL = new AtomicInteger();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 1};

    @LocalServerPort
    int port;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Enterprises enterprises;
    @Autowired
    Safety safety;
    @Autowired
    LaborDisputes disputes;
    @Autowired
    FarmlandPlots plots;
    @Autowired
    Cases cases;
    @Autowired
    Users users;
    @Autowired
    JdbcTemplate jdbc;

    OrgUnit town;
    OrgUnit department;
    OrgUnit village;
    Actor inspector;
    Actor colleague;
    Actor staff;
    Actor cadre;
    Enterprise factory;
    Enterprise other;

    @BeforeEach
    void town() {
        town = TestOrgs.newTown(orgUnits);
        department = orgUnits.create(TestOrgs.scopeOf(town), town.id(), TestOrgs.internalCode("AJ"), "安监", OrgUnitType.DEPARTMENT);
        village = orgUnits.create(TestOrgs.scopeOf(town), town.id(), TestOrgs.childCode(town, 201), "甲村", OrgUnitType.VILLAGE);
        // an inspection is signed by real inspectors of the town, the recorder among them
        inspector = inspectorAccount("insp-a-" + town.id(), "张检查");
        colleague = inspectorAccount("insp-b-" + town.id(), "李检查");
        staff = new Actor(3, "staff-" + town.id(), TestOrgs.scopeOf(town), Set.of(Role.STAFF));
        cadre = new Actor(4, "cadre-" + town.id(), TestOrgs.scopeOf(village), Set.of(Role.CADRE));
        factory = enterprise("甲厂");
        other = enterprise("乙厂");
    }

    /** An enabled account holding INSPECTOR in the test town's safety department, as the actor it signs in as. */
    Actor inspectorAccount(String username, String displayName) {
        long id = users.createAsSystem(username, displayName, department, Set.of(Role.INSPECTOR), CasesIT.PASSWORD).id();
        return new Actor(id, username, TestOrgs.scopeOf(town), Set.of(Role.INSPECTOR));
    }

    Safety.InspectionDraft inspectionBy(LocalDate on, List<String> inspectors) {
        return new Safety.InspectionDraft(department.id(), village.code(), factory.id(), null, null, on, "ROUTINE", null, inspectors, null);
    }

    Enterprise enterprise(String name) {
        String first17 = "91321183AQ" + String.format("%07d", SERIAL.getAndIncrement() + 1000 * (int) (town.id() % 1000));
        return enterprises.register(TestOrgs.scopeOf(town), new EnterpriseDraft(first17 + CreditCode.checkCharacter(first17), name,
                village.code(), null, null, null, null, null, null, null, null, null, null));
    }

    SafetyRecords.Inspection inspection(Enterprise e) {
        return safety.recordInspection(inspector, new Safety.InspectionDraft(department.id(), village.code(), e.id(), null, null,
                LocalDate.now().minusDays(1), "NIGHT", null, List.of(inspector.username(), colleague.username()), "夜间安全体检"));
    }

    SafetyRecords.HazardRow hazard(Enterprise e) {
        return safety.addHazard(inspector, new Safety.HazardDraft(inspection(e).id(), "FIRE", "GENERAL", "二号车间",
                "消防通道堵塞", new BigDecimal("32.123456"), new BigDecimal("119.1"), null));
    }

    void photo(long caseId) {
        safety.uploadEvidence(inspector, caseId, SafetyRecords.RECTIFIED, "after.png", PNG.length, new ByteArrayInputStream(PNG), null, null);
    }

    @Test
    void theHazardLoopRunsOnTheEngineAndReinspectionNeedsAnotherPerson() {
        SafetyRecords.HazardRow h = hazard(factory);
        assertThat(h.hazardCase().state()).isEqualTo("found");
        assertThat(h.hazardCase().type()).isEqualTo("safety_hazard");
        LocalDate today = LocalDate.now(io.zhenwu.shared.Times.ZONE);
        SafetyRecords.Notice n = safety.issueNotice(inspector, h.hazardCase().id(), h.hazardCase().version(), today, today.plusDays(10),
                "疏通消防通道\n清理堆放物");
        String prefix = town.name().replaceAll("(镇|街道|乡)$", "");
        assertThat(n.number()).isEqualTo(prefix + "安责改〔" + today.getYear() + "〕第1号");
        CaseView c = cases.get(inspector, h.hazardCase().id());
        assertThat(c.state()).isEqualTo("rectifying");
        assertThat(c.dueOn()).isEqualTo(today.plusDays(10));
        // the next notice of the town takes the next number
        SafetyRecords.HazardRow h2 = hazard(other);
        assertThat(safety.issueNotice(inspector, h2.hazardCase().id(), h2.hazardCase().version(), today, today, "整改").number())
                .isEqualTo(prefix + "安责改〔" + today.getYear() + "〕第2号");

        // closing without evidence is refused
        assertThatThrownBy(() -> safety.reportRectification(inspector, c.id(), c.version(), "已疏通"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("case.safety.evidence.required"));
        photo(c.id());
        CaseView reported = safety.reportRectification(inspector, c.id(), c.version(), "已疏通");
        assertThat(reported.state()).isEqualTo("reported");
        // the inspector who found it may not re-inspect it
        assertThatThrownBy(() -> safety.reinspect(inspector, c.id(), reported.version(), true, "合格", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("case.transition.sameActor"));
        CaseView failed = safety.reinspect(colleague, c.id(), reported.version(), false, "仍有堆放", today.plusDays(3));
        assertThat(failed.state()).isEqualTo("rectifying");
        assertThat(failed.reopenCount()).isEqualTo(1);
        assertThat(failed.dueOn()).isEqualTo(today.plusDays(3));
        photo(c.id());
        CaseView again = safety.reportRectification(inspector, c.id(), failed.version(), "已清理");
        CaseView closed = safety.reinspect(colleague, c.id(), again.version(), true, "合格，销号", null);
        assertThat(closed.closed()).isTrue();
        assertThat(closed.outcome()).isEqualTo("done");
        assertThat(cases.details(inspector, c.id()).timeline()).extracting(TimelineEntry::transition)
                .containsExactly("open", "issue_notice", "report_rectification", "reinspect_fail", "report_rectification", "reinspect_pass");
        // every record write is audited beside the transitions
        Integer audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE (action = 'case.hazard_recorded' AND entity_id = ?) "
                + "OR (action = 'case.notice_issued' AND entity_id = ?)", Integer.class, String.valueOf(c.id()), String.valueOf(n.id()));
        assertThat(audited).isEqualTo(2);
        byte[] docx = NoticeDocx.render(n, safety.issuingUnit(n));
        assertThat(new String(docx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    /**
     * Issue 18: the two-inspector rule took invented names, a recorder who was not among them and 0001-01-01. The
     * inspectors are accounts holding INSPECTOR in the town (login, or display name if unique), the recorder is one
     * of them, and the date lies between {@link Safety#EARLIEST_INSPECTION} and today.
     */
    @Test
    void inspectorsAreRealInspectorsOfTheTownTheRecorderIsOneOfThemAndTheDateIsPlausible() {
        LocalDate yesterday = LocalDate.now(io.zhenwu.shared.Times.ZONE).minusDays(1);
        assertThat(refusals(inspector, inspectionBy(yesterday, List.of("张三", "李四"))))
                .containsExactly("case.safety.inspection.inspectorUnknown", "case.safety.inspection.inspectorUnknown");
        // a staff account, and the demo town's inspector (another town), are not inspectors of this town
        String clerk = "clerk-" + town.id();
        users.createAsSystem(clerk, "王办事", department, Set.of(Role.STAFF), CasesIT.PASSWORD);
        assertThat(refusals(inspector, inspectionBy(yesterday, List.of(inspector.username(), clerk))))
                .containsExactly("case.safety.inspection.inspectorUnknown");
        assertThat(refusals(inspector, inspectionBy(yesterday, List.of(inspector.username(), "inspector"))))
                .containsExactly("case.safety.inspection.inspectorUnknown");
        // two real inspectors, but the one recording is not among them
        Actor third = inspectorAccount("insp-c-" + town.id(), "赵检查");
        assertThat(refusals(inspector, inspectionBy(yesterday, List.of(colleague.username(), third.username()))))
                .containsExactly("case.safety.inspection.recorderNotAmong");
        // a display name borne by two inspectors is ambiguous
        inspectorAccount("insp-d-" + town.id(), "赵检查");
        assertThat(refusals(inspector, inspectionBy(yesterday, List.of(inspector.username(), "赵检查"))))
                .containsExactly("case.safety.inspection.inspectorAmbiguous");
        assertThat(refusals(inspector, inspectionBy(LocalDate.of(1, 1, 1), List.of(inspector.username(), colleague.username()))))
                .containsExactly("case.safety.date.tooEarly");
        assertThat(refusals(inspector, inspectionBy(yesterday.plusDays(2), List.of(inspector.username(), colleague.username()))))
                .containsExactly("case.safety.date.future");
        // logins and unique display names both name an inspector; the record keeps the display names
        SafetyRecords.Inspection ok = safety.recordInspection(inspector, inspectionBy(Safety.EARLIEST_INSPECTION,
                List.of("张检查", colleague.username())));
        assertThat(ok.inspectors()).containsExactly("张检查", "李检查");
    }

    List<String> refusals(Actor recorder, Safety.InspectionDraft draft) {
        try {
            safety.recordInspection(recorder, draft);
        } catch (InvalidInputException e) {
            return e.violations().stream().map(io.zhenwu.shared.FieldViolation::messageKey).toList();
        }
        throw new AssertionError("recorded " + draft);
    }

    @Test
    void onTheSpotRectificationAndEnforcementFiling() {
        SafetyRecords.HazardRow h = hazard(factory);
        photo(h.hazardCase().id());
        CaseView v = safety.rectifyOnSpot(inspector, h.hazardCase().id(), h.hazardCase().version(), "当场拔除违规充电线");
        assertThat(v.state()).isEqualTo("reported");
        assertThat(safety.hazard(inspector, v.id()).hazard().onTheSpot()).isTrue();
        assertThat(safety.fileEnforcement(inspector, v.id(), "句应急立〔2023〕6号").hazard().enforcementFiled()).isTrue();
        assertThatThrownBy(() -> safety.fileEnforcement(inspector, v.id(), "again")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> safety.reinspect(inspector, v.id(), v.version(), true, "合格", null)).isInstanceOf(InvalidInputException.class);
        assertThat(safety.reinspect(colleague, v.id(), v.version(), true, "合格", null).closed()).isTrue();
    }

    @Test
    void badInputIsRefusedWithAClearReason() {
        assertThatThrownBy(() -> safety.recordInspection(inspector, new Safety.InspectionDraft(department.id(), null, factory.id(), null,
                null, LocalDate.now().minusDays(1), "ROUTINE", null, List.of(inspector.username(), " " + inspector.username() + " "), null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.messageKey()).contains("case.safety.inspection.twoInspectors"));
        SafetyRecords.HazardRow h = hazard(factory);
        LocalDate today = LocalDate.now(io.zhenwu.shared.Times.ZONE);
        assertThatThrownBy(() -> safety.issueNotice(inspector, h.hazardCase().id(), h.hazardCase().version(), today, today.minusDays(1), "整改"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("case.safety.notice.deadlineBeforeIssue"));
        long id = h.hazardCase().id();
        byte[] pdf = "%PDF-1.4 not a photo".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> safety.uploadEvidence(inspector, id, SafetyRecords.RECTIFIED, "x.jpg", pdf.length,
                new ByteArrayInputStream(pdf), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("case.safety.evidence.notImage"));
        long fifty = 50L * 1024 * 1024;
        assertThatThrownBy(() -> safety.uploadEvidence(inspector, id, SafetyRecords.RECTIFIED, "big.png", fifty, InputStream.nullInputStream(), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("case.safety.evidence.tooLarge"));
        // a stream longer than it claimed is measured, not trusted
        byte[] eleven = new byte[11 * 1024 * 1024];
        System.arraycopy(PNG, 0, eleven, 0, PNG.length);
        assertThatThrownBy(() -> safety.uploadEvidence(inspector, id, SafetyRecords.RECTIFIED, "big.png", 100, new ByteArrayInputStream(eleven), null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(safety.evidence(inspector, id)).isEmpty();
        // the generic engine path can neither type in a notice number nor skip the evidence
        CaseView v = cases.get(inspector, id);
        assertThatThrownBy(() -> cases.fire(inspector, id, "issue_notice", v.version(), Map.of("notice_number", "第1号", "due_on", today.toString()), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("case.safety.notice.useForm"));
        safety.issueNotice(inspector, id, v.version(), today, today, "整改");
        CaseView notified = cases.get(inspector, id);
        assertThatThrownBy(() -> cases.fire(inspector, id, "report_rectification", notified.version(),
                Map.of("measures", "done", "evidence_count", "3"), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("case.safety.evidence.required"));
    }

    @Test
    void anEnterpriseUserReadsOnlyItsOwnNotices() {
        LocalDate today = LocalDate.now(io.zhenwu.shared.Times.ZONE);
        SafetyRecords.HazardRow h = hazard(factory);
        SafetyRecords.Notice n = safety.issueNotice(inspector, h.hazardCase().id(), h.hazardCase().version(), today, today.plusDays(5), "整改");
        Actor own = new Actor(7, "ent-own", TestOrgs.scopeOf(village), Set.of(Role.ENTERPRISE), Set.of(), factory.id());
        Actor stranger = new Actor(8, "ent-other", TestOrgs.scopeOf(village), Set.of(Role.ENTERPRISE), Set.of(), other.id());
        assertThat(safety.notice(own, n.id()).number()).isEqualTo(n.number());
        assertThat(safety.myEnterpriseNotices(own)).extracting(SafetyRecords.Notice::id).contains(n.id());
        assertThatThrownBy(() -> safety.notice(stranger, n.id())).isInstanceOf(NotFoundException.class);
        assertThat(safety.myEnterpriseNotices(stranger)).isEmpty();
        OrgUnit otherTown = TestOrgs.newTown(orgUnits);
        Actor outsider = new Actor(9, "insp-x", TestOrgs.scopeOf(otherTown), Set.of(Role.INSPECTOR));
        assertThatThrownBy(() -> safety.notice(outsider, n.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void overHttpTheDemoEnterpriseUserReadsItsOwnNoticeAndGets404ForAnothers() throws Exception {
        OrgUnit xiashu = TestOrgs.byCode(orgUnits, TestOrgs.XIASHU);
        OrgUnit safetyDept = TestOrgs.byCode(orgUnits, "XS-AQYJ");
        Actor xsInspector = new Actor(11, "inspector", TestOrgs.scopeOf(xiashu), Set.of(Role.INSPECTOR));   // the demo's
        Enterprise own = enterprises.findByCreditCode(TestOrgs.scopeOf(xiashu), "91321183MABKMCDFKE").orElseThrow();
        Enterprise another = enterprises.search(TestOrgs.scopeOf(xiashu), io.zhenwu.registry.EnterpriseQuery.all(),
                io.zhenwu.shared.PageQuery.of(0, 5, null, "e.id", Enterprises.SORTABLE)).content().stream()
                .filter(e -> e.id() != own.id()).findFirst().orElseThrow();
        LocalDate today = LocalDate.now(io.zhenwu.shared.Times.ZONE);
        long[] notices = new long[2];
        int k = 0;
        for (Enterprise e : List.of(own, another)) {
            SafetyRecords.Inspection i = safety.recordInspection(xsInspector, new Safety.InspectionDraft(safetyDept.id(), null, e.id(), null,
                    null, today, "ROUTINE", null, List.of("inspector", "inspector2"), null));
            SafetyRecords.HazardRow h = safety.addHazard(xsInspector, new Safety.HazardDraft(i.id(), "OTHER", "GENERAL", "仓库", "标志缺失",
                    null, null, null));
            notices[k++] = safety.issueNotice(xsInspector, h.hazardCase().id(), h.hazardCase().version(), today, today.plusDays(3), "补设标志").id();
        }
        var client = new HttpTestClient(port, false);
        HttpResponse<String> token = client.basic("POST", "/api/v1/tokens", "enterprise", CasesIT.PASSWORD, "{\"name\":\"t\"}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        client.bearer(tools.jackson.databind.json.JsonMapper.builder().build().readTree(token.body()).get("token").asString());
        assertThat(client.get("/api/v1/safety/notices/" + notices[0]).statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v1/safety/notices/" + notices[0] + "/docx").statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v1/safety/my-notices").body()).contains(String.valueOf(notices[0]));
        HttpResponse<String> other = client.get("/api/v1/safety/notices/" + notices[1]);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(404);
        assertThat(client.get("/api/v1/safety/notices/" + notices[1] + "/docx").statusCode()).isEqualTo(404);
    }

    @Test
    void twoInspectorsClosingTheSameHazardAtOnceOneWins() throws Exception {
        SafetyRecords.HazardRow h = hazard(factory);
        photo(h.hazardCase().id());
        CaseView reported = safety.rectifyOnSpot(inspector, h.hazardCase().id(), h.hazardCase().version(), "现场整改");
        Actor third = new Actor(5, "insp-c-" + town.id(), TestOrgs.scopeOf(town), Set.of(Role.INSPECTOR));
        List<String> outcomes = atOnce(List.of(colleague, third), a -> {
            safety.reinspect(a, reported.id(), reported.version(), true, "合格 " + a.username(), null);
            return "won";
        });
        assertThat(outcomes).containsExactlyInAnyOrder("won", "409");
    }

    /** Runs {@code work} for each actor at the same moment on its own thread; a ConflictException counts as "409". */
    static List<String> atOnce(List<Actor> actors, java.util.function.Function<Actor, String> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(actors.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (Actor a : actors) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return work.apply(a);
                    } catch (ConflictException e) {
                        return "409";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    /** Issue 18: the second of two simultaneous notices on one hazard was a DuplicateKeyException (500), now 409. */
    @Test
    void twoInspectorsIssuingANoticeOnTheSameHazardAtOnceOneGets409AndNoNumberIsLost() throws Exception {
        LocalDate today = LocalDate.now(io.zhenwu.shared.Times.ZONE);
        String prefix = town.name().replaceAll("(镇|街道|乡)$", "") + "安责改〔" + today.getYear() + "〕第";
        for (int round = 1; round <= 5; round++) {
            SafetyRecords.HazardRow h = hazard(factory);
            List<String> outcomes = atOnce(List.of(inspector, colleague), a -> safety.issueNotice(a, h.hazardCase().id(),
                    h.hazardCase().version(), today, today.plusDays(7), "整改 " + a.username()).number());
            // one notice, numbered right after the previous round's: the loser took no number
            assertThat(outcomes).containsExactlyInAnyOrder(prefix + round + "号", "409");
        }
    }

    @Test
    void laborDisputesKeepYuanWithTwoDecimals() {
        assertThatThrownBy(() -> disputes.accept(staff, new LaborDisputes.DisputeDraft(department.id(), factory.id(), 3,
                List.of("王小明"), "12000.005", "WAGES", null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.messageKey()).contains("case.labor.amount.scale"));
        LaborDisputes.Dispute d = disputes.accept(staff, new LaborDisputes.DisputeDraft(department.id(), factory.id(), 3,
                List.of("王小明", "欧阳娜娜"), "12000.50", "WAGES", "拖欠工资"));
        assertThat(d.workersMasked()).isEqualTo("王**、欧***");
        assertThat(d.claimAmount()).isEqualByComparingTo("12000.50");
        d = disputes.mediate(staff, d.disputeCase().id(), d.disputeCase().version(), "调解员甲");
        long id = d.disputeCase().id();
        long version = d.disputeCase().version();
        assertThatThrownBy(() -> disputes.close(staff, id, version, "调解成功", "11000.001")).isInstanceOf(InvalidInputException.class);
        d = disputes.close(staff, id, version, "调解成功，当场兑现", "11000.00");
        assertThat(d.disputeCase().closed()).isTrue();
        assertThat(d.settledAmount()).isEqualByComparingTo("11000");
        assertThat(d.path()).isEqualTo("MEDIATION");
        // fired through the engine's generic path, the record follows the transition just the same
        LaborDisputes.Dispute g = disputes.accept(staff, new LaborDisputes.DisputeDraft(department.id(), other.id(), 1, List.of("赵六"),
                "800", "CONTRACT", null));
        CaseView gv = cases.fire(staff, g.disputeCase().id(), "refer_arbitration", g.disputeCase().version(), Map.of("reason", "调解不成"), null);
        assertThatThrownBy(() -> cases.fire(staff, gv.id(), "close", gv.version(), Map.of("outcome", "裁决", "settled_amount", "1.234"), null))
                .isInstanceOf(InvalidInputException.class);
        cases.fire(staff, gv.id(), "close", gv.version(), Map.of("outcome", "仲裁裁决已履行", "settled_amount", "750.5"), null);
        LaborDisputes.Dispute after = disputes.get(staff, gv.id());
        assertThat(after.path()).isEqualTo("ARBITRATION");
        assertThat(after.settledAmount()).isEqualByComparingTo("750.50");
    }

    @Test
    void farmlandPlotsAreVerifiedByTheVillageThenTheDepartment() {
        assertThatThrownBy(() -> plots.register(cadre, new FarmlandPlots.PlotDraft("TB-" + town.id() + "-0", village.code(), "-1.5", "坑塘", "OUTFLOW")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.messageKey()).contains("case.land.area.positive"));
        FarmlandPlots.Plot p = plots.register(cadre, new FarmlandPlots.PlotDraft("TB-" + town.id() + "-1", village.code(), "2.3100", "苗木", "NON_GRAIN"));
        assertThat(p.areaSquareMetres()).isEqualByComparingTo("1540.00");
        p = plots.plan(cadre, p.plotCase().id(), p.plotCase().version(), "清除苗木，复种小麦");
        p = plots.replant(cadre, p.plotCase().id(), p.plotCase().version(), "3.05", "小麦");
        assertThat(p.replantedArea()).isEqualByComparingTo("3.05");
        p = plots.verify(cadre, p.plotCase().id(), p.plotCase().version(), false, "已复种");
        long id = p.plotCase().id();
        long version = p.plotCase().version();
        Actor cadreAsStaff = new Actor(4, cadre.username(), TestOrgs.scopeOf(town), Set.of(Role.STAFF, Role.CADRE));
        assertThatThrownBy(() -> plots.verify(cadreAsStaff, id, version, true, "同一人")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> plots.verify(cadre, id, version, true, "无权")).isInstanceOf(AccessDeniedException.class);
        p = plots.verify(staff, id, version, true, "核验通过");
        assertThat(p.plotCase().closed()).isTrue();
    }

    @Test
    void overHttpAPhotoThatIsNotAnImageIsA400WithAClearMessage() throws Exception {
        SafetyRecords.HazardRow h = hazard(factory);
        String name = "insp-http-" + town.id();
        users.createAsSystem(name, "检查员", department, Set.of(Role.INSPECTOR), CasesIT.PASSWORD);
        var client = new HttpTestClient(port, false);
        HttpResponse<String> token = client.basic("POST", "/api/v1/tokens", name, CasesIT.PASSWORD, "{\"name\":\"t\"}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        String bearer = tools.jackson.databind.json.JsonMapper.builder().build().readTree(token.body()).get("token").asString();
        String boundary = "----zw" + System.nanoTime();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\nthis is text, not a photo\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/safety/hazards/" + h.hazardCase().id() + "/evidence"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("not an image");
        HttpResponse<String> notice = client.bearer(bearer).send("POST", "/api/v1/safety/hazards/" + h.hazardCase().id() + "/notice",
                "{\"version\":0,\"issuedOn\":\"2023-05-10\",\"deadline\":\"2023-05-01\",\"items\":\"x\"}");
        assertThat(notice.statusCode()).as(notice.body()).isEqualTo(400);
        assertThat(notice.body()).contains("deadline");
    }
}
