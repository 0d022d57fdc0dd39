package io.zhenwu.imports;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** What the writers produce reads back exactly through {@link TabularReader}. */
class TableWritersTest {

    private static final List<String> HEADER = List.of("姓名", "身份证号", "金额", "出生日期", "登记时间", "低保", "备注", "人数");

    @TempDir
    Path dir;

    private static List<Object> sample() {
        return Arrays.asList("张三", "110101199003074512", new BigDecimal("1234567.89"), LocalDate.of(2023, 5, 8),
                LocalDateTime.of(2023, 5, 8, 10, 30, 15), Boolean.TRUE, "东风村, \"一组\"\n第二行", 3);
    }

    @Test
    void xlsxRoundTrip() throws Exception {
        Path file = dir.resolve("export.xlsx");
        try (OutputStream out = Files.newOutputStream(file); XlsxTableWriter writer = new XlsxTableWriter(out, "居民/名单", HEADER)) {
            writer.writeRow(sample());
            writer.writeRow(Arrays.asList("李四", null, new BigDecimal("1E+3"), null, null, false, "bad\u0001char", 0.5));
            assertThat(writer.rowCount()).isEqualTo(2);
        }
        try (TabularReader reader = TabularReader.open(file, "export.xlsx")) {
            assertThat(reader.header()).containsExactlyElementsOf(HEADER);
            assertThat(reader.headerRowNumber()).isEqualTo(1);
            assertThat(reader.next()).isTrue();
            SourceRow row = reader.current();
            assertThat(row.rowNumber()).isEqualTo(2);
            assertThat(row.cell(0).kind()).isEqualTo(SourceRow.Kind.TEXT);
            assertThat(row.text(1)).isEqualTo("110101199003074512");
            assertThat(row.cell(2).kind()).isEqualTo(SourceRow.Kind.NUMBER);
            assertThat(row.cell(2).number()).isEqualTo(new BigDecimal("1234567.89"));
            assertThat(row.cell(3).kind()).isEqualTo(SourceRow.Kind.DATE);
            assertThat(CellValues.date(row.cell(3))).contains(LocalDate.of(2023, 5, 8));
            assertThat(row.cell(4).dateTime()).isEqualTo(LocalDateTime.of(2023, 5, 8, 10, 30, 15));
            assertThat(row.cell(5).bool()).isTrue();
            assertThat(row.text(6)).isEqualTo("东风村, \"一组\"\n第二行");
            assertThat(CellValues.decimal(row.cell(7))).contains(new BigDecimal("3"));
            assertThat(reader.next()).isTrue();
            row = reader.current();
            assertThat(row.cell(1).isEmpty()).isTrue();
            assertThat(row.cell(2).raw()).isEqualTo("1000");
            assertThat(row.cell(5).bool()).isFalse();
            assertThat(row.text(6)).isEqualTo("badchar");
            assertThat(row.cell(7).number()).isEqualTo(new BigDecimal("0.5"));
            assertThat(reader.next()).isFalse();
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), ReadingOptions.DEFAULT_READING_OPTIONS)) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("居民_名单");
        }
        String sheet = entry(file, "xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("<pane", "ySplit=\"1\"", "state=\"frozen\"", "<col ");
        assertThat(entry(file, "xl/styles.xml")).contains("<b").contains("yyyy-mm-dd");
    }

    private static String entry(Path zip, String name) throws Exception {
        // ZipFile, not ZipInputStream: fastexcel's opczip writes entries with data descriptors it cannot stream
        try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = file.getInputStream(file.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void xlsxColumnWidthsFollowContentOrAreGiven() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxTableWriter writer = new XlsxTableWriter(out, "s", List.of("a", "名称", "c"), Arrays.asList(null, null, 30))) {
            writer.writeRow(List.of("x", "东风村第一村民小组", "y"));
            assertThat(writer.widths()).containsExactly(8.0, 20.0, 30.0);
        }
    }

    @Test
    void csvHasABomQuotesAndCrLf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTableWriter writer = new CsvTableWriter(out, HEADER)) {
            writer.writeRow(sample());
            writer.writeRow(Arrays.asList(null, "=1+2", "-5", "@SUM(A1)", "-", new BigDecimal("1E+3"), 1.0E10, " 空格 "));
            assertThat(writer.rowCount()).isEqualTo(2);
        }
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(String.join(",", HEADER) + "\r\n"
                + "张三,110101199003074512,1234567.89,2023-05-08,2023-05-08 10:30:15,TRUE,\"东风村, \"\"一组\"\"\n第二行\",3\r\n"
                + ",'=1+2,-5,'@SUM(A1),-,1000,10000000000,\" 空格 \"\r\n");
    }

    @Test
    void csvRoundTrip() throws Exception {
        Path file = dir.resolve("export.csv");
        try (OutputStream out = Files.newOutputStream(file); CsvTableWriter writer = new CsvTableWriter(out, HEADER)) {
            writer.writeRow(sample());
        }
        try (TabularReader reader = TabularReader.open(file, "export.csv")) {
            assertThat(reader.header()).containsExactlyElementsOf(HEADER);
            SourceRow row = reader.rows().findFirst().orElseThrow();
            assertThat(row.rowNumber()).isEqualTo(2);
            assertThat(row.texts()).containsExactly("张三", "110101199003074512", "1234567.89", "2023-05-08",
                    "2023-05-08 10:30:15", "TRUE", "东风村, \"一组\"\n第二行", "3");
            assertThat(CellValues.decimal(row.cell(2))).contains(new BigDecimal("1234567.89"));
            assertThat(CellValues.date(row.cell(3))).contains(LocalDate.of(2023, 5, 8));
        }
    }

    @Test
    void sheetNamesExcelAccepts() {
        assertThat(XlsxTableWriter.sheetName("a[b]c:d*e?f/g\\h")).isEqualTo("a_b_c_d_e_f_g_h");
        assertThat(XlsxTableWriter.sheetName("'引号'")).isEqualTo("_引号_");
        assertThat(XlsxTableWriter.sheetName(" ")).isEqualTo("Sheet1");
        assertThat(XlsxTableWriter.sheetName("x".repeat(40))).hasSize(31);
    }
}
