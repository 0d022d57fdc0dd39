package io.zhenwu.registry;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.RegistryEvents.EnterpriseRegistered;
import io.zhenwu.registry.RegistryEvents.EnterpriseUpdated;
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

/** 企业台账: the registry's public API for enterprises. Every method is bounded by the caller's scope. */
@Service
@Transactional
public class Enterprises {

    public static final Set<String> SORTABLE = Set.of("name=e.name", "creditCode=e.credit_code", "id=e.id",
            "orgUnit=o.code", "updatedAt=e.updated_at");

    /** Where an enterprise may be registered: a village, community, park or the town itself. */
    static final Set<OrgUnitType> REGISTRATION_UNITS = EnumSet.of(OrgUnitType.TOWN, OrgUnitType.SUBDISTRICT,
            OrgUnitType.VILLAGE, OrgUnitType.COMMUNITY, OrgUnitType.PARK);

    private final EnterpriseRepository repository;
    private final OrgUnits orgUnits;
    private final ApplicationEventPublisher events;

    Enterprises(EnterpriseRepository repository, OrgUnits orgUnits, ApplicationEventPublisher events) {
        this.repository = repository;
        this.orgUnits = orgUnits;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Enterprise get(DataScope scope, long id) {
        return repository.findById(scope, id).orElseThrow(() -> new NotFoundException("enterprise", id));
    }

    @Transactional(readOnly = true)
    public Optional<Enterprise> findByCreditCode(DataScope scope, String creditCode) {
        return creditCode == null ? Optional.empty() : repository.findByCreditCode(scope, creditCode.strip().toUpperCase());
    }

    @Transactional(readOnly = true)
    public PageResult<Enterprise> search(DataScope scope, EnterpriseQuery query, PageQuery page) {
        return repository.find(scope, query.toFilter(), page);
    }

    /** Streams the matching enterprises (for exports); runs in one read-only transaction so the cursor streams. */
    @Transactional(readOnly = true)
    public void forEach(DataScope scope, EnterpriseQuery query, Consumer<Enterprise> consumer) {
        repository.export(scope, query.toFilter(), consumer);
    }

    public Enterprise register(DataScope scope, EnterpriseDraft draft) {
        var checked = EnterpriseRules.check(draft);
        List<FieldViolation> problems = new ArrayList<>(checked.violations());
        OrgUnit org = resolveOrgUnit(scope, checked.draft().orgUnitCode(), problems);
        if (checked.valid() && repository.creditCodeExists(checked.draft().creditCode())) {
            problems.add(FieldViolation.of("creditCode", "registry.creditCode.duplicate", checked.draft().creditCode()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = repository.insert(checked.draft(), org.id());
        Enterprise created = get(scope, id);
        events.publishEvent(new EnterpriseRegistered(created, org.path()));
        return created;
    }

    public Enterprise update(DataScope scope, long id, long version, EnterpriseDraft draft) {
        Enterprise before = get(scope, id);
        if (before.version() != version) {
            throw new ConflictException("conflict.stale", before);
        }
        var checked = EnterpriseRules.check(draft);
        List<FieldViolation> problems = new ArrayList<>(checked.violations());
        OrgUnit org = resolveOrgUnit(scope, checked.draft().orgUnitCode(), problems);
        if (checked.valid() && !checked.draft().creditCode().equals(before.creditCode())
                && repository.creditCodeExists(checked.draft().creditCode())) {
            problems.add(FieldViolation.of("creditCode", "registry.creditCode.duplicate", checked.draft().creditCode()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repository.update(scope, id, version, checked.draft(), org.id()) != 1) {
            throw new ConflictException("conflict.stale", get(scope, id));
        }
        Enterprise after = get(scope, id);
        events.publishEvent(new EnterpriseUpdated(before, after, org.path()));
        return after;
    }

    @Transactional(readOnly = true)
    public List<RdSpending> rdSpending(DataScope scope, long id) {
        get(scope, id);
        return repository.rdSpending(scope, id);
    }

    /** The most R&D spending the column (NUMERIC(18, 2)) holds: 10^16 yuan less a fen. */
    private static final java.math.BigDecimal MAX_RD_YUAN = new java.math.BigDecimal("9999999999999999.99");

    /** Records a year's R&D spending in yuan (at most 2 decimals — fen —, not negative, at most {@link #MAX_RD_YUAN}). */
    public RdSpending setRdSpending(DataScope scope, long id, Integer year, java.math.BigDecimal amount) {
        Enterprise e = get(scope, id);
        List<FieldViolation> problems = new ArrayList<>();
        if (year == null || year < 1990 || year > java.time.LocalDate.now(io.zhenwu.shared.Times.ZONE).getYear()) {
            problems.add(FieldViolation.of("year", "registry.rd.year", year == null ? "" : year));
        }
        if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX_RD_YUAN) > 0) {
            problems.add(FieldViolation.of("amount", "registry.rd.amount", amount == null ? "" : amount.toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var before = repository.rdSpending(scope, id).stream().filter(r -> r.year() == year).findFirst().orElse(null);
        repository.setRdSpending(id, year, amount.setScale(2));
        RdSpending after = new RdSpending(year, amount.setScale(2));
        events.publishEvent(new RegistryEvents.RdSpendingRecorded(e.id(), before, after, e.orgUnitCode()));
        return after;
    }

    /** The enterprise's registration unit, which must lie in the caller's scope and be a place enterprises register. */
    private OrgUnit resolveOrgUnit(DataScope scope, String code, List<FieldViolation> problems) {
        if (code == null) {
            return null;
        }
        Optional<OrgUnit> org = orgUnits.findByCode(scope, code);
        if (org.isEmpty()) {
            problems.add(FieldViolation.of("orgUnitCode", "registry.orgUnit.notFound", code));
            return null;
        }
        if (!REGISTRATION_UNITS.contains(org.get().type())) {
            problems.add(FieldViolation.of("orgUnitCode", "registry.enterprise.orgUnitType", code));
        }
        return org.get();
    }
}
