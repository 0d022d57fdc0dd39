package io.zhenwu.cases;

import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar in the running application on H2 and PostgreSQL: the rows migration V13 loaded, the arithmetic
 * endpoints with bad input, administrators' edits (audited, optimistic locking) changing the arithmetic at once,
 * and the admin page. Edits use the years 2031 and 2032, which no notice covers, and are removed afterwards.
 */
@Tag("db")
@ZhenwuTest
class CalendarIT {

    static final String PASSWORD = "Zhenwu@2023";

    @LocalServerPort
    int port;

    @Autowired
    CalendarDayRepository repository;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void removeTestYears() {
        jdbc.update("DELETE FROM calendar_day WHERE arrangement_year >= 2031 OR calendar_date >= DATE '2031-01-01'");
        // what a committed change does: the next use reloads
        calendar.calendarChanged(null);
    }

    HttpTestClient as(String user) {
        var client = new HttpTestClient(port, false);
        HttpResponse<String> response = client.basic("POST", "/api/v1/tokens", user, PASSWORD, "{\"name\":\"calendar\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return client.bearer(json.readTree(response.body()).get("token").asString());
    }

    JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** A 400 problem naming {@code field} first. */
    void assertBadField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(read(response).get("errors").get(0).get("field").asString()).as(response.body()).isEqualTo(field);
    }

    @Test
    void theMigrationLoadedTheArrangementsOfTheFile() {
        List<CalendarDay> stored = repository.all().stream().filter(d -> d.arrangementYear() <= 2026).toList();
        List<CalendarDay> file = HolidayCsv.rows();
        assertThat(stored).hasSize(file.size());
        for (int i = 0; i < file.size(); i++) {
            CalendarDay s = stored.get(i);
            CalendarDay f = file.get(i);
            assertThat(List.of(s.date(), s.kind(), s.name(), s.arrangementYear(), s.source()))
                    .isEqualTo(List.of(f.date(), f.kind(), f.name(), f.arrangementYear(), f.source()));
            assertThat(s.version()).isZero();
            assertThat(s.updatedBy()).isEqualTo("system");
            assertThat(s.updatedAt()).isNotNull();
        }
        assertThat(repository.ofYear(2023)).extracting(CalendarDay::date)
                .as("2022-12-31 is listed with the 2023 notice").startsWith(LocalDate.of(2022, 12, 31));
        assertThat(repository.ofYear(2022)).extracting(CalendarDay::date)
                .as("and with its calendar year").endsWith(LocalDate.of(2022, 12, 31));
        assertThat(calendar.firstCoveredYear()).isEqualTo(Year.of(2022));
        assertThat(calendar.lastCoveredYear()).isEqualTo(Year.of(2026));
        assertThat(calendar.addWorkingDays(LocalDate.of(2023, 9, 28), 5)).isEqualTo(LocalDate.of(2023, 10, 11));
    }

