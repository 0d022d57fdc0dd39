package io.zhenwu.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReadingTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] bom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    @Test
    void gbkCsvFromChineseExcelIsReadCorrectly() throws Exception {
        Path file = write("居民.csv", "姓名,村（社区）,人口\r\n张三,东风村,3\r\n".getBytes(Charset.forName("GBK")));
        try (TabularReader reader = TabularReader.open(file, "居民.csv")) {
            assertThat(((CsvTabularReader) reader).charset().name()).isEqualTo("GB18030");
            assertThat(reader.header()).containsExactly("姓名", "村（社区）", "人口");
            assertThat(reader.next()).isTrue();
            assertThat(reader.current().texts()).containsExactly("张三", "东风村", "3");
            assertThat(reader.current().rowNumber()).isEqualTo(2);
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void gbkAfterALongAsciiStartIsStillDetected() throws Exception {
        String text = "id,name\n" + "1,a\n".repeat(10_000) + "2,王五\n";
        Path file = write("late.csv", text.getBytes(Charset.forName("GBK")));
        try (TabularReader reader = TabularReader.open(file, "late.csv")) {
            assertThat(reader.rows().reduce((a, b) -> b).orElseThrow().text(1)).isEqualTo("王五");
        }
    }

    /** Issue 18: a UTF-8 BOM before GBK bytes was read as UTF-8 and the header came out as U+FFFD, "columns missing". */
    @Test
    void aUtf8BomBeforeGbkBytesIsNamedAsSuch() throws Exception {
        byte[] gbk = "姓名,村（社区）\r\n张三,东风村\r\n".getBytes(Charset.forName("GBK"));
        byte[] bytes = new byte[gbk.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(gbk, 0, bytes, 3, gbk.length);
        Path file = write("居民.csv", bytes);
        assertThatThrownBy(() -> TabularReader.open(file, "居民.csv").close())
                .isInstanceOfSatisfying(TabularFileException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.file.csvBomNotUtf8");
                    assertThat(e.args()).containsExactly("居民.csv");
                });
    }

    /** Issue 18: one record of many long fields was held whole (16,384 × 32,767 characters would be 1 GB of heap). */
    @Test
    void aRecordLargerThanTheLimitIsRefusedWithItsRow() throws Exception {
        String field = "a".repeat(30_000);
        String wide = String.join(",", java.util.Collections.nCopies(CsvTabularReader.MAX_RECORD_LENGTH / 30_000 + 1, field));
        Path file = write("wide.csv", ("姓名\n张三\n" + wide + "\n").getBytes(StandardCharsets.UTF_8));
        try (TabularReader reader = TabularReader.open(file, "wide.csv")) {
            assertThat(reader.next()).isTrue();
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(TabularFileException.class, e -> {
                assertThat(e.messageKey()).isEqualTo("import.file.rowTooLarge");
                assertThat(e.args()).startsWith("wide.csv", "3");
            });
        }
    }

    @Test
    void utf8WithAndWithoutBom() throws Exception {
        String text = "姓名,年龄\n王五,30\n";
        for (Path file : List.of(write("bom.csv", bom(text)), write("plain.csv", text.getBytes(StandardCharsets.UTF_8)))) {
            try (TabularReader reader = TabularReader.open(file, file.getFileName().toString())) {
                assertThat(((CsvTabularReader) reader).charset()).isEqualTo(StandardCharsets.UTF_8);
                assertThat(reader.header()).containsExactly("姓名", "年龄");
                assertThat(reader.header().get(0)).doesNotStartWith("\uFEFF");
                assertThat(reader.next()).isTrue();
                assertThat(reader.current().texts()).containsExactly("王五", "30");
            }
        }
    }

    @Test
    void rfc4180QuotingAndRowNumbersAsExcelShowsThem() throws Exception {
        String text = "\n"                                   // row 1 blank
                + "名称,备注,数量\r\n"                        // row 2 header
                + "\"东风村, 一组\",\"第一行\r\n第二行\",\"5\"\r\n" // row 3, a quoted line break
                + "\r\n"                                     // row 4 blank
                + ",,\n"                                     // row 5 only separators: blank
                + "\"他说\"\"好\"\"\",,\n"                    // row 6 doubled quotes, trailing empties
                + "末尾,无换行";                               // row 7 without a final line break
        Path file = write("quoted.csv", text.getBytes(StandardCharsets.UTF_8));
        try (TabularReader reader = TabularReader.open(file, "quoted.csv")) {
            assertThat(reader.headerRowNumber()).isEqualTo(2);
            List<SourceRow> rows = reader.rows().toList();
            assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(3L, 6L, 7L);
            assertThat(rows.get(0).texts()).containsExactly("东风村, 一组", "第一行\r\n第二行", "5");
            assertThat(rows.get(1).texts()).containsExactly("他说\"好\"");
            assertThat(rows.get(1).cells()).hasSize(1);
            assertThat(rows.get(2).texts()).containsExactly("末尾", "无换行");
            assertThat(rows.get(0).cell(2).kind()).isEqualTo(SourceRow.Kind.TEXT);
        }
    }

    @Test
    void anUnclosedQuoteIsReportedWithItsRow() throws Exception {
        Path file = write("broken.csv", "a,b\n1,2\n\"3,4\n5,6\n".getBytes(StandardCharsets.UTF_8));
        try (TabularReader reader = TabularReader.open(file, "broken.csv")) {
            assertThat(reader.next()).isTrue();
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(TabularFileException.class, e -> {
                assertThat(e.messageKey()).isEqualTo("import.file.csvQuote");
                assertThat(e.args()).containsExactly("broken.csv", "3");
            });
        }
    }

    @Test
    void anEndlessCellIsStoppedAtExcelsLimit() throws Exception {
        Path file = write("long.csv", ("a\n\"" + "x".repeat(40_000) + "\"\n").getBytes(StandardCharsets.UTF_8));
        try (TabularReader reader = TabularReader.open(file, "long.csv")) {
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(TabularFileException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("import.file.cellTooLong"));
        }
    }
}
