package io.zhenwu.cases;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
    private volatile List<TransitionGuard> guardList;

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

    /** A case that already happened: how it was opened and every step it went through, for {@link #load}. */
    public record HistoricalCase(NewCase c, Instant openedAt, String openedBy, List<Step> steps) {
    }

    /** One transition of a historical case: fired by {@code actor} at {@code at}. */
    public record Step(String transition, Instant at, String actor, Map<String, String> fields) {
    }

    /**
     * Writes cases that already happened (demo data, generators, migrations from an old system) in batches. Each
     * case goes through the same aggregate as a live one — every step is checked against its type (state, role of
     * the loading actor, required fields, "different person") and moves the same clock — only the writes are
     * batched and numbered in blocks. One audit event per call.
     *
     * @return the new case ids in input order
     */
    public List<Long> load(Actor actor, List<HistoricalCase> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<Long, String> paths = new java.util.HashMap<>();
        Map<Long, CaseRepository.Town> towns = new java.util.HashMap<>();
        Map<String, Long> nextSeq = new java.util.HashMap<>();
        List<Case> built = new ArrayList<>();
        List<List<TimelineEntry>> timelines = new ArrayList<>();
        // Reserve numbers per town/type/year in one block each.
        Map<String, Integer> needed = new java.util.LinkedHashMap<>();
        for (HistoricalCase h : batch) {
            long org = h.c().orgUnitId();
            String path = paths.computeIfAbsent(org, id -> repository.pathOf(id).orElse(null));
            if (path == null || !actor.scope().contains(path)) {
                throw new NotFoundException("org_unit", org);
            }
            CaseRepository.Town town = towns.computeIfAbsent(org, id -> repository.townOf(id)
                    .orElseThrow(() -> new InvalidInputException("orgUnitId", "case.org.noTown")));
            int year = h.openedAt().atZone(Times.ZONE).getYear();
            needed.merge(town.id() + "|" + h.c().type() + "|" + year, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : needed.entrySet()) {
            String[] k = e.getKey().split("\\|");
            nextSeq.put(e.getKey(), repository.nextSequence(Long.parseLong(k[0]), k[1], Integer.parseInt(k[2]), e.getValue()));
        }
        for (HistoricalCase h : batch) {
            CaseType type = types.current(h.c().type());
            CaseRepository.Town town = towns.get(h.c().orgUnitId());
            LocalDate openedOn = h.openedAt().atZone(Times.ZONE).toLocalDate();
            String key = town.id() + "|" + type.code() + "|" + openedOn.getYear();
            long seq = nextSeq.merge(key, 1L, Long::sum) - 1;
            Case c = newCase(type, h.c(), town, h.c().title().strip(), h.openedAt(), openedOn, h.openedBy(), seq);
            List<TimelineEntry> timeline = new ArrayList<>();
            timeline.add(new TimelineEntry(1, "open", null, type.initial(), h.openedBy(), h.openedAt(), Map.of(), null));
            Map<String, List<String>> prior = new java.util.HashMap<>();
            prior.computeIfAbsent(CaseTypeParser.OPEN, x -> new ArrayList<>()).add(h.openedBy());
            for (Step s : h.steps()) {
                Actor stepActor = new Actor(actor.userId(), s.actor(), actor.scope(), actor.roles(), actor.permissions(), actor.enterpriseId());
                LocalDate on = s.at().atZone(Times.ZONE).toLocalDate();
                boolean system = type.transition(s.transition()).map(CaseType.Transition::system).orElse(false);
                TimelineEntry e = system ? c.fireSystem(type, s.transition(), s.actor(), null, s.at(), on, clock)
                        : c.fire(type, s.transition(), stepActor, s.fields(), null, prior, s.at(), on, clock);
                prior.computeIfAbsent(s.transition(), x -> new ArrayList<>()).add(s.actor());
                timeline.add(new TimelineEntry(timeline.size() + 1, e.transition(), e.fromState(), e.toState(), e.actor(), e.occurredAt(),
                        e.fields(), e.comment()));
            }
            c.version = h.steps().size();
            built.add(c);
            timelines.add(timeline);
        }
        List<Long> ids = repository.insertBatch(built, timelines);
        Map<String, Integer> perType = new java.util.TreeMap<>();
        built.forEach(c -> perType.merge(c.typeCode, 1, Integer::sum));
        perType.forEach((t, n) -> events.publishEvent(new CaseEvents.CasesLoaded(t, n, actor.scope().path())));
        return ids;
    }

    /**
     * A case with its timeline and sub-cases, as the details page and {@code GET /api/v1/cases/{id}} show it.
     *
     * @param actions the transitions the reader may fire now (state, roles, "different person" rules): the forms a
     *                page offers
     */
    public record CaseDetails(CaseView current, List<TimelineEntry> timeline, List<CaseView> children, CaseType type,
                              @JsonIgnore List<CaseType.Transition> actions) {

        /** The names of {@link #actions()}, for pages that offer their own forms per step (the hazard page). */
        public Set<String> actionNames() {
            return actions.stream().map(CaseType.Transition::name).collect(Collectors.toSet());
        }
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
        long seq = repository.nextSequence(town.id(), type.code(), today.getYear(), 1);
        Case opened = newCase(type, c, town, title, now, today, actor.username(), seq);
        long id = repository.insert(opened);
        Case stored = repository.find(actor.scope(), id, null).orElseThrow();
        repository.insertEvent(id, new TimelineEntry(1, "open", null, type.initial(), actor.username(), now, Map.of(),
                c.comment() == null || c.comment().isBlank() ? null : c.comment().strip()));
        CaseView view = CaseView.of(stored, type);
        events.publishEvent(new CaseOpened(view, path));
        return view;
    }

    private Case newCase(CaseType type, NewCase c, CaseRepository.Town town, String title, Instant now, LocalDate today, String by,
                         long seq) {
        CaseType.TimeLimit limit = type.timeLimit();
        Integer promised = c.promisedDays() != null ? c.promisedDays() : limit.promisedDays();
        Integer legal = c.legalDays() != null ? c.legalDays() : limit.legalDays();
        LocalDate due = promised == null ? null : clock.add(today, promised, limit.calendarDays());
        LocalDate legalDue = legal == null ? null : clock.add(today, legal, limit.calendarDays());
        LocalDate warn = due == null || limit.warnDaysBefore() == 0 ? null
                : limit.calendarDays() ? due.minusDays(limit.warnDaysBefore()) : calendarBefore(due, limit.warnDaysBefore());
        int year = today.getYear();
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
        Optional<CaseType.Transition> named = type.transition(transition);
        boolean fromHere = named.map(t -> t.allowedFrom(c.state)).orElse(false);
        for (TransitionGuard guard : guards()) {
            if (fromHere && guard.caseType().equals(c.typeCode)) {
                guard.check(actor, before, transition, fields == null ? Map.of() : fields);
            }
        }
        LocalDate today = now.atZone(Times.ZONE).toLocalDate();
        // Earlier actors matter only to a "different person" rule; most transitions have none and skip the read.
        Map<String, List<String>> priorActors = named.map(t -> !t.differentActorThan().isEmpty()).orElse(false)
                ? repository.actorsByTransition(c.id) : Map.of();
        TimelineEntry entry = c.fire(type, transition, actor, fields, comment, priorActors, now, today, clock);
        return persist(c, type, entry, expectedVersion, now);
    }

    /**
     * Holds the case for the rest of the transaction if it is still at {@code expectedVersion}, otherwise 409 with the
     * current case. For work that precedes a transition and must happen once (a notice's number and record before
     * {@code issue_notice}): of two callers at once, the second waits for the first and then gets the conflict.
     */
    public void holdAtVersion(Actor actor, long caseId, long expectedVersion) {
        Case c = load(actor, caseId);
        if (c.version != expectedVersion || !repository.holdAtVersion(caseId, expectedVersion)) {
            throw stale(caseId);
        }
    }

    private ConflictException stale(long caseId) {
        Case current = repository.findAsSystem(caseId).orElseThrow();
        return new ConflictException("case.conflict.stale", CaseView.of(current, types.get(current.typeCode, current.typeVersion)));
    }

    /** The transition guards of other modules, looked up once (they may depend on this service, hence not injected). */
    private List<TransitionGuard> guards() {
        List<TransitionGuard> list = guardList;
        if (list == null) {
            list = guards.orderedStream().toList();
            guardList = list;
        }
        return list;
    }

    private CaseView persist(Case c, CaseType type, TimelineEntry entry, long expectedVersion, Instant now) {
        // The version update holds the case's row until commit: nobody else appends to its timeline meanwhile.
        if (!repository.updateAndAppend(c, expectedVersion, now, entry)) {
            throw stale(c.id);
        }
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
        return c.handlingPath() != null ? c.handlingPath() : repository.pathOf(c.orgUnitId).orElse("/0/");
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

    /** The town's part of its case numbers (XS for 下蜀镇); administrators only, before the town's first case ideally. */
    public void setNumberPrefix(Actor actor, long townOrgId, String prefix) {
        if (!actor.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators set number prefixes");
        }
        String p = prefix == null ? "" : prefix.strip().toUpperCase(java.util.Locale.ROOT);
        if (!p.matches("[A-Z]{1,8}")) {
            throw new InvalidInputException("prefix", "case.prefix.format");
        }
        CaseRepository.Town town = repository.townOf(townOrgId).filter(t -> t.id() == townOrgId)
                .orElseThrow(() -> new InvalidInputException("townOrgId", "case.org.noTown"));
        if (!actor.scope().contains(town.path())) {
            throw new NotFoundException("org_unit", townOrgId);
        }
        repository.setPrefix(townOrgId, p);
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
        List<TimelineEntry> timeline = repository.timeline(c.id);
        Map<String, List<String>> priorActors = new LinkedHashMap<>();
        timeline.forEach(e -> priorActors.computeIfAbsent(e.transition(), k -> new ArrayList<>()).add(e.actor()));
        return new CaseDetails(CaseView.of(c, type), timeline, children, type, type.availableTo(c.state, actor, priorActors));
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
