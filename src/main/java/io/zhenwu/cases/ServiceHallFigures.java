package io.zhenwu.cases;

import io.zhenwu.shared.figures.FigureKind;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The service hall's figures. "办理" (handled) counts every matter accepted at a window in the period — bundle
 * sub-matters included, each is a matter the office handled — except those the applicant withdrew; a bundle is
 * counted once more as a bundle by its own figure.
 */
@Component
class ServiceHallFigures implements CaseFigureCatalogue {

    private static final String MATTERS = "c.type_code = 'service_matter' AND (c.outcome IS NULL OR c.outcome <> 'cancelled')";
    private static final String RESIDENT_WINDOW = "c.channel_code IN (SELECT w.code FROM service_window w WHERE w.resident_agency = TRUE)";

    @Override
    public List<CaseFigure> figures() {
        return List.of(
                CaseFigure.count("cases.service_hall.handled", "办理政务服务事项", "Service-hall matters handled",
                                "期内在政务服务中心各窗口受理的政务服务事项件数（含一件事一次办的子事项，不含申请人撤回的），按受理日期计。",
                                "Matters accepted at the service-hall windows in the period (sub-matters of bundles included, withdrawn ones excluded), by acceptance date.",
                                "件")
                        .where(MATTERS)
                        .filter("category", "c.category = :f_category")
                        .filter("window", "c.channel_code = :f_window")
                        .filter("resident_window", "(" + RESIDENT_WINDOW + ") = (:f_resident_window = 'true')")
                        .build(),
                CaseFigure.count("cases.service_hall.resident_windows", "进驻窗口办件", "Matters at resident agency windows",
                                "期内在广电、公安、不动产等进驻窗口受理的事项件数（不含撤回）。",
                                "Matters accepted at the windows of resident outside agencies (broadcasting, police, real estate), withdrawn excluded.",
                                "件")
                        .where(MATTERS + " AND " + RESIDENT_WINDOW)
                        .filter("window", "c.channel_code = :f_window")
                        .build(),
                CaseFigure.count("cases.service_hall.bundles", "一件事一次办", "One-thing-one-visit bundles",
                                "期内受理的“一件事一次办”申请件数，每件只计一次（不含整体撤回）。",
                                "Bundle applications accepted in the period, each counted once (withdrawn ones excluded).",
                                "件")
                        .where("c.type_code = 'service_bundle' AND (c.outcome IS NULL OR c.outcome <> 'cancelled')")
                        .build(),
                CaseFigure.count("cases.service_hall.out_of_hours", "延时错时办件", "Matters accepted out of hours",
                                "期内在午间（12:00–13:30）、周六及其他非工作时间受理的事项件数（午间不断档、周六不打烊）。",
                                "Matters accepted at lunchtime (12:00–13:30), on Saturdays or otherwise outside normal hours.",
                                "件")
                        .where(MATTERS + " AND c.out_of_hours = TRUE")
                        .build(),
                CaseFigure.count("cases.service_hall.on_time_rate", "按时办结率", "Completed on time",
                                "期内办结的事项中，在承诺期限（扣除补正等暂停的工作日）内办结的比例，按办结日期计。",
                                "Of the matters completed in the period, the share completed by their promised deadline (paused working days excluded), by completion date.",
                                "%")
                        .on("c.closed_on").where("c.type_code = 'service_matter' AND c.outcome = 'done'")
                        .rate("c.closed_on <= c.due_on")
                        .filter("category", "c.category = :f_category")
                        .build(),
                CaseFigure.amount("cases.service_hall.avg_working_days", "平均办理时长", "Average working days to complete",
                                "期内办结的承诺件从受理次日起至办结日的工作日数平均值，补正等暂停时间不计。",
                                "Average working days from the day after acceptance to completion of promised matters completed in the period; paused time excluded.",
                                "个工作日", FigureKind.QUANTITY)
                        .on("c.closed_on").where("c.type_code = 'service_matter' AND c.outcome = 'done' AND c.promised_days > 0")
                        .average("c.working_days_used")
                        .build(),
                CaseFigure.count("cases.service_hall.overdue_open", "超期未办结", "Overdue and still open",
                                "受理于期内、截至目前仍未办结且已超过承诺期限（已督办）的事项件数。",
                                "Matters accepted in the period that are still open and past their promised deadline (escalated).",
                                "件")
                        .where("c.type_code IN ('service_matter', 'service_bundle') AND c.state_kind = 'OPEN' AND c.overdue = TRUE")
                        .build(),
                CaseFigure.count("cases.assistance.requests", "帮办代办事项", "Enterprise assistance requests",
                                "期内受理的企业帮办代办申请件数（不含撤销）。",
                                "Enterprise assistance requests accepted in the period (cancelled ones excluded).",
                                "项")
                        .where("c.type_code = 'assistance_request' AND (c.outcome IS NULL OR c.outcome <> 'cancelled')")
                        .build(),
                CaseFigure.amount("cases.assistance.items", "帮办代办事项数", "Assistance items served",
                                "期内有企业申请帮办代办的服务事项数（按事项清单去重，如立项备案、施工许可各计一项）。",
                                "Distinct items of the assistance catalogue that enterprises requested in the period.",
                                "项", FigureKind.COUNT)
                        .where("c.type_code = 'assistance_request' AND (c.outcome IS NULL OR c.outcome <> 'cancelled')")
                        .countDistinct("c.subject_code")
                        .build(),
                CaseFigure.count("cases.enterprise_visit.visits", "三问三送走访企业", "Enterprise visits",
                                "期内“三问三送”走访企业次数。", "Enterprise visits (三问三送) in the period.", "次")
                        .where("c.type_code = 'enterprise_visit'")
                        .build());
    }
}
