package io.zhenwu.reports;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * 报告模板: templates stored with every version. A save that does not parse is refused with the errors' lines and
 * columns (the editor shows them inline), so every stored version renders; a save against a stale version is a
 * conflict with the current template. A template belongs to the org unit of whoever created it and exists only for
 * the users whose scope holds that unit (a county's administrator sees every town's, a town's leader their own).
 */
@Service
@Transactional
public class ReportTemplates {

    static final int MAX_LENGTH = 200_000;

    private final ReportTemplateRepository repository;
    private final FigureRegistry figures;
    private final ApplicationEventPublisher events;

    ReportTemplates(ReportTemplateRepository repository, FigureRegistry figures, ApplicationEventPublisher events) {
        this.repository = repository;
        this.figures = figures;
        this.events = events;
    }

    /** The templates owned by the org units of the scope. */
    @Transactional(readOnly = true)
    public List<ReportTemplate> all(DataScope scope) {
        return repository.all(scope);
    }

    /** A template of the scope; one owned outside it is 404. */
    @Transactional(readOnly = true)
    public ReportTemplate get(DataScope scope, long id) {
        return repository.find(scope, id).orElseThrow(() -> new NotFoundException("report_template", id));
    }

    /** The templates of that name in the scope (several towns may each have one), the deepest owner first. */
    @Transactional(readOnly = true)
    public List<ReportTemplate> findByName(DataScope scope, String name) {
        return name == null ? List.of() : repository.findByName(scope, name.strip());
    }

    /**
     * The template of that name to report on {@code org} with: the one owned by the org unit itself or by its nearest
     * ancestor within the scope (a town's own wording before its county's).
     */
    @Transactional(readOnly = true)
    public Optional<ReportTemplate> forOrg(DataScope scope, String name, OrgUnit org) {
        return findByName(scope, name).stream().filter(t -> org.path().startsWith(t.orgUnitPath())).findFirst();
    }

    /** A version's text (null: the current one). */
    @Transactional(readOnly = true)
    public ReportTemplate.Version version(DataScope scope, long id, Integer versionNo) {
        ReportTemplate t = get(scope, id);
        int no = versionNo == null ? t.currentVersion() : versionNo;
        return repository.version(id, no).orElseThrow(() -> new NotFoundException("report_template_version", id + "/" + no));
    }

    @Transactional(readOnly = true)
    public List<ReportTemplate.Version> versions(DataScope scope, long id) {
        get(scope, id);
        return repository.versions(id);
    }

    /** Parses a text against the current figure catalogue (the editor's live check). */
    @Transactional(readOnly = true)
    public ParsedTemplate parse(String body) {
        return new TemplateParser(figures.catalogue()::definition).parse(body);
    }

    /** Creates a template (leaders, administrators), owned by the caller's own org unit. */
    public ReportTemplate create(Actor actor, String name, String body) {
        return create(actor.scope(), actor.orgUnitId(), name, body, actor.username(), null);
    }

    /** Creates a template owned by {@code owner} as the system (the demo), audited under {@code by}. */
    public ReportTemplate createAsSystem(OrgUnit owner, String name, String body, String by) {
        return create(new DataScope(owner.id(), owner.path()), owner.id(), name, body, by, by);
    }

    private ReportTemplate create(DataScope scope, long owner, String name, String body, String by, String actorOverride) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new InvalidInputException("name", "report.template.nameRequired", 100);
        }
        if (repository.nameTaken(owner, n)) {
            throw new InvalidInputException("name", "report.template.duplicate", n);
        }
        check(body);
        long id = repository.insert(owner, n, body, by);
        ReportTemplate created = get(scope, id);
        events.publishEvent(new ReportEvents.TemplateSaved(id, n, 1, actorOverride, created.orgUnitPath()));
        return created;
    }

    /** Saves the text as the next version; {@code expectedVersion} is the template's version the editor loaded. */
    public ReportTemplate save(Actor actor, long id, long expectedVersion, String body) {
        ReportTemplate current = get(actor.scope(), id);
        if (current.version() != expectedVersion) {
            throw new ConflictException("conflict.stale", current);
        }
        check(body);
        if (repository.addVersion(id, expectedVersion, body, actor.username()) != 1) {
            throw new ConflictException("conflict.stale", get(actor.scope(), id));
        }
        ReportTemplate saved = get(actor.scope(), id);
        events.publishEvent(new ReportEvents.TemplateSaved(id, saved.name(), saved.currentVersion(), null, saved.orgUnitPath()));
        return saved;
    }

    private void check(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "report.template.blank");
        }
        if (body.length() > MAX_LENGTH) {
            throw new InvalidInputException("body", "report.template.tooLong", MAX_LENGTH);
        }
        ParsedTemplate parsed = parse(body);
        if (!parsed.valid()) {
            throw new InvalidInputException(parsed.errors().stream().map(ParsedTemplate.Error::violation).toList());
        }
    }
}
