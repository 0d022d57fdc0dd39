package io.zhenwu.registry;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.RegistryEvents.ResidentRegistered;
import io.zhenwu.registry.RegistryEvents.ResidentUpdated;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * 居民与户: the registry's public API for residents and the households they make up. Every method is bounded by the
 * caller's scope; records come back with the full ID number and phone, and every view masks them
 * ({@link Resident#masked()}) unless {@link PersonalData} allows otherwise.
 */
@Service
@Transactional
public class Residents {

    public static final Set<String> SORTABLE = Set.of("name=r.name", "id=r.id", "orgUnit=o.code", "householdNo=r.household_no",
            "birthDate=r.birth_date", "updatedAt=r.updated_at");

    /** Where a resident's 户口 is kept: a village, a community, or the town (street) itself. */
    static final Set<OrgUnitType> RESIDENCE_UNITS = EnumSet.of(OrgUnitType.TOWN, OrgUnitType.SUBDISTRICT,
            OrgUnitType.VILLAGE, OrgUnitType.COMMUNITY);

    private final ResidentRepository repository;
    private final OrgUnits orgUnits;
    private final ApplicationEventPublisher events;

    Residents(ResidentRepository repository, OrgUnits orgUnits, ApplicationEventPublisher events) {
        this.repository = repository;
        this.orgUnits = orgUnits;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Resident get(DataScope scope, long id) {
        return repository.findById(scope, id).orElseThrow(() -> new NotFoundException("resident", id));
    }

    /** By 公民身份号码 (normalized first: full-width, lower-case x); empty if invalid, unknown or out of scope. */
    @Transactional(readOnly = true)
    public Optional<Resident> findByIdNumber(DataScope scope, String idNumber) {
        var parsed = ResidentId.parse("idNumber", idNumber);
        return parsed.isValid() ? repository.findByIdNumber(scope, parsed.value().value()) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public PageResult<Resident> search(DataScope scope, ResidentQuery query, PageQuery page) {
        return repository.find(scope, query.toFilter(), page);
    }

    /** Streams the matching residents (for exports); one read-only transaction so the cursor streams. */
    @Transactional(readOnly = true)
    public void forEach(DataScope scope, ResidentQuery query, Consumer<Resident> consumer) {
        repository.export(scope, query.toFilter(), consumer);
    }

    /** A household and its members, as far as the scope shows them. */
    @Transactional(readOnly = true)
    public Household household(DataScope scope, String householdNo) {
        String no = householdNo == null ? null : householdNo.strip();
        return (no == null || no.isEmpty() ? Optional.<Household>empty() : repository.household(scope, no))
                .orElseThrow(() -> new NotFoundException("household", householdNo));
    }

    @Transactional(readOnly = true)
    public List<Resident> members(DataScope scope, String householdNo) {
        return repository.members(scope, householdNo.strip());
    }

    public Resident register(DataScope scope, ResidentDraft draft) {
        var checked = ResidentRules.check(draft);
        List<FieldViolation> problems = new ArrayList<>(checked.violations());
        OrgUnit org = resolveOrgUnit(scope, checked.draft().orgUnitCode(), problems);
        if (checked.id() != null && repository.idNumberExists(checked.id().value())) {
            problems.add(FieldViolation.of("idNumber", "registry.residentId.duplicate", checked.id().toString()));
        }
        checkHead(checked.draft(), null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = repository.insert(checked.draft(), checked.id(), org.id());
        Resident created = get(scope, id);
        events.publishEvent(new ResidentRegistered(created, org.path()));
        return created;
    }

    public Resident update(DataScope scope, long id, long version, ResidentDraft draft) {
        Resident before = get(scope, id);
        if (before.version() != version) {
            throw new ConflictException("conflict.stale", before.masked());
        }
        var checked = ResidentRules.check(draft);
        List<FieldViolation> problems = new ArrayList<>(checked.violations());
        OrgUnit org = resolveOrgUnit(scope, checked.draft().orgUnitCode(), problems);
        if (checked.id() != null && !checked.id().value().equals(before.idNumber())
                && repository.idNumberExists(checked.id().value())) {
            problems.add(FieldViolation.of("idNumber", "registry.residentId.duplicate", checked.id().toString()));
        }
        checkHead(checked.draft(), id, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repository.update(scope, id, version, checked.draft(), checked.id(), org.id()) != 1) {
            throw new ConflictException("conflict.stale", get(scope, id).masked());
        }
        Resident after = get(scope, id);
        events.publishEvent(new ResidentUpdated(before, after, org.path()));
        return after;
    }

    /** A household has one 户主. */
    private void checkHead(ResidentDraft d, Long self, List<FieldViolation> problems) {
        if (d.relationToHead() == Relation.HEAD && d.householdNo() != null && repository.otherHeadExists(d.householdNo(), self)) {
            problems.add(FieldViolation.of("relationToHead", "registry.resident.relation.headExists", d.householdNo()));
        }
    }

    /** The resident's unit, which must lie in the caller's scope and be a village, community or town. */
    private OrgUnit resolveOrgUnit(DataScope scope, String code, List<FieldViolation> problems) {
        if (code == null) {
            return null;
        }
        Optional<OrgUnit> org = orgUnits.findByCode(scope, code);
        if (org.isEmpty()) {
            problems.add(FieldViolation.of("orgUnitCode", "registry.orgUnit.notFound", code));
            return null;
        }
        if (!RESIDENCE_UNITS.contains(org.get().type())) {
            problems.add(FieldViolation.of("orgUnitCode", "registry.resident.orgUnitType", code));
        }
        return org.get();
    }
}
