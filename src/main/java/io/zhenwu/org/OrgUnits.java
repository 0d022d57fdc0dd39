package io.zhenwu.org;

import io.zhenwu.org.OrgUnitEvents.OrgUnitCreated;
import io.zhenwu.org.OrgUnitEvents.OrgUnitDeleted;
import io.zhenwu.org.OrgUnitEvents.OrgUnitMoved;
import io.zhenwu.org.OrgUnitEvents.OrgUnitUpdated;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.UsageCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The org module's public API: scoped queries other modules read through, and the tree's commands. Every method
 * takes the caller's {@link DataScope}; a unit outside it is reported as not found.
 */
@Service
@Transactional
public class OrgUnits {

    /** API field → column, for {@code sort=}. */
    public static final Set<String> SORTABLE = Set.of("code", "name", "type=unit_type", "depth", "id");

    private final OrgUnitRepository repository;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<UsageCheck> usageChecks;

    /** Usage checks are looked up lazily: their owners (users, cases…) depend on this class. */
    OrgUnits(OrgUnitRepository repository, ApplicationEventPublisher events, ObjectProvider<UsageCheck> usageChecks) {
        this.repository = repository;
        this.events = events;
        this.usageChecks = usageChecks;
    }

    @Transactional(readOnly = true)
    public Optional<OrgUnit> find(DataScope scope, long id) {
        return repository.findById(scope, id);
    }

    @Transactional(readOnly = true)
    public OrgUnit get(DataScope scope, long id) {
        return repository.findById(scope, id).orElseThrow(() -> new NotFoundException("org_unit", id));
    }

    @Transactional(readOnly = true)
    public Optional<OrgUnit> findByCode(DataScope scope, String code) {
        return repository.findByCode(scope, DivisionCodes.normalize(code));
    }

    @Transactional(readOnly = true)
    public PageResult<OrgUnit> search(DataScope scope, String text, OrgUnitType type, Boolean active, PageQuery page) {
        return repository.find(scope, text == null || text.isBlank() ? null : text.trim(), type, active, page);
    }

    @Transactional(readOnly = true)
    public List<OrgUnit> children(DataScope scope, long parentId) {
        get(scope, parentId);
        return repository.children(scope, parentId);
    }

    /** The caller's subtree down to {@code levels} below its root, for tree views. */
    @Transactional(readOnly = true)
    public List<OrgUnit> tree(DataScope scope, int levels) {
        return repository.subtree(scope, levels);
    }

    @Transactional(readOnly = true)
    public Map<OrgUnitType, Long> countByType(DataScope scope) {
        return repository.countByType(scope);
    }

    /** The scope of a user whose home unit is {@code orgUnitId}; empty if the unit is gone or inactive. */
    @Transactional(readOnly = true)
    public Optional<DataScope> scopeOf(long orgUnitId) {
        return repository.findForScope(orgUnitId).filter(OrgUnit::active).map(u -> new DataScope(u.id(), u.path()));
    }

    /** Creates a unit under {@code parentId} (which must be in scope). */
    public OrgUnit create(DataScope scope, Long parentId, String code, String name, OrgUnitType type) {
        if (parentId == null) {
            throw new InvalidInputException("parentId", "org.parent.required");
        }
        OrgUnit parent = repository.findById(scope, parentId)
                .orElseThrow(() -> new InvalidInputException("parentId", "org.parent.notFound", parentId));
        return insert(parent, code, name, type, false);
    }

    /** Creates a root or any unit without a caller scope: installation set-up, demo data and the CLI only. */
    public OrgUnit createAsSystem(OrgUnit parent, String code, String name, OrgUnitType type, boolean demoCode) {
        return insert(parent, code, name, type, demoCode);
    }

    @Transactional(readOnly = true)
    public List<OrgUnit> roots() {
        return repository.roots();
    }

