package io.zhenwu.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
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
import java.time.LocalDate;
import java.util.Map;

/** {@code /api/v1/enterprises}: the enterprise registry for scripts, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "enterprises", description = "企业台账")
class EnterpriseApiController {

    private final Enterprises enterprises;
    private final ApplicationEventPublisher events;

    EnterpriseApiController(Enterprises enterprises, ApplicationEventPublisher events) {
        this.enterprises = enterprises;
        this.events = events;
    }

    /** The API's view: phone masked unless asked for and permitted (then audited). */
    record EnterpriseJson(long id, String creditCode, String name, String orgUnitCode, String orgUnitName, String industryCode,
                          String address, String legalRepresentative, String contactPhone, EnterpriseStatus status,
                          LocalDate establishedOn, LocalDate aboveScaleFrom, LocalDate aboveScaleTo,
                          LocalDate nightProductionFrom, LocalDate nightProductionTo, long version, Instant createdAt,
                          Instant updatedAt) {
        static EnterpriseJson of(Enterprise e, boolean unmasked) {
            return new EnterpriseJson(e.id(), e.creditCode(), e.name(), e.orgUnitCode(), e.orgUnitName(), e.industryCode(),
                    e.address(), e.legalRepresentative(), unmasked ? e.contactPhone() : Masking.phone(e.contactPhone()),
                    e.status(), e.establishedOn(), e.aboveScaleFrom(), e.aboveScaleTo(), e.nightProductionFrom(),
                    e.nightProductionTo(), e.version(), e.createdAt(), e.updatedAt());
        }
    }

    /** Create or update body: every field of the record; updates also carry {@code version}. */
    record EnterpriseBody(Long version, String creditCode, String name, String orgUnitCode, String industryCode, String address,
                          String legalRepresentative, String contactPhone, EnterpriseStatus status, LocalDate establishedOn,
                          LocalDate aboveScaleFrom, LocalDate aboveScaleTo, LocalDate nightProductionFrom,
                          LocalDate nightProductionTo) {
        EnterpriseDraft draft() {
            return new EnterpriseDraft(creditCode, name, orgUnitCode, industryCode, address, legalRepresentative, contactPhone,
                    status, establishedOn, aboveScaleFrom, aboveScaleTo, nightProductionFrom, nightProductionTo);
        }
    }

    @GetMapping
    @Operation(summary = "List enterprises in scope; filters q, org (subtree), status, aboveScale, nightProduction")
    PageResult<EnterpriseJson> list(DataScope scope, @RequestParam Map<String, String> parameters,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) String sort) {
        return enterprises.search(scope, EnterpriseQuery.from(parameters), PageQuery.of(page, size, sort, "e.name", Enterprises.SORTABLE))
                .map(e -> EnterpriseJson.of(e, false));
    }

    @GetMapping("/{id}")
    EnterpriseJson get(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean unmasked) {
        Enterprise e = enterprises.get(actor.scope(), id);
        boolean show = PersonalData.reveal(actor, unmasked, "enterprise", e.id(), "contactPhone", events);
        return EnterpriseJson.of(e, show);
    }

    @PostMapping
    ResponseEntity<EnterpriseJson> create(DataScope scope, @RequestBody EnterpriseBody body) {
        Enterprise created = enterprises.register(scope, body.draft());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(EnterpriseJson.of(created, false));
    }

    @PatchMapping("/{id}")
    EnterpriseJson update(DataScope scope, @PathVariable long id, @RequestBody EnterpriseBody body) {
        if (body.version() == null) {
            throw new InvalidInputException("version", "validation.version.required");
        }
        Enterprise current = enterprises.get(scope, id);
        // PATCH: absent fields keep their values.
        var d = body.draft();
        var merged = new EnterpriseDraft(or(d.creditCode(), current.creditCode()), or(d.name(), current.name()),
                or(d.orgUnitCode(), current.orgUnitCode()), or(d.industryCode(), current.industryCode()),
                or(d.address(), current.address()), or(d.legalRepresentative(), current.legalRepresentative()),
                or(d.contactPhone(), current.contactPhone()), or(d.status(), current.status()),
                or(d.establishedOn(), current.establishedOn()), or(d.aboveScaleFrom(), current.aboveScaleFrom()),
                or(d.aboveScaleTo(), current.aboveScaleTo()), or(d.nightProductionFrom(), current.nightProductionFrom()),
                or(d.nightProductionTo(), current.nightProductionTo()));
        return EnterpriseJson.of(enterprises.update(scope, id, body.version(), merged), false);
    }

    record RdBody(Integer year, java.math.BigDecimal amount) {
    }

    @GetMapping("/{id}/rd-spending")
    java.util.List<RdSpending> rdSpending(DataScope scope, @PathVariable long id) {
        return enterprises.rdSpending(scope, id);
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}/rd-spending")
    @Operation(summary = "Record one year's R&D spending in yuan (2 decimals at most)")
    RdSpending setRdSpending(DataScope scope, @PathVariable long id, @RequestBody RdBody body) {
        return enterprises.setRdSpending(scope, id, body.year(), body.amount());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
