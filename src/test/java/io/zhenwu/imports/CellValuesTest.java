package io.zhenwu.imports;

import io.zhenwu.imports.SourceRow.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class CellValuesTest {

    private static final LocalDate MAY_8 = LocalDate.of(2023, 5, 8);

    @ParameterizedTest
    @ValueSource(strings = {"2023-05-08", "2023-5-8", "2023/5/8", "2023/05/08", "2023.5.8", "20230508", "2023年5月8日",
            "2023年05月08日", "2023年5月8号", " 2023-05-08 ", "2023-05-08 00:00:00", "2023/5/8 9:30", "２０２３年５月８日",
            "２０２３－０５－０８", "45054"})
    void datesAsTownStaffTypeThem(String text) {
        assertThat(CellValues.date(Cell.text(text))).contains(MAY_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30", "2023-13-01", "5月8日", "2023-05", "昨天", "2023-05/08", "1.5", "20231340", "abc"})
    void notDates(String text) {
        assertThat(CellValues.date(Cell.text(text))).isEmpty();
    }

    @Test
    void excelSerialNumbers() {
        assertThat(CellValues.date(Cell.number(new BigDecimal("45054")))).contains(MAY_8);
        assertThat(CellValues.date(Cell.number(new BigDecimal("45054.0")))).contains(MAY_8);
        assertThat(CellValues.date(Cell.number(new BigDecimal("20230508")))).contains(MAY_8);
        assertThat(CellValues.date(Cell.number(new BigDecimal("1")))).contains(LocalDate.of(1900, 1, 1));
        assertThat(CellValues.date(Cell.number(new BigDecimal("59")))).contains(LocalDate.of(1900, 2, 28));
        assertThat(CellValues.date(Cell.number(new BigDecimal("60")))).isEmpty(); // Excel's phantom 1900-02-29
        assertThat(CellValues.date(Cell.number(new BigDecimal("61")))).contains(LocalDate.of(1900, 3, 1));
        assertThat(CellValues.date(Cell.number(new BigDecimal("2958465")))).contains(LocalDate.of(9999, 12, 31));
        assertThat(CellValues.date(Cell.number(new BigDecimal("2958466")))).isEmpty();
        assertThat(CellValues.date(Cell.number(new BigDecimal("45054.5")))).isEmpty();
        assertThat(CellValues.date(Cell.number(new BigDecimal("-1")))).isEmpty();
        assertThat(CellValues.date(Cell.EMPTY)).isEmpty();
        assertThat(CellValues.date(Cell.bool(true))).isEmpty();
        assertThat(CellValues.date(Cell.formula("TODAY()", "45054"))).isEmpty();
    }

    @Test
    void serialToDateTime() {
        assertThat(CellValues.excelSerialToDateTime(new BigDecimal("45054.4375"), false))
                .contains(LocalDateTime.of(2023, 5, 8, 10, 30));
        assertThat(CellValues.excelSerialToDateTime(new BigDecimal("43592"), true)).contains(LocalDateTime.of(2023, 5, 8, 0, 0));
        assertThat(CellValues.excelSerialToDateTime(new BigDecimal("45054.99999999"), false))
                .contains(LocalDateTime.of(2023, 5, 9, 0, 0));
    }

    @Test
    void decimals() {
        assertThat(CellValues.decimal(Cell.number(new BigDecimal("1234567.89")))).contains(new BigDecimal("1234567.89"));
        assertThat(CellValues.decimal(Cell.text("1,234.50"))).contains(new BigDecimal("1234.50"));
        assertThat(CellValues.decimal(Cell.text("1,234,567"))).contains(new BigDecimal("1234567"));
        assertThat(CellValues.decimal(Cell.text("１２３"))).contains(new BigDecimal("123"));
        assertThat(CellValues.decimal(Cell.text("－１２．５"))).contains(new BigDecimal("-12.5"));
        assertThat(CellValues.decimal(Cell.text(" +3 "))).contains(new BigDecimal("3"));
        assertThat(CellValues.decimal(Cell.text(".5"))).contains(new BigDecimal("0.5"));
        assertThat(CellValues.decimal(Cell.text("123456789012345678901234.000000001")))
                .contains(new BigDecimal("123456789012345678901234.000000001"));
        for (String bad : new String[] {"1,23", "12,34.5", "1E5", "12%", "¥12", "十二", "1.2.3", "", "-", "1 234"}) {
            assertThat(CellValues.decimal(Cell.text(bad))).as(bad).isEmpty();
        }
        assertThat(CellValues.decimal(Cell.date("45054", new BigDecimal("45054"), MAY_8.atStartOfDay()))).isEmpty();
    }

    @Test
    void text() {
        assertThat(CellValues.text(Cell.number(new BigDecimal("123456789012345678")))).isEqualTo("123456789012345678");
        assertThat(CellValues.text(Cell.number("1.8E+17", new BigDecimal("1.8E+17")))).isEqualTo("180000000000000000");
        assertThat(CellValues.text(Cell.number(new BigDecimal("45054.0")))).isEqualTo("45054");
        assertThat(CellValues.text(Cell.number(new BigDecimal("1234.50")))).isEqualTo("1234.5");
        assertThat(CellValues.text(Cell.number(new BigDecimal("-0.0")))).isEqualTo("0");
        assertThat(CellValues.text(Cell.text("\u3000 张三\u00A0\t"))).isEqualTo("张三");
        assertThat(CellValues.text(Cell.text("\u3000"))).isEmpty();
        assertThat(Cell.text("\u3000 ").isEmpty()).isTrue();
        assertThat(CellValues.text(Cell.bool(false))).isEqualTo("FALSE");
        assertThat(CellValues.text(Cell.formula("SUM(A1:A3)", "6"))).isEqualTo("=SUM(A1:A3)");
        assertThat(CellValues.text(Cell.error("#N/A"))).isEqualTo("#N/A");
        assertThat(CellValues.text(Cell.EMPTY)).isEmpty();
    }

    @Test
    void dateFormats() {
        var formats = new CellValues.DateFormats();
        assertThat(formats.isDate(null, () -> 14)).isTrue();
        assertThat(formats.isDate(null, () -> 31)).isTrue(); // yyyy"年"m"月"d"日" in Chinese Excel
        assertThat(formats.isDate(null, () -> 57)).isTrue();
        assertThat(formats.isDate(null, () -> 0)).isFalse();
        assertThat(formats.isDate(null, () -> 4)).isFalse();
        assertThat(formats.isDate(null, () -> 49)).isFalse();
        assertThat(formats.isDate("yyyy-mm-dd", () -> 165)).isTrue();
        assertThat(formats.isDate("yyyy\"年\"m\"月\"d\"日\";@", () -> 176)).isTrue();
        assertThat(formats.isDate("[$-F800]dddd, mmmm dd, yyyy", () -> 177)).isTrue();
        assertThat(formats.isDate("[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", () -> 178)).isTrue();
        assertThat(formats.isDate("[h]:mm:ss", () -> 179)).isTrue();
        assertThat(formats.isDate("#,##0.00_);[Red](#,##0.00)", () -> 180)).isFalse();
        assertThat(formats.isDate("0.00\"天\"", () -> 181)).isFalse();
        assertThat(formats.isDate("\"days \"0", () -> 182)).isFalse();
        assertThat(formats.isDate("0.00E+00", () -> 183)).isFalse();
        assertThat(formats.isDate("General", () -> 184)).isFalse();
        assertThat(formats.isDate("@", () -> 185)).isFalse();
    }
}
