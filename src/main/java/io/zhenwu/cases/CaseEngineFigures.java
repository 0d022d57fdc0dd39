package io.zhenwu.cases;

import io.zhenwu.shared.figures.FigureKind;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Figures over every case type at once — the engine's own statistics: cases opened, closed, completed on time,
 * average working days, overdue now — filtered by type, category and state. Type-specific catalogues add the
 * numbers a report quotes in the type's own words.
 */
@Component
class CaseEngineFigures implements CaseFigureCatalogue {

    @Override
    public List<CaseFigure> figures() {
        return List.of(
                common(CaseFigure.count("cases.opened", "受理/立案件数", "Cases opened",
                        "期内受理或立案的办件数（各类型均计，含子事项），按受理日期计。",
                        "Cases opened in the period (every type, sub-cases included), by opening date.", "件")).build(),
                common(CaseFigure.count("cases.closed", "办结件数", "Cases closed",
                        "期内办结（含不予受理、撤销）的办件数，按办结日期计；可按结果筛选。",
                        "Cases closed in the period (refused and withdrawn included), by closing date; filter by outcome.", "件")
                        .on("c.closed_on").where("c.state_kind = 'CLOSED'")
                        .filter("outcome", "c.outcome = :f_outcome")).build(),
                common(CaseFigure.count("cases.on_time_rate", "按期办结率", "Closed on time",
                        "期内办结的办件中在承诺期限内办结的比例（暂停时间已顺延期限）。",
                        "Of the cases completed in the period, the share completed by their promised deadline (paused time extends it).", "%")
                        .on("c.closed_on").where("c.outcome = 'done' AND c.due_on IS NOT NULL").rate("c.closed_on <= c.due_on")).build(),
                common(CaseFigure.amount("cases.avg_working_days", "平均办理工作日", "Average working days",
                        "期内办结的办件从受理次日至办结日的工作日数平均值，暂停时间不计。",
                        "Average working days from the day after opening to completion, paused time excluded.", "个工作日",
                        FigureKind.QUANTITY)
                        .on("c.closed_on").where("c.outcome = 'done'").average("c.working_days_used")).build(),
                common(CaseFigure.count("cases.overdue_open", "超期未办结", "Overdue and open",
                        "受理于期内、目前仍在办理且已超过承诺期限（已督办）的办件数；暂停中的不计。",
                        "Cases opened in the period, still running and past their promised deadline (escalated); paused ones excluded.", "件")
                        .where("c.state_kind = 'OPEN' AND c.overdue = TRUE")).build(),
                common(CaseFigure.count("cases.reopened", "重新整改/重办件数", "Cases reopened",
                        "期内受理、办理中曾被退回重办（如复查不合格重新整改）的办件数。",
                        "Cases opened in the period that were sent back at least once (e.g. a failed re-inspection).", "件")
                        .where("c.reopen_count > 0")).build());
    }

    private static CaseFigure.Builder common(CaseFigure.Builder b) {
        return b.filter("type", "c.type_code = :f_type")
                .filter("category", "c.category = :f_category")
                .filter("state", "c.state = :f_state");
    }
}