    @Test
    void everySignedInUserComputesDeadlines() {
        for (String user : List.of("staff", "cadre", "enterprise", "auditor")) {
            HttpTestClient client = as(user);
            var added = client.get("/api/v1/calendar/add-working-days?from=2023-09-28&days=5");
            assertThat(added.statusCode()).as(user + ": " + added.body()).isEqualTo(200);
            assertThat(read(added).get("date").asString()).isEqualTo("2023-10-11");
        }
        HttpTestClient staff = as("staff");
        assertThat(read(staff.get("/api/v1/calendar/working-days?from=2023-01-01&to=2023-12-31")).get("count").asInt()).isEqualTo(249);
        assertThat(read(staff.get("/api/v1/calendar/working-days?from=2024-02-08&to=2024-02-21")).get("count").asInt())
                .as("Thu 02-08, Fri 02-09, Sun 02-18, 02-19…02-21").isEqualTo(6);
        assertThat(read(staff.get("/api/v1/calendar/working-days?from=2023-10-11&to=2023-10-11")).get("count").asInt()).isEqualTo(1);
        assertThat(read(staff.get("/api/v1/calendar/add-working-days?from=2025-01-24&days=5")).get("date").asString())
                .as("across Spring Festival 2025").isEqualTo("2025-02-07");
        assertThat(read(staff.get("/api/v1/calendar/add-working-days?from=2023-10-01&days=0")).get("date").asString())
                .isEqualTo("2023-10-07");

        JsonNode year = read(staff.get("/api/v1/calendar/exceptions?year=2023"));
        assertThat(year.get(0).get("date").asString()).isEqualTo("2022-12-31");
        assertThat(year.get(0).get("arrangementYear").asInt()).isEqualTo(2023);
        assertThat(year.get(0).get("kind").asString()).isEqualTo("OFF");
        assertThat(year.get(0).get("weekday").asString()).isEqualTo("SATURDAY");
        assertThat(read(staff.get("/api/v1/calendar/exceptions/2023-10-07")).get("kind").asString()).isEqualTo("WORK");
        assertThat(staff.get("/api/v1/calendar/exceptions/2023-10-09").statusCode()).as("an ordinary day has no row").isEqualTo(404);
        assertThat(read(staff.get("/api/v1/calendar/exceptions")).size()).isGreaterThanOrEqualTo(180);

        var anonymous = new HttpTestClient(port, false).get("/api/v1/calendar/add-working-days?from=2023-09-28&days=5");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsA400NamingTheField() {
        HttpTestClient staff = as("staff");
        assertBadField(staff.get("/api/v1/calendar/add-working-days?days=5"), "from");
        assertBadField(staff.get("/api/v1/calendar/add-working-days?from=&days=5"), "from");
        assertBadField(staff.get("/api/v1/calendar/add-working-days?from=2023-02-30&days=5"), "from");
        assertBadField(staff.get("/api/v1/calendar/add-working-days?from=28.09.2023&days=5"), "from");
        assertBadField(staff.get("/api/v1/calendar/add-working-days?from=2023-09-28"), "days");
        assertBadField(staff.get("/api/v1/calendar/add-working-days?from=2023-09-28&days=-1"), "days");
        assertBadField(staff.get("/api/v1/calendar/add-working-days?from=2023-09-28&days=3651"), "days");
        assertBadField(staff.get("/api/v1/calendar/add-working-days?from=2023-09-28&days=five"), "days");
        assertBadField(staff.get("/api/v1/calendar/add-working-days?from=2023-09-28&days=99999999999"), "days");
        assertThat(read(staff.get("/api/v1/calendar/add-working-days?from=2023-09-28&days=3650")).get("date").asString())
                .as("the largest allowed").isEqualTo(calendar.addWorkingDays(LocalDate.of(2023, 9, 28), 3650).toString());
        assertBadField(staff.get("/api/v1/calendar/add-working-days?from=1899-12-31&days=1"), "from");
        assertBadField(staff.get("/api/v1/calendar/working-days?to=2023-12-31"), "from");
        assertBadField(staff.get("/api/v1/calendar/working-days?from=2023-01-01"), "to");
        assertBadField(staff.get("/api/v1/calendar/working-days?from=2023-01-01&to=2023-13-01"), "to");
        assertBadField(staff.get("/api/v1/calendar/working-days?from=2023-10-11&to=2023-10-10"), "to");
        assertBadField(staff.get("/api/v1/calendar/exceptions?year=two"), "year");
        assertBadField(staff.get("/api/v1/calendar/exceptions/2023-10-32"), "date");

        var both = staff.get("/api/v1/calendar/add-working-days?days=-3");
        assertThat(read(both).get("errors")).as("every bad field at once").hasSize(2);
        var english = staff.language("en").get("/api/v1/calendar/working-days?from=2023-10-11&to=2023-10-10");
        assertThat(read(english).get("errors").get(0).get("message").asString()).isEqualTo("The end date 2023-10-10 is before the start date 2023-10-11");
        var chinese = as("staff").get("/api/v1/calendar/add-working-days?from=2023-09-28&days=3651");
        assertThat(read(chinese).get("errors").get(0).get("message").asString()).isEqualTo("工作日数“3651”无效：应为 0 至 3650 之间的整数");
    }

    @Test
    void anAdministratorsEditsChangeTheArithmeticAndAreAudited() {
        HttpTestClient admin = as("admin");
        // 2031 has no notice: Wed 2031-10-01 is an ordinary working day.
        assertThat(read(admin.get("/api/v1/calendar/add-working-days?from=2031-09-30&days=1")).get("date").asString()).isEqualTo("2031-10-01");
        assertThat(calendar.covers(LocalDate.of(2031, 10, 1))).isFalse();

        var created = admin.send("POST", "/api/v1/calendar/exceptions",
                "{\"date\":\"2031-10-01\",\"kind\":\"OFF\",\"name\":\"国庆节\",\"source\":\"国办发明电〔2030〕1号\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/api/v1/calendar/exceptions/2031-10-01");
        assertThat(read(created).get("arrangementYear").asInt()).as("defaults to the date's year").isEqualTo(2031);
        assertThat(read(created).get("updatedBy").asString()).isEqualTo("admin");
        assertThat(read(admin.get("/api/v1/calendar/add-working-days?from=2031-09-30&days=1")).get("date").asString())
                .as("the day off counts at once").isEqualTo("2031-10-02");
        assertThat(calendar.lastCoveredYear()).isEqualTo(Year.of(2031));

        // A working Saturday: Sat 2031-09-27.
        var saturday = admin.send("POST", "/api/v1/calendar/exceptions",
                "{\"date\":\"2031-09-27\",\"kind\":\"work\",\"name\":\"国庆节\",\"arrangementYear\":2031}");
        assertThat(saturday.statusCode()).as(saturday.body()).isEqualTo(201);
        assertThat(read(admin.get("/api/v1/calendar/working-days?from=2031-09-27&to=2031-10-03")).get("count").asInt())
                .as("Sat 09-27, Mon 09-29, Tue 09-30, Thu 10-02, Fri 10-03").isEqualTo(5);

        // Rules: a duplicate date, a working weekday, a name missing, a notice year that does not fit.
        assertBadField(admin.send("POST", "/api/v1/calendar/exceptions", "{\"date\":\"2031-10-01\",\"kind\":\"OFF\",\"name\":\"国庆节\"}"), "date");
        assertBadField(admin.send("POST", "/api/v1/calendar/exceptions", "{\"date\":\"2031-10-06\",\"kind\":\"WORK\",\"name\":\"国庆节\"}"), "kind");
        assertBadField(admin.send("POST", "/api/v1/calendar/exceptions", "{\"date\":\"2031-10-02\",\"kind\":\"OFF\",\"name\":\" \"}"), "name");
        assertBadField(admin.send("POST", "/api/v1/calendar/exceptions", "{\"date\":\"2031-10-02\",\"kind\":\"HOLIDAY\",\"name\":\"国庆节\"}"), "kind");
        assertBadField(admin.send("POST", "/api/v1/calendar/exceptions",
                "{\"date\":\"2031-10-02\",\"kind\":\"OFF\",\"name\":\"国庆节\",\"arrangementYear\":2032}"), "arrangementYear");
        assertBadField(admin.send("POST", "/api/v1/calendar/exceptions", "{\"date\":\"2031/10/02\",\"kind\":\"OFF\",\"name\":\"国庆节\"}"), "date");
        assertBadField(admin.send("POST", "/api/v1/calendar/exceptions", "{\"date\":\"2100-01-01\",\"kind\":\"OFF\",\"name\":\"元旦\"}"), "date");
        var december = admin.send("POST", "/api/v1/calendar/exceptions",
                "{\"date\":\"2031-12-31\",\"kind\":\"OFF\",\"name\":\"元旦\",\"arrangementYear\":2032}");
        assertThat(december.statusCode()).as("a December day of the next notice").isEqualTo(201);

        // Only administrators edit.
        HttpTestClient staff = as("staff");
        assertThat(staff.send("POST", "/api/v1/calendar/exceptions", "{\"date\":\"2031-10-02\",\"kind\":\"OFF\",\"name\":\"国庆节\"}")
                .statusCode()).isEqualTo(403);
        assertThat(staff.send("PUT", "/api/v1/calendar/exceptions/2031-10-01", "{\"kind\":\"OFF\",\"name\":\"x\",\"version\":0}")
                .statusCode()).isEqualTo(403);
        assertThat(staff.send("DELETE", "/api/v1/calendar/exceptions/2031-10-01?version=0", null).statusCode()).isEqualTo(403);

        // Change with the version read; a stale version is 409 with the current row.
        var changed = admin.send("PUT", "/api/v1/calendar/exceptions/2031-10-01",
                "{\"kind\":\"OFF\",\"name\":\"国庆节、中秋节\",\"source\":\"国办发明电〔2030〕1号\",\"version\":0}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(read(changed).get("version").asLong()).isEqualTo(1);
        assertThat(read(changed).get("name").asString()).isEqualTo("国庆节、中秋节");
        var stale = admin.send("PUT", "/api/v1/calendar/exceptions/2031-10-01", "{\"kind\":\"OFF\",\"name\":\"国庆节\",\"version\":0}");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(read(stale).get("current").get("name").asString()).isEqualTo("国庆节、中秋节");
        assertBadField(admin.send("PUT", "/api/v1/calendar/exceptions/2031-10-01", "{\"kind\":\"OFF\",\"name\":\"国庆节\"}"), "version");
        assertThat(admin.send("PUT", "/api/v1/calendar/exceptions/2031-10-09", "{\"kind\":\"OFF\",\"name\":\"x\",\"version\":0}")
                .statusCode()).isEqualTo(404);
        // Turning the Saturday into a day off: the count drops by one.
        var off = admin.send("PUT", "/api/v1/calendar/exceptions/2031-09-27", "{\"kind\":\"OFF\",\"name\":\"国庆节\",\"version\":0}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(read(admin.get("/api/v1/calendar/working-days?from=2031-09-27&to=2031-10-03")).get("count").asInt()).isEqualTo(4);

        // Delete with the version: the date is an ordinary Wednesday again.
        assertThat(admin.send("DELETE", "/api/v1/calendar/exceptions/2031-10-01?version=0", null).statusCode()).isEqualTo(409);
        assertBadField(admin.send("DELETE", "/api/v1/calendar/exceptions/2031-10-01", null), "version");
        assertThat(admin.send("DELETE", "/api/v1/calendar/exceptions/2031-10-01?version=1", null).statusCode()).isEqualTo(204);
        assertThat(read(admin.get("/api/v1/calendar/add-working-days?from=2031-09-30&days=1")).get("date").asString()).isEqualTo("2031-10-01");
        assertThat(admin.get("/api/v1/calendar/exceptions/2031-10-01").statusCode()).isEqualTo(404);

        for (String action : List.of("calendar_day.added", "calendar_day.changed", "calendar_day.removed")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND entity_id = '2031-10-01'",
                    Long.class, action)).as(action).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'calendar_day' AND entity_id = '2031-09-27'",
                Long.class)).isEqualTo(2);
    }

