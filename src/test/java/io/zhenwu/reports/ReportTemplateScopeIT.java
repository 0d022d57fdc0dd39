package io.zhenwu.reports;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18: report templates were installation-wide, so one town's leader edited every town's. A template belongs
 * to the org unit of whoever created it and exists only within the scopes that hold that unit; out of scope is 404.
 */
@Tag("db")
@ZhenwuTest
class ReportTemplateScopeIT {

    static final String BODY = "# {{org}}{{year}}年工作报告\n## 经济\n实现地区生产总值{{indicators.gdp}}亿元。\n";

    @LocalServerPort
    int port;
    @Autowired
    ReportTemplates templates;
    @Autowired
    Reports reports;
    @Autowired
    Publications publications;
    @Autowired
    OrgUnits orgUnits;

    Actor leaderOf(OrgUnit town) {
        return new Actor(900 + town.id(), "leader-" + town.code(), TestOrgs.scopeOf(town), EnumSet.of(Role.LEADER));
    }

    Actor countyAdmin() {
        return new Actor(1, "admin", TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY)), EnumSet.of(Role.ADMIN));
    }

    @Test
    void anotherTownsTemplateIsNotFoundForXiashusLeaderOnAnyPage() {
        OrgUnit town = TestOrgs.newTown(orgUnits);
        String name = "他镇模板-" + town.code();
        long id = templates.create(leaderOf(town), name, BODY).id();

        var leader = new HttpTestClient(port, true);
        assertThat(leader.login("leader", "Zhenwu@2023").statusCode()).isEqualTo(302);
        assertThat(leader.get("/reports").body()).doesNotContain(name).contains("年度工作报告");
        assertThat(leader.get("/reports/templates/" + id + "/edit").statusCode()).isEqualTo(404);
        assertThat(leader.get("/reports/render?template=" + id + "&org=321183102000&year=2023").statusCode()).isEqualTo(404);
        assertThat(leader.get("/reports/export?template=" + id + "&org=321183102000&year=2023&format=markdown").statusCode())
                .isEqualTo(404);
        assertThat(leader.postForm("/reports", "/reports/templates/" + id, "version=0&body=" + HttpTestClient.enc("改写")).statusCode())
                .isEqualTo(404);
        assertThat(leader.postForm("/reports", "/reports/publish", "template=" + id + "&org=321183102000&year=2023").statusCode())
                .isEqualTo(404);

        var admin = new HttpTestClient(port, true);
        admin.login("admin", "Zhenwu@2023");
        assertThat(admin.get("/reports/templates/" + id + "/edit").statusCode()).isEqualTo(200);
    }

    @Test
    void twoTownsKeepTemplatesOfTheSameNameAndEachReportsWithItsOwn() {
        OrgUnit a = TestOrgs.newTown(orgUnits);
        OrgUnit b = TestOrgs.newTown(orgUnits);
        String name = "同名模板-" + a.code();
        ReportTemplate ofA = templates.create(leaderOf(a), name, BODY);
        ReportTemplate ofB = templates.create(leaderOf(b), name, BODY.replace("经济", "发展"));
        assertThat(ofA.orgUnitId()).isEqualTo(a.id());
        assertThat(ofB.orgUnitId()).isEqualTo(b.id());

        assertThat(templates.all(leaderOf(a).scope())).extracting(ReportTemplate::id).containsExactly(ofA.id());
        assertThat(templates.all(countyAdmin().scope())).extracting(ReportTemplate::id).contains(ofA.id(), ofB.id());
        assertThatThrownBy(() -> templates.get(leaderOf(a).scope(), ofB.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> templates.save(leaderOf(a), ofB.id(), ofB.version(), BODY)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> publications.publish(leaderOf(a), ofB.id(), a.code(), 2023)).isInstanceOf(NotFoundException.class);

        // by name (the CLI), a report on a town uses that town's template, even for the county's administrator
        assertThat(reports.render(countyAdmin().scope(), name, a.code(), 2023).blocks().get(0).segments().get(0).text()).isEqualTo("经济");
        assertThat(reports.render(countyAdmin().scope(), name, b.code(), 2023).blocks().get(0).segments().get(0).text()).isEqualTo("发展");
        // the demo template belongs to 下蜀镇
        assertThat(templates.findByName(countyAdmin().scope(), "年度工作报告")).singleElement()
                .satisfies(t -> assertThat(t.orgUnitId()).isEqualTo(TestOrgs.byCode(orgUnits, TestOrgs.XIASHU).id()));
    }
}
