package io.zhenwu.cases;

import io.zhenwu.cases.CaseEvents.CaseEscalated;
import io.zhenwu.cases.CaseEvents.CaseOpened;
import io.zhenwu.cases.CaseEvents.CaseTransitioned;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.MissingScopeException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The case engine's public API: open a case, fire a transition, read a case with its timeline, list cases. Every
 * call is bounded by the actor's scope (and, for an enterprise user, by their enterprise); every change is one
 * transaction that appends to the timeline and publishes an audited event.
 */
@Service
@Transactional
public class Cases {

    private final CaseRepository repository;
    private final CaseTypes types;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Case.Clock clock;

    private final org.springframework.beans.factory.ObjectProvider<TransitionGuard> guards;

    Cases(CaseRepository repository, CaseTypes types, WorkingCalendar calendar, ApplicationEventPublisher events,
          org.springframework.beans.factory.ObjectProvider<TransitionGuard> guards) {
        this.guards = guards;
        this.repository = repository;
        this.types = types;
        this.calendar = calendar;
        this.events = events;
        this.clock = new Case.Clock() {
            @Override
            public LocalDate add(LocalDate from, int days, boolean calendarDays) {
                return calendarDays ? from.plusDays(days) : calendar.addWorkingDays(from, days);
            }

            @Override
            public int daysAfter(LocalDate from, LocalDate to, boolean calendarDays) {
                if (!to.isAfter(from)) {
                    return 0;
                }
                return calendarDays ? (int) ChronoUnit.DAYS.between(from, to) : calendar.workingDaysBetween(from.plusDays(1), to);
            }
        };
    }

    /**
     * What opening a case needs. {@code promisedDays}/{@code legalDays} override the type's defaults (a matter's own
     * limits); {@code outOfHours} is decided by the caller that knows the window's hours.
     */
    public record NewCase(String type, long orgUnitId, String category, String subjectCode, String subjectName, String title,
                          String channelCode, boolean outOfHours, ApplicantKind applicantKind, Long applicantRef,
                          String applicantName, String applicantIdMasked, Long enterpriseId, String assignee, Long parentId,
                          Integer promisedDays, Integer legalDays, String comment) {
    }

    /** A case with its timeline and sub-cases, as the details page and {@code GET /api/v1/cases/{id}} show it. */
    public record CaseDetails(CaseView current, List<TimelineEntry> timeline, List<CaseView> children, CaseType type) {
    }

    public CaseView open(Actor actor, NewCase c) {
        return open(actor, c, Times.now());
    }

