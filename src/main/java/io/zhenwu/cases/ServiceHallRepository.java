package io.zhenwu.cases;

import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The service hall's catalogues: windows, matters, bundle definitions, assistance items (configuration, not cases). */
@Repository
class ServiceHallRepository {

    private final JdbcClient jdbc;

    ServiceHallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Unscoped("the catalogue of windows is configuration of the installation")
    List<ServiceHall.Window> windows() {
        return windows(null);
    }

    @Unscoped("the catalogue of windows is configuration of the installation")
    private List<ServiceHall.Window> windows(String code) {
        return jdbc.sql("SELECT code, name, org_unit_id, resident_agency, agency_name FROM service_window WHERE active = TRUE"
                        + (code == null ? "" : " AND code = :code") + " ORDER BY code")
                .param("code", code)
                .query((rs, n) -> new ServiceHall.Window(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5)))
                .list();
    }

    @Unscoped("the matter catalogue (事项清单) is configuration of the installation")
    List<ServiceHall.Matter> matters() {
        return matters(null);
    }

    @Unscoped("the matter catalogue (事项清单) is configuration of the installation")
    Optional<ServiceHall.Matter> matter(String code) {
        return matters(code).stream().findFirst();
    }

    @Unscoped("the matter catalogue (事项清单) is configuration of the installation")
    private List<ServiceHall.Matter> matters(String code) {
        return jdbc.sql("SELECT code, name, category, matter_kind, legal_days, promised_days, org_unit_id, window_code, materials "
                        + "FROM service_matter_def WHERE active = TRUE" + (code == null ? "" : " AND code = :code") + " ORDER BY category, code")
                .param("code", code)
                .query((rs, n) -> new ServiceHall.Matter(rs.getString(1), rs.getString(2), rs.getString(3),
                        ServiceHall.MatterKind.valueOf(rs.getString(4)), rs.getObject(5, Integer.class), rs.getInt(6), rs.getLong(7),
                        rs.getString(8), rs.getString(9)))
                .list();
    }

    @Unscoped("the bundle catalogue is configuration of the installation")
    List<ServiceHall.Bundle> bundles() {
        return jdbc.sql("SELECT b.code, b.name, b.promised_days, i.matter_code FROM service_bundle_def b "
                        + "JOIN service_bundle_item i ON i.bundle_code = b.code ORDER BY b.code, i.matter_code")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)}).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(r -> (String) r[0], java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()))
                .values().stream()
                .map(rows -> new ServiceHall.Bundle((String) rows.get(0)[0], (String) rows.get(0)[1], (Integer) rows.get(0)[2],
                        rows.stream().map(r -> (String) r[3]).toList()))
                .toList();
    }

    @Unscoped("the assistance item catalogue is configuration of the installation")
    List<ServiceHall.AssistanceItem> assistanceItems() {
        return jdbc.sql("SELECT code, name, stage, promised_days FROM assistance_item WHERE active = TRUE ORDER BY code")
                .query((rs, n) -> new ServiceHall.AssistanceItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    @Unscoped("catalogue write by an administrator; the org unit was checked against the caller's scope")
    void insertWindow(ServiceHall.Window w) {
        jdbc.sql("INSERT INTO service_window (code, name, org_unit_id, resident_agency, agency_name) VALUES (:c, :n, :o, :r, :a)")
                .param("c", w.code()).param("n", w.name()).param("o", w.orgUnitId()).param("r", w.residentAgency())
                .param("a", w.agencyName()).update();
    }

    @Unscoped("catalogue write by an administrator; the org unit was checked against the caller's scope")
    void insertMatter(ServiceHall.Matter m) {
        jdbc.sql("INSERT INTO service_matter_def (code, name, category, matter_kind, legal_days, promised_days, org_unit_id, window_code, materials) "
                        + "VALUES (:c, :n, :cat, :k, :l, :p, :o, :w, :m)")
                .param("c", m.code()).param("n", m.name()).param("cat", m.category()).param("k", m.kind().name())
                .param("l", m.legalDays()).param("p", m.promisedDays()).param("o", m.orgUnitId()).param("w", m.windowCode())
                .param("m", m.materials()).update();
    }

    @Unscoped("catalogue write by an administrator")
    void insertBundle(ServiceHall.Bundle b) {
        jdbc.sql("INSERT INTO service_bundle_def (code, name, promised_days) VALUES (:c, :n, :p)")
                .param("c", b.code()).param("n", b.name()).param("p", b.promisedDays()).update();
        for (String m : b.matterCodes()) {
            jdbc.sql("INSERT INTO service_bundle_item (bundle_code, matter_code) VALUES (:b, :m)").param("b", b.code()).param("m", m).update();
        }
    }

    @Unscoped("catalogue write by an administrator")
    void insertAssistanceItem(ServiceHall.AssistanceItem i) {
        jdbc.sql("INSERT INTO assistance_item (code, name, stage, promised_days) VALUES (:c, :n, :s, :p)")
                .param("c", i.code()).param("n", i.name()).param("s", i.stage()).param("p", i.promisedDays()).update();
    }

    @Unscoped("reads one window of the catalogue")
    Optional<ServiceHall.Window> window(String code) {
        return windows(code).stream().findFirst();
    }
}
