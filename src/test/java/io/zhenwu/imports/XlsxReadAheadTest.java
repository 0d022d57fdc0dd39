package io.zhenwu.imports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The xlsx reader parses ahead on a thread of its own ({@link XlsxTabularReader}): many batches arrive whole and in
 * order, damage deep in the sheet reaches the caller after the good rows before it, and closing early stops the thread.
 */
class XlsxReadAheadTest {

    static final int ROWS = XlsxTabularReader.BATCH * XlsxTabularReader.BATCHES * 3 + 7;

    @TempDir
    Path dir;

    private Path write(String name) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); Workbook wb = new Workbook(out, "Test", "1.0")) {
            Worksheet ws = wb.newWorksheet("行");
            ws.value(0, 0, "序号");
            ws.value(0, 1, "名称");
            for (int i = 1; i <= ROWS; i++) {
                // every 1,000th row blank: skipped, and the row numbers after it still as Excel shows them
                if (i % 1000 != 0) {
                    ws.value(i, 0, new BigDecimal(i));
                    ws.value(i, 1, "第" + i + "行");
                }
            }
        }
        return file;
    }

    @Test
    void everyRowArrivesOnceInOrderAcrossManyBatches() throws Exception {
        Path file = write("many.xlsx");
        List<Long> numbers = new ArrayList<>();
        try (TabularReader reader = TabularReader.open(file, "many.xlsx")) {
            assertThat(reader.header()).containsExactly("序号", "名称");
            while (reader.next()) {
                SourceRow row = reader.current();
                assertThat(row.cell(0).number()).isEqualTo(new BigDecimal(row.rowNumber() - 1));
                assertThat(row.text(1)).isEqualTo("第" + (row.rowNumber() - 1) + "行");
                numbers.add(row.rowNumber());
            }
            assertThat(reader.next()).as("the end stays the end").isFalse();
        }
        assertThat(numbers).hasSize(ROWS - ROWS / 1000).isSorted().doesNotHaveDuplicates();
        assertThat(numbers.get(0)).isEqualTo(2L);
        assertThat(numbers).doesNotContain(1001L, 2001L).contains(1000L, 1002L);
    }

    @Test
    void damageDeepInTheSheetIsRaisedAfterTheRowsBeforeIt() throws Exception {
        Path good = write("good.xlsx");
        Path damaged = dir.resolve("damaged.xlsx");
        // The same workbook with its sheet's XML cut off in the middle of row 4,000.
        try (ZipFile zip = new ZipFile(good.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    bytes = xml.substring(0, xml.indexOf("<row r=\"4000\"") + 20).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        List<Long> numbers = new ArrayList<>();
        try (TabularReader reader = TabularReader.open(damaged, "damaged.xlsx")) {
            assertThatThrownBy(() -> {
                while (reader.next()) {
                    numbers.add(reader.current().rowNumber());
                }
            }).isInstanceOf(TabularFileException.class)
                    .satisfies(e -> assertThat(((TabularFileException) e).messageKey()).isEqualTo("import.file.unreadable"));
        }
        assertThat(numbers).as("the good rows before the damage, in order").hasSize(3998 - 3).isSorted().endsWith(3999L);
    }

    @Test
    void closingBeforeTheEndStopsTheReaderThread() throws Exception {
        Path file = write("early.xlsx");
        try (TabularReader reader = TabularReader.open(file, "early.xlsx")) {
            for (int i = 0; i < 10; i++) {
                assertThat(reader.next()).isTrue();
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("xlsx-reader") && t.isAlive());
    }
}
