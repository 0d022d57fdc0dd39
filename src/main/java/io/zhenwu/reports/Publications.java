package io.zhenwu.reports;

import io.zhenwu.audit.AuditAnchor;
import io.zhenwu.audit.AuditTrail;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.figures.CountedRecord;
import io.zhenwu.shared.figures.FigureRequest;
import io.zhenwu.shared.figures.FigureValue;
import io.zhenwu.shared.figures.Fingerprint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * 发布: freezes a rendered report — its text, every figure's raw value, parameters, source, revision and the
 * fingerprint and ids of the records counted, the template version, who and when. A publication never changes;
 * publishing again makes the next edition. "Compare with now" recomputes every figure and lists those whose value
 * or records changed, with the records added and removed.
 */
@Service
@Transactional
public class Publications {

    /** Records listed per figure in a comparison (the counts are always exact). */
    static final int SHOWN = 50;
    private static final int PAGE = 500;
    /** The last line of every published report: the audit chain's anchor at publication (公文 text, in Chinese). */
    static final String ANCHOR_LABEL = "发布时的审计锚点：";

    private final Reports reports;
    private final ReportTemplates templates;
    private final FigureRegistry figures;
    private final PublicationRepository repository;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final AuditTrail auditTrail;

    Publications(Reports reports, ReportTemplates templates, FigureRegistry figures, PublicationRepository repository,
                 ApplicationEventPublisher events, JsonMapper json, AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.reports = reports;
        this.templates = templates;
        this.figures = figures;
        this.repository = repository;
        this.events = events;
        this.json = json;
    }

    /** Renders the template's current version for the org unit and year and freezes it. */
    public Publication publish(Actor actor, long templateId, String orgCode, int year) {
        DataScope scope = actor.scope();
        ReportTemplate t = templates.get(scope, templateId);
        ReportTemplate.Version v = templates.version(scope, templateId, null);
        RenderedReport report = reports.render(scope, t.name(), v.versionNo(), v.body(), orgCode, year);
        OrgUnit org = reports.org(scope, orgCode);
        FigureRegistry.Catalogue catalogue = figures.catalogue();
        int edition = repository.nextEdition(templateId, org.id(), year);
        AuditAnchor anchor = auditTrail.anchorNow();
        long id = repository.insert(templateId, t.name(), v.versionNo(), org.id(), year, edition, report.title(),
                json.writeValueAsString(report.blocks()), actor.username(), Times.now(), anchor == null ? null : anchor.line());
        Map<FigureRequest, Fingerprint> fingerprints = new LinkedHashMap<>();
        for (RenderedReport.Figure f : report.figures()) {
            Fingerprint fp = fingerprints.computeIfAbsent(f.request(), r -> {
                repository.insertRecordIds(id, PublicationRepository.requestKey(r), ids(scope, catalogue, r));
                return catalogue.fingerprint(scope, r);
            });
            repository.insertFigure(id, new PublicationRepository.StoredFigure(f.index(), f.request(), f.name(), f.show(), f.text(),
                    f.rawValue(), f.unit(), f.source(), f.growth(), f.growthInPoints(), f.recordId(), f.revision(), fp.count(), fp.sha256()));
        }
        events.publishEvent(new ReportEvents.ReportPublished(id, t.name(), v.versionNo(), org.code(), year, edition,
                report.figures().size(), org.path()));
        return get(scope, id);
    }

