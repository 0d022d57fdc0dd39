package io.zhenwu.reports;

import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Report templates and their versions. Templates are wording, the same for the whole installation; the numbers they
 * produce are scoped when a report is rendered, so these statements carry no data scope.
 */
@Repository
class ReportTemplateRepository {

    private static final String WHY = "templates are installation-wide wording; the figures are scoped when rendered";
    private static final String SELECT = "SELECT id, name, current_version, version, updated_at FROM report_template ";

    private final JdbcClient jdbc;

    ReportTemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Unscoped(WHY)
    List<ReportTemplate> all() {
        return jdbc.sql(SELECT + "ORDER BY name").query(ReportTemplateRepository::map).list();
    }

    @Unscoped(WHY)
    Optional<ReportTemplate> find(long id) {
        return jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(ReportTemplateRepository::map).optional();
    }

    @Unscoped(WHY)
    Optional<ReportTemplate> findByName(String name) {
        return jdbc.sql(SELECT + "WHERE name = :name").param("name", name).query(ReportTemplateRepository::map).optional();
    }

    @Unscoped(WHY)
    Optional<ReportTemplate.Version> version(long templateId, int versionNo) {
        return jdbc.sql("SELECT template_id, version_no, body, created_by, created_at FROM report_template_version "
                        + "WHERE template_id = :id AND version_no = :no")
                .param("id", templateId).param("no", versionNo).query(ReportTemplateRepository::mapVersion).optional();
    }

    /** Every version, newest first, without their text. */
    @Unscoped(WHY)
    List<ReportTemplate.Version> versions(long templateId) {
        return jdbc.sql("SELECT template_id, version_no, NULL AS body, created_by, created_at FROM report_template_version "
                        + "WHERE template_id = :id ORDER BY version_no DESC")
                .param("id", templateId).query(ReportTemplateRepository::mapVersion).list();
    }

    @Unscoped(WHY)
    long insert(String name, String body, String by) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO report_template (name, current_version, version, created_at, updated_at) VALUES (:name, 1, 0, :now, :now)")
                .param("name", name).param("now", now).update(keys, "id");
        long id = keys.getKey().longValue();
        insertVersion(id, 1, body, by, now);
        return id;
    }

    /** The next version of the text; 0 when {@code expectedVersion} is stale. */
    @Unscoped(WHY)
    int addVersion(long id, long expectedVersion, String body, String by) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        int n = jdbc.sql("UPDATE report_template SET current_version = current_version + 1, version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND version = :version")
                .param("now", now).param("id", id).param("version", expectedVersion).update();
        if (n == 1) {
            int no = jdbc.sql("SELECT current_version FROM report_template WHERE id = :id").param("id", id).query(Integer.class).single();
            insertVersion(id, no, body, by, now);
        }
        return n;
    }

    private void insertVersion(long id, int no, String body, String by, OffsetDateTime at) {
        jdbc.sql("INSERT INTO report_template_version (template_id, version_no, body, created_by, created_at) VALUES (:id, :no, :body, :by, :at)")
                .param("id", id).param("no", no).param("body", body).param("by", by).param("at", at).update();
    }

    private static ReportTemplate map(ResultSet rs, int row) throws SQLException {
        return new ReportTemplate(rs.getLong("id"), rs.getString("name"), rs.getInt("current_version"), rs.getLong("version"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static ReportTemplate.Version mapVersion(ResultSet rs, int row) throws SQLException {
        return new ReportTemplate.Version(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }
}
