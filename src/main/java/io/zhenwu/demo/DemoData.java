package io.zhenwu.demo;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.imports.ImportJob;
import io.zhenwu.imports.ImportService;
import io.zhenwu.security.Users;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Permission;
import io.zhenwu.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Loads the demo town through the same services the UI uses (so it is validated and audited like any write). */
@Service
public class DemoData {

    public static final String DEMO_PASSWORD = "Zhenwu@2023";
    private static final String TOWN = "321183102000";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrgUnits orgUnits;
    private final Users users;
    private final ImportService imports;
    private final RegistryDemo registries;

    private final IndicatorDemo indicatorDemo;
    private final ReportDemo reportDemo;
    private final ServiceHallDemo serviceHallDemo;
    private final LoopDemo loopDemo;
    private final io.zhenwu.registry.Enterprises enterprises;

    /** The demo enterprise user acts for 江苏天工工具新材料股份有限公司 (their requests and notices only). */
    static final String ENTERPRISE_USER_CREDIT_CODE = "91321183MABKMCDFKE";

    private void bindEnterpriseUser(OrgUnit county) {
        io.zhenwu.shared.DataScope scope = new io.zhenwu.shared.DataScope(county.id(), county.path());
        var firm = enterprises.findByCreditCode(scope, ENTERPRISE_USER_CREDIT_CODE).orElseThrow();
        var user = users.search(scope, "enterprise", Role.ENTERPRISE, io.zhenwu.shared.PageQuery.of(0, 5, null, "u.id", Users.SORTABLE))
                .content().stream().filter(u -> u.username().equals("enterprise")).findFirst().orElseThrow();
        users.bindEnterprise(scope, user.id(), firm.id());
    }

    DemoData(OrgUnits orgUnits, Users users, ImportService imports, RegistryDemo registries, IndicatorDemo indicatorDemo,
             ServiceHallDemo serviceHallDemo, io.zhenwu.registry.Enterprises enterprises, ReportDemo reportDemo, LoopDemo loopDemo) {
        this.loopDemo = loopDemo;
        this.indicatorDemo = indicatorDemo;
        this.reportDemo = reportDemo;
        this.serviceHallDemo = serviceHallDemo;
        this.enterprises = enterprises;
        this.orgUnits = orgUnits;
        this.users = users;
        this.imports = imports;
        this.registries = registries;
    }

    /** Whether any org unit exists yet (the demo is only loaded into an empty installation). */
    public boolean installationEmpty() {
        return orgUnits.roots().isEmpty();
    }

    /** Loads the org tree, accounts and residents; refuses to run twice. */
    @Transactional
    public Summary load() {
        if (!installationEmpty()) {
            throw new IllegalStateException("The installation already has org units; the demo is loaded into an empty one only");
        }
        Map<String, OrgUnit> byCode = new HashMap<>();
        for (String[] row : csv("demo/org-units.csv")) {
            OrgUnit parent = row[3].isBlank() ? null : byCode.get(row[3]);
            OrgUnit unit = orgUnits.createAsSystem(parent, row[0], row[1], OrgUnitType.valueOf(row[2]), Boolean.parseBoolean(row[4]));
            byCode.put(unit.code(), unit);
        }
        List<Users.SystemAccount> demoAccounts = new java.util.ArrayList<>();
        for (String[] row : csv("demo/users.csv")) {
            var roles = Arrays.stream(row[3].split("\\|")).map(Role::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            var permissions = row.length < 5 || row[4].isBlank() ? EnumSet.noneOf(Permission.class)
                    : Arrays.stream(row[4].split("\\|")).map(Permission::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
            demoAccounts.add(new Users.SystemAccount(row[0], row[1], byCode.get(row[2]), roles, permissions));
        }
        int accounts = users.createAllAsSystem(demoAccounts, DEMO_PASSWORD).size();
        long started = System.nanoTime();
        int people = loadResidents(byCode.get(TOWN));
        log.info("Demo town loaded: {} org units, {} accounts, {} residents ({} ms for the residents)", byCode.size(), accounts,
                people, (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        var registers = registries.load(byCode.get(TOWN));
        log.info("Demo registers loaded: {} enterprises, {} honours, {} facilities in {} ms", registers.enterprises(),
                registers.honours(), registers.facilities(), (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        int indicatorValues = indicatorDemo.load(byCode.get("321183"));
        log.info("Demo indicators loaded: {} values in {} ms", indicatorValues, (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        var hall = serviceHallDemo.load(byCode.get("321183"), byCode.get(TOWN), byCode.get("XS-ZWFW"), byCode.get("XS-JJFZ"));
        log.info("Demo service hall loaded: {} matters, {} bundles, {} assistance requests, {} visits in {} ms", hall.matters(),
                hall.bundles(), hall.assistance(), hall.visits(), (System.nanoTime() - started) / 1_000_000);
        bindEnterpriseUser(byCode.get("321183"));
        started = System.nanoTime();
        var loops = loopDemo.load(byCode.get(TOWN));
        log.info("Demo closed loops loaded: {} inspections, {} hazards, {} labor disputes, {} farmland plots in {} ms", loops.inspections(),
                loops.hazards(), loops.disputes(), loops.plots(), (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        int reportValues = reportDemo.load(byCode.get(TOWN));
        log.info("Demo report loaded: template {} and {} department values in {} ms", ReportDemo.TEMPLATE, reportValues,
                (System.nanoTime() - started) / 1_000_000);
        return new Summary(byCode.size(), accounts, people);
    }

    /**
     * 居民 of 下蜀镇 as a town would bring them in: one residents import file through the import pipeline (the same
     * per-row rules as the forms, the whole-file checks in SQL — duplicates, scope, one 户主 per household — one MERGE,
     * the import audited), within the town's scope. Every ID number in the file is valid but fictitious.
     */
    private int loadResidents(OrgUnit town) {
        Actor actor = new Actor(0, "demo", new DataScope(town.id(), town.path()), EnumSet.allOf(Role.class));
        List<String[]> rows = csv("demo/residents.csv");
        ImportJob job = GeneratedResidents.importResidents(imports, actor, "下蜀镇居民.csv", out -> {
            for (String[] row : rows) {
                out.write(String.join(",", row[2], row[3], row[0], row[1], row[4], row[5], row[6].replace('|', '、')));
                out.newLine();
            }
        });
        if (job.insertedRows() != rows.size()) {
            throw new IllegalStateException("the demo residents: " + job.insertedRows() + " of " + rows.size() + " inserted");
        }
        return rows.size();
    }

    /** What was loaded. */
    public record Summary(int orgUnits, int users, int residents) {
    }

    static List<String[]> csv(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
