package io.zhenwu.reports;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Problems;
import io.zhenwu.shared.figures.FigureDefinition;
import io.zhenwu.shared.figures.FigureKind;
import io.zhenwu.shared.figures.FigurePeriod;
import io.zhenwu.shared.figures.FigureRequest;
import io.zhenwu.shared.figures.FigureValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a report from the records: parses the template against the figure catalogue, computes each distinct
 * figure request once (within the caller's scope: an org unit outside it is 404), words every number the seed's way,
 * and exports the result as HTML (every number a link to its provenance page), Markdown or DOCX. A figure without a
 * value prints “—” and is listed among the warnings — never 0.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    /** Export formats. */
    public enum Format {
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        HTML("text/html;charset=UTF-8", "html"),
        MARKDOWN("text/markdown;charset=UTF-8", "md");

        public final String contentType;
        public final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public static Format parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "docx" -> DOCX;
                case "html" -> HTML;
                case "markdown", "md" -> MARKDOWN;
                default -> throw new InvalidInputException("format", "report.format", t);
            };
        }
    }

    static final int FIRST_YEAR = 1949;
    static final int LAST_YEAR = 2100;

    private final ReportTemplates templates;
    private final FigureRegistry figures;
    private final OrgUnits orgUnits;
    private final Problems problems;

    Reports(ReportTemplates templates, FigureRegistry figures, OrgUnits orgUnits, Problems problems) {
        this.templates = templates;
        this.figures = figures;
        this.orgUnits = orgUnits;
        this.problems = problems;
    }

    /**
     * The current version of the named template for an org unit (by code) and year: the template of that name owned by
     * the org unit or its nearest ancestor in the scope ({@link ReportTemplates#forOrg}).
     */
    public RenderedReport render(DataScope scope, String templateName, String orgCode, int year) {
        ReportTemplate t = templates.forOrg(scope, templateName, org(scope, orgCode))
                .orElseThrow(() -> new NotFoundException("report_template", templateName));
        return render(scope, t, orgCode, year);
    }

    /** The current version of a template of the scope for an org unit (by code) and year. */
    public RenderedReport render(DataScope scope, ReportTemplate template, String orgCode, int year) {
        ReportTemplate.Version v = templates.version(scope, template.id(), null);
        return render(scope, template.name(), v.versionNo(), v.body(), orgCode, year);
    }

    /** Any text (the editor's preview, a given version) for an org unit and year. */
    public RenderedReport render(DataScope scope, String templateName, int versionNo, String body, String orgCode, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException("year", "report.year", year, FIRST_YEAR, LAST_YEAR);
        }
        OrgUnit org = org(scope, orgCode);
        FigureRegistry.Catalogue catalogue = figures.catalogue();
        ParsedTemplate parsed = new TemplateParser(catalogue::definition).parse(body);
        if (!parsed.valid()) {
            throw new InvalidInputException(parsed.errors().stream().map(ParsedTemplate.Error::violation).toList());
        }
        Map<FigureRequest, FigureValue> computed = new HashMap<>();
        List<RenderedReport.Figure> out = new ArrayList<>();
        Map<String, RenderedReport.Warning> warnings = new LinkedHashMap<>();
        for (ParsedTemplate.Placeholder p : parsed.placeholders()) {
            FigureDefinition d = catalogue.get(p.code());
            FigureRequest request = new FigureRequest(p.code(), org.code(), FigurePeriod.year(year + p.options().yearOffset()), p.filters());
            FigureValue value = computed.computeIfAbsent(request, r -> catalogue.compute(scope, r));
            String text;
            BigDecimal growth = value.growth();
            boolean points = value.growthInPoints() || (growth == null && d.kind() == FigureKind.RATE);
            String reason = value.noValueReason();
            if (p.options().show() == FormatOptions.Show.VALUE) {
                text = value.hasValue() ? ReportNumbers.value(value.value(), value.unit(), d.kind(), p.options()) : ReportNumbers.MISSING;
            } else {
                if (growth == null && value.hasValue()) {
                    FigureRequest previous = request.withPeriod(request.period().yearEarlier());
                    FigureValue before = computed.computeIfAbsent(previous, r -> catalogue.compute(scope, r));
                    growth = ReportNumbers.growth(value.value(), before.value(), points);
                    if (growth == null) {
                        reason = "report.warning.noBase";
                    }
                }
                text = growth == null ? ReportNumbers.MISSING : p.options().show() == FormatOptions.Show.GROWTH
                        ? ReportNumbers.growthWording(growth, points) : ReportNumbers.growthNumber(growth);
            }
            boolean missing = text.equals(ReportNumbers.MISSING);
            String name = d.name().zh();
            if (missing) {
                String why = message(reason == null ? "report.warning.noValue" : reason);
                warnings.putIfAbsent(request + "|" + p.options().show(), new RenderedReport.Warning(p.code(), name
                        + describe(request, year), why));
            }
            out.add(new RenderedReport.Figure(p.index(), request, p.options().show().name(), text, value.value(), value.unit(),
                    value.source(), growth, points, value.recordId(), value.revision(), missing, name));
        }
        List<RenderedReport.Block> blocks = parsed.blocks().stream().map(b -> new RenderedReport.Block(b.heading(),
                b.segments().stream().map(s -> s.variable() == null ? new RenderedReport.Segment(s.text(), s.placeholder())
                        : new RenderedReport.Segment(s.variable().equals("year") ? String.valueOf(year) : org.name(), null)).toList()))
                .toList();
        String title = (parsed.title() != null ? parsed.title() : templateName)
                .replaceAll("\\{\\{\\s*year\\s*}}", String.valueOf(year)).replaceAll("\\{\\{\\s*org\\s*}}", java.util.regex.Matcher.quoteReplacement(org.name()));
        return new RenderedReport(templateName, versionNo, org.code(), org.name(), year, title, blocks, List.copyOf(out),
                List.copyOf(warnings.values()));
    }

    private static String describe(FigureRequest request, int year) {
        String filters = request.filters().isEmpty() ? "" : " " + request.filters().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return (request.period().year() != year ? "（" + request.period().text() + "）" : "") + filters;
    }

    private String message(String key) {
        return problems.message(key, Locale.SIMPLIFIED_CHINESE);
    }

    OrgUnit org(DataScope scope, String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return orgUnits.findByCode(scope, c).orElseThrow(() -> new NotFoundException("org_unit", c));
    }

    /** The provenance page of a figure request. */
    public static String href(FigureRequest request) {
        StringBuilder sb = new StringBuilder("/reports/figures/").append(request.code()).append("?org=").append(enc(request.orgUnitCode()))
                .append("&period=").append(enc(request.period().text()));
        request.filters().forEach((k, v) -> sb.append('&').append(enc(k)).append('=').append(enc(v)));
        return sb.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Writes the report; the stream is left open. */
    public void write(RenderedReport report, Format format, OutputStream out) throws IOException {
        switch (format) {
            case DOCX -> {
                try (io.zhenwu.imports.DocxWriter docx = new io.zhenwu.imports.DocxWriter(out, report.title())) {
                    docx.title(report.title());
                    for (RenderedReport.Block b : report.blocks()) {
                        if (b.heading()) {
                            docx.heading(report.text(b));
                        } else {
                            docx.paragraph(report.text(b));
                        }
                    }
                }
            }
            case HTML -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + escape(report.title())
                        + "</title><style>body{font-family:FangSong,'仿宋_GB2312',serif;font-size:16pt;max-width:40em;margin:2em auto;line-height:1.75}"
                        + "h1{font-family:'方正小标宋简体',SimHei,'黑体',sans-serif;text-align:center;font-weight:normal}"
                        + "h2{font-family:SimHei,'黑体',sans-serif;font-size:16pt;font-weight:normal}p{text-indent:2em;margin:0}</style></head><body>\n");
                w.write(html(report, false));
                w.write("</body></html>\n");
                w.flush();
            }
            case MARKDOWN -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write(markdown(report));
                w.flush();
            }
        }
    }

    /** The report as HTML: with links, every number opens its provenance page. */
    public static String html(RenderedReport report, boolean links) {
        StringBuilder sb = new StringBuilder("<article class=\"report\" id=\"report\">\n<h1 class=\"report-title\">")
                .append(escape(report.title())).append("</h1>\n");
        for (RenderedReport.Block b : report.blocks()) {
            sb.append(b.heading() ? "<h2>" : "<p>");
            for (RenderedReport.Segment s : b.segments()) {
                if (s.figure() == null) {
                    sb.append(escape(s.text()));
                    continue;
                }
                RenderedReport.Figure f = report.figures().get(s.figure());
                String cls = "figure" + (f.missing() ? " missing" : "");
                if (links) {
                    sb.append("<a class=\"").append(cls).append("\" id=\"figure-").append(f.index()).append("\" data-figure=\"")
                            .append(escape(f.request().code())).append("\" title=\"").append(escape(f.name())).append("\" href=\"")
                            .append(escape(href(f.request()))).append("\">").append(escape(f.text())).append("</a>");
                } else {
                    sb.append("<span class=\"").append(cls).append("\" data-figure=\"").append(escape(f.request().code()))
                            .append("\">").append(escape(f.text())).append("</span>");
                }
            }
            sb.append(b.heading() ? "</h2>\n" : "</p>\n");
        }
        return sb.append("</article>\n").toString();
    }

    /** The report as Markdown: {@code #} title, {@code ##} sections, paragraphs. */
    public static String markdown(RenderedReport report) {
        StringBuilder sb = new StringBuilder("# ").append(md(report.title())).append("\n\n");
        for (RenderedReport.Block b : report.blocks()) {
            sb.append(b.heading() ? "## " : "").append(md(report.text(b))).append("\n\n");
        }
        return sb.toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Text as Markdown shows it literally: emphasis, code and link characters backslash-escaped, and {@code < > &} as
     * character references, so that no template text or record (an org unit named {@code <script>…}) passes through
     * as HTML — Markdown renderers copy raw HTML into their output.
     */
    private static String md(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("[", "\\[");
    }
}
