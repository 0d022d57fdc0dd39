package io.zhenwu.cases;

import io.zhenwu.imports.ExportType;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.Times;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The dispute and plot lists exported through the one pipeline ({@code /exports/labor-disputes?year=&category=&stateKind=},
 * {@code /exports/farmland-plots?problemType=&stateKind=}): the same filters and scope as the pages, worker names masked,
 * audited by the pipeline. They are case records, opened through their loops, so they are exported, not imported.
 */
final class LoopExports {

    private static final Set<Role> READERS = Set.of(Role.ADMIN, Role.LEADER, Role.STAFF, Role.CADRE);

    private LoopExports() {
    }

    /** The filter values of the list pages; anything else is refused rather than ignored. */
    static String filter(Map<String, String> filters, String name, Set<String> allowed) {
        String v = filters.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (!allowed.isEmpty() && !allowed.contains(v)) {
            throw new InvalidInputException(name, "case.export.filter", name, v);
        }
        return v;
    }

    @Component
    static class Disputes implements ExportType {

        private final LaborDisputes disputes;

        Disputes(LaborDisputes disputes) {
            this.disputes = disputes;
        }

        @Override
        public String code() {
            return "labor-disputes";
        }

        @Override
        public String labelKey() {
            return "nav.laborDisputes";
        }

        @Override
        public Set<Role> roles() {
            return READERS;
        }

        @Override
        public List<String> exportHeaders() {
            return List.of("编号", "事项", "类别", "途径", "劳动者人数", "劳动者", "涉及金额（元）", "结案金额（元）", "状态", "受理日期", "办结日期");
        }

        @Override
        public boolean hasPersonalData() {
            return true;
        }

        @Override
        public void checkFilters(Map<String, String> filters) {
            year(filters);
            filter(filters, "stateKind", Set.of("OPEN", "PAUSED", "CLOSED"));
        }

        private static int year(Map<String, String> filters) {
            try {
                return filters.get("year") == null || filters.get("year").isBlank() ? LocalDate.now(Times.ZONE).getYear()
                        : Integer.parseInt(filters.get("year").strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("year", "case.export.filter", "year", filters.get("year"));
            }
        }

        @Override
        public void export(Actor actor, Map<String, String> filters, boolean unmasked, Consumer<List<Object>> row) {
            int year = year(filters);
            String category = filter(filters, "category", Set.of());
            String stateKind = filter(filters, "stateKind", Set.of("OPEN", "PAUSED", "CLOSED"));
            // Worker names are kept masked on the record itself (no unmasked form exists to export).
            for (LaborDisputes.Dispute d : disputes.list(actor, category, stateKind, year)) {
                CaseView c = d.disputeCase();
                row.accept(Arrays.asList(c.number(), c.title(), d.category(), d.path(), d.workersCount(), d.workersMasked(),
                        d.claimAmount(), d.settledAmount(), c.stateName(), c.openedOn(), c.closedOn()));
            }
        }
    }

    @Component
    static class Plots implements ExportType {

        private final FarmlandPlots plots;

        Plots(FarmlandPlots plots) {
            this.plots = plots;
        }

        @Override
        public String code() {
            return "farmland-plots";
        }

        @Override
        public String labelKey() {
            return "nav.farmlandPlots";
        }

        @Override
        public Set<Role> roles() {
            return READERS;
        }

        @Override
        public List<String> exportHeaders() {
            return List.of("编号", "图斑号", "村", "面积（亩）", "面积（平方米）", "现状用途", "问题类型", "整改方案", "复耕面积（亩）", "作物", "状态",
                    "发现日期", "销号日期");
        }

        @Override
        public void checkFilters(Map<String, String> filters) {
            filter(filters, "stateKind", Set.of("OPEN", "PAUSED", "CLOSED"));
        }

        @Override
        public void export(Actor actor, Map<String, String> filters, boolean unmasked, Consumer<List<Object>> row) {
            String problemType = filter(filters, "problemType", Set.of());
            String stateKind = filter(filters, "stateKind", Set.of("OPEN", "PAUSED", "CLOSED"));
            for (FarmlandPlots.Plot p : plots.list(actor, problemType, stateKind, null)) {
                CaseView c = p.plotCase();
                row.accept(Arrays.asList(c.number(), p.plotCode(), p.villageName(), p.areaMu(), p.areaSquareMetres(), p.currentUse(),
                        p.problemType(), p.plan(), p.replantedArea(), p.crop(), c.stateName(), c.openedOn(), c.closedOn()));
            }
        }
    }
}
