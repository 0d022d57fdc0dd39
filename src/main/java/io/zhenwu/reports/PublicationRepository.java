package io.zhenwu.reports;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import io.zhenwu.shared.figures.FigurePeriod;
import io.zhenwu.shared.figures.FigureRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Published reports, their figures and the ids of the records counted — written once, never updated. A publication
 * is in scope with its org unit.
 */
@Repository
class PublicationRepository {

    private static final String SELECT = "SELECT p.id, p.template_id, p.template_name, p.template_version, p.org_unit_id, o.code, o.name, "
            + "p.report_year, p.edition, p.title, p.published_by, p.published_at, p.audit_anchor FROM published_report p JOIN org_unit o ON o.id = p.org_unit_id ";

    private final JdbcClient jdbc;

    PublicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored figure of a publication. */
    record StoredFigure(int seq, FigureRequest request, String name, String show, String printed, BigDecimal rawValue, String unit,
                        String source, BigDecimal growth, boolean growthInPoints, Long recordId, Integer revision,
                        Long fingerprintCount, String fingerprintSha) {
    }

    @Unscoped("numbers the editions of an org unit that was read in the caller's scope")
    int nextEdition(long templateId, long orgUnitId, int year) {
        Integer max = jdbc.sql("SELECT MAX(edition) FROM published_report WHERE template_id = :t AND org_unit_id = :o AND report_year = :y")
                .param("t", templateId).param("o", orgUnitId).param("y", year).query(Integer.class).optional().orElse(null);
        return max == null ? 1 : max + 1;
    }

    @Unscoped("the org unit was read in the caller's scope before the insert")
    long insert(long templateId, String templateName, int templateVersion, long orgUnitId, int year, int edition, String title,
                String blocksJson, String by, Instant at, String auditAnchor) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO published_report (template_id, template_name, template_version, org_unit_id, report_year, edition, title, "
                        + "blocks_json, published_by, published_at, audit_anchor) VALUES (:t, :name, :v, :o, :y, :e, :title, :blocks, :by, :at, :anchor)")
                .param("t", templateId).param("name", templateName).param("v", templateVersion).param("o", orgUnitId).param("y", year)
                .param("e", edition).param("title", title).param("blocks", blocksJson).param("by", by)
                .param("at", OffsetDateTime.ofInstant(at, Times.ZONE)).param("anchor", auditAnchor).update(keys, "id");
        return keys.getKey().longValue();
    }

    @Unscoped("part of a publication being inserted in scope")
    void insertFigure(long reportId, StoredFigure f) {
        jdbc.sql("INSERT INTO published_figure (report_id, seq, figure_code, figure_name, org_code, period_text, filters, show_as, printed, "
                        + "raw_value, unit, source, growth, growth_in_points, record_id, revision, fingerprint_count, fingerprint_sha) VALUES "
                        + "(:r, :seq, :code, :name, :org, :period, :filters, :show, :printed, :raw, :unit, :source, :growth, :points, :rec, "
                        + ":rev, :fc, :fs)")
                .param("r", reportId).param("seq", f.seq()).param("code", f.request().code()).param("name", f.name())
                .param("org", f.request().orgUnitCode()).param("period", f.request().period().text())
                .param("filters", encodeFilters(f.request().filters())).param("show", f.show()).param("printed", f.printed())
                .param("raw", f.rawValue()).param("unit", f.unit()).param("source", f.source()).param("growth", f.growth())
                .param("points", f.growthInPoints()).param("rec", f.recordId()).param("rev", f.revision())
                .param("fc", f.fingerprintCount()).param("fs", f.fingerprintSha()).update();
    }

    @Unscoped("part of a publication being inserted in scope")
    void insertRecordIds(long reportId, String requestKey, List<Long> ids) {
        for (Long id : ids) {
            jdbc.sql("INSERT INTO published_figure_record (report_id, request_key, record_id) VALUES (:r, :k, :id)")
                    .param("r", reportId).param("k", requestKey).param("id", id).update();
        }
    }

    List<Publication> list(DataScope scope, Long templateId) {
        var spec = jdbc.sql(SELECT + "WHERE o.path LIKE :scope" + (templateId == null ? "" : " AND p.template_id = :t")
                + " ORDER BY p.published_at DESC, p.id DESC LIMIT 200").param("scope", scope.likePattern());
        if (templateId != null) {
            spec.param("t", templateId);
        }
        return spec.query(PublicationRepository::map).list();
    }

    Optional<Publication> find(DataScope scope, long id) {
        return jdbc.sql(SELECT + "WHERE p.id = :id AND o.path LIKE :scope").param("id", id).param("scope", scope.likePattern())
                .query(PublicationRepository::map).optional();
    }

    Optional<String> blocksJson(DataScope scope, long id) {
        return jdbc.sql("SELECT p.blocks_json FROM published_report p JOIN org_unit o ON o.id = p.org_unit_id WHERE p.id = :id AND o.path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern()).query(String.class).optional();
    }

    List<StoredFigure> figures(DataScope scope, long reportId) {
        return jdbc.sql("SELECT f.seq, f.figure_code, f.figure_name, f.org_code, f.period_text, f.filters, f.show_as, f.printed, f.raw_value, "
                        + "f.unit, f.source, f.growth, f.growth_in_points, f.record_id, f.revision, f.fingerprint_count, f.fingerprint_sha "
                        + "FROM published_figure f JOIN published_report p ON p.id = f.report_id JOIN org_unit o ON o.id = p.org_unit_id "
                        + "WHERE f.report_id = :r AND o.path LIKE :scope ORDER BY f.seq")
                .param("r", reportId).param("scope", scope.likePattern())
                .query((rs, i) -> new StoredFigure(rs.getInt(1), new FigureRequest(rs.getString(2), rs.getString(4),
                        FigurePeriod.parse("period", rs.getString(5)), decodeFilters(rs.getString(6))), rs.getString(3), rs.getString(7),
                        rs.getString(8), rs.getBigDecimal(9), rs.getString(10), rs.getString(11), rs.getBigDecimal(12), rs.getBoolean(13),
                        (Long) rs.getObject(14, Long.class), (Integer) rs.getObject(15, Integer.class),
                        (Long) rs.getObject(16, Long.class), rs.getString(17)))
                .list();
    }

    List<Long> recordIds(DataScope scope, long reportId, String requestKey) {
        return jdbc.sql("SELECT r.record_id FROM published_figure_record r JOIN published_report p ON p.id = r.report_id "
                        + "JOIN org_unit o ON o.id = p.org_unit_id WHERE r.report_id = :r AND r.request_key = :k AND o.path LIKE :scope "
                        + "ORDER BY r.record_id")
                .param("r", reportId).param("k", requestKey).param("scope", scope.likePattern()).query(Long.class).list();
    }

    /** {@code k=v&k=v} in key order (values URL-encoded), empty for none. */
    static String encodeFilters(Map<String, String> filters) {
        StringBuilder sb = new StringBuilder();
        filters.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(Reports.enc(k)).append('=').append(Reports.enc(v)));
        return sb.toString();
    }

    static Map<String, String> decodeFilters(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                m.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    static String requestKey(FigureRequest r) {
        return r.code() + "|" + r.orgUnitCode() + "|" + r.period().text() + "|" + encodeFilters(r.filters());
    }

    private static Publication map(ResultSet rs, int row) throws SQLException {
        return new Publication(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class).toInstant(),
                rs.getString(13));
    }
}
