package io.zhenwu.demo;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.registry.Enterprise;
import io.zhenwu.registry.EnterpriseDraft;
import io.zhenwu.registry.EnterpriseStatus;
import io.zhenwu.registry.Enterprises;
import io.zhenwu.registry.Facilities;
import io.zhenwu.registry.FacilityDraft;
import io.zhenwu.registry.FacilityStatus;
import io.zhenwu.registry.HonourDraft;
import io.zhenwu.registry.HonourLevel;
import io.zhenwu.registry.Honours;
import io.zhenwu.shared.DataScope;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo town's registers (enterprises, their honours, facilities) from {@code demo/*.csv}, written through the
 * registry's services within 下蜀镇's scope — validated and audited like any other write.
 */
@Component
class RegistryDemo {

    private final Enterprises enterprises;
    private final Honours honours;
    private final Facilities facilities;

    RegistryDemo(Enterprises enterprises, Honours honours, Facilities facilities) {
        this.enterprises = enterprises;
        this.honours = honours;
        this.facilities = facilities;
    }

    /** What was loaded. */
    record Counts(int enterprises, int honours, int facilities) {
    }

    Counts load(OrgUnit town) {
        DataScope scope = new DataScope(town.id(), town.path());
        Map<String, Long> ids = new HashMap<>();
        for (String[] r : DemoData.csv("demo/enterprises.csv")) {
            Enterprise e = enterprises.register(scope, new EnterpriseDraft(r[0], r[1], r[2], blank(r[3]), blank(r[4]), blank(r[5]),
                    blank(r[6]), EnterpriseStatus.valueOf(r[7]), date(r[8]), date(r[9]), date(r[10]), date(r[11]), date(r[12])));
            ids.put(e.creditCode(), e.id());
        }
        int honourCount = 0;
        for (String[] r : DemoData.csv("demo/honours.csv")) {
            Long id = ids.get(r[0]);
            if (id == null) {
                throw new IllegalStateException("demo honour for an enterprise not in enterprises.csv: " + r[0]);
            }
            honours.add(scope, id, new HonourDraft(r[1], r[2].isBlank() ? null : HonourLevel.valueOf(r[2]), Integer.valueOf(r[3]),
                    blank(r[4]), blank(r[5])));
            honourCount++;
        }
        int facilityCount = 0;
        for (String[] r : DemoData.csv("demo/facilities.csv")) {
            facilities.register(scope, new FacilityDraft(r[0], r[1], r[2], r[3], decimal(r[4]), decimal(r[5]),
                    FacilityStatus.valueOf(r[6]), date(r[7])));
            facilityCount++;
        }
        return new Counts(ids.size(), honourCount, facilityCount);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }
}
