package io.zhenwu.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.zhenwu.cases.SafetyRecords.Evidence;
import io.zhenwu.cases.SafetyRecords.HazardRow;
import io.zhenwu.cases.SafetyRecords.Inspection;
import io.zhenwu.cases.SafetyRecords.Notice;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** The safety, labor-dispute and farmland loops over HTTP; every state change is a transition of the case engine. */
@RestController
class LoopApiController {

    private final Safety safety;
    private final LaborDisputes disputes;
    private final FarmlandPlots plots;

    LoopApiController(Safety safety, LaborDisputes disputes, FarmlandPlots plots) {
        this.safety = safety;
        this.disputes = disputes;
        this.plots = plots;
    }

    // --- safety -------------------------------------------------------------------------------------------------------

    @PostMapping("/api/v1/safety/inspections")
    @Operation(summary = "Record an inspection (two or more inspectors; enterprise id or place)")
    ResponseEntity<Inspection> inspect(Actor actor, @RequestBody Safety.InspectionDraft body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(safety.recordInspection(actor, body));
    }

    @GetMapping("/api/v1/safety/inspections")
    @Operation(summary = "Inspections of the caller's scope in a date range, optionally of one kind")
    List<Inspection> inspections(Actor actor, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) String kind) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "case.range.order");
        }
        return safety.inspections(actor, from, to, kind);
    }

    @PostMapping("/api/v1/safety/hazards")
    @Operation(summary = "Record a hazard found in an inspection: opens a safety_hazard case")
    ResponseEntity<HazardRow> hazard(Actor actor, @RequestBody Safety.HazardDraft body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(safety.addHazard(actor, body));
    }

    @GetMapping("/api/v1/safety/hazards")
    @Operation(summary = "Hazards of the caller's scope by level, category, state kind, village, overdue")
    List<HazardRow> hazards(Actor actor, @RequestParam(required = false) String level, @RequestParam(required = false) String category,
                            @RequestParam(required = false) String stateKind, @RequestParam(required = false) Long village,
                            @RequestParam(required = false) Boolean overdue) {
        return safety.hazards(actor, level, category, stateKind, village, overdue);
    }

    @GetMapping("/api/v1/safety/hazards/{id}")
    @Operation(summary = "One hazard with its case and notice")
    HazardRow hazard(Actor actor, @PathVariable long id) {
        return safety.hazard(actor, id);
    }

    @PostMapping(value = "/api/v1/safety/hazards/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a photo (JPEG/PNG/GIF/WebP by content, at most 10 MB); stage FOUND or RECTIFIED")
    ResponseEntity<Evidence> evidence(Actor actor, @PathVariable long id, @RequestPart("file") MultipartFile file,
                                      @RequestParam(defaultValue = "RECTIFIED") String stage,
                                      @RequestParam(required = false) BigDecimal latitude, @RequestParam(required = false) BigDecimal longitude) {
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(safety.uploadEvidence(actor, id, stage, file.getOriginalFilename(),
                    file.getSize(), file.getInputStream(), latitude, longitude));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/safety/hazards/{id}/evidence")
    @Operation(summary = "The evidence photos of a hazard (metadata)")
    List<Evidence> evidenceList(Actor actor, @PathVariable long id) {
        return safety.evidence(actor, id);
    }

    record NoticeBody(Long version, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, String items) {
    }

    @PostMapping("/api/v1/safety/hazards/{id}/notice")
    @Operation(summary = "Issue a 责令整改通知书 (numbered per town and year); its deadline becomes the case's")
    ResponseEntity<Notice> notice(Actor actor, @PathVariable long id, @RequestBody NoticeBody b) {
        return ResponseEntity.status(HttpStatus.CREATED).body(safety.issueNotice(actor, id, version(b.version()), b.issuedOn(), b.deadline(), b.items()));
    }

    record StepBody(Long version, String measures, String opinion, Boolean passed,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDeadline, String reference) {
    }

    @PostMapping("/api/v1/safety/hazards/{id}/on-the-spot")
    @Operation(summary = "现场整改 (needs a RECTIFIED photo)")
    CaseView onTheSpot(Actor actor, @PathVariable long id, @RequestBody StepBody b) {
        return safety.rectifyOnSpot(actor, id, version(b.version()), b.measures());
    }

    @PostMapping("/api/v1/safety/hazards/{id}/rectification")
    @Operation(summary = "Report the rectification done (needs a RECTIFIED photo)")
    CaseView rectified(Actor actor, @PathVariable long id, @RequestBody StepBody b) {
        return safety.reportRectification(actor, id, version(b.version()), b.measures());
    }

    @PostMapping("/api/v1/safety/hazards/{id}/reinspection")
    @Operation(summary = "复查 by someone other than the inspector: passed closes (销号), failed sends back (re-opening counted)")
    CaseView reinspect(Actor actor, @PathVariable long id, @RequestBody StepBody b) {
        if (b.passed() == null) {
            throw new InvalidInputException("passed", "case.safety.passed.required");
        }
        return safety.reinspect(actor, id, version(b.version()), b.passed(), b.opinion(), b.newDeadline());
    }

    @PostMapping("/api/v1/safety/hazards/{id}/enforcement")
    @Operation(summary = "事前立案: file the hazard as an enforcement case")
    HazardRow enforcement(Actor actor, @PathVariable long id, @RequestBody StepBody b) {
        return safety.fileEnforcement(actor, id, b.reference());
    }

    @GetMapping("/api/v1/safety/notices/{id}")
    @Operation(summary = "A notice; enterprise users read only their own enterprise's")
    Notice getNotice(Actor actor, @PathVariable long id) {
        return safety.notice(actor, id);
    }

    @GetMapping("/api/v1/safety/my-notices")
    @Operation(summary = "An enterprise user's own enterprise's rectification notices")
    List<Notice> myNotices(Actor actor) {
        return safety.myEnterpriseNotices(actor);
    }

    @GetMapping("/api/v1/safety/notices/{id}/docx")
    @Operation(summary = "The notice as a Word document")
    ResponseEntity<byte[]> docx(Actor actor, @PathVariable long id) {
        return docxResponse(safety, actor, id);
    }

    static ResponseEntity<byte[]> docxResponse(Safety safety, Actor actor, long id) {
        Notice n = safety.notice(actor, id);
        byte[] body = NoticeDocx.render(n, safety.issuingUnit(n));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("责令整改通知书-" + n.number() + ".docx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body(body);
    }

    @GetMapping("/api/v1/safety/notices/overdue")
    @Operation(summary = "Open notices past their deadline (mine=true: the ones I issued)")
    List<Notice> overdue(Actor actor, @RequestParam(defaultValue = "false") boolean mine) {
        return safety.overdueNotices(actor, mine);
    }

    // --- labor disputes ---------------------------------------------------------------------------------------------------

    @PostMapping("/api/v1/labor-disputes")
    @Operation(summary = "Accept a labor dispute (amounts in yuan, at most two decimals)")
    ResponseEntity<LaborDisputes.Dispute> dispute(Actor actor, @RequestBody LaborDisputes.DisputeDraft body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(disputes.accept(actor, body));
    }

    @GetMapping("/api/v1/labor-disputes")
    @Operation(summary = "Disputes of a year in the caller's scope")
    List<LaborDisputes.Dispute> disputes(Actor actor, @RequestParam int year, @RequestParam(required = false) String category,
                                         @RequestParam(required = false) String stateKind) {
        return disputes.list(actor, category, stateKind, year);
    }

    @GetMapping("/api/v1/labor-disputes/{id}")
    @Operation(summary = "One dispute")
    LaborDisputes.Dispute getDispute(Actor actor, @PathVariable long id) {
        return disputes.get(actor, id);
    }

    record DisputeStep(Long version, String mediator, String reason, String outcome, String settledAmount) {
    }

    @PostMapping("/api/v1/labor-disputes/{id}/mediation")
    @Operation(summary = "Start mediation")
    LaborDisputes.Dispute mediate(Actor actor, @PathVariable long id, @RequestBody DisputeStep b) {
        return disputes.mediate(actor, id, version(b.version()), b.mediator());
    }

    @PostMapping("/api/v1/labor-disputes/{id}/arbitration")
    @Operation(summary = "Refer to arbitration")
    LaborDisputes.Dispute arbitration(Actor actor, @PathVariable long id, @RequestBody DisputeStep b) {
        return disputes.referToArbitration(actor, id, version(b.version()), b.reason());
    }

    @PostMapping("/api/v1/labor-disputes/{id}/closing")
    @Operation(summary = "Close with the outcome and the amount settled")
    LaborDisputes.Dispute closeDispute(Actor actor, @PathVariable long id, @RequestBody DisputeStep b) {
        return disputes.close(actor, id, version(b.version()), b.outcome(), b.settledAmount());
    }

    // --- farmland plots ------------------------------------------------------------------------------------------------------

    @PostMapping("/api/v1/farmland-plots")
    @Operation(summary = "Register a plot (图斑) that left cultivation; area in 亩, exact")
    ResponseEntity<FarmlandPlots.Plot> plot(Actor actor, @RequestBody FarmlandPlots.PlotDraft body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(plots.register(actor, body));
    }

    @GetMapping("/api/v1/farmland-plots")
    @Operation(summary = "Plots of the caller's scope")
    List<FarmlandPlots.Plot> plots(Actor actor, @RequestParam(required = false) String problemType,
                                   @RequestParam(required = false) String stateKind, @RequestParam(required = false) Long village) {
        return plots.list(actor, problemType, stateKind, village);
    }

    @GetMapping("/api/v1/farmland-plots/{id}")
    @Operation(summary = "One plot")
    FarmlandPlots.Plot getPlot(Actor actor, @PathVariable long id) {
        return plots.get(actor, id);
    }

    record PlotStep(Long version, String plan, String area, String crop, String opinion) {
    }

    @PostMapping("/api/v1/farmland-plots/{id}/plan")
    @Operation(summary = "The remediation plan")
    FarmlandPlots.Plot planPlot(Actor actor, @PathVariable long id, @RequestBody PlotStep b) {
        return plots.plan(actor, id, version(b.version()), b.plan());
    }

    @PostMapping("/api/v1/farmland-plots/{id}/replanting")
    @Operation(summary = "Re-planted area (亩, may differ from the plot's) and crop")
    FarmlandPlots.Plot replant(Actor actor, @PathVariable long id, @RequestBody PlotStep b) {
        return plots.replant(actor, id, version(b.version()), b.area(), b.crop());
    }

    @PostMapping("/api/v1/farmland-plots/{id}/village-verification")
    @Operation(summary = "Verified by the village cadre")
    FarmlandPlots.Plot verifyVillage(Actor actor, @PathVariable long id, @RequestBody PlotStep b) {
        return plots.verify(actor, id, version(b.version()), false, b.opinion());
    }

    @PostMapping("/api/v1/farmland-plots/{id}/department-verification")
    @Operation(summary = "Verified by the department (another person), closes the plot")
    FarmlandPlots.Plot verifyDepartment(Actor actor, @PathVariable long id, @RequestBody PlotStep b) {
        return plots.verify(actor, id, version(b.version()), true, b.opinion());
    }

    static long version(Long v) {
        if (v == null) {
            throw new InvalidInputException("version", "validation.version.required");
        }
        return v;
    }
}
