package io.zhenwu.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/facilities} and {@code /api/v1/facility-types}: the facility registry for scripts, within scope. */
@RestController
@Tag(name = "facilities", description = "设施台账")
class FacilityApiController {

    private final Facilities facilities;

    FacilityApiController(Facilities facilities) {
        this.facilities = facilities;
    }

    record FacilityJson(long id, String code, String typeCode, String typeName, String name, String orgUnitCode,
                        String orgUnitName, BigDecimal latitude, BigDecimal longitude, FacilityStatus status,
                        LocalDate commissionedOn, long version, Instant createdAt, Instant updatedAt) {
        static FacilityJson of(Facility f) {
            return new FacilityJson(f.id(), f.code(), f.typeCode(), f.typeNameZh(), f.name(), f.orgUnitCode(), f.orgUnitName(),
                    f.latitude(), f.longitude(), f.status(), f.commissionedOn(), f.version(), f.createdAt(), f.updatedAt());
        }
    }

    /** Create or update body; {@code typeCode} takes the catalogue code or its Chinese name; updates carry {@code version}. */
    record FacilityBody(Long version, String code, String typeCode, String name, String orgUnitCode, BigDecimal latitude,
                        BigDecimal longitude, FacilityStatus status, LocalDate commissionedOn) {
        FacilityDraft draft() {
            return new FacilityDraft(code, typeCode, name, orgUnitCode, latitude, longitude, status, commissionedOn);
        }
    }

    @GetMapping("/api/v1/facilities")
    @Operation(summary = "List facilities in scope; filters q, org (subtree), type, status")
    PageResult<FacilityJson> list(DataScope scope, @RequestParam Map<String, String> parameters,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        return facilities.search(scope, FacilityQuery.from(parameters),
                PageQuery.of(page, size, sort, "f.facility_code", Facilities.SORTABLE)).map(FacilityJson::of);
    }

    @GetMapping("/api/v1/facilities/{id}")
    FacilityJson get(DataScope scope, @PathVariable long id) {
        return FacilityJson.of(facilities.get(scope, id));
    }

    @PostMapping("/api/v1/facilities")
    ResponseEntity<FacilityJson> create(DataScope scope, @RequestBody FacilityBody body) {
        Facility created = facilities.register(scope, body.draft());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(FacilityJson.of(created));
    }

    /** PATCH: absent fields keep their values (a position is cleared only through the form). */
    @PatchMapping("/api/v1/facilities/{id}")
    FacilityJson update(DataScope scope, @PathVariable long id, @RequestBody FacilityBody body) {
        if (body.version() == null) {
            throw new InvalidInputException("version", "validation.version.required");
        }
        Facility current = facilities.get(scope, id);
        var d = body.draft();
        var merged = new FacilityDraft(or(d.code(), current.code()), or(d.typeCode(), current.typeCode()), or(d.name(), current.name()),
                or(d.orgUnitCode(), current.orgUnitCode()), or(d.latitude(), current.latitude()),
                or(d.longitude(), current.longitude()), or(d.status(), current.status()),
                or(d.commissionedOn(), current.commissionedOn()));
        return FacilityJson.of(facilities.update(scope, id, body.version(), merged));
    }

    @GetMapping("/api/v1/facility-types")
    @Operation(summary = "The facility catalogue (active entries unless all=true)")
    List<FacilityType> types(DataScope scope, @RequestParam(defaultValue = "false") boolean all) {
        return facilities.types(!all);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
