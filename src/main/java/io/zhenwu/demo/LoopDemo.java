package io.zhenwu.demo;

import io.zhenwu.cases.LoopHistory;
import io.zhenwu.cases.LoopHistory.HistoricDispute;
import io.zhenwu.cases.LoopHistory.HistoricHazard;
import io.zhenwu.cases.LoopHistory.HistoricInspection;
import io.zhenwu.cases.LoopHistory.HistoricPlot;
import io.zhenwu.cases.LoopHistory.Round;
import io.zhenwu.cases.WorkingCalendar;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.Enterprise;
import io.zhenwu.registry.EnterpriseQuery;
import io.zhenwu.registry.Enterprises;
import io.zhenwu.registry.Facilities;
import io.zhenwu.registry.Facility;
import io.zhenwu.registry.FacilityQuery;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.Role;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * 下蜀镇 2023's closed loops, generated deterministically (fixed seed) so that their figures equal the seed report's:
 * 227 责令整改通知书 and 6 事前立案; 930 hazards found, 912 rectified and closed ("900余处"), 35 e-bike charging violations
 * rectified on the spot, 34 colour-steel structures, 17 geological hazard points checked in the flood season; the 19
 * night-production enterprises given a 夜间安全体检 every month they produce at night; 55 labor disputes involving exactly 870,000.00 yuan,
 * all closed; 220 farmland plots of exactly 508 亩, with 667 亩 re-planted. Spread over 2023's working days, the
 * villages and the enterprises; loaded through {@link LoopHistory}, which replays every case through the engine.
 */
@Component
class LoopDemo {

    static final int YEAR = 2023;
    static final String[] INSPECTOR_PAIRS = {"王建国、李明", "陈晓东、周强", "王建国、赵磊", "李明、孙立新", "陈晓东、吴海"};

    private final LoopHistory history;
    private final OrgUnits orgUnits;
    private final Enterprises enterprises;
    private final Facilities facilities;
    private final WorkingCalendar calendar;

    LoopDemo(LoopHistory history, OrgUnits orgUnits, Enterprises enterprises, Facilities facilities, WorkingCalendar calendar) {
        this.history = history;
        this.orgUnits = orgUnits;
        this.enterprises = enterprises;
        this.facilities = facilities;
        this.calendar = calendar;
    }

    record Counts(int inspections, int hazards, int disputes, int plots) {
    }

