package io.zhenwu.demo;

import io.zhenwu.cases.ApplicantKind;
import io.zhenwu.cases.Cases;
import io.zhenwu.cases.ServiceHall;
import io.zhenwu.cases.WorkingCalendar;
import io.zhenwu.indicators.DataValue;
import io.zhenwu.indicators.DataValues;
import io.zhenwu.indicators.Indicator;
import io.zhenwu.indicators.Indicators;
import io.zhenwu.indicators.PeriodType;
import io.zhenwu.indicators.Target;
import io.zhenwu.indicators.Targets;
import io.zhenwu.indicators.ValueInput;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.CreditCode;
import io.zhenwu.registry.EnterpriseDraft;
import io.zhenwu.registry.EnterpriseStatus;
import io.zhenwu.registry.Enterprises;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * 规模数据生成器: towns × years of record-level data for benchmarks at county and city scale, written through the
 * same services and batch paths the product uses (org units, enterprises, indicator values, service-hall cases with
 * their timelines through the engine's {@link Cases#load}), residents in households through the import pipeline, and
 * each county's 2023 targets through {@link Targets#set}. Deterministic for a seed. Generated counties sit under
 * 镇江市 with codes 321190–321199 marked as demo codes (they are not real divisions), 20 towns each.
 */
@Service
public class DemoGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoGenerator.class);
    static final int TOWNS_PER_COUNTY = 20;
    static final int MAX_TOWNS = 200;

    private final OrgUnits orgUnits;
    private final Enterprises enterprises;
    private final Indicators indicators;
    private final DataValues values;
    private final Cases cases;
    private final ServiceHall hall;
    private final WorkingCalendar calendar;
    private final io.zhenwu.cases.LoopHistory loops;
    private final GeneratedResidents residents;
    private final Targets targets;

    DemoGenerator(OrgUnits orgUnits, Enterprises enterprises, Indicators indicators, DataValues values, Cases cases,
                  ServiceHall hall, WorkingCalendar calendar, io.zhenwu.cases.LoopHistory loops, GeneratedResidents residents,
                  Targets targets) {
        this.loops = loops;
        this.residents = residents;
        this.targets = targets;
        this.orgUnits = orgUnits;
        this.enterprises = enterprises;
        this.indicators = indicators;
        this.values = values;
        this.cases = cases;
        this.hall = hall;
        this.calendar = calendar;
    }

    /**
     * What was written. {@code households} are the residents' 户 (each resident row carries its household number), so
     * they are not counted again in {@link #records()}.
     */
    public record Summary(int counties, int towns, int orgUnits, int enterprises, int values, int targets, long residents,
                          long households, long cases, long timelineRows, long loopRecords) {
        public long records() {
            return orgUnits + enterprises + values + targets + residents + cases + timelineRows + loopRecords;
        }
    }

    /**
     * The closed loops of a generated town through the same historical loader as the demo town: per year, routine
     * inspections each finding a hazard that gets a numbered notice and is closed on re-inspection by another
     * inspector; labor disputes settled by mediation; farmland plots re-planted and verified twice. Returns the
     * number of cases written (their timelines and records come with them).
     */
    private long loops(Actor actor, String townCode, OrgUnit safetyDept, List<OrgUnit> villages, List<Long> firmIds,
                       List<String> firmNames, int firstYear, int casesPerTownYear, List<LocalDate> workingDays, Random random) {
        long written = 0;
        for (int y = firstYear; y <= 2023; y++) {
            int year = y;
            List<LocalDate> days = workingDays.stream().filter(d -> d.getYear() == year && d.getMonthValue() <= 10).toList();
            List<io.zhenwu.cases.LoopHistory.HistoricHazard> hazards = new ArrayList<>();
            for (int i = 0; i < Math.max(1, casesPerTownYear / 100); i++) {
                int f = random.nextInt(firmIds.size());
                LocalDate on = days.get(random.nextInt(days.size()));
                OrgUnit village = villages.get(random.nextInt(villages.size()));
                long inspection = loops.inspection(actor, new io.zhenwu.cases.LoopHistory.HistoricInspection(safetyDept.id(), village.id(),
                        firmIds.get(f), null, null, on, "ROUTINE", null, List.of("检查员甲", "检查员乙"), "日常安全生产检查", "inspector"));
                LocalDate deadline = calendar.addWorkingDays(on, 10);
                LocalDate report = calendar.addWorkingDays(on, 5 + random.nextInt(5));
                LocalDate check = calendar.addWorkingDays(report, 2);
                hazards.add(new io.zhenwu.cases.LoopHistory.HistoricHazard(inspection, safetyDept.id(), village.id(), firmIds.get(f),
                        firmNames.get(f), i % 2 == 0 ? "FIRE" : "ELECTRICAL", "GENERAL", "生产车间", "消防通道堵塞、电气线路老化", on, "inspector",
                        on, deadline, "清理通道，更换线路", List.of(new io.zhenwu.cases.LoopHistory.Round(report, "inspector", "已整改",
                        check, "inspector2", true, "复查合格，同意销号", null)), null, null));
            }
            written += loops.hazards(actor, hazards);
            List<io.zhenwu.cases.LoopHistory.HistoricDispute> disputes = new ArrayList<>();
            for (int i = 0; i < Math.max(1, casesPerTownYear / 400); i++) {
                int f = random.nextInt(firmIds.size());
                LocalDate accepted = days.get(random.nextInt(days.size()));
                BigDecimal amount = BigDecimal.valueOf(500_00 + random.nextInt(5_000_000), 2);
                disputes.add(new io.zhenwu.cases.LoopHistory.HistoricDispute(safetyDept.id(), firmIds.get(f), firmNames.get(f),
                        villages.get(0).id(), 1 + random.nextInt(5), "王**", amount, i % 2 == 0 ? "WAGES" : "CONTRACT", accepted, "staff",
                        false, calendar.addWorkingDays(accepted, 10), "调解成功，达成协议并当场兑现", amount));
            }
            written += loops.disputes(actor, disputes);
            List<io.zhenwu.cases.LoopHistory.HistoricPlot> plots = new ArrayList<>();
            for (int i = 0; i < Math.max(1, casesPerTownYear / 200); i++) {
                OrgUnit v = villages.get(i % villages.size());
                LocalDate found = days.get(random.nextInt(Math.min(60, days.size())));
                LocalDate plan = calendar.addWorkingDays(found, 3);
                LocalDate replant = calendar.addWorkingDays(plan, 20);
                LocalDate villageCheck = calendar.addWorkingDays(replant, 3);
                plots.add(new io.zhenwu.cases.LoopHistory.HistoricPlot(String.format("G%s%d%04d", townCode.substring(4, 9), year, i + 1),
                        v.id(), BigDecimal.valueOf(50 + random.nextInt(500), 2), "闲置荒地", "OUTFLOW", found, "cadre-" + v.code().substring(9),
                        plan, "平整土地后复耕复种", replant, BigDecimal.valueOf(50 + random.nextInt(500), 2), "水稻", villageCheck,
                        calendar.addWorkingDays(villageCheck, 3), "staff"));
            }
            written += loops.plots(actor, plots);
        }
        return written;
    }

    /**
     * The county's 2023 targets (预期目标) for the generated monthly indicators, as its leaders would set them: around what
     * its towns' twelve months add up to on average (values of 1–5,000 at the indicator's scale), give or take 15 % — manufacturing investment, a share
     * of fixed-asset investment, thus falls short of its target, as a board should show some red.
     */
    private int countyTargets(Actor actor, OrgUnit county, List<Indicator> monthly, int townCount, Random random) {
        for (Indicator i : monthly) {
            int scale = Math.min(2, i.decimals());
            // 2,500.5 × 12 months × towns, times 85–115 %: in exact decimals, as every quantity here.
            BigDecimal expected = BigDecimal.valueOf(30_006L * townCount * (85 + random.nextInt(31)), 2).movePointLeft(scale)
                    .setScale(scale, RoundingMode.HALF_EVEN);
            targets.set(actor, i.code(), county.code(), 2023, Target.Comparator.GE, expected, null, null);
        }
        return monthly.size();
    }

    /**
     * @param towns            1–200 generated towns
     * @param years            years ending with 2023 (e.g. 5 → 2019–2023)
     * @param casesPerTownYear service-hall matters per town and year
     * @param progress         called with the number of towns finished
     */
    public Summary generate(int towns, int years, long seed, int casesPerTownYear, IntConsumer progress) {
        if (towns < 1 || towns > MAX_TOWNS) {
            throw new IllegalArgumentException("towns must be 1–" + MAX_TOWNS);
        }
        if (years < 1 || years > 10) {
            throw new IllegalArgumentException("years must be 1–10");
        }
        OrgUnit city = orgUnits.roots().stream().findFirst()
                .flatMap(root -> orgUnits.findByCode(new DataScope(root.id(), root.path()), "321100"))
                .orElseThrow(() -> new IllegalStateException("load the demo first: the generator places its counties under 镇江市 (321100)"));
        DataScope cityScope = new DataScope(city.id(), city.path());
        if (orgUnits.findByCode(cityScope, "321190").isPresent()) {
            throw new IllegalStateException("generated data exists already (county 321190); generate into a fresh installation");
        }
        Actor actor = new Actor(0, "generator", cityScope, EnumSet.allOf(Role.class));
        Random random = new Random(seed);
        int firstYear = 2023 - years + 1;
        List<LocalDate> workingDays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(firstYear, 1, 1); d.getYear() <= 2023; d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                workingDays.add(d);
            }
        }
        List<ServiceHall.Matter> matters = hall.matters();
        if (matters.isEmpty()) {
            throw new IllegalStateException("the service-hall catalogue is empty; load the demo first");
        }
        List<Indicator> monthly = indicators.all().stream()
                .filter(i -> i.periodType() == PeriodType.MONTH && !i.derived() && i.orgAggregation() == Indicator.OrgAggregation.SUM)
                .sorted(java.util.Comparator.comparing((Indicator i) -> !i.code().equals("fixed_asset_investment")))
                .toList();
        int counties = 0;
        int units = 0;
        int firms = 0;
        int valueCount = 0;
        long caseCount = 0;
        long timelineRows = 0;
        long loopRecords = 0;
        long residentCount = 0;
        long householdCount = 0;
        int targetCount = 0;
        OrgUnit county = null;
        Set<String> usedIds = new HashSet<>();
        for (int t = 0; t < towns; t++) {
            if (t % TOWNS_PER_COUNTY == 0) {
                int k = t / TOWNS_PER_COUNTY;
                county = orgUnits.createAsSystem(city, "3211" + (90 + k), "生成县" + (k + 1), OrgUnitType.COUNTY, true);
                counties++;
                units++;
                usedIds.clear();
            }
            int n = t % TOWNS_PER_COUNTY;
            String townCode = county.code() + String.format("%03d", 101 + n) + "000";
            OrgUnit town = orgUnits.createAsSystem(county, townCode, county.name() + "生成镇" + (n + 1), OrgUnitType.TOWN, true);
            units++;
            for (int v = 0; v < 5; v++) {
                orgUnits.createAsSystem(town, townCode.substring(0, 9) + String.format("%03d", 201 + v), "生成村" + (v + 1),
                        OrgUnitType.VILLAGE, true);
                units++;
            }
            OrgUnit center = orgUnits.createAsSystem(town, "G" + townCode.substring(4, 9) + "-ZWFW", "政务服务中心", OrgUnitType.DEPARTMENT, true);
            OrgUnit safetyDept = orgUnits.createAsSystem(town, "G" + townCode.substring(4, 9) + "-AQYJ", "安全生产监督管理局", OrgUnitType.DEPARTMENT, true);
            units += 2;
            List<OrgUnit> villages = orgUnits.children(actor.scope(), town.id()).stream().filter(u -> u.type() == OrgUnitType.VILLAGE).toList();
            List<Long> firmIds = new ArrayList<>();
            List<String> firmNames = new ArrayList<>();
            String prefix = "G" + townCode.substring(4, 9) + "-";
            for (String w : new String[] {"ZH-01", "ZH-02", "SP", "GA", "GD", "BDC"}) {
                boolean resident = w.equals("GA") || w.equals("GD") || w.equals("BDC");
                hall.defineWindow(new ServiceHall.Window(prefix + w, w, center.id(), resident, resident ? w : null));
            }
            // Enterprises through the registry's own rules (credit codes with their check characters).
            for (int e = 0; e < 30; e++) {
                String first17 = "91" + townCode.substring(0, 6) + "G" + townCode.substring(6, 9) + String.format("%05d", e);
                var firm = enterprises.register(actor.scope(), new EnterpriseDraft(first17 + CreditCode.checkCharacter(first17),
                        "生成企业" + townCode.substring(4, 9) + "-" + e, townCode, "3" + (100 + random.nextInt(800)), "生成地址",
                        null, null, EnterpriseStatus.OPERATING, LocalDate.of(2000 + random.nextInt(20), 1 + random.nextInt(12), 1),
                        null, null, null, null));
                firmIds.add(firm.id());
                firmNames.add(firm.name());
                firms++;
            }
            // Monthly indicator values, one batch per year.
            for (int y = firstYear; y <= 2023; y++) {
                List<ValueInput> batch = new ArrayList<>();
                Map<Integer, BigDecimal> fai = new java.util.HashMap<>();
                for (Indicator i : monthly) {
                    for (int m = 1; m <= 12; m++) {
                        int scale = Math.min(2, i.decimals());
                        BigDecimal v = BigDecimal.valueOf(1 + random.nextInt(5000)).movePointLeft(scale).setScale(scale, RoundingMode.HALF_EVEN);
                        if (i.code().equals("fixed_asset_investment")) {
                            fai.put(m, v);
                        } else if (i.code().equals("manufacturing_investment") && fai.containsKey(m)) {
                            // The demo's blocking rule: manufacturing investment within fixed-asset investment.
                            v = fai.get(m).multiply(new BigDecimal("0.45")).setScale(scale, RoundingMode.HALF_EVEN);
                        }
                        batch.add(new ValueInput(i.code(), townCode, y + "-" + String.format("%02d", m), v, null,
                                DataValue.ValueSource.FLASH, null, null));
                    }
                }
                if (!batch.isEmpty()) {
                    values.save(actor, batch);
                    valueCount += batch.size();
                }
            }
            // Service-hall matters with their timelines through the engine's batch path.
            for (int y = firstYear; y <= 2023; y++) {
                int year = y;
                List<LocalDate> days = workingDays.stream().filter(d -> d.getYear() == year).toList();
                List<Cases.HistoricalCase> batch = new ArrayList<>();
                for (int c = 0; c < casesPerTownYear; c++) {
                    ServiceHall.Matter m = matters.get(random.nextInt(matters.size()));
                    LocalDate day = days.get(random.nextInt(days.size()));
                    Instant at = day.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60))).atZone(Times.ZONE).toInstant();
                    List<Cases.Step> steps = new ArrayList<>();
                    if (m.kind() == ServiceHall.MatterKind.IMMEDIATE) {
                        steps.add(new Cases.Step("complete", at.plusSeconds(900), "staff", Map.of("result", "当场办结")));
                    } else {
                        steps.add(new Cases.Step("hand_over", at.plusSeconds(3600), "staff", Map.of()));
                        LocalDate done = calendar.addWorkingDays(day, 1 + random.nextInt(Math.max(1, m.promisedDays())));
                        steps.add(new Cases.Step("complete", done.atTime(15, 0).atZone(Times.ZONE).toInstant(), "staff",
                                Map.of("result", "已办结")));
                    }
                    timelineRows += steps.size() + 1;
                    String window = prefix + (m.windowCode().startsWith("ZH") ? "ZH-01" : m.windowCode());
                    batch.add(new Cases.HistoricalCase(new Cases.NewCase("service_matter", center.id(), m.category(), m.code(),
                            m.name(), m.name(), window, false, ApplicantKind.PERSON, null, "申请人", null, null, null, null,
                            m.kind() == ServiceHall.MatterKind.IMMEDIATE ? 0 : m.promisedDays(), m.legalDays(), null), at, "staff", steps));
                    if (batch.size() == 5000) {
                        cases.load(actor, batch);
                        caseCount += batch.size();
                        batch = new ArrayList<>();
                    }
                }
                cases.load(actor, batch);
                caseCount += batch.size();
            }
            loopRecords += loops(actor, townCode, safetyDept, villages, firmIds, firmNames, firstYear, casesPerTownYear, workingDays, random);
            // Residents from a random source of their own, so that the rest of a seed's data stays what it was.
            var written = residents.write(actor, county.code(), villages, casesPerTownYear / 2, new Random(seed * 1_000_003L + t), usedIds);
            residentCount += written.residents();
            householdCount += written.households();
            if (t % TOWNS_PER_COUNTY == TOWNS_PER_COUNTY - 1 || t == towns - 1) {
                targetCount += countyTargets(actor, county, monthly, t % TOWNS_PER_COUNTY + 1, new Random(seed * 1_000_003L - t));
            }
            progress.accept(t + 1);
        }
        Summary s = new Summary(counties, towns, units, firms, valueCount, targetCount, residentCount, householdCount, caseCount,
                timelineRows, loopRecords);
        log.info("Generated {}", s);
        return s;
    }
}
