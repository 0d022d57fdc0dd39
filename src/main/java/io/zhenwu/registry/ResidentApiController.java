package io.zhenwu.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Times;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/residents}: the resident registry for scripts, within the caller's scope, masked by default. */
@RestController
@RequestMapping("/api/v1/residents")
@Tag(name = "residents", description = "居民与户")
class ResidentApiController {

    private final Residents residents;
    private final ApplicationEventPublisher events;

    ResidentApiController(Residents residents, ApplicationEventPublisher events) {
        this.residents = residents;
        this.events = events;
    }

    /** The API's view: ID number and phone masked unless asked for and permitted (then audited). */
    record ResidentJson(long id, String idNumber, String name, Gender gender, LocalDate birthDate, int age, String orgUnitCode,
                        String orgUnitName, String householdNo, Relation relationToHead, String phone, List<ResidentTag> tags,
                        long version, Instant createdAt, Instant updatedAt) {
        static ResidentJson of(Resident r, boolean unmasked) {
            return new ResidentJson(r.id(), unmasked ? r.idNumber() : r.maskedIdNumber(), r.name(), r.gender(), r.birthDate(),
                    r.ageOn(LocalDate.now(Times.ZONE)), r.orgUnitCode(), r.orgUnitName(), r.householdNo(), r.relationToHead(),
                    unmasked ? r.phone() : r.maskedPhone(), r.tags().stream().sorted().toList(), r.version(), r.createdAt(),
                    r.updatedAt());
        }
    }

    /** Create or update body; updates also carry {@code version}. Gender and birth date come from the ID number. */
    record ResidentBody(Long version, String idNumber, String name, String orgUnitCode, String householdNo,
                        Relation relationToHead, String phone, Set<ResidentTag> tags) {
        ResidentDraft draft() {
            return new ResidentDraft(idNumber, name, orgUnitCode, householdNo, relationToHead, phone, tags);
        }
    }

    @GetMapping
    @Operation(summary = "List residents in scope (masked); filters q (name, or a whole ID number), org (subtree), tag, householdNo")
    PageResult<ResidentJson> list(DataScope scope, @RequestParam Map<String, String> parameters,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        return residents.search(scope, ResidentQuery.from(parameters), PageQuery.of(page, size, sort, "r.household_no", Residents.SORTABLE))
                .map(r -> ResidentJson.of(r, false));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One resident, masked; unmasked=true needs VIEW_PERSONAL_DATA and is audited")
    ResidentJson get(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean unmasked) {
        PersonalData.checkRequest(actor, unmasked);
        Resident r = residents.get(actor.scope(), id);
        boolean show = PersonalData.reveal(actor, unmasked, "resident", r.id(), "idNumber,phone", events);
        return ResidentJson.of(r, show);
    }

    @PostMapping
    ResponseEntity<ResidentJson> create(DataScope scope, @RequestBody ResidentBody body) {
        Resident created = residents.register(scope, body.draft());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(ResidentJson.of(created, false));
    }

    /** PATCH: absent fields keep their values; {@code "tags":[]} clears the tags. */
    @PatchMapping("/{id}")
    ResidentJson update(DataScope scope, @PathVariable long id, @RequestBody ResidentBody body) {
        if (body.version() == null) {
            throw new InvalidInputException("version", "validation.version.required");
        }
        Resident current = residents.get(scope, id);
        var d = body.draft();
        var merged = new ResidentDraft(or(body.idNumber(), current.idNumber()), or(d.name(), current.name()),
                or(d.orgUnitCode(), current.orgUnitCode()), or(d.householdNo(), current.householdNo()),
                or(d.relationToHead(), current.relationToHead()), or(d.phone(), current.phone()),
                body.tags() == null ? current.tags() : body.tags());
        return ResidentJson.of(residents.update(scope, id, body.version(), merged), false);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
