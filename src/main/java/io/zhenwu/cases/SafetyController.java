package io.zhenwu.cases;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inspector pages (phone-width): start an inspection, add hazards with a photo, issue a notice, report, re-inspect,
 * "my overdue notices"; the leaders' safety board; dispute and plot lists. Every step calls the services, which
 * call the engine.
 */
@Controller
class SafetyController {

    private final Safety safety;
    private final LaborDisputes disputes;
    private final FarmlandPlots plots;
    private final OrgUnits orgUnits;
    private final Cases cases;
    private final io.zhenwu.registry.Enterprises enterprises;
    private final JsonMapper json = JsonMapper.builder().build();

    SafetyController(Safety safety, LaborDisputes disputes, FarmlandPlots plots, OrgUnits orgUnits, Cases cases,
                     io.zhenwu.registry.Enterprises enterprises) {
        this.enterprises = enterprises;
        this.safety = safety;
        this.disputes = disputes;
        this.plots = plots;
        this.orgUnits = orgUnits;
        this.cases = cases;
    }

    @GetMapping("/safety")
    String home(Actor actor, @RequestParam(required = false) String level, @RequestParam(required = false) String category,
                @RequestParam(required = false) String stateKind, Model model) {
        model.addAttribute("kinds", SafetyRecords.INSPECTION_KINDS);
        model.addAttribute("categories", SafetyRecords.HAZARD_CATEGORIES);
        model.addAttribute("levels", SafetyRecords.HAZARD_LEVELS);
        model.addAttribute("villages", villages(actor));
        model.addAttribute("enterprises", enterpriseChoices(actor));
        model.addAttribute("today", Safety.today());
        model.addAttribute("level", level);
        model.addAttribute("category", category);
        model.addAttribute("stateKind", stateKind);
        model.addAttribute("overdue", safety.overdueNotices(actor, actor.hasRole(Role.INSPECTOR)));
        model.addAttribute("hazards", safety.hazards(actor, blank(level), blank(category), blank(stateKind), null, null));
        model.addAttribute("inspections", safety.inspections(actor, Safety.today().minusDays(30), Safety.today(), null));
        return "cases/hazardList";
    }

