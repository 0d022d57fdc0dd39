package io.zhenwu.reports;

import io.zhenwu.imports.CsvTableWriter;
import io.zhenwu.imports.ImportEvents;
import io.zhenwu.imports.XlsxTableWriter;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.Problems;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.figures.CountedRecord;
import io.zhenwu.shared.figures.FigureDefinition;
import io.zhenwu.shared.figures.FigurePeriod;
import io.zhenwu.shared.figures.FigureRequest;
import io.zhenwu.shared.figures.FigureValue;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * 工作报告 pages: templates (list, editor with live preview and inline parse errors), a rendered report whose numbers
 * link to their provenance, exports, publishing, published editions with "compare with now", the figure catalogue
 * and each figure's provenance page with the records it counted (paged, exportable).
 */
@Controller
class ReportController {

    /** Request parameters that are not figure filters. */
    static final Set<String> RESERVED = Set.of("org", "period", "page", "size", "format", "lang", "_csrf", "sort");

    private final ReportTemplates templates;
    private final Reports reports;
    private final Publications publications;
    private final FigureRegistry figures;
    private final OrgUnits orgUnits;
    private final Problems problems;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ReportController(ReportTemplates templates, Reports reports, Publications publications, FigureRegistry figures, OrgUnits orgUnits,
                     Problems problems, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.templates = templates;
        this.reports = reports;
        this.publications = publications;
        this.figures = figures;
        this.orgUnits = orgUnits;
        this.problems = problems;
        this.events = events;
        this.tx = tx;
    }

