package io.zhenwu.authz;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scoped records the matrix addresses, by kind: for each principal one record it should see (in scope) and
 * one it should not (out of scope), decided here from the org tree alone — the record's org unit path against the
 * principal's, and for an enterprise user the enterprise binding — never by asking the application.
 * A kind names what a sample's {@code {kind}} placeholder stands for (a path variable, or the {@code org} code).
 */
final class MatrixFixtures {

    /** An id no table reaches: a record that does not exist. */
    static final String UNKNOWN_ID = "987654321";

    /** How a kind's records are seen. */
    enum Visibility {
        /** the record's org unit lies in the caller's subtree */
        ORG,
        /** as {@link #ORG}, and an enterprise user sees only records of their own enterprise (cases, notices) */
        ENTERPRISE_BOUND,
        /**
         * the caller's own records in their scope (an import's error report goes to its submitter); out of scope
         * means outside the org subtree — someone else's record inside it is not probed
         */
        OWN
    }

    /**
     * A record: the value put into the URL, its org unit's path (null: seen by all), and who it belongs to (or null):
     * its enterprise, or for {@link Visibility#OWN} its owner's user id.
     */
    record Candidate(String value, String path, Long owner) {
    }

    /** The records probed for one principal; either may be absent when the demo data holds none. */
    record Probe(Optional<String> inScope, Optional<String> outOfScope) {
    }

    private record Kind(Visibility visibility, String sql) {
    }