    @PostMapping("/safety/inspections")
    String inspect(Actor actor, @RequestParam(required = false) String villageCode, @RequestParam(required = false) Long enterpriseId,
                   @RequestParam(required = false) String place, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectedOn,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) String campaign,
                   @RequestParam(required = false) String inspectors, @RequestParam(required = false) String findings,
                   Model model, RedirectAttributes redirect) {
        try {
            List<String> names = inspectors == null ? List.of() : Arrays.asList(inspectors.split("[,，、\\s]+"));
            SafetyRecords.Inspection i = safety.recordInspection(actor, new Safety.InspectionDraft(null, villageCode, enterpriseId, null,
                    place, inspectedOn, kind, campaign, names, findings));
            redirect.addFlashAttribute("message", "case.ui.flash.inspected");
            return "redirect:/safety/inspections/" + i.id();
        } catch (InvalidInputException e) {
            model.addAttribute("violations", e.violations());
            return home(actor, null, null, null, model);
        }
    }

    @GetMapping("/safety/inspections/{id}")
    String inspection(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("inspection", safety.inspection(actor, id));
        model.addAttribute("categories", SafetyRecords.HAZARD_CATEGORIES);
        model.addAttribute("levels", SafetyRecords.HAZARD_LEVELS);
        return "cases/inspectionDetails";
    }

    @PostMapping("/safety/inspections/{id}/hazards")
    String addHazard(Actor actor, @PathVariable long id, @RequestParam(required = false) String category,
                     @RequestParam(required = false) String level, @RequestParam(required = false) String location,
                     @RequestParam(required = false) String description, @RequestParam(required = false) MultipartFile photo,
                     Model model, RedirectAttributes redirect) {
        try {
            SafetyRecords.HazardRow h = safety.addHazard(actor, new Safety.HazardDraft(id, category, level, location, description, null, null, null));
            if (photo != null && !photo.isEmpty()) {
                upload(actor, h.hazardCase().id(), SafetyRecords.FOUND, photo);
            }
            redirect.addFlashAttribute("message", "case.ui.flash.hazardAdded");
            return "redirect:/safety/hazards/" + h.hazardCase().id();
        } catch (InvalidInputException e) {
            model.addAttribute("violations", e.violations());
            return inspection(actor, id, model);
        }
    }

    @GetMapping("/safety/hazards/{id}")
    String hazard(Actor actor, @PathVariable long id, Model model) {
        SafetyRecords.HazardRow h = safety.hazard(actor, id);
        model.addAttribute("h", h);
        model.addAttribute("evidence", safety.evidence(actor, id));
        Cases.CaseDetails details = cases.details(actor, id);
        model.addAttribute("timeline", details.timeline());
        model.addAttribute("actions", details.actionNames());
        model.addAttribute("today", Safety.today());
        return "cases/hazardDetails";
    }

    /** One step of the loop from the hazard page; a refusal re-shows the page with the reason. */
    @PostMapping("/safety/hazards/{id}/step")
    String step(Actor actor, @PathVariable long id, @RequestParam String action, @RequestParam long version,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                @RequestParam(required = false) String items, @RequestParam(required = false) String measures,
                @RequestParam(required = false) String opinion, @RequestParam(required = false) MultipartFile photo,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (photo != null && !photo.isEmpty()) {
                upload(actor, id, SafetyRecords.RECTIFIED, photo);
            }
            switch (action) {
                case "notice" -> safety.issueNotice(actor, id, version, Safety.today(), deadline, items);
                case "onTheSpot" -> safety.rectifyOnSpot(actor, id, version, measures);
                case "report" -> safety.reportRectification(actor, id, version, measures);
                case "pass" -> safety.reinspect(actor, id, version, true, opinion, null);
                case "fail" -> safety.reinspect(actor, id, version, false, opinion, deadline);
                default -> throw new InvalidInputException("action", "case.transition.unknown", action);
            }
            redirect.addFlashAttribute("message", "case.ui.flash.done");
            return "redirect:/safety/hazards/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("violations", e.violations());
            return hazard(actor, id, model);
        } catch (ConflictException e) {
            model.addAttribute("violations", List.of(io.zhenwu.shared.FieldViolation.of("version", "case.conflict.stale")));
            return hazard(actor, id, model);
        } catch (AccessDeniedException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("violations", List.of(io.zhenwu.shared.FieldViolation.of("action", "case.transition.forbidden")));
            return hazard(actor, id, model);
        }
    }

    @GetMapping("/safety/notices/{id}/docx")
    ResponseEntity<byte[]> docx(Actor actor, @PathVariable long id) {
        return LoopApiController.docxResponse(safety, actor, id);
    }

    @GetMapping("/safety/evidence/{id}")
    ResponseEntity<org.springframework.core.io.Resource> photo(Actor actor, @PathVariable long id) {
        Map.Entry<java.nio.file.Path, String> f = safety.evidenceFile(actor, id);
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(f.getValue()))
                .body(new org.springframework.core.io.FileSystemResource(f.getKey()));
    }

    @GetMapping("/safety/board")
    String board(Actor actor, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? Safety.today().getYear() : year;
        Safety.Board b = safety.board(actor, y);
        model.addAttribute("board", b);
        model.addAttribute("year", y);
        model.addAttribute("charts", true);
        List<String> months = new ArrayList<>();
        List<Long> found = new ArrayList<>();
        List<Long> closed = new ArrayList<>();
        b.byMonth().forEach((m, v) -> {
            months.add(m + "月");
            found.add(v[0]);
            closed.add(v[1]);
        });
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of("发现隐患", "整改销号")));
        option.put("xAxis", Map.of("type", "category", "data", months));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", List.of(Map.of("name", "发现隐患", "type", "bar", "data", found),
                Map.of("name", "整改销号", "type", "bar", "data", closed)));
        model.addAttribute("monthChart", json.writeValueAsString(option));
        model.addAttribute("overdue", safety.overdueNotices(actor, false));
        return "cases/safetyBoard";
    }

    @GetMapping("/labor-disputes")
    String disputes(Actor actor, @RequestParam(required = false) Integer year, @RequestParam(required = false) String category,
                    @RequestParam(required = false) String stateKind, Model model) {
        int y = year == null ? Safety.today().getYear() : year;
        List<LaborDisputes.Dispute> list = disputes.list(actor, blank(category), blank(stateKind), y);
        model.addAttribute("disputes", list);
        model.addAttribute("year", y);
        model.addAttribute("category", category);
        model.addAttribute("stateKind", stateKind);
        model.addAttribute("categories", LaborDisputes.CATEGORIES);
        model.addAttribute("claimed", list.stream().map(LaborDisputes.Dispute::claimAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("closedCount", list.stream().filter(d -> d.disputeCase().closed()).count());
        return "cases/disputeList";
    }

    @GetMapping("/farmland-plots")
    String plots(Actor actor, @RequestParam(required = false) String problemType, @RequestParam(required = false) String stateKind,
                 Model model) {
        List<FarmlandPlots.Plot> list = plots.list(actor, blank(problemType), blank(stateKind), null);
        model.addAttribute("plots", list);
        model.addAttribute("problemType", problemType);
        model.addAttribute("stateKind", stateKind);
        model.addAttribute("problems", FarmlandPlots.PROBLEMS);
        model.addAttribute("area", list.stream().map(FarmlandPlots.Plot::areaMu).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("replanted", list.stream().map(p -> p.replantedArea() == null ? BigDecimal.ZERO : p.replantedArea())
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        return "cases/plotList";
    }

    private void upload(Actor actor, long caseId, String stage, MultipartFile photo) {
        try {
            safety.uploadEvidence(actor, caseId, stage, photo.getOriginalFilename(), photo.getSize(), photo.getInputStream(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<OrgUnit> villages(Actor actor) {
        try {
            return orgUnits.children(safety.townScope(actor.orgUnitId()), safety.townScope(actor.orgUnitId()).orgUnitId()).stream()
                    .filter(u -> u.type() == OrgUnitType.VILLAGE || u.type() == OrgUnitType.COMMUNITY).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private List<io.zhenwu.registry.Enterprise> enterpriseChoices(Actor actor) {
        try {
            return enterprises.search(safety.townScope(actor.orgUnitId()), io.zhenwu.registry.EnterpriseQuery.all(),
                    PageQuery.of(0, 500, null, "e.name", io.zhenwu.registry.Enterprises.SORTABLE)).content();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
