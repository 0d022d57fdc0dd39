package io.zhenwu.demo;

import io.zhenwu.cases.ApplicantKind;
import io.zhenwu.cases.Cases;
import io.zhenwu.cases.ServiceHall;
import io.zhenwu.cases.WorkingCalendar;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.registry.Enterprise;
import io.zhenwu.registry.Enterprises;
import io.zhenwu.registry.EnterpriseQuery;
import io.zhenwu.registry.Masking;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.Times;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 下蜀镇 政务服务中心 2023, record by record: the windows (incl. the 广电/公安/不动产 进驻窗口), a matter catalogue, three
 * 一件事一次办 bundles, the 37 帮办代办 items — and the year's cases so that the figures equal the seed: 7776 matters
 * handled (6810 公共服务 + 966 行政审批, bundle sub-matters included), 59 bundles, 3209 at the resident windows, plus
 * 23 matters withdrawn by their applicants (not "handled"), out-of-hours acceptances at lunchtime and on Saturdays,
 * 37 assistance requests (two still open at year end, one of them overdue) and 96 三问三送 visits. Deterministic:
 * the same seed gives the same town. Written through {@link Cases#load}, the engine's batch path, so every step is
 * checked by the case types exactly like a live transition.
 */
@Component
class ServiceHallDemo {

    static final int HANDLED = 7776;
    static final int PUBLIC_SERVICE = 6810;
    static final int APPROVALS = 966;
    static final int BUNDLES = 59;
    static final int RESIDENT_WINDOWS = 3209;
    static final int WITHDRAWN = 23;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"建国", "秀英", "桂兰", "志强", "海燕", "文华", "玉梅", "国平", "晓东", "丽娟", "春生", "雪芳"};

    private final ServiceHall hall;
    private final Cases cases;
    private final WorkingCalendar calendar;
    private final Enterprises enterprises;

    ServiceHallDemo(ServiceHall hall, Cases cases, WorkingCalendar calendar, Enterprises enterprises) {
        this.hall = hall;
        this.cases = cases;
        this.calendar = calendar;
        this.enterprises = enterprises;
    }

    record Summary(int matters, int bundles, int assistance, int visits) {
    }

    Summary load(OrgUnit county, OrgUnit town, OrgUnit center, OrgUnit economy) {
        Actor actor = new Actor(0, "demo", new DataScope(county.id(), county.path()), EnumSet.allOf(Role.class));
        cases.setNumberPrefix(actor, town.id(), "XS");
        catalogue(center);
        Random random = new Random(2023);
        List<LocalDate> workingDays = new ArrayList<>();
        List<LocalDate> saturdays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.getYear() == 2023; d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                workingDays.add(d);
            } else if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
                saturdays.add(d);
            }
        }
        Map<String, ServiceHall.Matter> matters = new java.util.HashMap<>();
        hall.matters().forEach(m -> matters.put(m.code(), m));
        List<ServiceHall.Bundle> bundles = hall.bundles();

        // 1. The 59 bundles: a parent each, its sub-matters counted among the matters of their category.
        List<Cases.HistoricalCase> parents = new ArrayList<>();
        List<List<Cases.HistoricalCase>> children = new ArrayList<>();
        int subPublic = 0;
        int subApproval = 0;
        int subResident = 0;
        for (int i = 0; i < BUNDLES; i++) {
            ServiceHall.Bundle b = bundles.get(i % bundles.size());
            Instant at = during(workingDays.get(random.nextInt(workingDays.size())), random);
            String applicant = person(random);
            List<Cases.HistoricalCase> subs = new ArrayList<>();
            Instant last = at;
            for (String code : b.matterCodes()) {
                ServiceHall.Matter m = matters.get(code);
                Cases.HistoricalCase sub = matter(m, at, applicant, random, false, false, center);
                subs.add(sub);
                Instant done = sub.steps().get(sub.steps().size() - 1).at();
                last = done.isAfter(last) ? done : last;
                if (m.category().equals("公共服务")) {
                    subPublic++;
                } else {
                    subApproval++;
                }
                if (residentWindow(m)) {
                    subResident++;
                }
            }
            parents.add(new Cases.HistoricalCase(new Cases.NewCase("service_bundle", center.id(), "公共服务", b.code(), b.name(), b.name(),
                    "ZH-01", false, ApplicantKind.PERSON, null, applicant, null, null, null, null, b.promisedDays(), null, null),
                    at, "staff", List.of(new Cases.Step("all_completed", last.plusSeconds(60), "system", Map.of()))));
            children.add(subs);
        }
        List<Long> parentIds = cases.load(actor, parents);
        List<Cases.HistoricalCase> batch = new ArrayList<>();
        for (int i = 0; i < parentIds.size(); i++) {
            for (Cases.HistoricalCase sub : children.get(i)) {
                batch.add(withParent(sub, parentIds.get(i)));
            }
        }
        cases.load(actor, batch);

        // 2. The standalone matters: resident windows, the other public services, approvals; then the withdrawn ones.
        List<ServiceHall.Matter> resident = matters.values().stream().filter(ServiceHallDemo::residentWindow).sorted(java.util.Comparator.comparing(ServiceHall.Matter::code)).toList();
        List<ServiceHall.Matter> publicOther = matters.values().stream().filter(m -> m.category().equals("公共服务") && !residentWindow(m))
                .sorted(java.util.Comparator.comparing(ServiceHall.Matter::code)).toList();
        List<ServiceHall.Matter> approvals = matters.values().stream().filter(m -> m.category().equals("行政审批"))
                .sorted(java.util.Comparator.comparing(ServiceHall.Matter::code)).toList();
        int residentLeft = RESIDENT_WINDOWS - subResident;
        int publicLeft = PUBLIC_SERVICE - subPublic - residentLeft;
        int approvalsLeft = APPROVALS - subApproval;
        batch = new ArrayList<>();
        for (int i = 0; i < residentLeft + publicLeft + approvalsLeft + WITHDRAWN; i++) {
            ServiceHall.Matter m = i < residentLeft ? resident.get(random.nextInt(resident.size()))
                    : i < residentLeft + publicLeft ? publicOther.get(random.nextInt(publicOther.size()))
                    : i < residentLeft + publicLeft + approvalsLeft ? approvals.get(random.nextInt(approvals.size()))
                    : publicOther.get(random.nextInt(publicOther.size()));
            boolean outOfHours = random.nextInt(100) < 5;
            LocalDate day = outOfHours && random.nextBoolean() ? saturdays.get(random.nextInt(saturdays.size()))
                    : workingDays.get(random.nextInt(workingDays.size()));
            Instant at = outOfHours ? lunchOrSaturday(day, random) : during(day, random);
            batch.add(matter(m, at, person(random), random, i >= residentLeft + publicLeft + approvalsLeft, outOfHours, center));
            if (batch.size() == 2000) {
                cases.load(actor, batch);
                batch = new ArrayList<>();
            }
        }
        cases.load(actor, batch);

        int assistance = assistance(actor, economy, workingDays, random);
        int visits = visits(actor, economy, workingDays, random);
        return new Summary(HANDLED, BUNDLES, assistance, visits);
    }

    private static boolean residentWindow(ServiceHall.Matter m) {
        return m.windowCode().equals("GA") || m.windowCode().equals("GD") || m.windowCode().equals("BDC");
    }

    /** One matter: 即办件 completed within the hour; 承诺件 handed over, now and then paused for materials, completed in time (a few late). */
    private Cases.HistoricalCase matter(ServiceHall.Matter m, Instant at, String applicant, Random random, boolean withdrawn,
                                       boolean outOfHours, OrgUnit center) {
        List<Cases.Step> steps = new ArrayList<>();
        LocalDate opened = at.atZone(Times.ZONE).toLocalDate();
        String clerk = "staff";
        if (withdrawn) {
            steps.add(new Cases.Step("withdraw", at.plusSeconds(1800), clerk, Map.of("reason", "申请人申请撤回")));
        } else if (m.kind() == ServiceHall.MatterKind.IMMEDIATE) {
            steps.add(new Cases.Step("complete", at.plusSeconds(300 + random.nextInt(2400)), clerk, Map.of("result", "当场办结")));
        } else {
            steps.add(new Cases.Step("hand_over", at.plusSeconds(3600), clerk, Map.of("assignee", m.windowCode() + "经办人")));
            int extra = 0;
            LocalDate day = calendar.addWorkingDays(opened, 0);
            if (random.nextInt(100) < 3) {
                LocalDate asked = calendar.addWorkingDays(day, 1);
                int waited = 1 + random.nextInt(3);
                LocalDate received = calendar.addWorkingDays(asked, waited);
                steps.add(new Cases.Step("request_materials", at(asked, 10, random), clerk, Map.of("materials", "补充户籍证明材料")));
                steps.add(new Cases.Step("materials_received", at(received, 9, random), clerk, Map.of()));
                extra = waited;
                day = received;
            }
            int days = random.nextInt(100) < 2 ? m.promisedDays() + 1 + random.nextInt(2) : 1 + random.nextInt(Math.max(1, m.promisedDays()));
            LocalDate done = calendar.addWorkingDays(opened, days + extra);
            if (!done.isAfter(day)) {
                done = calendar.addWorkingDays(day, 1);
            }
            steps.add(new Cases.Step("complete", at(done, 15, random), clerk, Map.of("result", "已办结，结果已送达")));
        }
        return new Cases.HistoricalCase(new Cases.NewCase("service_matter", center.id(), m.category(), m.code(), m.name(), m.name(),
                m.windowCode(), outOfHours, ApplicantKind.PERSON, null, applicant, null, null, null, null,
                m.kind() == ServiceHall.MatterKind.IMMEDIATE ? 0 : m.promisedDays(), m.legalDays(), null), at, clerk, steps);
    }

    private static Cases.HistoricalCase withParent(Cases.HistoricalCase h, long parentId) {
        Cases.NewCase c = h.c();
        return new Cases.HistoricalCase(new Cases.NewCase(c.type(), c.orgUnitId(), c.category(), c.subjectCode(), c.subjectName(),
                c.title(), c.channelCode(), c.outOfHours(), c.applicantKind(), c.applicantRef(), c.applicantName(), c.applicantIdMasked(),
                c.enterpriseId(), c.assignee(), parentId, c.promisedDays(), c.legalDays(), c.comment()), h.openedAt(), h.openedBy(), h.steps());
    }

    private int assistance(Actor actor, OrgUnit economy, List<LocalDate> workingDays, Random random) {
        List<Enterprise> firms = new ArrayList<>();
        enterprises.forEach(actor.scope(), EnterpriseQuery.all(), firms::add);
        List<ServiceHall.AssistanceItem> items = hall.assistanceItems();
        String[] agents = {"周代办", "钱代办", "孙代办", "吴代办", "郑代办"};
        List<Cases.HistoricalCase> batch = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ServiceHall.AssistanceItem item = items.get(i);
            Enterprise firm = firms.get(i % firms.size());
            LocalDate day = workingDays.get(Math.min(workingDays.size() - 1, i * workingDays.size() / items.size() + random.nextInt(5)));
            Instant at = during(day, random);
            String agent = agents[i % agents.length];
            List<Cases.Step> steps = new ArrayList<>();
            steps.add(new Cases.Step("assign", at.plusSeconds(3600), "staff", Map.of("assignee", agent)));
            steps.add(new Cases.Step("start", at(calendar.addWorkingDays(day, 1), 9, random), "staff", Map.of()));
            steps.add(new Cases.Step("milestone", at(calendar.addWorkingDays(day, 3), 10, random), "staff",
                    Map.of("milestone", "材料已预审，已与审批部门对接")));
            boolean open = i >= items.size() - 2;
            if (!open) {
                steps.add(new Cases.Step("complete", at(calendar.addWorkingDays(day, 4 + random.nextInt(Math.max(1, item.promisedDays() - 4))), 15, random),
                        "staff", Map.of("result", "已办结，证照已交付企业")));
            }
            batch.add(new Cases.HistoricalCase(new Cases.NewCase("assistance_request", economy.id(), item.stage(), item.code(), item.name(),
                    item.name() + "（" + firm.name() + "）", null, false, ApplicantKind.ENTERPRISE, firm.id(), firm.name(),
                    firm.creditCode(), firm.id(), agent, null, item.promisedDays(), null, null), at, "staff", steps));
        }
        cases.load(actor, batch);
        return batch.size();
    }

    private int visits(Actor actor, OrgUnit economy, List<LocalDate> workingDays, Random random) {
        List<Enterprise> firms = new ArrayList<>();
        enterprises.forEach(actor.scope(), EnterpriseQuery.all(), firms::add);
        List<Cases.HistoricalCase> batch = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            Enterprise firm = firms.get(random.nextInt(firms.size()));
            LocalDate day = workingDays.get(i * workingDays.size() / 96);
            Instant at = during(day, random);
            batch.add(new Cases.HistoricalCase(new Cases.NewCase("enterprise_visit", economy.id(), "三问三送", null, null,
                    "走访" + firm.name(), null, false, ApplicantKind.ENTERPRISE, firm.id(), firm.name(), firm.creditCode(), firm.id(),
                    null, null, null, null, null), at, "leader",
                    List.of(new Cases.Step("file", at(calendar.addWorkingDays(day, 1 + random.nextInt(3)), 16, random), "staff",
                            Map.of("findings", "问需求、问困难、问建议；已送政策、送服务")))));
        }
        cases.load(actor, batch);
        return batch.size();
    }

    private static Instant during(LocalDate day, Random random) {
        // 08:45–11:45 or 13:45–17:15: inside normal hours.
        int minute = random.nextBoolean() ? 8 * 60 + 45 + random.nextInt(180) : 13 * 60 + 45 + random.nextInt(210);
        return day.atTime(LocalTime.of(minute / 60, minute % 60)).atZone(Times.ZONE).toInstant();
    }

    private static Instant lunchOrSaturday(LocalDate day, Random random) {
        int minute = day.getDayOfWeek() == DayOfWeek.SATURDAY ? 9 * 60 + random.nextInt(180) : 12 * 60 + random.nextInt(90);
        return day.atTime(LocalTime.of(minute / 60, minute % 60)).atZone(Times.ZONE).toInstant();
    }

    private static Instant at(LocalDate day, int hour, Random random) {
        return day.atTime(LocalTime.of(hour, random.nextInt(60))).atZone(Times.ZONE).toInstant();
    }

    private static String person(Random random) {
        return Masking.name(SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]);
    }

    private void catalogue(OrgUnit center) {
        for (int i = 1; i <= 6; i++) {
            hall.defineWindow(new ServiceHall.Window("ZH-0" + i, "综合受理" + i + "号窗口", center.id(), false, null));
        }
        hall.defineWindow(new ServiceHall.Window("SP", "企业开办与审批窗口", center.id(), false, null));
        hall.defineWindow(new ServiceHall.Window("GA", "公安户政窗口", center.id(), true, "句容市公安局下蜀派出所"));
        hall.defineWindow(new ServiceHall.Window("GD", "广电窗口", center.id(), true, "江苏有线句容分公司"));
        hall.defineWindow(new ServiceHall.Window("BDC", "不动产登记窗口", center.id(), true, "句容市不动产登记中心"));
        Object[][] matters = {
                {"GG-001", "城乡居民基本养老保险参保登记", "公共服务", "IMMEDIATE", null, 0, "ZH-01", "身份证、户口簿"},
                {"GG-002", "城乡居民基本医疗保险参保登记", "公共服务", "IMMEDIATE", null, 0, "ZH-01", "身份证、户口簿"},
                {"GG-003", "社会保障卡申领", "公共服务", "PROMISED", 20, 10, "ZH-02", "身份证、照片"},
                {"GG-004", "高龄津贴申领", "公共服务", "PROMISED", 20, 5, "ZH-02", "身份证、户口簿、银行卡"},
                {"GG-005", "最低生活保障申请", "公共服务", "PROMISED", 30, 20, "ZH-03", "申请书、家庭收入及财产声明"},
                {"GG-006", "临时救助申请", "公共服务", "PROMISED", 15, 10, "ZH-03", "申请书、困难情况说明"},
                {"GG-007", "残疾人两项补贴申请", "公共服务", "PROMISED", 20, 10, "ZH-03", "残疾人证、身份证"},
                {"GG-008", "生育登记", "公共服务", "IMMEDIATE", null, 0, "ZH-04", "夫妻双方身份证、结婚证"},
                {"GG-009", "就业登记与失业登记", "公共服务", "IMMEDIATE", null, 0, "ZH-04", "身份证、劳动合同或离职证明"},
                {"GG-010", "退役军人优待证申领", "公共服务", "PROMISED", 30, 15, "ZH-05", "退役证件、身份证、照片"},
                {"GG-011", "城乡居民养老保险待遇领取", "公共服务", "PROMISED", 20, 5, "ZH-05", "身份证、银行卡"},
                {"GG-012", "医疗费用零星报销", "公共服务", "PROMISED", 30, 15, "ZH-06", "发票、病历、清单"},
                {"GA-001", "出生登记（户口申报）", "公共服务", "IMMEDIATE", null, 0, "GA", "出生医学证明、父母户口簿"},
                {"GA-002", "居民身份证申领与换领", "公共服务", "PROMISED", 60, 20, "GA", "户口簿、照片"},
                {"GA-003", "户口迁移", "公共服务", "PROMISED", 20, 5, "GA", "准迁证明、户口簿"},
                {"GD-001", "有线电视开户、过户与报停", "公共服务", "IMMEDIATE", null, 0, "GD", "身份证、房产证明"},
                {"GD-002", "广播电视与宽带报装", "公共服务", "PROMISED", 10, 3, "GD", "身份证、地址"},
                {"BDC-001", "不动产转移登记", "公共服务", "PROMISED", 30, 5, "BDC", "不动产权证书、买卖合同、身份证"},
                {"BDC-002", "不动产抵押登记", "公共服务", "PROMISED", 30, 3, "BDC", "不动产权证书、抵押合同"},
                {"BDC-003", "不动产登记资料查询", "公共服务", "IMMEDIATE", null, 0, "BDC", "身份证"},
                {"SP-001", "个体工商户设立登记", "行政审批", "IMMEDIATE", null, 0, "SP", "经营者身份证、经营场所证明"},
                {"SP-002", "食品经营许可（小餐饮登记）", "行政审批", "PROMISED", 20, 10, "SP", "申请书、场所平面图、健康证明"},
                {"SP-003", "乡村建设规划许可", "行政审批", "PROMISED", 20, 15, "SP", "申请表、建设方案、土地证明"},
                {"SP-004", "农村宅基地用地审批", "行政审批", "PROMISED", 30, 20, "SP", "申请表、村民会议意见、户口簿"},
                {"SP-005", "临时占用道路审批", "行政审批", "PROMISED", 20, 5, "SP", "申请书、施工方案"},
                {"SP-006", "户外广告设施设置审批", "行政审批", "PROMISED", 20, 10, "SP", "设计图、场地权属证明"},
                {"SP-007", "林木采伐许可", "行政审批", "PROMISED", 20, 10, "SP", "申请书、林权证明"},
        };
        for (Object[] m : matters) {
            hall.defineMatter(new ServiceHall.Matter((String) m[0], (String) m[1], (String) m[2], ServiceHall.MatterKind.valueOf((String) m[3]),
                    (Integer) m[4], (Integer) m[5], center.id(), (String) m[6], (String) m[7]));
        }
        hall.defineBundle(new ServiceHall.Bundle("YJS-BIRTH", "新生儿出生一件事", 5, List.of("GA-001", "GG-002", "GG-003")));
        hall.defineBundle(new ServiceHall.Bundle("YJS-EATERY", "开办小餐饮一件事", 10, List.of("SP-001", "SP-002")));
        hall.defineBundle(new ServiceHall.Bundle("YJS-RETIRE", "退休一件事", 5, List.of("GG-011", "GG-002")));
        String[][] items = {
                {"立项备案", "立项"}, {"节能审查", "立项"}, {"环境影响评价审批", "立项"}, {"安全预评价备案", "立项"}, {"社会稳定风险评估", "立项"},
                {"土地挂牌出让", "用地"}, {"国有建设用地使用权出让合同签订", "用地"}, {"建设用地规划许可", "用地"}, {"土地勘测定界", "用地"},
                {"不动产权证（土地）登记", "用地"}, {"建设工程规划许可", "规划"}, {"规划方案审查", "规划"}, {"施工图审查", "规划"},
                {"人防工程审批", "规划"}, {"消防设计审查", "规划"}, {"施工许可", "施工"}, {"质量安全监督登记", "施工"}, {"临时用水用电报装", "施工"},
                {"建筑垃圾处置核准", "施工"}, {"夜间施工许可", "施工"}, {"城市道路挖掘许可", "施工"}, {"排水许可", "施工"},
                {"规划核实", "验收"}, {"消防验收", "验收"}, {"竣工验收备案", "验收"}, {"不动产首次登记", "验收"}, {"供电接入", "投产"},
                {"供水接入", "投产"}, {"燃气接入", "投产"}, {"排污许可", "投产"}, {"安全设施竣工验收", "投产"}, {"职业卫生评价备案", "投产"},
                {"高新技术企业申报辅导", "发展"}, {"专精特新企业申报辅导", "发展"}, {"技改项目备案", "发展"}, {"企业上市辅导", "发展"},
                {"招工用工对接", "发展"}};
        for (int i = 0; i < items.length; i++) {
            hall.defineAssistanceItem(new ServiceHall.AssistanceItem(String.format("BB-%03d", i + 1), items[i][0], items[i][1], 20));
        }
    }
}