    private static List<Long> ids(DataScope scope, FigureRegistry.Catalogue catalogue, FigureRequest request) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<CountedRecord> rows = catalogue.records(scope, request, new PageQuery(page, PAGE, "id", true));
            rows.content().forEach(r -> ids.add(r.id()));
            if (rows.content().size() < PAGE || (long) (page + 1) * PAGE >= rows.totalElements()) {
                return ids;
            }
        }
    }

    @Transactional(readOnly = true)
    public List<Publication> list(DataScope scope, Long templateId) {
        return repository.list(scope, templateId);
    }

    @Transactional(readOnly = true)
    public Publication get(DataScope scope, long id) {
        return repository.find(scope, id).orElseThrow(() -> new NotFoundException("published_report", id));
    }

    /** The frozen report, exactly as published. */
    @Transactional(readOnly = true)
    public RenderedReport report(DataScope scope, long id) {
        Publication p = get(scope, id);
        List<RenderedReport.Block> blocks = json.readValue(repository.blocksJson(scope, id).orElseThrow(),
                new TypeReference<List<RenderedReport.Block>>() {
                });
        List<RenderedReport.Figure> list = repository.figures(scope, id).stream().map(f -> new RenderedReport.Figure(f.seq(), f.request(),
                f.show(), f.printed(), f.rawValue(), f.unit(), f.source(), f.growth(), f.growthInPoints(), f.recordId(), f.revision(),
                f.printed().equals(ReportNumbers.MISSING), f.name())).toList();
        if (p.auditAnchor() != null) {
            blocks = new ArrayList<>(blocks);
            blocks.add(new RenderedReport.Block(false, List.of(new RenderedReport.Segment(ANCHOR_LABEL + p.auditAnchor(), null))));
        }
        return new RenderedReport(p.templateName(), p.templateVersion(), p.orgCode(), p.orgName(), p.year(), p.title(), blocks, list, List.of());
    }

    /** The stored figures with their fingerprints (the publication page's table). */
    @Transactional(readOnly = true)
    public List<PublicationRepository.StoredFigure> figures(DataScope scope, long id) {
        get(scope, id);
        return repository.figures(scope, id);
    }

    /** A figure that changed since publication. */
    public record Change(String code, String name, FigureRequest request, BigDecimal before, BigDecimal now, long countBefore,
                         long countNow, long added, long removed, List<Long> addedIds, List<Long> removedIds) {
        /** Its provenance page now. */
        public String href() {
            return Reports.href(request);
        }
    }

    /** Recomputes each distinct figure request of the publication; lists those whose value or records differ. */
    @Transactional(readOnly = true)
    public List<Change> compare(DataScope scope, long id) {
        get(scope, id);
        FigureRegistry.Catalogue catalogue = figures.catalogue();
        Map<FigureRequest, PublicationRepository.StoredFigure> distinct = new LinkedHashMap<>();
        repository.figures(scope, id).forEach(f -> distinct.putIfAbsent(f.request(), f));
        List<Change> changes = new ArrayList<>();
        for (PublicationRepository.StoredFigure f : distinct.values()) {
            if (catalogue.find(f.request().code()).isEmpty()) {
                changes.add(new Change(f.request().code(), f.name(), f.request(), f.rawValue(), null, nz(f.fingerprintCount()), 0, 0,
                        nz(f.fingerprintCount()), List.of(), List.of()));
                continue;
            }
            FigureValue now = catalogue.compute(scope, f.request());
            Fingerprint fp = catalogue.fingerprint(scope, f.request());
            boolean valueChanged = f.rawValue() == null ? now.value() != null
                    : now.value() == null || f.rawValue().compareTo(now.value()) != 0;
            boolean recordsChanged = !Objects.equals(f.fingerprintSha(), fp.sha256()) || nz(f.fingerprintCount()) != fp.count();
            if (!valueChanged && !recordsChanged) {
                continue;
            }
            List<Long> added = List.of();
            List<Long> removed = List.of();
            long addedCount = 0;
            long removedCount = 0;
            if (recordsChanged) {
                TreeSet<Long> before = new TreeSet<>(repository.recordIds(scope, id, PublicationRepository.requestKey(f.request())));
                TreeSet<Long> current = new TreeSet<>(ids(scope, catalogue, f.request()));
                TreeSet<Long> plus = new TreeSet<>(current);
                plus.removeAll(before);
                TreeSet<Long> minus = new TreeSet<>(before);
                minus.removeAll(current);
                addedCount = plus.size();
                removedCount = minus.size();
                added = plus.stream().limit(SHOWN).toList();
                removed = minus.stream().limit(SHOWN).toList();
            }
            changes.add(new Change(f.request().code(), f.name(), f.request(), f.rawValue(), now.value(), nz(f.fingerprintCount()), fp.count(),
                    addedCount, removedCount, added, removed));
        }
        return changes;
    }

    private static long nz(Long n) {
        return n == null ? 0 : n;
    }

}
