package io.zhenwu.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200,000 rows written and read back through the streaming writers and readers. Nothing here holds the rows: the
 * point is that it completes in the test JVM's heap; no timing is asserted.
 */
class LargeFilesTest {

    private static final int ROWS = 200_000;
    private static final List<String> HEADER = List.of("序号", "姓名", "身份证号", "金额", "日期");

    @TempDir
    Path dir;

    private static List<Object> row(int i) {
        return List.of(i, "居民" + i, String.format("1101011990%08d", i), new BigDecimal(i).movePointLeft(2),
                LocalDate.of(2020, 1, 1).plusDays(i % 1000));
    }

    @Test
    void xlsx() throws Exception {
        Path file = dir.resolve("big.xlsx");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             XlsxTableWriter writer = new XlsxTableWriter(out, "big", HEADER)) {
            for (int i = 1; i <= ROWS; i++) {
                writer.writeRow(row(i));
            }
        }
        assertReadsBack(file, "big.xlsx");
    }

    @Test
    void csv() throws Exception {
        Path file = dir.resolve("big.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             CsvTableWriter writer = new CsvTableWriter(out, HEADER)) {
            for (int i = 1; i <= ROWS; i++) {
                writer.writeRow(row(i));
            }
        }
        assertReadsBack(file, "big.csv");
    }

    private static void assertReadsBack(Path file, String name) {
        long count = 0;
        SourceRow last = null;
        try (TabularReader reader = TabularReader.open(file, name)) {
            assertThat(reader.header()).containsExactlyElementsOf(HEADER);
            while (reader.next()) {
                last = reader.current();
                count++;
            }
        }
        assertThat(count).isEqualTo(ROWS);
        assertThat(last.rowNumber()).isEqualTo(ROWS + 1);
        assertThat(last.texts()).hasSize(5).startsWith("200000", "居民200000", "110101199000200000").endsWith("2020-01-01");
        assertThat(CellValues.decimal(last.cell(3)).orElseThrow()).isEqualByComparingTo("2000");
        assertThat(CellValues.date(last.cell(4))).contains(LocalDate.of(2020, 1, 1));
    }
}
