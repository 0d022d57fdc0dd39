package io.zhenwu.cases;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V13 inserts exactly the rows of {@code calendar/cn_holidays.csv} (2022–2026), and the file is what the
 * rule needs: one row per date, adjusted working days only on weekends, notice years that fit the dates.
 * {@code -Dzhenwu.calendar.regenerate=true} rewrites the generated block of V13 from the file (before V13 is
 * released only: Flyway refuses a changed migration; later years go into a new migration or the admin page).
 */
class CalendarSeedTest {

    static final Path MIGRATION = Path.of("src/main/resources/db/migration/common/V13__working_calendar.sql");
    static final String BEGIN = "-- BEGIN GENERATED\n";
    static final String END = "-- END GENERATED\n";
    /** The last notice year V13 ships; rows of later years in the file belong to later migrations. */
    static final int V13_LAST_YEAR = 2026;

    static List<CalendarDay> v13Rows() {
        return HolidayCsv.rows().stream().filter(d -> d.arrangementYear() <= V13_LAST_YEAR).toList();
    }

    @Test
    void theMigrationInsertsExactlyTheRowsOfTheFile() throws IOException {
        String sql = Files.readString(MIGRATION, StandardCharsets.UTF_8);
        int begin = sql.indexOf(BEGIN);
        int end = sql.indexOf(END);
        assertThat(begin).as("generated block markers in " + MIGRATION).isPositive();
        assertThat(end).isGreaterThan(begin);
        String expected = HolidayCsv.insertStatement(v13Rows());
        if (Boolean.getBoolean("zhenwu.calendar.regenerate")) {
            Files.writeString(MIGRATION, sql.substring(0, begin + BEGIN.length()) + expected + sql.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertThat(sql.substring(begin + BEGIN.length(), end))
                .as("V13 differs from calendar/cn_holidays.csv; regenerate with -Dzhenwu.calendar.regenerate=true (before release only)")
                .isEqualTo(expected);
    }

    @Test
    void theFileHasOneRowPerDateAndWorkingDaysOnWeekendsOnly() {
        List<CalendarDay> rows = HolidayCsv.rows();
        assertThat(rows).hasSize(180);
        Set<LocalDate> dates = new HashSet<>();
        for (CalendarDay d : rows) {
            assertThat(dates.add(d.date())).as("one row for " + d.date()).isTrue();
            if (d.kind() == CalendarDay.Kind.WORK) {
                assertThat(d.weekend()).as(d.date() + " is an adjusted working day, so a weekend").isTrue();
            }
            assertThat(d.arrangementYear() == d.date().getYear()
                    || d.arrangementYear() == d.date().getYear() + 1 && d.date().getMonthValue() == 12)
                    .as(d.date() + " in the notice of " + d.arrangementYear()).isTrue();
            assertThat(d.name()).isNotBlank().hasSizeLessThanOrEqualTo(CalendarDays.NAME_MAX);
            assertThat(d.source()).startsWith("NateScarlet/holiday-cn:").hasSizeLessThanOrEqualTo(CalendarDays.SOURCE_MAX);
        }
        assertThat(rows).filteredOn(d -> d.arrangementYear() != d.date().getYear()).extracting(CalendarDay::date)
                .containsExactly(LocalDate.of(2022, 12, 31));
    }

    @Test
    void theShippedCopyKeepsTheSourcesInItsHeader() {
        List<String> lines = HolidayCsv.lines();
        assertThat(lines.get(0)).startsWith("# cn_holidays.csv");
        assertThat(String.join("\n", lines)).contains("gov.cn/zhengce").contains("NateScarlet/holiday-cn").contains("LKI/chinese-calendar");
    }
}