    CaseView open(Actor actor, NewCase c, Instant now) {
        CaseType type = types.current(c.type());
        if (actor.roles().stream().noneMatch(type.openRoles()::contains)) {
            throw new AccessDeniedException("role may not open " + type.code());
        }
        List<FieldViolation> problems = new ArrayList<>();
        String path = repository.pathOf(c.orgUnitId()).orElse(null);
        if (path == null || !actor.scope().contains(path)) {
            throw new NotFoundException("org_unit", c.orgUnitId());
        }
        String title = c.title() == null ? null : c.title().strip();
        if (title == null || title.isEmpty() || title.length() > 300) {
            problems.add(FieldViolation.of("title", "case.title.required", 300));
        }
        if (c.applicantKind() == null) {
            problems.add(FieldViolation.of("applicantKind", "case.applicant.kindRequired"));
        } else if (c.applicantKind() != ApplicantKind.NONE && (c.applicantName() == null || c.applicantName().isBlank())) {
            problems.add(FieldViolation.of("applicantName", "case.applicant.nameRequired"));
        }
        if (c.promisedDays() != null && (c.promisedDays() < 0 || c.promisedDays() > 3650)) {
            problems.add(FieldViolation.of("promisedDays", "case.limit.range", 3650));
        }
        if (c.legalDays() != null && (c.legalDays() < 0 || c.legalDays() > 3650)) {
            problems.add(FieldViolation.of("legalDays", "case.limit.range", 3650));
        }
        if (actor.boundToEnterprise() && (actor.enterpriseId() == null || !actor.enterpriseId().equals(c.enterpriseId()))) {
            problems.add(FieldViolation.of("enterpriseId", "case.enterprise.own"));
        }
        CaseRepository.Town town = repository.townOf(c.orgUnitId()).orElse(null);
        if (town == null) {
            problems.add(FieldViolation.of("orgUnitId", "case.org.noTown"));
        }
        if (c.parentId() != null) {
            Case parent = repository.find(actor.scope(), c.parentId(), null).orElse(null);
            if (parent == null) {
                problems.add(FieldViolation.of("parentId", "case.parent.unknown", c.parentId()));
            } else if (parent.stateKind == CaseType.StateKind.CLOSED) {
                problems.add(FieldViolation.of("parentId", "case.parent.closed", parent.number));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate today = now.atZone(Times.ZONE).toLocalDate();
        Case opened = newCase(type, c, town, title, now, today, actor.username());
        long id = repository.insert(opened);
        Case stored = repository.find(actor.scope(), id, null).orElseThrow();
        repository.insertEvent(id, new TimelineEntry(1, "open", null, type.initial(), actor.username(), now, Map.of(),
                c.comment() == null || c.comment().isBlank() ? null : c.comment().strip()));
        CaseView view = CaseView.of(stored, type);
        events.publishEvent(new CaseOpened(view, path));
        return view;
    }

    private Case newCase(CaseType type, NewCase c, CaseRepository.Town town, String title, Instant now, LocalDate today, String by) {
        CaseType.TimeLimit limit = type.timeLimit();
        Integer promised = c.promisedDays() != null ? c.promisedDays() : limit.promisedDays();
        Integer legal = c.legalDays() != null ? c.legalDays() : limit.legalDays();
        LocalDate due = promised == null ? null : clock.add(today, promised, limit.calendarDays());
        LocalDate legalDue = legal == null ? null : clock.add(today, legal, limit.calendarDays());
        LocalDate warn = due == null || limit.warnDaysBefore() == 0 ? null
                : limit.calendarDays() ? due.minusDays(limit.warnDaysBefore()) : calendarBefore(due, limit.warnDaysBefore());
        int year = today.getYear();
        long seq = repository.nextSequence(town.id(), type.code(), year, 1);
        String number = formatNumber(town.numberPrefix(), type.numberCode(), year, seq);
        return new Case(0, number, type.code(), type.version(), town.id(), c.orgUnitId(), c.category(), c.subjectCode(),
                c.subjectName(), title, c.channelCode(), c.outOfHours(), c.applicantKind(), c.applicantRef(), c.applicantName(),
                c.applicantIdMasked(), c.enterpriseId(), c.assignee(), c.parentId(), type.initial(), CaseType.StateKind.OPEN, null,
                now, today, null, null, limit.calendarDays(), promised, legal, due, legalDue, warn, null, 0, null, false, 0, 0, by);
    }

    private LocalDate calendarBefore(LocalDate due, int workingDays) {
        LocalDate d = due;
        int left = workingDays;
        while (left > 0) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** {@code XS-ZW-2023-000123}: town, type, year, six-digit sequence. */
    static String formatNumber(String townPrefix, String typeCode, int year, long seq) {
        return townPrefix + "-" + typeCode + "-" + year + "-" + String.format("%06d", seq);
    }

    /**
     * Fires a transition if the case is still at {@code expectedVersion}; otherwise 409 with the current case, so two
     * people acting on one case at once never overwrite each other.
     */
    public CaseView fire(Actor actor, long caseId, String transition, long expectedVersion, Map<String, String> fields, String comment) {
        return fire(actor, caseId, transition, expectedVersion, fields, comment, Times.now());
    }

    CaseView fire(Actor actor, long caseId, String transition, long expectedVersion, Map<String, String> fields, String comment,
                  Instant now) {
        Case c = load(actor, caseId);
        CaseType type = types.get(c.typeCode, c.typeVersion);
        if (c.version != expectedVersion) {
            throw new ConflictException("case.conflict.stale", CaseView.of(c, type));
        }
        if (comment != null && comment.length() > 2000) {
            throw new InvalidInputException("comment", "case.field.tooLong", "comment", 2000);
        }
        CaseView before = CaseView.of(c, type);
        boolean fromHere = type.transition(transition).map(t -> t.allowedFrom(c.state)).orElse(false);
        guards.orderedStream().filter(g -> fromHere && g.caseType().equals(c.typeCode))
                .forEach(g -> g.check(actor, before, transition, fields == null ? Map.of() : fields));
        LocalDate today = now.atZone(Times.ZONE).toLocalDate();
        TimelineEntry entry = c.fire(type, transition, actor, fields, comment, repository.actorsByTransition(c.id), now, today, clock);
        return persist(c, type, entry, expectedVersion, now);
    }

    private CaseView persist(Case c, CaseType type, TimelineEntry entry, long expectedVersion, Instant now) {
        if (!repository.update(c, expectedVersion, now)) {
            Case current = repository.findAsSystem(c.id).orElseThrow();
            throw new ConflictException("case.conflict.stale", CaseView.of(current, types.get(current.typeCode, current.typeVersion)));
        }
        int seq = repository.lastSeq(c.id) + 1;
        TimelineEntry numbered = new TimelineEntry(seq, entry.transition(), entry.fromState(), entry.toState(), entry.actor(),
                entry.occurredAt(), entry.fields(), entry.comment());
        repository.insertEvent(c.id, numbered);
        c.version = expectedVersion + 1;
        String path = pathFor(c);
        events.publishEvent(new CaseTransitioned(c.id, c.number, c.typeCode, entry.transition(), entry.fromState(), entry.toState(),
                c.stateKind, entry.fields(), c.parentId, path));
        if (c.stateKind == CaseType.StateKind.CLOSED && c.parentId != null) {
            completeBundleIfDone(c.parentId, now);
        }
        return CaseView.of(c, type);
    }

    private String pathFor(Case c) {
        return repository.pathOf(c.orgUnitId).orElse("/0/");
    }

    /**
     * 一件事一次办: a bundle completes when its last sub-case completes. A cancelled or refused sub-case does not
     * complete the bundle; it stays open for the office to decide (withdraw the bundle or open a replacement).
     */
    private void completeBundleIfDone(long parentId, Instant now) {
        Case parent = repository.findAsSystem(parentId).orElseThrow();
        if (parent.stateKind == CaseType.StateKind.CLOSED) {
            return;
        }
        List<Case> children = repository.childrenAsSystem(parentId);
        boolean allDone = children.stream().allMatch(ch -> ch.stateKind == CaseType.StateKind.CLOSED && "done".equals(ch.outcome));
        if (!allDone) {
            return;
        }
        CaseType type = types.get(parent.typeCode, parent.typeVersion);
        LocalDate today = now.atZone(Times.ZONE).toLocalDate();
        long expected = parent.version;
        TimelineEntry entry = parent.fireSystem(type, "all_completed", "system", null, now, today, clock);
        persist(parent, type, entry, expected, now);
    }

    /** A document number of a town (整改通知书 …): the town and the next gapless sequence of a series and year. */
    public record DocumentNumber(long townOrgId, String townName, int year, long seq) {
    }

    /**
     * Takes the next number of a document series (e.g. {@code notice:AJZG}) of the town above {@code orgUnitId} for a year,
     * from the same counter table and with the same locking as case numbers: gapless, a rollback gives it back.
     */
    public DocumentNumber nextDocumentNumber(Actor actor, long orgUnitId, String series, int year) {
        String path = repository.pathOf(orgUnitId).orElse(null);
        if (path == null || !actor.scope().contains(path)) {
            throw new NotFoundException("org_unit", orgUnitId);
        }
        CaseRepository.Town town = repository.townOf(orgUnitId)
                .orElseThrow(() -> new InvalidInputException("orgUnitId", "case.org.noTown"));
        if (series == null || !series.matches("[a-z]+:[A-Z0-9]{1,8}")) {
            throw new IllegalArgumentException("document series must look like 'notice:AJZG', not " + series);
        }
        return new DocumentNumber(town.id(), repository.townName(town.id()), year, repository.nextSequence(town.id(), series, year, 1));
    }

    /**
     * One historical case to load: how it was opened, by whom and when, and the transitions fired on it since, in
     * order. Each step's actor is trusted to hold a role the transition allows (the loader vouches for it); states,
     * required fields, deadlines and the "different person" rule are checked by replaying {@link Case#fire} as
     * for any user.
     */
    public record HistoricCase(NewCase open, String openedBy, Instant openedAt, List<HistoricStep> steps) {
    }

    public record HistoricStep(String transition, String actor, Instant at, Map<String, String> fields, String comment) {
    }

    /**
     * 批量载入: loads historical cases of one type (demo data, a migration from an old system) in one transaction —
     * numbered like any case, every step replayed through the aggregate, the timeline written in full — and publishes
     * one audited {@link CaseEvents.CasesLoaded} instead of an event per step.
     *
     * @return the ids of the loaded cases, in the order given
     */
    public List<Long> loadHistory(Actor loader, String typeCode, List<HistoricCase> history) {
        if (!loader.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator (or the demo loader) loads historical cases");
        }
        CaseType type = types.current(typeCode);
        List<Long> ids = new ArrayList<>(history.size());
        Map<Long, CaseRepository.Town> towns = new java.util.HashMap<>();
        String scopePath = null;
        for (HistoricCase h : history) {
            NewCase c = h.open();
            if (!c.type().equals(typeCode)) {
                throw new IllegalArgumentException("case of type " + c.type() + " in a load of " + typeCode);
            }
            String path = repository.pathOf(c.orgUnitId()).orElse(null);
            if (path == null || !loader.scope().contains(path)) {
                throw new NotFoundException("org_unit", c.orgUnitId());
            }
            scopePath = scopePath == null ? path : commonPrefix(scopePath, path);
            CaseRepository.Town town = towns.computeIfAbsent(c.orgUnitId(), id -> repository.townOf(id)
                    .orElseThrow(() -> new InvalidInputException("orgUnitId", "case.org.noTown")));
            LocalDate openedOn = h.openedAt().atZone(Times.ZONE).toLocalDate();
            Case replayed = newCase(type, c, town, c.title().strip(), h.openedAt(), openedOn, h.openedBy());
            List<TimelineEntry> timeline = new ArrayList<>();
            timeline.add(new TimelineEntry(1, CaseTypeParser.OPEN, null, type.initial(), h.openedBy(), h.openedAt(), Map.of(),
                    c.comment() == null || c.comment().isBlank() ? null : c.comment().strip()));
            Map<String, List<String>> actors = new java.util.HashMap<>();
            actors.computeIfAbsent(CaseTypeParser.OPEN, k -> new ArrayList<>()).add(h.openedBy());
            for (HistoricStep step : h.steps()) {
                CaseType.Transition t = type.transition(step.transition())
                        .orElseThrow(() -> new InvalidInputException("transition", "case.transition.unknown", step.transition()));
                Actor stepActor = new Actor(0, step.actor(), loader.scope(), t.roles());
                LocalDate day = step.at().atZone(Times.ZONE).toLocalDate();
                TimelineEntry e = replayed.fire(type, step.transition(), stepActor, step.fields(), step.comment(), actors, step.at(), day, clock);
                actors.computeIfAbsent(e.transition(), k -> new ArrayList<>()).add(step.actor());
                timeline.add(new TimelineEntry(timeline.size() + 1, e.transition(), e.fromState(), e.toState(), e.actor(),
                        e.occurredAt(), e.fields(), e.comment()));
            }
            long id = repository.insert(replayed);
            repository.insertEvents(id, timeline);
            ids.add(id);
        }
        if (!history.isEmpty()) {
            events.publishEvent(new CaseEvents.CasesLoaded(typeCode, history.size(), scopePath));
        }
        return ids;
    }

    private static String commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        String p = a.substring(0, i);
        return p.substring(0, p.lastIndexOf('/') + 1);
    }

    @Transactional(readOnly = true)
    public CaseView get(Actor actor, long caseId) {
        Case c = load(actor, caseId);
        return CaseView.of(c, types.get(c.typeCode, c.typeVersion));
    }

    @Transactional(readOnly = true)
    public CaseDetails details(Actor actor, long caseId) {
        Case c = load(actor, caseId);
        CaseType type = types.get(c.typeCode, c.typeVersion);
        List<CaseView> children = repository.children(actor.scope(), c.id).stream()
                .filter(ch -> !actor.boundToEnterprise() || ch.enterpriseId != null && ch.enterpriseId.equals(actor.enterpriseId()))
                .map(ch -> CaseView.of(ch, types.get(ch.typeCode, ch.typeVersion))).toList();
        return new CaseDetails(CaseView.of(c, type), repository.timeline(c.id), children, type);
    }

    @Transactional(readOnly = true)
    public PageResult<CaseView> search(Actor actor, CaseQuery query, PageQuery page) {
        CaseQuery q = restrict(actor, query);
        return repository.search(actor.scope(), q, page).map(c -> CaseView.of(c, types.get(c.typeCode, c.typeVersion)));
    }

    /** 督办 board of the actor's scope. */
    @Transactional(readOnly = true)
    public List<CaseRepository.Escalation> escalations(Actor actor, boolean openOnly) {
        if (actor.boundToEnterprise()) {
            return List.of();
        }
        return repository.escalations(actor.scope(), openOnly, 500);
    }

    public void acknowledge(Actor actor, long escalationId) {
        if (!actor.hasRole(Role.LEADER) && !actor.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("only leaders acknowledge escalations");
        }
        if (!repository.acknowledge(actor.scope(), escalationId, actor.username(), Times.now())) {
            throw new NotFoundException("case_escalation", escalationId);
        }
    }

    /**
     * 督办: flags every open case whose promised deadline passed before {@code today} and notifies its town's
     * leaders (a row on their board and an audit event). Paused cases are not overdue; a case is escalated once per
     * deadline.
     */
    public int escalateOverdue(LocalDate today) {
        int escalated = 0;
        Instant now = Times.now();
        List<Case> due;
        do {
            due = repository.dueForEscalation(today, 500);
            for (Case c : due) {
                CaseType type = types.get(c.typeCode, c.typeVersion);
                if (repository.markEscalated(c, type.escalateTo().name(), now)) {
                    escalated++;
                    events.publishEvent(new CaseEscalated(c.id, c.number, c.dueOn, type.escalateTo().name(), pathFor(c)));
                }
            }
        } while (due.size() == 500);
        return escalated;
    }

    private Case load(Actor actor, long caseId) {
        if (actor.boundToEnterprise() && actor.enterpriseId() == null) {
            throw new MissingScopeException();
        }
        return repository.find(actor.scope(), caseId, actor.boundToEnterprise() ? actor.enterpriseId() : null)
                .orElseThrow(() -> new NotFoundException("case", caseId));
    }

    private CaseQuery restrict(Actor actor, CaseQuery query) {
        if (!actor.boundToEnterprise()) {
            return query;
        }
        if (actor.enterpriseId() == null) {
            throw new MissingScopeException();
        }
        return query.withEnterprise(actor.enterpriseId());
    }
}
