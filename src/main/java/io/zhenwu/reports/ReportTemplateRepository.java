package io.zhenwu.reports;

import io.zhenwu.shared.DataScope;
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
 * Report templates and their versions. A template belongs to an org unit (V27) and is read within the caller's
 * scope: a template owned outside it does not exist for the caller (404).
 */
@Repository
class ReportTemplateRepository {

    private static final String READ_IN_SCOPE = "the template was read within the caller's scope before";
    private static final String SELECT = "SELECT t.id, t.name, t.current_version, t.version, t.updated_at, t.org_unit_id, o.path "
            + "FROM report_template t JOIN org_unit o ON o.id = t.org_unit_id ";

    private final JdbcClient jdbc;

    ReportTemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ReportTemplate> all(DataScope scope) {
        return jdbc.sql(SELECT + "WHERE o.path LIKE :scope ORDER BY t.name, o.path")
                .param("scope", scope.likePattern()).query(ReportTemplateRepository::map).list();
    }

    Optional<ReportTemplate> find(DataScope scope, long id) {
        return jdbc.sql(SELECT + "WHERE t.id = :id AND o.path LIKE :scope")
                .param("id", id).param("scope", scope.likePattern()).query(ReportTemplateRepository::map).optional();
    }

    /** The templates of that name in the scope, the deepest owner first. */
    List<ReportTemplate> findByName(DataScope scope, String name) {
        return jdbc.sql(SELECT + "WHERE t.name = :name AND o.path LIKE :scope ORDER BY o.depth DESC, t.id")
                .param("name", name).param("scope", scope.likePattern()).query(ReportTemplateRepository::map).list();
    }

    @Unscoped("a name is unique per owning org unit, whoever asks; the owner is the caller's own unit")
    boolean nameTaken(long orgUnitId, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM report_template WHERE org_unit_id = :org AND name = :name")
                .param("org", orgUnitId).param("name", name).query(Long.class).single() > 0;
    }

    @Unscoped(READ_IN_SCOPE)
    Optional<ReportTemplate.Version> version(long templateId, int versionNo) {
        return jdbc.sql("SELECT template_id, version_no, body, created_by, created_at FROM report_template_version "
                        + "WHERE template_id = :id AND version_no = :no")
                .param("id", templateId).param("no", versionNo).query(ReportTemplateRepository::mapVersion).optional();
    }

    /** Every version, newest first, without their text. */
    @Unscoped(READ_IN_SCOPE)
    List<ReportTemplate.Version> versions(long templateId) {
        return jdbc.sql("SELECT template_id, version_no, NULL AS body, created_by, created_at FROM report_template_version "
                        + "WHERE template_id = :id ORDER BY version_no DESC")
                .param("id", templateId).query(ReportTemplateRepository::mapVersion).list();
    }

    @Unscoped("creates a template owned by the caller's own org unit (or the demo town, by the loader)")
    long insert(long orgUnitId, String name, String body, String by) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO report_template (name, org_unit_id, current_version, version, created_at, updated_at) "
                        + "VALUES (:name, :org, 1, 0, :now, :now)")
                .param("name", name).param("org", orgUnitId).param("now", now).update(keys, "id");
        long id = keys.getKey().longValue();
        insertVersion(id, 1, body, by, now);
        return id;
    }

    /** The next version of the text; 0 when {@code expectedVersion} is stale. */
    @Unscoped(READ_IN_SCOPE)
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
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("org_unit_id"), rs.getString("path"));
    }

    private static ReportTemplate.Version mapVersion(ResultSet rs, int row) throws SQLException {
        return new ReportTemplate.Version(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }
}
