package io.zhenwu.cases;

import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The calendar's exceptional dates in plain SQL. The calendar is national: no row belongs to an org unit. */
@Repository
class CalendarDayRepository {

    private static final String COLUMNS = "calendar_date, kind, name, arrangement_year, source, version, updated_at, updated_by";

    private final JdbcClient jdbc;

    CalendarDayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Unscoped("the working-day calendar is national, the same for every org unit")
    List<CalendarDay> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calendar_day ORDER BY calendar_date").query(CalendarDayRepository::map).list();
    }

    /** The days of a notice year, plus those of the calendar year that belong to a neighbouring notice. */
    @Unscoped("the working-day calendar is national, the same for every org unit")
    List<CalendarDay> ofYear(int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calendar_day WHERE arrangement_year = :y "
                        + "OR (calendar_date >= :first AND calendar_date <= :last) ORDER BY calendar_date")
                .param("y", year).param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query(CalendarDayRepository::map).list();
    }

    @Unscoped("the working-day calendar is national, the same for every org unit")
    Optional<CalendarDay> find(LocalDate date) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calendar_day WHERE calendar_date = :d").param("d", date)
                .query(CalendarDayRepository::map).optional();
    }

    @Unscoped("the working-day calendar is national, the same for every org unit")
    void insert(CalendarDay day) {
        jdbc.sql("INSERT INTO calendar_day (" + COLUMNS + ") VALUES (:d, :kind, :name, :y, :source, 0, :now, :by)")
                .param("d", day.date()).param("kind", day.kind().name()).param("name", day.name()).param("y", day.arrangementYear())
                .param("source", day.source()).param("now", now()).param("by", day.updatedBy()).update();
    }

    /** 1 when the row was at {@code version} and is now at the next one; 0 when it moved on or is gone. */
    @Unscoped("the working-day calendar is national, the same for every org unit")
    int update(CalendarDay day, long version) {
        return jdbc.sql("UPDATE calendar_day SET kind = :kind, name = :name, arrangement_year = :y, source = :source, "
                        + "version = version + 1, updated_at = :now, updated_by = :by WHERE calendar_date = :d AND version = :v")
                .param("kind", day.kind().name()).param("name", day.name()).param("y", day.arrangementYear())
                .param("source", day.source()).param("now", now()).param("by", day.updatedBy()).param("d", day.date())
                .param("v", version).update();
    }

    @Unscoped("the working-day calendar is national, the same for every org unit")
    int delete(LocalDate date, long version) {
        return jdbc.sql("DELETE FROM calendar_day WHERE calendar_date = :d AND version = :v").param("d", date).param("v", version)
                .update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
    }

    private static CalendarDay map(ResultSet rs, int row) throws SQLException {
        return new CalendarDay(rs.getObject("calendar_date", LocalDate.class), CalendarDay.Kind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getInt("arrangement_year"), rs.getString("source"), rs.getLong("version"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
    }
}
