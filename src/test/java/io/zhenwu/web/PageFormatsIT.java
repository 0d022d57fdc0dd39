package io.zhenwu.web;

import io.zhenwu.cases.CaseType;
import io.zhenwu.cases.CaseTypes;
import io.zhenwu.cases.ServiceHall;
import io.zhenwu.demo.DemoData;
import io.zhenwu.imports.ImportTypes;
import io.zhenwu.testsupport.ZhenwuTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo users' pages in both languages, rendered, read as a person reads them (text, not markup): every date in
 * the language's one date format, every moment in its one date-time format in Asia/Shanghai, and no code shown where
 * a label exists (case states and steps, audit actions, import types, service windows). The English page shows any
 * date or moment that escaped {@link Formats}: its formats are not ISO.
 */
@Tag("db")
@ZhenwuTest
class PageFormatsIT {

    /** ISO dates and instants ({@code 2023-10-11}, {@code 2023-10-11T01:30:00Z}): never in English text. */
    private static final Pattern ISO = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}\\S*)?\\b");
    /** In Chinese: a date, and a moment only as {@code yyyy-MM-dd HH:mm} — never with T, seconds, or a zone. */
    private static final Pattern ZH_MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T|\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}|\\d{2}:\\d{2}(:\\d{2})?(\\.\\d+)?Z");
    /** An audit action or any other dotted code ({@code user.login}, {@code case.transitioned}). */
    /** An uploaded file's name (bad.csv) looks dotted but is the user's own text, not a code. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(csv|xlsx|xls|docx|txt)$");
    private static final Pattern DOTTED_CODE = Pattern.compile("^[a-z][a-z_]*(\\.[a-z][a-z_]*)+$");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseTypes caseTypes;
    @Autowired
    ImportTypes importTypes;
    @Autowired
    ServiceHall serviceHall;

    /** The pages to read, by the user who reads them. */
    Map<String, List<String>> pages() {
        // The newest records of 下蜀镇: other tests of the shared context open cases and inspections in other towns.
        String xiashu = " JOIN org_unit o ON o.id = r.org_unit_id"
                + " WHERE o.path LIKE (SELECT path FROM org_unit WHERE code = '321183102000') || '%'";
        long matter = jdbc.queryForObject("SELECT MAX(r.id) FROM case_record r" + xiashu
                + " AND r.type_code = 'service_matter' AND r.closed_at IS NOT NULL", Long.class);
        long hazard = jdbc.queryForObject("SELECT MAX(h.case_id) FROM safety_hazard h JOIN case_record r ON r.id = h.case_id"
                + xiashu, Long.class);
        long inspection = jdbc.queryForObject("SELECT MAX(r.id) FROM safety_inspection r" + xiashu, Long.class);
        long facility = jdbc.queryForObject("SELECT MIN(id) FROM facility WHERE commissioned_on IS NOT NULL", Long.class);
        long enterprise = jdbc.queryForObject("SELECT MIN(id) FROM enterprise WHERE established_on IS NOT NULL", Long.class);
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("admin", List.of("/admin/audit", "/admin/audit?action=user.login", "/imports", "/admin/calendar", "/account"));
        pages.put("leader", List.of("/cases", "/cases/" + matter, "/cases/" + matter + "/receipt", "/cases/escalations",
                "/safety/hazards/" + hazard, "/safety/board", "/labor-disputes", "/farmland-plots", "/reports",
                "/registry/facilities", "/registry/facilities/" + facility, "/registry/enterprises/" + enterprise));
        pages.put("inspector", List.of("/safety", "/safety/inspections/" + inspection));
        pages.put("staff", List.of("/service-hall"));
        return pages;
    }

    /** Codes that have labels: a text that is exactly one of them printed the code. */
    Set<String> labelledCodes() {
        Set<String> codes = new TreeSet<>();
        for (CaseType type : caseTypes.all()) {
            type.states().forEach(s -> codes.add(s.code()));
            type.transitions().forEach(t -> codes.add(t.name()));
            codes.add(type.code());
        }
        importTypes.all().forEach(t -> codes.add(t.code()));
        serviceHall.windows().forEach(w -> codes.add(w.code()));
        return codes;
    }

    @Test
    void everyPageWritesDatesAndMomentsOneWayPerLanguageAndLabelsInsteadOfCodes() {
        Set<String> codes = labelledCodes();
        List<String> offences = new ArrayList<>();
        pages().forEach((user, paths) -> {
            for (String language : List.of("zh_CN", "en")) {
                var browser = new HttpTestClient(port, true);
                browser.login(user, DemoData.DEMO_PASSWORD);
                browser.get("/?lang=" + language);
                for (String path : paths) {
                    var page = browser.get(path);
                    assertThat(page.statusCode()).as(user + " " + path).isEqualTo(200);
                    Element main = Jsoup.parse(page.body()).selectFirst("main");
                    for (Element element : main.getAllElements()) {
                        if (element.tagName().equals("script") || element.tagName().equals("pre")) {
                            continue;  // scripts, and the audit trail's raw JSON of a change
                        }
                        for (TextNode node : element.textNodes()) {
                            String text = node.text().strip();
                            String where = language + " " + user + " " + path + ": \"" + text + "\"";
                            if (text.isEmpty()) {
                                continue;
                            }
                            if (language.equals("en") ? ISO.matcher(text).find() : ZH_MOMENT.matcher(text).find()) {
                                offences.add(where + " (date or moment not written by @fmt)");
                            }
                            if (codes.contains(text) || DOTTED_CODE.matcher(text).matches() && !FILE_NAME.matcher(text).matches()) {
                                offences.add(where + " (a code where a label exists)");
                            }
                        }
                    }
                }
            }
        });
        assertThat(offences).as("dates, moments and codes on the pages").isEmpty();
    }
}
