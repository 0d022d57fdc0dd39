package io.zhenwu.org;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.List;

/** {@code /api/v1/org-units}: the org tree for scripts, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "org-units", description = "组织机构")
class OrgUnitApiController {

    private final OrgUnits orgUnits;

    OrgUnitApiController(OrgUnits orgUnits) {
        this.orgUnits = orgUnits;
    }

    /** What the API shows of a unit (the materialized path stays internal). */
    record OrgUnitJson(long id, Long parentId, String code, String name, OrgUnitType type, boolean active, boolean demoCode,
                       int depth, long version, Instant createdAt, Instant updatedAt) {
        static OrgUnitJson of(OrgUnit u) {
            return new OrgUnitJson(u.id(), u.parentId(), u.code(), u.name(), u.type(), u.active(), u.demoCode(), u.depth(),
                    u.version(), u.createdAt(), u.updatedAt());
        }
    }

    record CreateOrgUnit(Long parentId, String code, String name, OrgUnitType type) {
    }

    /** Any subset of the fields; {@code version} is required (optimistic locking). A new parentId moves the unit. */
    record UpdateOrgUnit(Long version, String code, String name, Boolean active, Long parentId) {
    }

    @GetMapping
    @Operation(summary = "List org units in scope (paged; filter by text, type, active)")
    PageResult<OrgUnitJson> list(DataScope scope, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) OrgUnitType type, @RequestParam(required = false) Boolean active,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                 @RequestParam(required = false) String sort) {
        PageQuery pageQuery = PageQuery.of(page, size, sort, "code", OrgUnits.SORTABLE);
        return orgUnits.search(scope, q, type, active, pageQuery).map(OrgUnitJson::of);
    }

    @GetMapping("/{id}")
    OrgUnitJson get(DataScope scope, @PathVariable long id) {
        return OrgUnitJson.of(orgUnits.get(scope, id));
    }

    @GetMapping("/{id}/children")
    List<OrgUnitJson> children(DataScope scope, @PathVariable long id) {
        return orgUnits.children(scope, id).stream().map(OrgUnitJson::of).toList();
    }

    @PostMapping
    ResponseEntity<OrgUnitJson> create(DataScope scope, @RequestBody CreateOrgUnit body) {
        OrgUnit created = orgUnits.create(scope, body.parentId(), body.code(), body.name(), body.type());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(OrgUnitJson.of(created));
    }

    @PatchMapping("/{id}")
    OrgUnitJson update(DataScope scope, @PathVariable long id, @RequestBody UpdateOrgUnit body) {
        if (body.version() == null) {
            throw new InvalidInputException("version", "validation.version.required");
        }
        long version = body.version();
        OrgUnit unit = orgUnits.get(scope, id);
        if (body.parentId() != null && !body.parentId().equals(unit.parentId())) {
            unit = orgUnits.move(scope, id, version, body.parentId());
            version = unit.version();
        }
        if (body.code() != null || body.name() != null || body.active() != null) {
            unit = orgUnits.update(scope, id, version, body.code(), body.name(), body.active());
        }
        return OrgUnitJson.of(unit);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(DataScope scope, @PathVariable long id, @RequestParam long version) {
        orgUnits.delete(scope, id, version);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
