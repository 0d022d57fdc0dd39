package io.zhenwu.reports;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: the Markdown export passed raw {@code <script>} from template text or data through as HTML. */
class MarkdownExportTest {

    static RenderedReport report(String title, String paragraph) {
        return new RenderedReport("t", 1, "321183102000", "下蜀镇", 2023, title,
                List.of(new RenderedReport.Block(true, List.of(new RenderedReport.Segment("<b>标题</b>", null))),
                        new RenderedReport.Block(false, List.of(new RenderedReport.Segment(paragraph, null)))),
                List.of(), List.of());
    }

    @Test
    void htmlInTheTitleHeadingsAndParagraphsIsEscaped() {
        String md = Reports.markdown(report("<script>alert(1)</script>", "见 <img src=x onerror=alert(1)> & <a href=\"javascript:x\">"));
        assertThat(md).doesNotContain("<script", "<img", "<b>", "<a ");
        assertThat(md).startsWith("# &lt;script&gt;alert(1)&lt;/script&gt;\n\n")
                .contains("## &lt;b&gt;标题&lt;/b&gt;\n\n", "见 &lt;img src=x onerror=alert(1)&gt; &amp; &lt;a href=\"javascript:x\"&gt;");
    }

    @Test
    void markdownMarkupStaysEscapedAndPlainTextIsUnchanged() {
        String md = Reports.markdown(report("一切正常", "全镇实现地区生产总值90亿元，同比增长6%。*强* [链接](x) `代码` a_b \\"));
        assertThat(md).isEqualTo("# 一切正常\n\n## &lt;b&gt;标题&lt;/b&gt;\n\n全镇实现地区生产总值90亿元，同比增长6%。\\*强\\* \\[链接](x) \\`代码\\` a\\_b \\\\\n\n");
    }
}