    Counts load(OrgUnit town) {
        DataScope scope = new DataScope(town.id(), town.path());
        Actor loader = new Actor(0, "demo", scope, EnumSet.allOf(Role.class));
        Random random = new Random(20230227L);
        OrgUnit safetyDept = orgUnits.findByCode(scope, "XS-AQYJ").orElseThrow();
        OrgUnit serviceDept = orgUnits.findByCode(scope, "XS-ZWFW").orElseThrow();
        List<OrgUnit> villages = orgUnits.children(scope, town.id()).stream()
                .filter(u -> u.type() == OrgUnitType.VILLAGE || u.type() == OrgUnitType.COMMUNITY).toList();
        List<Enterprise> all = enterprises.search(scope, EnterpriseQuery.all(), PageQuery.of(0, 500, null, "e.id", Enterprises.SORTABLE)).content();
        LocalDate first = LocalDate.of(YEAR, 1, 1);
        LocalDate last = LocalDate.of(YEAR, 12, 31);
        List<Enterprise> night = all.stream().filter(e -> e.nightProductionFrom() != null && !e.nightProductionFrom().isAfter(last)
                && (e.nightProductionTo() == null || e.nightProductionTo().isAfter(first))).toList();
        List<Facility> geoPoints = facilities.search(scope, new FacilityQuery(null, null, "GEO_HAZARD_POINT", null),
                PageQuery.of(0, 100, null, "f.facility_code", Facilities.SORTABLE)).content();
        List<LocalDate> workdays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(YEAR, 1, 3); d.getYear() == YEAR; d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                workdays.add(d);
            }
        }
        int inspections = 0;
        List<HistoricHazard> hazards = new ArrayList<>();

        // 夜间安全体检: every night-production enterprise once a month.
        List<long[]> routineTargets = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            for (Enterprise e : night) {
                LocalDate on = workdayIn(workdays, month, random);
                if (!e.nightProductionOn(on)) {
                    continue;   // 夜间体检 only while it produces at night
                }
                history.inspection(loader, new HistoricInspection(safetyDept.id(), villageOf(e, villages), e.id(), null, null, on, "NIGHT",
                        null, pair(random), "夜间生产安全体检：值班、消防、用电", "inspector"));
                inspections++;
            }
        }
        // Flood season: the 17 geological hazard points, June–July.
        List<long[]> geoInspections = new ArrayList<>();
        for (Facility f : geoPoints) {
            LocalDate on = workdayIn(workdays, 6 + random.nextInt(2), random);
            long id = history.inspection(loader, new HistoricInspection(safetyDept.id(), f.orgUnitId(), null, f.id(), f.name(), on, "FLOOD",
                    "汛期地质灾害隐患点巡查", pair(random), "汛前巡查：坡体、排水、警示标志", "inspector"));
            geoInspections.add(new long[]{id, f.orgUnitId(), on.toEpochDay()});
            inspections++;
        }
        // Routine inspections of enterprises, where most hazards are found.
        for (int i = 0; i < 320; i++) {
            Enterprise e = all.get(random.nextInt(all.size()));
            LocalDate on = workdays.get(random.nextInt(workdays.size() - 30));
            long id = history.inspection(loader, new HistoricInspection(safetyDept.id(), villageOf(e, villages), e.id(), null, null, on,
                    "ROUTINE", null, pair(random), "日常安全生产检查", "inspector"));
            routineTargets.add(new long[]{id, e.id(), on.toEpochDay(), all.indexOf(e)});
            inspections++;
        }
        // 电动自行车违规充电整治: 35 violations rectified on the spot.
        for (int i = 0; i < 35; i++) {
            OrgUnit v = villages.get(random.nextInt(villages.size()));
            LocalDate on = workdayIn(workdays, 3 + random.nextInt(9), random);
            String place = v.name() + (i % 3 == 0 ? "集中居住区" : i % 3 == 1 ? "出租房" : "沿街商铺") + (i + 1) + "号";
            long id = history.inspection(loader, new HistoricInspection(safetyDept.id(), v.id(), null, null, place, on, "CAMPAIGN",
                    "电动自行车违规充电整治", pair(random), "楼道、室内违规充电检查", "inspector"));
            inspections++;
            hazards.add(onTheSpot(id, safetyDept.id(), v.id(), null, null, "EBIKE", place, "电动自行车在楼道内飞线充电", on,
                    "当场拆除飞线，车辆移至集中充电点", workdays, random));
        }
        // Hazards with a notice: 34 colour-steel structures, 5 geological points, 188 others = 227 notices.
        String[] noticeCategories = {"FIRE", "ELECTRICAL", "CHEMICALS", "OTHER", "FIRE", "ELECTRICAL"};
        int noticeIndex = 0;
        for (int i = 0; i < 227; i++) {
            String category;
            long inspectionId;
            Long village;
            Long enterpriseId = null;
            String enterpriseName = null;
            LocalDate found;
            String location;
            if (i < 5) {
                long[] g = geoInspections.get(i * 3);
                inspectionId = g[0];
                village = g[1];
                found = LocalDate.ofEpochDay(g[2]);
                category = "GEOLOGICAL";
                location = geoPoints.get(i * 3).name();
            } else {
                long[] r = routineTargets.get(random.nextInt(routineTargets.size()));
                Enterprise e = all.get((int) r[3]);
                inspectionId = r[0];
                village = villageOf(e, villages);
                enterpriseId = e.id();
                enterpriseName = e.name();
                found = LocalDate.ofEpochDay(r[2]);
                category = i < 5 + 34 ? "COLOR_STEEL" : noticeCategories[noticeIndex++ % noticeCategories.length];
                location = category.equals("COLOR_STEEL") ? "厂区彩钢板棚" + (i % 4 + 1) + "号" : "生产车间" + (i % 6 + 1) + "号";
            }
            boolean major = i % 19 == 7;   // 12 major hazards
            boolean filed = major && i % 2 == 0 && countFiled(hazards) < 6;
            LocalDate deadline = found.plusDays(category.equals("COLOR_STEEL") ? 30 : 15);
            boolean reopened = i % 11 == 3;   // 21 fail their first re-inspection
            boolean open = i >= 212;   // the last 15 are still open at the end of the year
            List<Round> rounds = new ArrayList<>();
            LocalDate report = found.plusDays(5 + random.nextInt(8));
            if (reopened) {
                LocalDate check = next(report.plusDays(2), workdays);
                rounds.add(new Round(report, "inspector", "已整改", check, "inspector2", false, "整改不到位，继续整改", check.plusDays(10)));
                report = check.plusDays(6);
            }
            LocalDate check = next(report.plusDays(1 + random.nextInt(3)), workdays);
            if (!(open && i % 3 == 0)) {
                rounds.add(new Round(report, "inspector", measures(category), open ? null : check, "inspector2", true, "复查合格，同意销号", null));
            }
            hazards.add(new HistoricHazard(inspectionId, safetyDept.id(), village, enterpriseId, enterpriseName, category,
                    major ? "MAJOR" : "GENERAL", location, description(category), found, "inspector", found, deadline,
                    itemsFor(category), rounds, filed ? "句应急罚立〔" + YEAR + "〕" + (countFiled(hazards) + 1) + "号" : null,
                    filed ? found.plusDays(3) : null));
        }
        // Everything else rectified on the spot during routine and night inspections: 668, 3 awaiting re-inspection.
        String[] spotCategories = {"FIRE", "ELECTRICAL", "FIRE", "OTHER", "ELECTRICAL", "CHEMICALS"};
        for (int i = 0; i < 668; i++) {
            long[] r = routineTargets.get(random.nextInt(routineTargets.size()));
            Enterprise e = all.get((int) r[3]);
            String category = spotCategories[i % spotCategories.length];
            HistoricHazard h = onTheSpot(r[0], safetyDept.id(), villageOf(e, villages), e.id(), e.name(), category,
                    "车间" + (i % 8 + 1) + "号", description(category), LocalDate.ofEpochDay(r[2]), measures(category), workdays, random);
            if (i >= 665) {
                h = new HistoricHazard(h.inspectionId(), h.orgUnitId(), h.villageOrgId(), h.enterpriseId(), h.enterpriseName(), h.category(),
                        h.level(), h.location(), h.description(), h.foundOn(), h.finder(), null, null, null,
                        List.of(new Round(h.foundOn(), "inspector", measures(category), null, null, true, null, null)), null, null);
            }
            hazards.add(h);
        }
        int hazardCount = history.hazards(loader, hazards);

        int disputeCount = history.disputes(loader, disputes(serviceDept, all, villages, workdays, random));
        int plotCount = history.plots(loader, plots(villages, workdays, random));
        return new Counts(inspections, hazardCount, disputeCount, plotCount);
    }

    private static long countFiled(List<HistoricHazard> hazards) {
        return hazards.stream().filter(h -> h.enforcementRef() != null).count();
    }

    private HistoricHazard onTheSpot(long inspectionId, long orgUnitId, Long village, Long enterpriseId, String enterpriseName, String category,
                                     String location, String description, LocalDate found, String measures, List<LocalDate> workdays,
                                     Random random) {
        LocalDate check = next(found.plusDays(1 + random.nextInt(5)), workdays);
        return new HistoricHazard(inspectionId, orgUnitId, village, enterpriseId, enterpriseName, category, "GENERAL", location, description,
                found, "inspector", null, null, null,
                List.of(new Round(found, "inspector", measures, check, "inspector2", true, "复查合格，同意销号", null)), null, null);
    }

    private List<HistoricDispute> disputes(OrgUnit dept, List<Enterprise> all, List<OrgUnit> villages, List<LocalDate> workdays, Random random) {
        int n = 55;
        long totalFen = 87_000_000L;   // 87万元, exactly
        long[] fen = split(totalFen, n, random, 1);
        String[] categories = new String[n];
        for (int i = 0; i < n; i++) {
            categories[i] = i < 38 ? "WAGES" : i < 45 ? "SOCIAL_INSURANCE" : i < 50 ? "INJURY" : "CONTRACT";
        }
        String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
        List<HistoricDispute> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Enterprise e = all.get(random.nextInt(all.size()));
            int workers = 1 + random.nextInt(i < 38 ? 12 : 3);
            List<String> masked = new ArrayList<>();
            for (int w = 0; w < Math.min(workers, 5); w++) {
                masked.add(surnames[random.nextInt(surnames.length)] + "**");
            }
            LocalDate accepted = workdays.get(random.nextInt(workdays.size() - 50));
            boolean arbitration = i % 8 == 5;
            LocalDate closed = next(accepted.plusDays(arbitration ? 20 + random.nextInt(15) : 3 + random.nextInt(10)), workdays);
            BigDecimal amount = BigDecimal.valueOf(fen[i], 2);
            list.add(new HistoricDispute(dept.id(), e.id(), e.name(), villageOf(e, villages), workers, String.join("、", masked) + (workers > 5 ? "等" : ""),
                    amount, categories[i], accepted, "staff", arbitration, closed,
                    arbitration ? "经劳动仲裁裁决，款项已兑现" : "调解成功，达成协议并当场兑现", amount));
        }
        return list;
    }

    private List<HistoricPlot> plots(List<OrgUnit> villages, List<LocalDate> workdays, Random random) {
        int n = 220;
        long[] area = split(508_00L, n, random, 10);       // 508亩, in 0.01亩
        long[] replanted = split(667_00L, n, random, 10);  // 667亩 re-ploughed
        String[] uses = {"苗木", "坑塘", "闲置荒地", "林果", "设施农业用房"};
        String[] crops = {"水稻", "小麦", "油菜", "玉米"};
        List<HistoricPlot> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OrgUnit v = villages.get(i % villages.size());
            String problem = i % 5 == 0 ? "ABANDONED" : i % 5 == 1 ? "NON_GRAIN" : "OUTFLOW";
            LocalDate found = workdays.get(random.nextInt(60));
            LocalDate plan = next(found.plusDays(3), workdays);
            LocalDate replant = next(plan.plusDays(20 + random.nextInt(90)), workdays);
            LocalDate village = next(replant.plusDays(5), workdays);
            LocalDate dept = next(village.plusDays(5 + random.nextInt(10)), workdays);
            String cadre = v.code().endsWith("201") ? "cadre" : v.code().endsWith("202") ? "cadre2" : "cadre-" + v.code().substring(9);
            list.add(new HistoricPlot(String.format("TB%d%s%04d", YEAR, v.code().substring(9), i + 1), v.id(),
                    BigDecimal.valueOf(area[i], 2), uses[i % uses.length], problem, found, cadre, plan, "清除地上附着物，平整土地后复耕复种",
                    replant, BigDecimal.valueOf(replanted[i], 2), crops[i % crops.length], village, dept, "staff"));
        }
        return list;
    }

    /** Splits a total (in the smallest unit) into n positive parts that add up exactly, varying around the mean. */
    static long[] split(long total, int n, Random random, long minimum) {
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 0.4 + random.nextDouble() * 1.2;
            sum += w[i];
        }
        long[] parts = new long[n];
        long used = 0;
        for (int i = 0; i < n - 1; i++) {
            parts[i] = Math.max(minimum, Math.round(total * w[i] / sum / minimum) * minimum);
            used += parts[i];
        }
        parts[n - 1] = total - used;
        if (parts[n - 1] < minimum) {
            throw new IllegalStateException("demo split left nothing for the last part");
        }
        return parts;
    }

    private static Long villageOf(Enterprise e, List<OrgUnit> villages) {
        return villages.stream().anyMatch(v -> v.id() == e.orgUnitId()) ? e.orgUnitId() : null;
    }

    private static List<String> pair(Random random) {
        return List.of(INSPECTOR_PAIRS[random.nextInt(INSPECTOR_PAIRS.length)].split("、"));
    }

    private static LocalDate workdayIn(List<LocalDate> workdays, int month, Random random) {
        List<LocalDate> in = workdays.stream().filter(d -> d.getMonthValue() == month).toList();
        return in.get(random.nextInt(in.size()));
    }

    private static LocalDate next(LocalDate d, List<LocalDate> workdays) {
        LocalDate x = d;
        while (!workdays.contains(x) && x.getYear() == YEAR) {
            x = x.plusDays(1);
        }
        return x;
    }

    private static String description(String category) {
        return switch (category) {
            case "FIRE" -> "消防通道堵塞，灭火器过期";
            case "ELECTRICAL" -> "配电箱未接地，私拉乱接电线";
            case "COLOR_STEEL" -> "彩钢板建筑未做防火处理，存在坍塌风险";
            case "GEOLOGICAL" -> "坡体出现裂缝，排水沟堵塞";
            case "CHEMICALS" -> "危化品未分类存放，台账不全";
            case "EBIKE" -> "电动自行车违规充电";
            default -> "安全警示标志缺失";
        };
    }

    private static String measures(String category) {
        return switch (category) {
            case "FIRE" -> "清理通道，更换灭火器";
            case "ELECTRICAL" -> "规范接线，配电箱接地";
            case "COLOR_STEEL" -> "加固并更换为A级不燃材料";
            case "GEOLOGICAL" -> "清理排水沟，设置警示标志";
            case "CHEMICALS" -> "分类存放，补齐台账";
            default -> "现场整改完毕";
        };
    }

    private static String itemsFor(String category) {
        return description(category) + "\n整改完成后书面报告";
    }
}
