package io.zhenwu.reports;

import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
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
 * conflict with the current template.
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

    @Transactional(readOnly = true)
    public List<ReportTemplate> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public ReportTemplate get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("report_template", id));
    }

    @Transactional(readOnly = true)
    public Optional<ReportTemplate> findByName(String name) {
        return name == null ? Optional.empty() : repository.findByName(name.strip());
    }

    /** A version's text (null: the current one). */
    @Transactional(readOnly = true)
    public ReportTemplate.Version version(long id, Integer versionNo) {
        ReportTemplate t = get(id);
        int no = versionNo == null ? t.currentVersion() : versionNo;
        return repository.version(id, no).orElseThrow(() -> new NotFoundException("report_template_version", id + "/" + no));
    }

    @Transactional(readOnly = true)
    public List<ReportTemplate.Version> versions(long id) {
        get(id);
        return repository.versions(id);
    }

    /** Parses a text against the current figure catalogue (the editor's live check). */
    @Transactional(readOnly = true)
    public ParsedTemplate parse(String body) {
        return new TemplateParser(figures.catalogue()::definition).parse(body);
    }

    /** Creates a template (leaders, administrators). */
    public ReportTemplate create(Actor actor, String name, String body) {
        return create(name, body, actor.username(), null);
    }

    /** Creates a template as the system (the demo), audited under {@code by}. */
    public ReportTemplate createAsSystem(String name, String body, String by) {
        return create(name, body, by, by);
    }

    private ReportTemplate create(String name, String body, String by, String actorOverride) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new InvalidInputException("name", "report.template.nameRequired", 100);
        }
        if (repository.findByName(n).isPresent()) {
            throw new InvalidInputException("name", "report.template.duplicate", n);
        }
        check(body);
        long id = repository.insert(n, body, by);
        events.publishEvent(new ReportEvents.TemplateSaved(id, n, 1, actorOverride));
        return get(id);
    }

    /** Saves the text as the next version; {@code expectedVersion} is the template's version the editor loaded. */
    public ReportTemplate save(Actor actor, long id, long expectedVersion, String body) {
        ReportTemplate current = get(id);
        if (current.version() != expectedVersion) {
            throw new ConflictException("conflict.stale", current);
        }
        check(body);
        if (repository.addVersion(id, expectedVersion, body, actor.username()) != 1) {
            throw new ConflictException("conflict.stale", get(id));
        }
        ReportTemplate saved = get(id);
        events.publishEvent(new ReportEvents.TemplateSaved(id, saved.name(), saved.currentVersion(), null));
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
