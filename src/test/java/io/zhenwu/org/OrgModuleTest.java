package io.zhenwu.org;

import io.zhenwu.org.OrgUnitEvents.OrgUnitCreated;
import io.zhenwu.org.OrgUnitEvents.OrgUnitMoved;
import io.zhenwu.org.OrgUnitEvents.OrgUnitUpdated;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.testsupport.ZhenwuProfiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static io.zhenwu.testsupport.TestOrgs.scopeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The org module on its own (no security, audit or demo beans): its commands publish past-tense events. It uses
 * a private in-memory database, so its roots never meet the demo tree of the full-application tests.
 */
@ApplicationModuleTest
@ActiveProfiles(resolver = ZhenwuProfiles.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:zhenwu-org-module;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "zhenwu.demo.enabled=false"})
class OrgModuleTest {

    @Autowired
    OrgUnits orgUnits;
    @Autowired
    ApplicationContext context;

    @Test
    void bootstrapsWithoutTheOtherModules() {
        assertThat(context.getBeanNamesForType(io.zhenwu.shared.UsageCheck.class)).isEmpty();
        assertThat(context.containsBean("auditTrail")).isFalse();
        assertThat(context.containsBean("users")).isFalse();
    }

    @Test
    void creatingAUnitPublishesOrgUnitCreated(AssertablePublishedEvents events) {
        OrgUnit province = orgUnits.createAsSystem(null, "330000", "浙江省", OrgUnitType.PROVINCE, false);
        assertThat(events).contains(OrgUnitCreated.class)
                .matching(e -> e.after().id() == province.id())
                .matching(e -> e.after().code(), "330000")
                .matching(OrgUnitCreated::action, "org_unit.created")
                .matching(OrgUnitCreated::scopePath, province.path());
        OrgUnit city = orgUnits.create(scopeOf(province), province.id(), "330100", "杭州市", OrgUnitType.PREFECTURE);
        assertThat(events.ofType(OrgUnitCreated.class)).hasSize(2);
        assertThat(events).contains(OrgUnitCreated.class).matching(e -> e.after().equals(city));
    }

    @Test
    void aRejectedCreatePublishesNothing(AssertablePublishedEvents events) {
        OrgUnit province = orgUnits.createAsSystem(null, "340000", "安徽省", OrgUnitType.PROVINCE, false);
        assertThrows(InvalidInputException.class,
                () -> orgUnits.create(scopeOf(province), province.id(), "350100", "福州市", OrgUnitType.PREFECTURE));
        assertThat(events.ofType(OrgUnitCreated.class)).hasSize(1);
        assertThat(events.ofType(OrgUnitCreated.class).matching(e -> e.after().code().equals("350100"))).isEmpty();
    }

    @Test
    void movingAUnitPublishesOrgUnitMovedWithBeforeAndAfter(Scenario scenario) {
        OrgUnit county = orgUnits.createAsSystem(null, "360100", "南昌市", OrgUnitType.PREFECTURE, false);
        OrgUnit a = orgUnits.create(scopeOf(county), county.id(), "T-MOD-A", "甲局", OrgUnitType.DEPARTMENT);
        OrgUnit b = orgUnits.create(scopeOf(county), county.id(), "T-MOD-B", "乙局", OrgUnitType.DEPARTMENT);

        scenario.stimulate(() -> orgUnits.move(scopeOf(county), b.id(), b.version(), a.id()))
                .andWaitForEventOfType(OrgUnitMoved.class)
                .matching(e -> e.before().id() == b.id())
                .toArriveAndVerify((event, moved) -> {
                    assertThat(event.before().parentId()).isEqualTo(county.id());
                    assertThat(event.after().parentId()).isEqualTo(a.id());
                    assertThat(event.after().path()).isEqualTo(a.path() + b.id() + "/");
                    assertThat(event.after()).isEqualTo(moved);
                });
    }

    @Test
    void deactivatingPublishesAnUpdateNamedDeactivated(AssertablePublishedEvents events) {
        OrgUnit prefecture = orgUnits.createAsSystem(null, "370100", "济南市", OrgUnitType.PREFECTURE, false);
        orgUnits.update(scopeOf(prefecture), prefecture.id(), prefecture.version(), null, null, false);
        assertThat(events).contains(OrgUnitUpdated.class)
                .matching(OrgUnitUpdated::action, "org_unit.deactivated")
                .matching(e -> e.before().active() && !e.after().active());
    }
}
