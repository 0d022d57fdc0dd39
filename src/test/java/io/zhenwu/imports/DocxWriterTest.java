package io.zhenwu.imports;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200-page report written as DOCX streams in bounded memory: a child JVM with a 16 MB heap writes it (the test
 * fails if the writer held the document), then Apache POI opens it and finds every paragraph.
 */
class DocxWriterTest {

    /** 公文 body: 22 lines of 28 characters a page; 10 paragraphs of 4 lines make two pages. */
    static final int PAGES = 200;
    static final int PARAGRAPHS = PAGES * 5;
    static final String LINE = "全镇实现地区生产总值90亿元，同比增长6%，一般公共预算收入4.85亿元。";

    /** The child JVM's entry point: writes the report to args[0]. */
    public static void main(String[] args) throws Exception {
        try (OutputStream out = Files.newOutputStream(Path.of(args[0])); DocxWriter docx = new DocxWriter(out, "二百页的报告")) {
            docx.title("二百页的报告");
            for (int i = 0; i < PARAGRAPHS; i++) {
                if (i % 50 == 0) {
                    docx.heading("第" + (i / 50 + 1) + "部分");
                }
                docx.paragraph(i + "：" + LINE.repeat(4));
            }
        }
    }

    @Test
    void twoHundredPagesStreamInBoundedMemoryAndOpenBackInPoi(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("long.docx");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx16m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                DocxWriterTest.class.getName(), file.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            var paragraphs = doc.getParagraphs();
            assertThat(paragraphs).hasSize(1 + PARAGRAPHS + PARAGRAPHS / 50);
            assertThat(paragraphs.get(0).getText()).isEqualTo("二百页的报告");
            assertThat(paragraphs.get(1).getStyle()).isEqualTo("Heading1");
            assertThat(paragraphs.get(paragraphs.size() - 1).getText()).startsWith((PARAGRAPHS - 1) + "：全镇实现地区生产总值90亿元");
            long characters = paragraphs.stream().mapToLong(p -> p.getText().length()).sum();
            assertThat(characters).as("at least 200 pages of 22 lines × 28 characters").isGreaterThan(PAGES * 22L * 28);
            assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("二百页的报告");
        }
    }

    @Test
    void textThatXmlCannotCarryIsLeftOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("odd.docx");
        try (OutputStream out = Files.newOutputStream(file); DocxWriter docx = new DocxWriter(out, "A & <B>")) {
            docx.paragraph("控制字符\u0001与<尖括号>&符号");
        }
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getParagraphs()).extracting(p -> p.getText()).isEqualTo(List.of("控制字符与<尖括号>&符号"));
            assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("A & <B>");
        }
    }
}
