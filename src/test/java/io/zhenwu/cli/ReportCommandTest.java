package io.zhenwu.cli;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zhenwu report}: the demo report in each format, and a clear non-zero exit for each kind of bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:cli;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "zhenwu.demo.enabled=true"})
class ReportCommandTest {

    @Autowired
    ApplicationContext context;

    record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine commandLine = ZhenwuCli.commandLine(new SpringCommandFactory(() -> context));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesTheDemoReportAsDocxHtmlAndMarkdown(@TempDir Path dir) throws Exception {
        Path docx = dir.resolve("报告.docx");
        Run ok = run("report", "--org", "321183102000", "--year", "2023", "--template", "年度工作报告", "--format", "docx", "-o", docx.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("已生成", "下蜀镇", "奋力谱写高质量发展新篇章");
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("全镇实现地区生产总值90亿元，同比增长6%", "护林员全年巡林24833人次", "获取项目信息60余条");
        }
        Path md = dir.resolve("报告.md");
        assertThat(run("report", "--org", "321183102000", "--year", "2023", "--format", "markdown", "-o", md.toString()).exitCode()).isZero();
        assertThat(Files.readString(md)).startsWith("# 奋力谱写高质量发展新篇章").contains("## 预期目标", "地区生产总值超95亿元");
        Path html = dir.resolve("报告.html");
        assertThat(run("report", "--org", "321183102000", "--year", "2023", "--format", "html", "-o", html.toString()).exitCode()).isZero();
        assertThat(Files.readString(html)).contains("<h1 class=\"report-title\">奋力谱写高质量发展新篇章</h1>");
    }

    @Test
    void refusesBadInputWithAClearMessage(@TempDir Path dir) {
        String out = dir.resolve("x.docx").toString();
        Run unknownOrg = run("report", "--org", "999999999999", "--year", "2023", "-o", out);
        assertThat(unknownOrg.exitCode()).isEqualTo(2);
        assertThat(unknownOrg.err()).contains("--org", "找不到组织机构 999999999999");

        Run noData = run("report", "--org", "321183102000", "--year", "1960", "-o", out);
        assertThat(noData.exitCode()).isEqualTo(1);
        assertThat(noData.err()).contains("1960 年没有任何数据");
        assertThat(Files.exists(Path.of(out))).isFalse();

        Run unknownTemplate = run("report", "--org", "321183102000", "--year", "2023", "--template", "没有这个模板", "-o", out);
        assertThat(unknownTemplate.exitCode()).isEqualTo(2);
        assertThat(unknownTemplate.err()).contains("--template", "没有这个模板", "年度工作报告");

        Run badFormat = run("report", "--org", "321183102000", "--year", "2023", "--format", "pdf", "-o", out);
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("--format", "pdf");

        Run badYear = run("report", "--org", "321183102000", "--year", "3000", "-o", out);
        assertThat(badYear.exitCode()).isEqualTo(2);
        assertThat(badYear.err()).contains("--year");

        Run missing = run("report", "--year", "2023", "-o", out);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--org");
    }

    @Test
    void aTemplateThatDoesNotParseIsReportedWithLineAndColumn(@TempDir Path dir) {
        // Stored templates always parse; one can stop parsing when the catalogue changes (a figure removed). The
        // renderer refuses it with the same errors; here through a text that names a figure that does not exist.
        var reports = context.getBean(io.zhenwu.reports.Reports.class);
        var orgUnits = context.getBean(io.zhenwu.org.OrgUnits.class);
        var root = orgUnits.roots().get(0);
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(io.zhenwu.shared.InvalidInputException.class, () ->
                reports.render(new io.zhenwu.shared.DataScope(root.id(), root.path()), "t", 1, "\n  {{indicators.no_such}}", "321183102000", 2023));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.messageKey()).isEqualTo("report.template.unknownFigure");
            assertThat(v.args()).startsWith(2, 5);
        });
    }
}