    @Test
    void theAdminPageListsAYearAndEditsItsDays() {
        var browser = new HttpTestClient(port, true);
        browser.login("admin", PASSWORD);
        var page = browser.get("/admin/calendar?year=2023");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("2023年工作日历").contains("id=\"calendar-working-days\">249<")
                .contains("2022-12-31").contains("2023-10-08").contains("调休上班").contains("中秋节、国庆节")
                .contains("href=\"/admin/calendar\"").doesNotContain("calendar-uncovered");

        // A working day on a Wednesday: inline error on the kind, the entered values kept.
        var rejected = browser.postForm("/admin/calendar?year=2032", "/admin/calendar",
                "date=2032-09-29&kind=WORK&name=" + HttpTestClient.enc("国庆节") + "&arrangementYear=2032&source=");
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.body()).contains("2032-09-29 是周一至周五，本来就上班").contains("value=\"2032-09-29\"").contains("has-error")
                .as("no notice entered for 2032 yet").contains("calendar-uncovered").contains("id=\"calendar-working-days\">262<");
        var noDate = browser.postForm("/admin/calendar?year=2032", "/admin/calendar", "date=&kind=OFF&name=&arrangementYear=&source=");
        assertThat(noDate.body()).contains("请填写日期").contains("请填写节日名称");

