package io.zhenwu.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code calendar/cn_holidays.csv} (the shipped copy of the State Council arrangements) for tests: the rows as
 * {@link CalendarDay}s, and the INSERT statement migration V13 carries for them.
 */
final class HolidayCsv {

    static final String RESOURCE = "/calendar/cn_holidays.csv";
    static final String HEADER = "date,kind,name,year,source";

    private HolidayCsv() {
    }

    /** The data rows in file order; comment lines ('#') skipped, the header checked. */
    static List<CalendarDay> rows() {
        List<CalendarDay> rows = new ArrayList<>();
        boolean header = false;
        for (String line : lines()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalStateException("unexpected header: " + line);
                }
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                throw new IllegalStateException("not five columns: " + line);
            }
            rows.add(new CalendarDay(LocalDate.parse(f[0]), CalendarDay.Kind.valueOf(f[1].toUpperCase(Locale.ROOT)), f[2],
                    Integer.parseInt(f[3]), f[4], 0, Instant.EPOCH, "system"));
        }
        return rows;
    }

    static List<String> lines() {
        try (InputStream in = HolidayCsv.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The INSERT of V13 for {@code rows}: one multi-row statement, one line per date, in file order. */
    static String insertStatement(List<CalendarDay> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO calendar_day (calendar_date, kind, name, arrangement_year, source, version, "
                + "updated_at, updated_by) VALUES\n");
        for (int i = 0; i < rows.size(); i++) {
            CalendarDay d = rows.get(i);
            sql.append("    (DATE '").append(d.date()).append("', '").append(d.kind().name()).append("', '").append(quote(d.name()))
                    .append("', ").append(d.arrangementYear()).append(", '").append(quote(d.source()))
                    .append("', 0, CURRENT_TIMESTAMP, 'system')").append(i + 1 < rows.size() ? ",\n" : ";\n");
        }
        return sql.toString();
    }

    private static String quote(String s) {
        return s.replace("'", "''");
    }
}
