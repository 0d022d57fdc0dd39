package io.zhenwu.cases;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.Users;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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

/** The case engine end to end, on H2 and PostgreSQL, in towns of its own. */
@Tag("db")
@ZhenwuTest
class CasesIT {

    static final String PASSWORD = "Zhenwu@2023";
    static final AtomicInteger USERS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Cases cases;
    @Autowired
    Users users;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    OrgUnit town;
    OrgUnit department;
    Actor staff;
    Actor otherStaff;

    @BeforeEach
    void town() {
        town = TestOrgs.newTown(orgUnits);
        department = orgUnits.create(TestOrgs.scopeOf(town), town.id(), TestOrgs.internalCode("ZW"), "政务服务中心", OrgUnitType.DEPARTMENT);
        staff = new Actor(1, "window-1", TestOrgs.scopeOf(town), Set.of(Role.STAFF));
        otherStaff = new Actor(2, "window-2", TestOrgs.scopeOf(town), Set.of(Role.STAFF));
    }

    Cases.NewCase matter(String title) {
        return new Cases.NewCase("service_matter", department.id(), "公共服务", "M001", "城乡居民养老保险参保登记", title, "W01",
                false, ApplicantKind.PERSON, null, "张*", null, null, null, null, 5, 20, null);
    }

    @Test
    void numbersCasesPerTownTypeAndYearWithoutGapsEvenConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            numbers.add(pool.submit(() -> {
                start.await();
                return cases.open(staff, matter("并发受理 " + n), Instant.parse("2023-06-01T02:00:00Z")).number();
            }));
        }
        start.countDown();
        List<String> got = new ArrayList<>();
        for (Future<String> f : numbers) {
            got.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Collections.sort(got);
        String prefix = town.code().substring(0, 9) + "-ZW-2023-";
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            expected.add(prefix + String.format("%06d", i));
        }
        assertThat(got).containsExactlyElementsOf(expected);
        // A new year starts again at 1.
        assertThat(cases.open(staff, matter("新年第一件"), Instant.parse("2024-01-02T02:00:00Z")).number()).isEqualTo(
                town.code().substring(0, 9) + "-ZW-2024-000001");
    }

    @Test
    void deadlinesFollowTheWorkingDayCalendarAndTheTimelineRecordsEveryStep() {
        // Accepted on Thursday 2023-09-28 with 5 working days: the National Day holiday is skipped.
        CaseView v = cases.open(staff, matter("国庆前受理"), Instant.parse("2023-09-28T02:00:00Z"));
        assertThat(v.dueOn()).isEqualTo(LocalDate.of(2023, 10, 11));
        assertThat(v.state()).isEqualTo("accepted");
        v = cases.fire(staff, v.id(), "hand_over", v.version(), Map.of("assignee", "李四"), "转经办", Instant.parse("2023-10-09T02:00:00Z"));
        v = cases.fire(otherStaff, v.id(), "complete", v.version(), Map.of("result", "已办结，证照已发放"), null,
                Instant.parse("2023-10-10T03:00:00Z"));
        assertThat(v.closed()).isTrue();
        assertThat(v.outcome()).isEqualTo("done");
        Cases.CaseDetails d = cases.details(staff, v.id());
        assertThat(d.timeline()).extracting(TimelineEntry::transition).containsExactly("open", "hand_over", "complete");
        assertThat(d.timeline().get(2).fields()).containsEntry("result", "已办结，证照已发放");
        assertThat(d.timeline().get(2).actor()).isEqualTo("window-2");
        assertThat(d.current().assignee()).isEqualTo("李四");
        Integer audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'case' AND entity_id = ?",
                Integer.class, String.valueOf(v.id()));
        assertThat(audited).as("opened + two transitions are audited").isEqualTo(3);
    }

    @Test
    void aStaleVersionOrAConcurrentTransitionGets409WithTheCurrentCase() throws Exception {
        CaseView v = cases.open(staff, matter("并发办结"));
        assertThatThrownBy(() -> cases.fire(staff, v.id(), "hand_over", v.version() + 7, Map.of(), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(((CaseView) e.current()).state()).isEqualTo("accepted"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (Actor a : List.of(staff, otherStaff)) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    cases.fire(a, v.id(), "complete", v.version(), Map.of("result", "办结 by " + a.username()), null);
                    return "won";
                } catch (ConflictException e) {
                    return "409";
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(results).containsExactlyInAnyOrder("won", "409");
        // The winner's entry follows the opening one; the loser wrote nothing (on PostgreSQL the state and the entry are
        // one statement that inserts only if the version still matched).
        assertThat(cases.details(staff, v.id()).timeline()).extracting(TimelineEntry::seq, TimelineEntry::transition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "open"), org.assertj.core.groups.Tuple.tuple(2, "complete"));
    }

    @Test
    void refusesWrongStateRoleFieldAndOutOfScopeCases() {
        CaseView v = cases.open(staff, matter("校验"));
        assertThatThrownBy(() -> cases.fire(staff, v.id(), "materials_received", v.version(), Map.of(), null))
                .isInstanceOf(ConflictException.class);
        Actor cadre = new Actor(3, "cadre-x", TestOrgs.scopeOf(town), Set.of(Role.CADRE));
        assertThatThrownBy(() -> cases.fire(cadre, v.id(), "complete", v.version(), Map.of("result", "x"), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.fire(staff, v.id(), "complete", v.version(), Map.of(), null))
                .isInstanceOf(InvalidInputException.class);
        OrgUnit otherTown = TestOrgs.newTown(orgUnits);
        Actor stranger = new Actor(4, "stranger", TestOrgs.scopeOf(otherTown), Set.of(Role.STAFF));
        assertThatThrownBy(() -> cases.get(stranger, v.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cases.open(stranger, matter("越权受理"))).isInstanceOf(NotFoundException.class);
        assertThat(cases.search(stranger, CaseQuery.all(), PageQuery.of(0, 20, null, "c.id", CaseQuery.SORTABLE)).totalElements()).isZero();
    }

    @Test
    void aPausedCaseKeepsItsClockAndIsNotEscalated() {
        CaseView v = cases.open(staff, matter("补正"), Instant.parse("2023-03-06T02:00:00Z"));
        assertThat(v.dueOn()).isEqualTo(LocalDate.of(2023, 3, 13));
        v = cases.fire(staff, v.id(), "request_materials", v.version(), Map.of("materials", "户口簿复印件"), null,
                Instant.parse("2023-03-07T02:00:00Z"));
        v = cases.fire(staff, v.id(), "materials_received", v.version(), Map.of(), null, Instant.parse("2023-03-10T02:00:00Z"));
        assertThat(v.pausedDays()).isEqualTo(3);
        assertThat(v.dueOn()).isEqualTo(LocalDate.of(2023, 3, 16));
    }

    @Test
    void overdueOpenCasesAreEscalatedOnceAndShownToLeaders() {
        CaseView late = cases.open(staff, matter("逾期未办"), Instant.parse("2023-03-06T02:00:00Z"));
        CaseView paused = cases.open(staff, matter("补正中"), Instant.parse("2023-03-06T02:00:00Z"));
        cases.fire(staff, paused.id(), "request_materials", paused.version(), Map.of("materials", "材料"), null,
                Instant.parse("2023-03-06T03:00:00Z"));
        cases.escalateOverdue(LocalDate.of(2023, 4, 3));
        cases.escalateOverdue(LocalDate.of(2023, 4, 4));
        assertThat(cases.get(staff, late.id()).overdue()).isTrue();
        assertThat(cases.get(staff, paused.id()).overdue()).isFalse();
        Actor leader = new Actor(5, "leader-x", TestOrgs.scopeOf(town), Set.of(Role.LEADER));
        assertThat(cases.escalations(leader, true)).extracting(CaseRepository.Escalation::caseId).containsExactly(late.id());
        cases.acknowledge(leader, cases.escalations(leader, true).get(0).id());
        assertThat(cases.escalations(leader, true)).isEmpty();
    }

    @Test
    void aBundleCompletesWhenAllItsSubCasesCompleteAndNotWhenOneIsWithdrawn() {
        CaseView bundle = cases.open(staff, new Cases.NewCase("service_bundle", department.id(), "公共服务", "B01", "新生儿出生一件事",
                "新生儿出生一件事", "W01", false, ApplicantKind.PERSON, null, "王*", null, null, null, null, null, null, null));
        CaseView a = cases.open(staff, withParent(matter("出生医学证明"), bundle.id()));
        CaseView b = cases.open(staff, withParent(matter("户口登记"), bundle.id()));
        cases.fire(staff, a.id(), "complete", a.version(), Map.of("result", "ok"), null);
        assertThat(cases.get(staff, bundle.id()).closed()).isFalse();
        cases.fire(staff, b.id(), "complete", b.version(), Map.of("result", "ok"), null);
        assertThat(cases.get(staff, bundle.id()).state()).isEqualTo("completed");
        assertThat(cases.details(staff, bundle.id()).children()).hasSize(2);

        CaseView other = cases.open(staff, new Cases.NewCase("service_bundle", department.id(), "公共服务", "B02", "开办企业一件事",
                "开办企业一件事", "W01", false, ApplicantKind.PERSON, null, "赵*", null, null, null, null, null, null, null));
        CaseView c = cases.open(staff, withParent(matter("营业执照"), other.id()));
        CaseView d = cases.open(staff, withParent(matter("刻章"), other.id()));
        cases.fire(staff, c.id(), "complete", c.version(), Map.of("result", "ok"), null);
        cases.fire(staff, d.id(), "withdraw", d.version(), Map.of("reason", "申请人撤回"), null);
        assertThat(cases.get(staff, other.id()).closed()).as("a withdrawn sub-case leaves the bundle open").isFalse();
        assertThatThrownBy(() -> cases.fire(staff, other.id(), "all_completed", cases.get(staff, other.id()).version(), Map.of(), null))
                .isInstanceOf(InvalidInputException.class);
    }

    static Cases.NewCase withParent(Cases.NewCase c, long parentId) {
        return new Cases.NewCase(c.type(), c.orgUnitId(), c.category(), c.subjectCode(), c.subjectName(), c.title(), c.channelCode(),
                c.outOfHours(), c.applicantKind(), c.applicantRef(), c.applicantName(), c.applicantIdMasked(), c.enterpriseId(),
                c.assignee(), parentId, c.promisedDays(), c.legalDays(), c.comment());
    }

    HttpTestClient as(String user) {
        var client = new HttpTestClient(port, false);
        HttpResponse<String> response = client.basic("POST", "/api/v1/tokens", user, PASSWORD, "{\"name\":\"test\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.bearer(json.readTree(response.body()).get("token").asString());
    }

    @Test
    void overHttpProblemsCarryTheFieldAndConflictsTheCurrentCase() {
        String name = "caseit" + USERS.incrementAndGet() + System.nanoTime() % 100000;
        users.createAsSystem(name, "窗口人员", department, Set.of(Role.STAFF), PASSWORD);
        HttpTestClient api = as(name).language("zh-CN");
        HttpResponse<String> created = api.send("POST", "/api/v1/cases", "{\"type\":\"service_matter\",\"orgUnitId\":" + department.id()
                + ",\"title\":\"居民医保参保登记\",\"applicantKind\":\"PERSON\",\"applicantName\":\"张*\",\"promisedDays\":3}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode c = json.readTree(created.body());
        long id = c.get("id").asLong();
        HttpResponse<String> missing = api.send("POST", "/api/v1/cases/" + id + "/transitions/complete", "{\"version\":0,\"fields\":{}}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("fields.result").contains("办理结果");
        HttpResponse<String> done = api.send("POST", "/api/v1/cases/" + id + "/transitions/complete",
                "{\"version\":0,\"fields\":{\"result\":\"已办结\"}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        HttpResponse<String> again = api.send("POST", "/api/v1/cases/" + id + "/transitions/complete",
                "{\"version\":0,\"fields\":{\"result\":\"已办结\"}}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("current").get("state").asString()).isEqualTo("completed");
        JsonNode details = json.readTree(api.get("/api/v1/cases/" + id).body());
        assertThat(details.get("timeline")).hasSize(2);
        JsonNode list = json.readTree(api.get("/api/v1/cases?type=service_matter&org=" + department.code()).body());
        assertThat(list.get("totalElements").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/cases?type=no_such_type").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/case-types").body()).contains("service_matter", "service_bundle", "assistance_request");
    }
}