    private OrgUnit insert(OrgUnit parent, String rawCode, String rawName, OrgUnitType type, boolean demoCode) {
        String code = DivisionCodes.normalize(rawCode);
        String name = rawName == null ? null : rawName.strip();
        List<FieldViolation> problems = new ArrayList<>();
        if (type == null) {
            problems.add(FieldViolation.of("type", "org.type.required"));
        } else {
            DivisionCodes.checkPlacement(type, parent).ifPresent(problems::add);
            DivisionCodes.check(code, type, parent).ifPresent(problems::add);
        }
        checkName(name).ifPresent(problems::add);
        if (parent != null && !parent.active()) {
            problems.add(FieldViolation.of("parentId", "org.parent.inactive"));
        }
        if (problems.isEmpty() && repository.codeExists(code)) {
            problems.add(FieldViolation.of("code", "org.code.duplicate", code));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = repository.insert(parent, code, name, type, demoCode);
        OrgUnit created = repository.findForScope(id).orElseThrow();
        events.publishEvent(new OrgUnitCreated(created));
        return created;
    }

    /** Renames, re-codes or (de)activates; {@code version} must be the one the caller last saw. */
    public OrgUnit update(DataScope scope, long id, long version, String rawCode, String rawName, Boolean active) {
        OrgUnit before = get(scope, id);
        checkVersion(before, version);
        String code = rawCode == null ? before.code() : DivisionCodes.normalize(rawCode);
        String name = rawName == null ? before.name() : rawName.strip();
        boolean newActive = active == null ? before.active() : active;
        List<FieldViolation> problems = new ArrayList<>();
        checkName(name).ifPresent(problems::add);
        if (!code.equals(before.code())) {
            OrgUnit parent = before.parentId() == null ? null : repository.findForScope(before.parentId()).orElse(null);
            DivisionCodes.check(code, before.type(), parent).ifPresent(problems::add);
            if (problems.isEmpty() && repository.codeExists(code)) {
                problems.add(FieldViolation.of("code", "org.code.duplicate", code));
            }
            if (problems.isEmpty() && before.type().codeKind() != OrgUnitType.CodeKind.INTERNAL
                    && repository.countChildrenNotExtending(scope, id, code.substring(0, before.type().significantDigits())) > 0) {
                problems.add(FieldViolation.of("code", "org.code.childrenWouldBreak", code));
            }
        }
        if (before.active() && !newActive && repository.countActiveDescendants(scope, before) > 0) {
            problems.add(FieldViolation.of("active", "org.deactivate.activeChildren"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repository.update(scope, id, version, code, name, newActive) != 1) {
            throw new ConflictException("conflict.stale", get(scope, id));
        }
        OrgUnit after = get(scope, id);
        events.publishEvent(new OrgUnitUpdated(before, after));
        return after;
    }

    /** Moves a unit (and everything below it) under a new parent in the caller's scope. */
    public OrgUnit move(DataScope scope, long id, long version, long newParentId) {
        OrgUnit unit = get(scope, id);
        checkVersion(unit, version);
        OrgUnit newParent = repository.findById(scope, newParentId)
                .orElseThrow(() -> new InvalidInputException("parentId", "org.parent.notFound", newParentId));
        List<FieldViolation> problems = new ArrayList<>();
        if (newParent.path().startsWith(unit.path())) {
            problems.add(FieldViolation.of("parentId", "org.move.intoOwnSubtree"));
        } else {
            DivisionCodes.checkPlacement(unit.type(), newParent).ifPresent(problems::add);
            DivisionCodes.check(unit.code(), unit.type(), newParent).ifPresent(problems::add);
            if (!newParent.active()) {
                problems.add(FieldViolation.of("parentId", "org.parent.inactive"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repository.move(scope, unit, version, newParent) != 1) {
            throw new ConflictException("conflict.stale", get(scope, id));
        }
        OrgUnit after = get(scope, id);
        events.publishEvent(new OrgUnitMoved(unit, after));
        return after;
    }

    /** Deletes a unit that nothing refers to; otherwise says what still refers to it. */
    public void delete(DataScope scope, long id, long version) {
        OrgUnit unit = get(scope, id);
        checkVersion(unit, version);
        List<FieldViolation> problems = new ArrayList<>();
        long children = repository.countChildren(scope, id);
        if (children > 0) {
            problems.add(FieldViolation.of("id", "org.delete.inUse", children, new DefaultMessageSourceResolvable("usage.children")));
        }
        for (UsageCheck check : usageChecks.orderedStream().toList()) {
            long n = check.countFor(id);
            if (n > 0) {
                problems.add(FieldViolation.of("id", "org.delete.inUse", n, new DefaultMessageSourceResolvable(check.messageKey())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repository.delete(scope, id, version) != 1) {
            throw new ConflictException("conflict.stale", get(scope, id));
        }
        events.publishEvent(new OrgUnitDeleted(unit));
    }

    private static void checkVersion(OrgUnit current, long expected) {
        if (current.version() != expected) {
            throw new ConflictException("conflict.stale", current);
        }
    }

    private static Optional<FieldViolation> checkName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(FieldViolation.of("name", "org.name.required"));
        }
        if (name.length() > 100) {
            return Optional.of(FieldViolation.of("name", "org.name.tooLong", 100));
        }
        return Optional.empty();
    }
}
