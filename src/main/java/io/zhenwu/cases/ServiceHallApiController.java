package io.zhenwu.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Times;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The service hall over HTTP: the matter catalogue, windows, accepting a matter; and an Open311 GeoReport v2-style
 * read view of public-service matters (no personal data: applicants are not part of it).
 */
@RestController
class ServiceHallApiController {

    private final ServiceHall hall;
    private final Cases cases;

    ServiceHallApiController(ServiceHall hall, Cases cases) {
        this.hall = hall;
        this.cases = cases;
    }

    @GetMapping("/api/v1/matters")
    @Operation(summary = "事项清单: the matter catalogue with category, kind, legal and promised limits, window and materials")
    List<ServiceHall.Matter> matters() {
        return hall.matters();
    }

    @GetMapping("/api/v1/service-windows")
    @Operation(summary = "The windows of the service hall, incl. resident agency windows (进驻窗口)")
    List<ServiceHall.Window> windows() {
        return hall.windows();
    }

    /** An application at a window; {@code bundleCode} accepts a 一件事一次办 bundle instead of one matter. */
    record AcceptBody(String matterCode, String bundleCode, String windowCode, ApplicantKind applicantKind, String applicantName,
                      String applicantId, String title, String comment) {
    }

    @PostMapping("/api/v1/service-hall/acceptances")
    @Operation(summary = "受理: accept a matter (or a bundle) at a window; the applicant ID is checked and stored masked")
    ResponseEntity<CaseView> accept(Actor actor, @RequestBody AcceptBody b) {
        ServiceHall.Application a = new ServiceHall.Application(b.matterCode(), b.windowCode(),
                b.applicantKind() == null ? ApplicantKind.PERSON : b.applicantKind(), b.applicantName(), b.applicantId(), b.title(), b.comment());
        CaseView v = b.bundleCode() != null && !b.bundleCode().isBlank() ? hall.acceptBundle(actor, b.bundleCode(), a) : hall.accept(actor, a);
        return ResponseEntity.status(HttpStatus.CREATED).body(v);
    }

    // --- Open311 GeoReport v2 (read only) ---------------------------------------------------------------------------

    @GetMapping("/open311/v2/services.json")
    @Operation(summary = "Open311 GeoReport v2 service list: the public-service matters")
    List<Map<String, Object>> services() {
        return hall.matters().stream().filter(m -> m.category().equals("公共服务"))
                .map(m -> Map.<String, Object>of("service_code", m.code(), "service_name", m.name(),
                        "description", m.materials() == null ? "" : m.materials(), "metadata", false, "type", "batch",
                        "keywords", m.kind().name().toLowerCase(java.util.Locale.ROOT), "group", m.category()))
                .toList();
    }

    @GetMapping("/open311/v2/requests.json")
    @Operation(summary = "Open311 GeoReport v2 requests: public-service matters in the caller's scope (90 days by default, at most 1000)")
    List<Map<String, Object>> requests(Actor actor, @RequestParam(name = "service_code", required = false) String serviceCode,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
                                       @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end) {
        LocalDate to = end != null ? end : LocalDate.now(Times.ZONE);
        LocalDate from = start != null ? start : to.minusDays(90);
        if (to.isBefore(from)) {
            throw new InvalidInputException("end_date", "case.range.order");
        }
        Boolean closed = null;
        if (status != null && !status.isBlank()) {
            if (!status.equals("open") && !status.equals("closed")) {
                throw new InvalidInputException("status", "case.open311.status");
            }
            closed = status.equals("closed");
        }
        PageResult<CaseView> page = cases.search(actor, new CaseQuery("service_matter", null, null, "公共服务", null, serviceCode, null,
                from, to, null, null, null, null, null, closed), PageQuery.of(0, 500, "id,desc", "c.id", CaseQuery.SORTABLE));
        return page.content().stream()
                .map(c -> {
                    Map<String, Object> r = new java.util.LinkedHashMap<>();
                    r.put("service_request_id", c.number());
                    r.put("status", c.closed() ? "closed" : "open");
                    r.put("status_notes", c.stateName());
                    r.put("service_name", c.subjectName());
                    r.put("service_code", c.subjectCode());
                    r.put("agency_responsible", c.channelCode());
                    r.put("requested_datetime", OffsetDateTime.ofInstant(c.openedAt(), Times.ZONE).toString());
                    r.put("updated_datetime", OffsetDateTime.ofInstant(c.closedAt() != null ? c.closedAt() : c.openedAt(), Times.ZONE).toString());
                    r.put("expected_datetime", c.dueOn() == null ? null : c.dueOn().atTime(17, 30).atZone(Times.ZONE).toOffsetDateTime().toString());
                    return r;
                }).toList();
    }
}