    /** A bad parameter of a page or download (format, period, filter): 400 with the reasons, never a 500. */
    @org.springframework.web.bind.annotation.ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("violations", e.violations());
        return "error/400";
    }

    static int defaultYear() {
        return LocalDate.now(Times.ZONE).getYear() - 1;
    }

    private String orgCode(DataScope scope, String org) {
        return org == null || org.isBlank() ? orgUnits.get(scope, scope.orgUnitId()).code() : org.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean editor(Actor actor) {
        return actor.hasRole(Role.ADMIN) || actor.hasRole(Role.LEADER);
    }

    @GetMapping("/reports")
    String list(Actor actor, Model model) {
        DataScope scope = actor.scope();
        model.addAttribute("templates", templates.all(scope));
        model.addAttribute("publications", publications.list(scope, null));
        model.addAttribute("org", orgCode(scope, null));
        model.addAttribute("year", defaultYear());
        model.addAttribute("canEdit", editor(actor));
        return "reports/reportList";
    }

    @GetMapping("/reports/render")
    String render(Actor actor, @RequestParam long template, @RequestParam(required = false) String org,
                  @RequestParam(required = false) Integer year, Model model) {
        DataScope scope = actor.scope();
        ReportTemplate t = templates.get(scope, template);
        int y = year == null ? defaultYear() : year;
        RenderedReport report = reports.render(scope, t, orgCode(scope, org), y);
        model.addAttribute("reportTemplate", t);
        model.addAttribute("report", report);
        model.addAttribute("reportHtml", Reports.html(report, true));
        model.addAttribute("canEdit", editor(actor));
        return "reports/reportView";
    }

    @GetMapping("/reports/export")
    void export(DataScope scope, @RequestParam long template, @RequestParam(required = false) String org,
                @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "docx") String format,
                HttpServletResponse response) throws IOException {
        Reports.Format f = Reports.Format.parse(format);
        ReportTemplate t = templates.get(scope, template);
        int y = year == null ? defaultYear() : year;
        RenderedReport report = reports.render(scope, t, orgCode(scope, org), y);
        download(response, report, f, report.orgName() + y + "年" + t.name());
    }

    private void download(HttpServletResponse response, RenderedReport report, Reports.Format f, String name) throws IOException {
        response.setContentType(f.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                .filename(name + "." + f.extension, StandardCharsets.UTF_8).build().toString());
        try (OutputStream out = response.getOutputStream()) {
            reports.write(report, f, out);
        }
    }

    @PostMapping("/reports/publish")
    String publish(Actor actor, @RequestParam long template, @RequestParam String org, @RequestParam int year, RedirectAttributes redirect) {
        Publication p = publications.publish(actor, template, org, year);
        redirect.addFlashAttribute("message", "flash.report.published");
        return "redirect:/reports/published/" + p.id();
    }

    @GetMapping("/reports/published/{id}")
    String published(DataScope scope, @PathVariable long id, Model model) {
        Publication p = publications.get(scope, id);
        RenderedReport report = publications.report(scope, id);
        model.addAttribute("publication", p);
        model.addAttribute("reportHtml", Reports.html(report, true));
        model.addAttribute("figures", publications.figures(scope, id));
        return "reports/publishedView";
    }

    @GetMapping("/reports/published/{id}/compare")
    String compare(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("publication", publications.get(scope, id));
        model.addAttribute("changes", publications.compare(scope, id));
        return "reports/publishedView :: changes";
    }

    @GetMapping("/reports/published/{id}/export")
    void exportPublished(DataScope scope, @PathVariable long id, @RequestParam(defaultValue = "docx") String format,
                         HttpServletResponse response) throws IOException {
        Reports.Format f = Reports.Format.parse(format);
        Publication p = publications.get(scope, id);
        download(response, publications.report(scope, id), f, p.orgName() + p.year() + "年" + p.templateName() + "-" + p.edition());
    }

    // ---- templates

    @GetMapping("/reports/templates/new")
    String newTemplate(Actor actor, Model model) {
        fillEditor(actor.scope(), model, null, "", "", null, null, List.of());
        return "reports/templateEdit";
    }

    @PostMapping("/reports/templates")
    String create(Actor actor, @RequestParam(required = false) String name, @RequestParam(required = false) String body, Model model,
                  RedirectAttributes redirect) {
        try {
            ReportTemplate t = templates.create(actor, name, body);
            redirect.addFlashAttribute("message", "flash.reportTemplate.saved");
            return "redirect:/reports/templates/" + t.id() + "/edit";
        } catch (InvalidInputException e) {
            fillEditor(actor.scope(), model, null, name, body, null, null, e.violations());
            return "reports/templateEdit";
        }
    }

    @GetMapping("/reports/templates/{id}/edit")
    String edit(Actor actor, @PathVariable long id, @RequestParam(required = false) Integer version, Model model) {
        ReportTemplate t = templates.get(actor.scope(), id);
        ReportTemplate.Version v = templates.version(actor.scope(), id, version);
        fillEditor(actor.scope(), model, t, t.name(), v.body(), null, null, List.of());
        model.addAttribute("shownVersion", v.versionNo());
        return "reports/templateEdit";
    }

    @PostMapping("/reports/templates/{id}")
    String save(Actor actor, @PathVariable long id, @RequestParam long version, @RequestParam(required = false) String body, Model model,
                RedirectAttributes redirect) {
        ReportTemplate t = templates.get(actor.scope(), id);
        try {
            templates.save(actor, id, version, body);
            redirect.addFlashAttribute("message", "flash.reportTemplate.saved");
            return "redirect:/reports/templates/" + id + "/edit";
        } catch (InvalidInputException e) {
            fillEditor(actor.scope(), model, t, t.name(), body, null, null, e.violations());
        } catch (ConflictException e) {
            fillEditor(actor.scope(), model, templates.get(actor.scope(), id), t.name(), body, null, null, List.of(FieldViolation.of("body", "conflict.stale")));
        }
        return "reports/templateEdit";
    }

    /** The live preview: the parse errors with their lines and columns, or the report rendered from the text. */
    @PostMapping("/reports/templates/preview")
    String preview(Actor actor, @RequestParam(required = false) String body, @RequestParam(required = false) String org,
                   @RequestParam(required = false) Integer year, Model model) {
        DataScope scope = actor.scope();
        List<FieldViolation> errors = new ArrayList<>();
        try {
            RenderedReport report = reports.render(scope, "preview", 0, body == null ? "" : body, orgCode(scope, org),
                    year == null ? defaultYear() : year);
            model.addAttribute("report", report);
            model.addAttribute("reportHtml", Reports.html(report, true));
        } catch (InvalidInputException e) {
            errors.addAll(e.violations());
        }
        model.addAttribute("errors", errors);
        return "reports/templateEdit :: preview";
    }

    private void fillEditor(DataScope scope, Model model, ReportTemplate t, String name, String body, String org, Integer year,
                            List<FieldViolation> errors) {
        model.addAttribute("reportTemplate", t);
        model.addAttribute("name", name);
        model.addAttribute("body", body);
        model.addAttribute("org", orgCode(scope, org));
        model.addAttribute("year", year == null ? defaultYear() : year);
        model.addAttribute("errors", errors);
        model.addAttribute("versions", t == null ? List.of() : templates.versions(scope, t.id()));
        model.addAttribute("catalogue", figures.catalogue().all());
    }

    // ---- figures and provenance

    @GetMapping("/reports/figures")
    String catalogue(Model model) {
        model.addAttribute("figures", figures.catalogue().all());
        return "reports/figureList";
    }

    static Map<String, String> filters(Map<String, String> params) {
        Map<String, String> filters = new TreeMap<>();
        params.forEach((k, v) -> {
            if (!RESERVED.contains(k) && v != null && !v.isBlank()) {
                filters.put(k, v.strip());
            }
        });
        return filters;
    }

    @GetMapping("/reports/figures/{code}")
    String provenance(DataScope scope, @PathVariable String code, @RequestParam Map<String, String> params,
                      @RequestParam(required = false) Integer page, Locale locale, Model model) {
        FigureRegistry.Catalogue catalogue = figures.catalogue();
        FigureDefinition definition = catalogue.get(code);
        String period = params.getOrDefault("period", String.valueOf(defaultYear()));
        FigureRequest request = new FigureRequest(code, orgCode(scope, params.get("org")), FigurePeriod.parse("period", period),
                filters(params));
        OrgUnit org = reports.org(scope, request.orgUnitCode());
        FigureValue value = catalogue.compute(scope, request);
        PageResult<CountedRecord> records = catalogue.records(scope, request, PageQuery.of(page, 50, null, "id", Set.of("id")));
        model.addAttribute("definition", definition);
        model.addAttribute("request", request);
        model.addAttribute("org", org);
        model.addAttribute("value", value);
        model.addAttribute("printed", value.hasValue() ? ReportNumbers.value(value.value(), value.unit(), definition.kind(),
                FormatOptions.DEFAULT) : ReportNumbers.MISSING);
        model.addAttribute("source", problems.message(sourceKey(value), locale));
        model.addAttribute("growth", value.growth() == null ? null : ReportNumbers.growthWording(value.growth(), value.growthInPoints()));
        model.addAttribute("noValue", value.noValueReason() == null ? null : problems.message(value.noValueReason(), locale));
        model.addAttribute("fingerprint", catalogue.fingerprint(scope, request));
        model.addAttribute("records", records);
        String query = Reports.href(request);
        model.addAttribute("selfUrl", query);
        model.addAttribute("pageParams", "&" + query.substring(query.indexOf('?') + 1));
        model.addAttribute("exportXlsx", query.replace("/reports/figures/" + code + "?", "/reports/figures/" + code + "/export?format=xlsx&"));
        model.addAttribute("exportCsv", query.replace("/reports/figures/" + code + "?", "/reports/figures/" + code + "/export?format=csv&"));
        return "reports/figureDetails";
    }

    /** The records a figure counted, all of them, through the import pipeline's streaming writers; audited as an export. */
    @GetMapping("/reports/figures/{code}/export")
    void exportRecords(Actor actor, @PathVariable String code, @RequestParam Map<String, String> params,
                       @RequestParam(defaultValue = "xlsx") String format, Locale locale, HttpServletResponse response) throws IOException {
        DataScope scope = actor.scope();
        FigureRegistry.Catalogue catalogue = figures.catalogue();
        FigureDefinition definition = catalogue.get(code);
        FigureRequest request = new FigureRequest(code, orgCode(scope, params.get("org")),
                FigurePeriod.parse("period", params.getOrDefault("period", String.valueOf(defaultYear()))), filters(params));
        reports.org(scope, request.orgUnitCode());
        boolean xlsx = !"csv".equalsIgnoreCase(format);
        List<String> header = List.of(problems.message("report.record.id", locale), problems.message("report.record.label", locale),
                problems.message("report.record.date", locale), problems.message("report.record.detail", locale));
        response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                .filename(definition.name().zh() + "-" + request.orgUnitCode() + "-" + request.period().text() + (xlsx ? ".xlsx" : ".csv"),
                        StandardCharsets.UTF_8).build().toString());
        long rows = 0;
        try (OutputStream out = response.getOutputStream()) {
            if (xlsx) {
                try (XlsxTableWriter w = new XlsxTableWriter(out, definition.name().zh(), header)) {
                    rows = writeRecords(scope, catalogue, request, w::writeRow);
                }
            } else {
                try (CsvTableWriter w = new CsvTableWriter(out, header)) {
                    rows = writeRecords(scope, catalogue, request, w::writeRow);
                }
            }
        }
        Map<String, String> audited = new TreeMap<>(request.filters());
        audited.put("org", request.orgUnitCode());
        audited.put("period", request.period().text());
        long total = rows;
        tx.executeWithoutResult(s -> events.publishEvent(new ImportEvents.ExportPerformed("figure:" + code, audited, total, false,
                xlsx ? "xlsx" : "csv", scope.path())));
    }

    private interface RowWriter {
        void write(List<?> row) throws IOException;
    }

    private static long writeRecords(DataScope scope, FigureRegistry.Catalogue catalogue, FigureRequest request, RowWriter writer)
            throws IOException {
        long rows = 0;
        for (int page = 0; ; page++) {
            PageResult<CountedRecord> result = catalogue.records(scope, request, new PageQuery(page, PageQuery.MAX_SIZE, "id", true));
            for (CountedRecord r : result.content()) {
                List<Object> row = new ArrayList<>();
                row.add(r.id());
                row.add(r.label());
                row.add(r.date());
                row.add(r.detail());
                writer.write(row);
                rows++;
            }
            if (result.content().size() < PageQuery.MAX_SIZE) {
                return rows;
            }
        }
    }

    /** The message key of a value's source: counted records, or the provider's own label key. */
    static String sourceKey(FigureValue value) {
        return value.source() == null || FigureValue.RECORDS.equals(value.source()) ? "report.source.records" : value.source();
    }

    static Map<String, Object> describe(FigureDefinition d, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("name", d.name().in(locale));
        m.put("definition", d.definition().in(locale));
        m.put("unit", d.unit());
        m.put("kind", d.kind().name());
        m.put("filters", d.filters().stream().sorted().toList());
        m.put("recordBased", d.recordBased());
        m.put("module", d.module());
        return m;
    }
}
