package io.zhenwu.cli;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.reports.RenderedReport;
import io.zhenwu.reports.ReportTemplates;
import io.zhenwu.reports.Reports;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.Problems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code zhenwu report --org 321183102000 --year 2023 --template 年度工作报告 --format docx -o 报告.docx}: writes a
 * report from the records, as the web page does (numbers as the seed writes them). Exit 2 for an unknown org unit or
 * template, a template that does not parse (each error with its line and column) or a bad format; exit 1 when the
 * year has no data at all. Figures without data print “—” and are listed on standard error.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a work report (工作报告) from the records: docx, html or markdown.")
class ReportCommand implements CliCommand {

    private final Reports reports;
    private final ReportTemplates templates;
    private final OrgUnits orgUnits;
    private final Problems problems;

    @Option(names = "--org", required = true, paramLabel = "ORGCODE", description = "org unit code, e.g. 321183102000 (下蜀镇)")
    String orgCode;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the report's year, e.g. 2023")
    int year;

    @Option(names = "--template", defaultValue = "年度工作报告", paramLabel = "NAME", description = "template name (default: ${DEFAULT-VALUE})")
    String template;

    @Option(names = "--format", defaultValue = "docx", paramLabel = "FORMAT", description = "docx, html or markdown (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the file to write")
    Path output;

    ReportCommand(Reports reports, ReportTemplates templates, OrgUnits orgUnits, Problems problems) {
        this.reports = reports;
        this.templates = templates;
        this.orgUnits = orgUnits;
        this.problems = problems;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) throws Exception {
        Reports.Format f;
        try {
            f = Reports.Format.parse(format);
        } catch (InvalidInputException e) {
            err.printf("输入有误:%n  --format: 不支持的格式 %s（可用：docx、html、markdown）%n", format);
            return 2;
        }
        Optional<OrgUnit> root = orgUnits.roots().stream().findFirst();
        Optional<OrgUnit> org = Optional.empty();
        for (OrgUnit r : orgUnits.roots()) {
            org = orgUnits.findByCode(new DataScope(r.id(), r.path()), orgCode.strip().toUpperCase(java.util.Locale.ROOT));
            if (org.isPresent()) {
                root = Optional.of(r);
                break;
            }
        }
        if (org.isEmpty()) {
            err.printf("输入有误:%n  --org: 找不到组织机构 %s%n", orgCode);
            return 2;
        }
        // The command line acts for the operator of the installation: the whole tree the org unit belongs to.
        DataScope scope = new DataScope(root.get().id(), root.get().path());
        if (templates.forOrg(scope, template, org.get()).isEmpty()) {
            err.printf("输入有误:%n  --template: 找不到报告模板“%s”（现有：%s）%n", template,
                    String.join("、", templates.all(scope).stream().map(t -> t.name()).distinct().toList()));
            return 2;
        }
        RenderedReport report;
        try {
            report = reports.render(scope, template, org.get().code(), year);
        } catch (InvalidInputException e) {
            err.println("输入有误:");
            for (FieldViolation v : e.violations()) {
                err.printf("  %s: %s%n", v.field().equals("year") ? "--year" : v.field().equals("template") ? "--template " + template
                        : v.field(), problems.message(v, CliMessages.LOCALE));
            }
            return 2;
        }
        if (!report.hasAnyValue()) {
            err.printf("错误: %s %d 年没有任何数据（模板“%s”的 %d 个数字都没有值），未生成报告%n", org.get().name(), year, template,
                    report.figures().size());
            return 1;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream o = Files.newOutputStream(output)) {
            reports.write(report, f, o);
        }
        if (!report.warnings().isEmpty()) {
            err.printf("注意: %d 个数字没有数据，报告中写作“—”：%n", report.warnings().size());
            report.warnings().forEach(w -> err.printf("  %s（%s）：%s%n", w.figureName(), w.figureCode(), w.reason()));
        }
        out.printf("已生成 %s：%s %d 年《%s》（模板第 %d 版，%d 个数字）%n", output, report.orgName(), year, report.title(),
                report.templateVersion(), report.figures().size());
        return 0;
    }
}