        var added = browser.postForm("/admin/calendar?year=2032", "/admin/calendar",
                "date=2032-10-01&kind=OFF&name=" + HttpTestClient.enc("国庆节") + "&arrangementYear=&source=");
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElse("")).endsWith("/admin/calendar?year=2032");
        var year2032 = browser.get("/admin/calendar?year=2032");
        // A leap year from a Thursday has 262 weekdays; Friday 10-01 is off now, and 2032 counts as entered.
        assertThat(year2032.body()).contains("2032-10-01").contains("id=\"calendar-working-days\">261<").doesNotContain("calendar-uncovered");
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 10, 1))).isFalse();

        var edit = browser.get("/admin/calendar/2032-10-01/edit");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("修改 2032-10-01（周五）");
        var stale = browser.postForm("/admin/calendar/2032-10-01/edit", "/admin/calendar/2032-10-01/edit",
                "version=7&date=2032-10-01&kind=OFF&name=" + HttpTestClient.enc("国庆节") + "&arrangementYear=2032&source=");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("该记录已被他人修改");
        var saved = browser.postForm("/admin/calendar/2032-10-01/edit", "/admin/calendar/2032-10-01/edit",
                "version=0&date=2032-10-01&kind=OFF&name=" + HttpTestClient.enc("国庆节、中秋节") + "&arrangementYear=2032&source=");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin/calendar?year=2032").body()).contains("国庆节、中秋节").contains("已保存修改");

        var removed = browser.postForm("/admin/calendar?year=2032", "/admin/calendar/2032-10-01/delete", "version=1");
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 10, 1))).isTrue();
        assertThat(browser.get("/admin/calendar/2032-10-01/edit").statusCode()).isEqualTo(404);

        var staff = new HttpTestClient(port, true);
        staff.login("staff", PASSWORD);
        assertThat(staff.get("/admin/calendar").statusCode()).isEqualTo(403);
        assertThat(staff.get("/").body()).doesNotContain("href=\"/admin/calendar\"");
    }
}