    /**
     * Every kind: SQL returning {@code val, path, ent} ordered by id. Cases are scoped by their handling unit;
     * safety inspections by theirs; notices, evidence and escalations by their case's.
     */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            org("org-unit", "SELECT CAST(o.id AS VARCHAR(20)) val, o.path, NULL ent FROM org_unit o ORDER BY o.id"),
            org("org", "SELECT o.code val, o.path, NULL ent FROM org_unit o ORDER BY o.id"),
            org("enterprise", "SELECT CAST(e.id AS VARCHAR(20)) val, o.path, e.id ent FROM enterprise e "
                    + "JOIN org_unit o ON o.id = e.org_unit_id ORDER BY e.id"),
            org("honour", "SELECT CAST(h.enterprise_id AS VARCHAR(20)) || '/honours/' || CAST(h.id AS VARCHAR(20)) val, "
                    + "o.path, e.id ent FROM enterprise_honour h JOIN enterprise e ON e.id = h.enterprise_id "
                    + "JOIN org_unit o ON o.id = e.org_unit_id ORDER BY h.id"),
            org("resident", "SELECT CAST(r.id AS VARCHAR(20)) val, o.path, NULL ent FROM resident r "
                    + "JOIN org_unit o ON o.id = r.org_unit_id ORDER BY r.id"),
            org("household", "SELECT h.household_no val, o.path, NULL ent FROM household h "
                    + "JOIN org_unit o ON o.id = h.org_unit_id ORDER BY h.id"),
            org("facility", "SELECT CAST(f.id AS VARCHAR(20)) val, o.path, NULL ent FROM facility f "
                    + "JOIN org_unit o ON o.id = f.org_unit_id ORDER BY f.id"),
            org("data-value", "SELECT CAST(d.id AS VARCHAR(20)) val, o.path, NULL ent FROM data_value d "
                    + "JOIN org_unit o ON o.id = d.org_unit_id ORDER BY d.id"),
            org("user", "SELECT CAST(u.id AS VARCHAR(20)) val, o.path, NULL ent FROM app_user u "
                    + "JOIN org_unit o ON o.id = u.org_unit_id ORDER BY u.id"),
            org("import", "SELECT CAST(j.id AS VARCHAR(20)) val, j.scope_path path, NULL ent FROM import_job j ORDER BY j.id"),
            Map.entry("own-rejected-import", new Kind(Visibility.OWN, "SELECT CAST(j.id AS VARCHAR(20)) val, j.scope_path path, "
                    + "j.requester_id ent FROM import_job j WHERE EXISTS (SELECT 1 FROM import_error e WHERE e.job_id = j.id) "
                    + "ORDER BY j.id")),
            org("publication", "SELECT CAST(p.id AS VARCHAR(20)) val, o.path, NULL ent FROM published_report p "
                    + "JOIN org_unit o ON o.id = p.org_unit_id ORDER BY p.id"),
            // catalogue records, installation-wide: every caller sees them (null path)
            org("validation-rule", "SELECT v.code val, CAST(NULL AS VARCHAR(10)) path, NULL ent FROM validation_rule v ORDER BY v.code"),
            org("inspection", "SELECT CAST(i.id AS VARCHAR(20)) val, o.path, i.enterprise_id ent FROM safety_inspection i "
                    + "JOIN org_unit o ON o.id = i.org_unit_id ORDER BY i.id"),
            org("evidence", "SELECT CAST(v.id AS VARCHAR(20)) val, o.path, c.enterprise_id ent FROM safety_evidence v "
                    + "JOIN case_record c ON c.id = v.case_id JOIN org_unit o ON o.id = c.org_unit_id ORDER BY v.id"),
            bound("case", "SELECT CAST(c.id AS VARCHAR(20)) val, o.path, c.enterprise_id ent FROM case_record c "
                    + "JOIN org_unit o ON o.id = c.org_unit_id ORDER BY c.id"),
            bound("hazard", "SELECT CAST(c.id AS VARCHAR(20)) val, o.path, c.enterprise_id ent FROM safety_hazard h "
                    + "JOIN case_record c ON c.id = h.case_id JOIN org_unit o ON o.id = c.org_unit_id ORDER BY c.id"),
            bound("labor-dispute", "SELECT CAST(c.id AS VARCHAR(20)) val, o.path, c.enterprise_id ent FROM labor_dispute d "
                    + "JOIN case_record c ON c.id = d.case_id JOIN org_unit o ON o.id = c.org_unit_id ORDER BY c.id"),
            bound("farmland-plot", "SELECT CAST(c.id AS VARCHAR(20)) val, o.path, c.enterprise_id ent FROM farmland_plot p "
                    + "JOIN case_record c ON c.id = p.case_id JOIN org_unit o ON o.id = c.org_unit_id ORDER BY c.id"),
            bound("notice", "SELECT CAST(n.id AS VARCHAR(20)) val, o.path, n.enterprise_id ent FROM rectification_notice n "
                    + "JOIN case_record c ON c.id = n.case_id JOIN org_unit o ON o.id = c.org_unit_id ORDER BY n.id"),
            // Only escalations already acknowledged: acknowledging one is a write the shared demo data must not see,
            // and a second acknowledgement changes nothing (it answers 404, like an unknown one).
            org("escalation", "SELECT CAST(e.id AS VARCHAR(20)) val, o.path, c.enterprise_id ent FROM case_escalation e "
                    + "JOIN case_record c ON c.id = e.case_id JOIN org_unit o ON o.id = c.org_unit_id "
                    + "WHERE e.acknowledged_at IS NOT NULL ORDER BY e.id"));

    private final Map<String, Kind> kinds;
    private final Map<String, List<Candidate>> records;

    private MatrixFixtures(Map<String, Kind> kinds, Map<String, List<Candidate>> records) {
        this.kinds = kinds;
        this.records = records;
    }

    /**
     * Report templates: installation-wide until they have an owner (issue 18 gives each an org unit, V27); from then
     * on scoped by it like any record.
     */
    private static Map.Entry<String, Kind> template(JdbcClient jdbc) {
        boolean owned = jdbc.sql("SELECT COUNT(*) FROM information_schema.columns "
                + "WHERE LOWER(table_name) = 'report_template' AND LOWER(column_name) = 'org_unit_id'").query(Long.class).single() > 0;
        return org("template", owned
                ? "SELECT CAST(t.id AS VARCHAR(20)) val, o.path, NULL ent FROM report_template t "
                + "JOIN org_unit o ON o.id = t.org_unit_id ORDER BY t.id"
                : "SELECT CAST(t.id AS VARCHAR(20)) val, CAST(NULL AS VARCHAR(10)) path, NULL ent FROM report_template t ORDER BY t.id");
    }

    static boolean knows(String kind) {
        return KINDS.containsKey(kind) || kind.equals("template");
    }

    /** Reads every kind's records once (the demo town: a few thousand rows in all). */
    static MatrixFixtures load(JdbcClient jdbc) {
        Function<Map.Entry<String, Kind>, List<Candidate>> read = e -> jdbc.sql(e.getValue().sql())
                .query((rs, n) -> new Candidate(rs.getString("val"), rs.getString("path"),
                        rs.getObject("ent") == null ? null : rs.getLong("ent"))).list();
        Map<String, Kind> kinds = new HashMap<>(KINDS);
        Map.Entry<String, Kind> template = template(jdbc);
        kinds.put(template.getKey(), template.getValue());
        return new MatrixFixtures(kinds, kinds.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, read)));
    }

    /** The first record of the kind the principal sees and the first it does not. */
    Probe probe(String kind, MatrixPrincipal principal) {
        Kind k = kinds.get(kind);
        List<Candidate> all = records.get(kind);
        if (principal.anonymous()) {
            return new Probe(all.stream().findFirst().map(Candidate::value), Optional.empty());
        }
        Optional<String> in = all.stream().filter(c -> visible(k, c, principal)).findFirst().map(Candidate::value);
        Optional<String> out = all.stream()
                .filter(c -> k.visibility() == Visibility.OWN ? !principal.sees(c.path()) : !visible(k, c, principal))
                .findFirst().map(Candidate::value);
        return new Probe(in, out);
    }

    private static boolean visible(Kind kind, Candidate record, MatrixPrincipal principal) {
        if (record.path() == null) {
            return true;
        }
        if (kind.visibility() == Visibility.OWN) {
            return Long.valueOf(principal.userId()).equals(record.owner()) && principal.sees(record.path());
        }
        if (kind.visibility() == Visibility.ENTERPRISE_BOUND && principal.boundToEnterprise()) {
            // whichever unit handles it (the binding itself was made within the user's scope)
            return principal.enterpriseId() != null && principal.enterpriseId().equals(record.owner());
        }
        return principal.sees(record.path());
    }

    private static Map.Entry<String, Kind> org(String name, String sql) {
        return Map.entry(name, new Kind(Visibility.ORG, sql));
    }

    private static Map.Entry<String, Kind> bound(String name, String sql) {
        return Map.entry(name, new Kind(Visibility.ENTERPRISE_BOUND, sql));
    }
}
