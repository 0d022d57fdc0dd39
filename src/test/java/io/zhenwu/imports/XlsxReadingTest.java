package io.zhenwu.imports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An xlsx written cell by cell with fastexcel, read back through {@link TabularReader}. */
class XlsxReadingTest {

    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void write() throws Exception {
        file = dir.resolve("upload.tmp");
        try (OutputStream out = Files.newOutputStream(file); Workbook wb = new Workbook(out, "Test", "1.0")) {
            Worksheet ws = wb.newWorksheet("居民");
            // row 1 blank, header on row 2 (with a BOM and spaces), row 3 data, row 4 blank, row 5 data
            ws.value(1, 0, "\uFEFF 姓名 ");
            ws.value(1, 1, "身份证号");
            ws.value(1, 2, "金额");
            ws.value(1, 3, "出生日期");
            ws.value(1, 4, "公式");
            ws.value(1, 5, "是否低保");
            ws.value(1, 6, "　");
            ws.value(2, 0, "张三");
            ws.value(2, 1, "110101199003074512");
            ws.value(2, 2, new BigDecimal("1234567.89"));
            ws.value(2, 3, LocalDate.of(2023, 5, 8));
            ws.style(2, 3).format("yyyy-mm-dd").set();
            ws.formula(2, 4, "A1+1");
            ws.value(2, 5, true);
            ws.inlineString(4, 0, "李四");
            ws.value(4, 1, new BigDecimal("123456789012345678"));
            ws.value(4, 2, 0.1 + 0.2);
            ws.value(4, 3, 45054);
            ws.value(4, 4, LocalDateTime.of(2023, 5, 8, 10, 30));
            ws.style(4, 4).format("yyyy\"年\"m\"月\"d\"日\" hh:mm").set();
            ws.value(4, 6, "2023年5月8日");
        }
    }

    static List<SourceRow> rows(TabularReader reader) {
        List<SourceRow> rows = new ArrayList<>();
        while (reader.next()) {
            rows.add(reader.current());
        }
        return rows;
    }

    @Test
    void headerIsTheFirstNonBlankRowTrimmed() {
        try (TabularReader reader = TabularReader.open(file, "居民.xlsx")) {
            assertThat(reader.format()).isEqualTo(TabularReader.Format.XLSX);
            assertThat(reader.header()).containsExactly("姓名", "身份证号", "金额", "出生日期", "公式", "是否低保");
            assertThat(reader.headerRowNumber()).isEqualTo(2);
        }
    }

    @Test
    void rowNumbersAreAsExcelShowsThemAndBlankRowsAreSkipped() {
        try (TabularReader reader = TabularReader.open(file, "居民.xlsx")) {
            assertThat(reader.rows().map(SourceRow::rowNumber)).containsExactly(3L, 5L);
        }
    }

    @Test
    void cellsKeepTheirKindAndExactValue() {
        try (TabularReader reader = TabularReader.open(file, "居民.xlsx")) {
            List<SourceRow> rows = rows(reader);
            SourceRow first = rows.get(0);
            assertThat(first.cell(0).kind()).isEqualTo(SourceRow.Kind.TEXT);
            assertThat(first.text(0)).isEqualTo("张三");
            assertThat(first.text(1)).isEqualTo("110101199003074512");
            assertThat(first.cell(2).kind()).isEqualTo(SourceRow.Kind.NUMBER);
            assertThat(first.cell(2).number()).isEqualTo(new BigDecimal("1234567.89"));
            assertThat(first.cell(3).kind()).isEqualTo(SourceRow.Kind.DATE);
            assertThat(CellValues.date(first.cell(3))).contains(LocalDate.of(2023, 5, 8));
            assertThat(first.text(3)).isEqualTo("2023-05-08");
            assertThat(first.cell(4).isFormula()).isTrue();
            assertThat(first.cell(4).formula()).isEqualTo("A1+1");
            assertThat(first.text(4)).isEqualTo("=A1+1");
            assertThat(first.firstFormulaColumn()).isEqualTo(4);
            assertThat(first.cell(5).kind()).isEqualTo(SourceRow.Kind.BOOLEAN);
            assertThat(first.cell(5).bool()).isTrue();
            assertThat(first.cell(99)).isEqualTo(SourceRow.Cell.EMPTY);

            SourceRow second = rows.get(1);
            assertThat(second.text(0)).isEqualTo("李四");
            assertThat(second.cell(1).number()).isEqualTo(new BigDecimal("123456789012345678"));
            assertThat(second.text(1)).isEqualTo("123456789012345678");
            // a double written by fastexcel stays exactly what the file says, no rounding through double
            assertThat(second.cell(2).number()).isEqualTo(new BigDecimal("0.30000000000000004"));
            assertThat(second.cell(3).kind()).isEqualTo(SourceRow.Kind.NUMBER);
            assertThat(CellValues.date(second.cell(3))).contains(LocalDate.of(2023, 5, 8));
            assertThat(second.cell(4).kind()).isEqualTo(SourceRow.Kind.DATE);
            assertThat(second.cell(4).dateTime()).isEqualTo(LocalDateTime.of(2023, 5, 8, 10, 30));
            assertThat(second.text(4)).isEqualTo("2023-05-08 10:30:00");
            assertThat(second.cell(5).isEmpty()).isTrue();
            assertThat(CellValues.date(second.cell(6))).contains(LocalDate.of(2023, 5, 8));
            assertThat(second.firstFormulaColumn()).isEqualTo(-1);
        }
    }

    @Test
    void aWorkbookWithoutRowsHasAnEmptyHeader() throws Exception {
        Path empty = dir.resolve("empty.xlsx");
        try (OutputStream out = Files.newOutputStream(empty); Workbook wb = new Workbook(out, "Test", "1.0")) {
            wb.newWorksheet("Sheet1");
        }
        try (TabularReader reader = TabularReader.open(empty, "empty.xlsx")) {
            assertThat(reader.header()).isEmpty();
            assertThat(reader.headerRowNumber()).isZero();
            assertThat(reader.next()).isFalse();
        }
    }
}
