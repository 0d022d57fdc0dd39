package io.zhenwu.cases;

import io.zhenwu.shared.figures.FigureKind;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Figures of the safety, labor-dispute and farmland loops (the seed's 检查关、整改关、闭环关; 劳动争议; 耕地流出整改),
 * declared like every case figure and answered by {@link CaseFigures}. Inspections are records, not cases: their
 * figures count {@code safety_inspection} rows of the org subtree.
 */
@Component
class LoopFigures implements CaseFigureCatalogue {

    private static final String HAZARD = "JOIN safety_hazard h ON h.case_id = c.id";
    private static final String NOT_WITHDRAWN = "c.type_code = 'safety_hazard' AND (c.outcome IS NULL OR c.outcome <> 'cancelled')";
    private static final String DISPUTE = "JOIN labor_dispute d ON d.case_id = c.id";
    private static final String PLOT = "JOIN farmland_plot p ON p.case_id = c.id";

    @Override
    public List<CaseFigure> figures() {
        return List.of(
                // --- safety ---------------------------------------------------------------------------------------
                CaseFigure.count("cases.safety.inspections", "安全检查次数", "Safety inspections",
                                "期内登记的安全生产检查次数（每次检查两名以上检查人员），按检查日期计；可按类别（日常、夜间安全体检、专项整治、汛期）筛选。",
                                "Safety inspections recorded in the period (each by two or more inspectors), by date; filter by kind.",
                                "次")
                        .over("safety_inspection", "CAST(c.id AS VARCHAR(20))", "c.inspection_kind", "/safety/inspections/")
                        .on("c.inspected_on")
                        .filter("kind", "c.inspection_kind = :f_kind")
                        .build(),
                CaseFigure.amount("cases.safety.inspected_enterprises", "受检企业数", "Enterprises inspected",
                                "期内接受安全检查的企业数（去重）；按类别“夜间安全体检”筛选即夜间生产企业安全体检户数。",
                                "Distinct enterprises inspected in the period; with kind NIGHT, the night-production enterprises checked.",
                                "家", FigureKind.COUNT)
                        .over("safety_inspection", "CAST(c.id AS VARCHAR(20))", "c.inspection_kind", "/safety/inspections/")
                        .on("c.inspected_on").where("c.enterprise_id IS NOT NULL")
                        .countDistinct("c.enterprise_id")
                        .filter("kind", "c.inspection_kind = :f_kind")
                        .build(),
                CaseFigure.amount("cases.safety.inspected_facilities", "受检设施/点位数", "Facilities inspected",
                                "期内检查的设施或点位数（去重），如汛期检查的地质灾害隐患点。",
                                "Distinct facilities or points inspected in the period (e.g. geological hazard points in the flood season).",
                                "处", FigureKind.COUNT)
                        .over("safety_inspection", "CAST(c.id AS VARCHAR(20))", "c.inspection_kind", "/safety/inspections/")
                        .on("c.inspected_on").where("c.facility_id IS NOT NULL")
                        .countDistinct("c.facility_id")
                        .filter("kind", "c.inspection_kind = :f_kind")
                        .build(),
                CaseFigure.count("cases.safety.hazards_found", "排查发现隐患", "Hazards found",
                                "期内检查发现并登记的安全隐患数（不含误报撤销），按发现日期计；可按等级、类别筛选。",
                                "Hazards found and recorded in the period (withdrawn ones excluded), by date found; filter by level, category.",
                                "处")
                        .joins(HAZARD).on("h.found_on").where(NOT_WITHDRAWN)
                        .filter("level", "h.hazard_level = :f_level").filter("category", "h.category = :f_category")
                        .build(),
                CaseFigure.count("cases.safety.hazards_rectified", "整改销号隐患", "Hazards rectified and closed",
                                "期内经复查合格销号的隐患数（含现场整改），按销号日期计；可按等级、类别筛选。",
                                "Hazards closed after a passed re-inspection in the period (on-the-spot ones included), by closing date.",
                                "处")
                        .joins(HAZARD).on("c.closed_on").where("c.type_code = 'safety_hazard' AND c.outcome = 'done'")
                        .filter("level", "h.hazard_level = :f_level").filter("category", "h.category = :f_category")
                        .build(),
                CaseFigure.count("cases.safety.hazards_overdue", "逾期未整改隐患", "Hazards overdue",
                                "期内发现、至今未销号且已超过整改期限（已督办）的隐患数；可按等级、类别筛选。",
                                "Hazards found in the period, still open and past their deadline (escalated); filter by level, category.",
                                "处")
                        .joins(HAZARD).on("h.found_on").where("c.type_code = 'safety_hazard' AND c.state_kind <> 'CLOSED' AND c.overdue = TRUE")
                        .filter("level", "h.hazard_level = :f_level").filter("category", "h.category = :f_category")
                        .build(),
                CaseFigure.count("cases.safety.notices", "下达责令整改通知书", "Rectification notices issued",
                                "期内下达的责令整改通知书份数，按下达日期计（编号按镇、年度连续）。",
                                "Rectification notices issued in the period, by date of issue (numbered without gaps per town and year).",
                                "份")
                        .joins("JOIN rectification_notice n ON n.case_id = c.id").on("n.issued_on").where("c.type_code = 'safety_hazard'")
                        .build(),
                CaseFigure.count("cases.safety.on_time_rate", "按期整改率", "Rectified by the deadline",
                                "期内销号的下达通知书隐患中，在通知书整改期限内复查合格销号的比例，按销号日期计。",
                                "Of the hazards under a notice closed in the period, the share closed by the notice's deadline.",
                                "%")
                        .joins("JOIN rectification_notice n ON n.case_id = c.id").on("c.closed_on")
                        .where("c.type_code = 'safety_hazard' AND c.outcome = 'done'")
                        .rate("c.closed_on <= n.deadline")
                        .build(),
                CaseFigure.count("cases.safety.reopen_rate", "复查退回率", "Re-opened after re-inspection",
                                "期内销号的隐患中，曾因复查不合格退回整改的比例，按销号日期计。",
                                "Of the hazards closed in the period, the share sent back at least once by a failed re-inspection.",
                                "%")
                        .on("c.closed_on").where("c.type_code = 'safety_hazard' AND c.outcome = 'done'")
                        .rate("c.reopen_count > 0")
                        .build(),
                CaseFigure.count("cases.safety.enforcement_filed", "事前立案", "Filed as enforcement cases",
                                "期内对重大隐患等事前立案查处的件数，按立案日期计。",
                                "Hazards filed as enforcement cases (事前立案) in the period, by filing date.",
                                "件")
                        .joins(HAZARD).on("h.enforcement_on").where("c.type_code = 'safety_hazard' AND h.enforcement_filed = TRUE")
                        .build(),
                CaseFigure.count("cases.safety.on_the_spot", "现场整改", "Rectified on the spot",
                                "期内发现并当场整改、经复查销号的隐患数，按发现日期计；可按类别筛选（如电动自行车违规充电）。",
                                "Hazards found in the period, rectified on the spot and closed after re-inspection; filter by category.",
                                "处")
                        .joins(HAZARD).on("h.found_on").where("c.type_code = 'safety_hazard' AND h.on_the_spot = TRUE AND c.outcome = 'done'")
                        .filter("category", "h.category = :f_category")
                        .build(),
                // --- labor disputes ---------------------------------------------------------------------------------
                CaseFigure.count("cases.labor.accepted", "受理劳动争议", "Labor disputes accepted",
                                "期内受理的劳动争议件数，按受理日期计；可按类别（工资、社保、工伤、合同）筛选。",
                                "Labor disputes accepted in the period, by date; filter by category.",
                                "件")
                        .joins(DISPUTE).on("c.opened_on").where("c.type_code = 'labor_dispute'")
                        .filter("category", "d.dispute_category = :f_category")
                        .build(),
                CaseFigure.amount("cases.labor.amount", "涉及金额", "Amount involved",
                                "期内受理的劳动争议涉及的诉求金额合计（元），按受理日期计。",
                                "Total amount claimed in the labor disputes accepted in the period (yuan).",
                                "元", FigureKind.AMOUNT)
                        .joins(DISPUTE).on("c.opened_on").where("c.type_code = 'labor_dispute'").sum("d.claim_amount")
                        .filter("category", "d.dispute_category = :f_category")
                        .build(),
                CaseFigure.amount("cases.labor.settled", "兑现金额", "Amount settled",
                                "期内结案的劳动争议兑现金额合计（元），按结案日期计。",
                                "Total amount settled in the labor disputes closed in the period (yuan).",
                                "元", FigureKind.AMOUNT)
                        .joins(DISPUTE).on("c.closed_on").where("c.type_code = 'labor_dispute' AND c.outcome = 'done'").sum("d.settled_amount")
                        .build(),
                CaseFigure.count("cases.labor.closure_rate", "结案率", "Closure rate",
                                "期内受理的劳动争议中，至期末已结案的比例（结案数 ÷ 受理数）。",
                                "Of the disputes accepted in the period, the share closed by the end of the period (closed / accepted).",
                                "%")
                        .joins(DISPUTE).on("c.opened_on").where("c.type_code = 'labor_dispute'")
                        .rate("c.state_kind = 'CLOSED' AND c.closed_on <= :to")
                        .filter("category", "d.dispute_category = :f_category")
                        .build(),
                // --- farmland plots ----------------------------------------------------------------------------------
                CaseFigure.count("cases.farmland.plots", "核查流出图斑", "Plots found",
                                "期内核查登记的耕地（永久基本农田）流出、撂荒、非粮化图斑数；可按问题类型筛选。",
                                "Farmland plots found out of cultivation (left, abandoned, non-grain) in the period; filter by problem.",
                                "个")
                        .joins(PLOT).on("c.opened_on").where("c.type_code = 'farmland_plot'")
                        .filter("problem", "p.problem_type = :f_problem")
                        .build(),
                CaseFigure.amount("cases.farmland.area", "图斑面积", "Plot area",
                                "期内核查登记图斑的面积合计（亩，1亩 = 10000/15 平方米）。",
                                "Total area of the plots found in the period (mu; 1 mu = 10000/15 m²).",
                                "亩", FigureKind.QUANTITY)
                        .joins(PLOT).on("c.opened_on").where("c.type_code = 'farmland_plot'").sum("p.area_mu")
                        .filter("problem", "p.problem_type = :f_problem")
                        .build(),
                CaseFigure.count("cases.farmland.rectified", "整改销号图斑", "Plots rectified",
                                "期内经村级、部门两级核验销号的图斑数，按销号日期计。",
                                "Plots closed after verification by the village and the department in the period.",
                                "个")
                        .joins(PLOT).on("c.closed_on").where("c.type_code = 'farmland_plot' AND c.outcome = 'done'")
                        .build(),
                CaseFigure.amount("cases.farmland.rectified_area", "整改图斑面积", "Area of plots rectified",
                                "期内销号图斑的图斑面积合计（亩）。", "Total plot area of the plots closed in the period (mu).",
                                "亩", FigureKind.QUANTITY)
                        .joins(PLOT).on("c.closed_on").where("c.type_code = 'farmland_plot' AND c.outcome = 'done'").sum("p.area_mu")
                        .build(),
                CaseFigure.amount("cases.farmland.replanted_area", "复耕复种面积", "Area re-planted",
                                "期内销号图斑实际复耕复种的面积合计（亩），可与图斑面积不同（连片复耕）。",
                                "Area actually re-planted on the plots closed in the period (mu); may differ from the plots' area.",
                                "亩", FigureKind.QUANTITY)
                        .joins(PLOT).on("c.closed_on").where("c.type_code = 'farmland_plot' AND c.outcome = 'done'").sum("p.replanted_area")
                        .build());
    }
}
