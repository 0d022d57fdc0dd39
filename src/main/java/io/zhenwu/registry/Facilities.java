package io.zhenwu.registry;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.RegistryEvents.FacilityRegistered;
import io.zhenwu.registry.RegistryEvents.FacilityTypeAdded;
import io.zhenwu.registry.RegistryEvents.FacilityUpdated;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** 设施台账: the registry's public API for facilities and their catalogue. Every record method is bounded by scope. */
@Service
@Transactional
public class Facilities {

    public static final Set<String> SORTABLE = Set.of("code=f.facility_code", "name=f.name", "type=f.facility_type", "id=f.id",
            "orgUnit=o.code", "commissionedOn=f.commissioned_on", "updatedAt=f.updated_at");

    private final FacilityRepository repository;
    private final OrgUnits orgUnits;
    private final ApplicationEventPublisher events;

    Facilities(FacilityRepository repository, OrgUnits orgUnits, ApplicationEventPublisher events) {
        this.repository = repository;
        this.orgUnits = orgUnits;
        this.events = events;
    }

    /** A count of one facility type (for figures: 微型消防站14处 …). */
    public record TypeCount(String typeCode, String nameZh, String nameEn, long count) {
    }

    @Transactional(readOnly = true)
    public Facility get(DataScope scope, long id) {
        return repository.findById(scope, id).orElseThrow(() -> new NotFoundException("facility", id));
    }

    @Transactional(readOnly = true)
    public PageResult<Facility> search(DataScope scope, FacilityQuery query, PageQuery page) {
        return repository.find(scope, query, page);
    }

    @Transactional(readOnly = true)
    public void forEach(DataScope scope, FacilityQuery query, Consumer<Facility> consumer) {
        repository.export(scope, query, consumer);
    }

    /**
     * The matching facilities counted by type in SQL; {@code commissionedInYear} (nullable) keeps those put into
     * service in that year (新增充电桩6台套 = EV_CHARGER commissioned in 2023).
     */
    @Transactional(readOnly = true)
    public List<TypeCount> countByType(DataScope scope, FacilityQuery query, Integer commissionedInYear) {
        return repository.countByType(scope, query, commissionedInYear).stream()
                .map(c -> new TypeCount(c.typeCode(), c.nameZh(), c.nameEn(), c.count())).toList();
    }

    /** One type's count (0 when none), from {@link #countByType}. */
    @Transactional(readOnly = true)
    public long count(DataScope scope, String orgUnitCode, String typeCode, Integer commissionedInYear) {
        return repository.countByType(scope, new FacilityQuery(null, orgUnitCode, typeCode, null), commissionedInYear).stream()
                .mapToLong(FacilityRepository.TypeCount::count).sum();
    }

    public Facility register(DataScope scope, FacilityDraft draft) {
        var checked = FacilityRules.check(draft);
        List<FieldViolation> problems = new ArrayList<>(checked.violations());
        OrgUnit org = resolveOrgUnit(scope, checked.draft().orgUnitCode(), problems);
        FacilityDraft d = resolveType(checked.draft(), problems);
        if (d.code() != null && checked.valid() && repository.codeExists(d.code())) {
            problems.add(FieldViolation.of("code", "registry.facility.code.duplicate", d.code()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = repository.insert(d, org.id());
        Facility created = get(scope, id);
        events.publishEvent(new FacilityRegistered(created, org.path()));
        return created;
    }

    public Facility update(DataScope scope, long id, long version, FacilityDraft draft) {
        Facility before = get(scope, id);
        if (before.version() != version) {
            throw new ConflictException("conflict.stale", before);
        }
        var checked = FacilityRules.check(draft);
        List<FieldViolation> problems = new ArrayList<>(checked.violations());
        OrgUnit org = resolveOrgUnit(scope, checked.draft().orgUnitCode(), problems);
        FacilityDraft d = resolveType(checked.draft(), problems);
        if (checked.valid() && !d.code().equals(before.code()) && repository.codeExists(d.code())) {
            problems.add(FieldViolation.of("code", "registry.facility.code.duplicate", d.code()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repository.update(scope, id, version, d, org.id()) != 1) {
            throw new ConflictException("conflict.stale", get(scope, id));
        }
        Facility after = get(scope, id);
        events.publishEvent(new FacilityUpdated(before, after, org.path()));
        return after;
    }

    // --- catalogue ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<FacilityType> types(boolean activeOnly) {
        return repository.types(activeOnly);
    }

    /** Adds a catalogue entry (administrators; the endpoint rule says so). Codes and Chinese names are unique. */
    public FacilityType addType(DataScope scope, String code, String nameZh, String nameEn) {
        var type = new FacilityType(code == null ? null : code.strip().toUpperCase(Locale.ROOT), EnterpriseRules.strip(nameZh),
                EnterpriseRules.strip(nameEn), true);
        List<FieldViolation> problems = new ArrayList<>(FacilityRules.checkType(type));
        if (problems.isEmpty() && repository.typeExists(type.code(), type.nameZh())) {
            problems.add(FieldViolation.of("code", "registry.facilityType.duplicate", type.code(), type.nameZh()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.insertType(type);
        events.publishEvent(new FacilityTypeAdded(type, scope.path()));
        return type;
    }

    /** The draft with its type as a catalogue code; an unknown or inactive type is a violation. */
    private FacilityDraft resolveType(FacilityDraft d, List<FieldViolation> problems) {
        if (d.typeCode() == null) {
            return d;
        }
        Optional<FacilityType> type = repository.type(d.typeCode());
        if (type.isEmpty() || !type.get().active()) {
            problems.add(FieldViolation.of("typeCode", "registry.facility.type.unknown", d.typeCode()));
            return d;
        }
        return new FacilityDraft(d.code(), type.get().code(), d.name(), d.orgUnitCode(), d.latitude(), d.longitude(), d.status(),
                d.commissionedOn());
    }

    private OrgUnit resolveOrgUnit(DataScope scope, String code, List<FieldViolation> problems) {
        if (code == null) {
            return null;
        }
        Optional<OrgUnit> org = orgUnits.findByCode(scope, code);
        if (org.isEmpty()) {
            problems.add(FieldViolation.of("orgUnitCode", "registry.orgUnit.notFound", code));
            return null;
        }
        return org.get();
    }
}
