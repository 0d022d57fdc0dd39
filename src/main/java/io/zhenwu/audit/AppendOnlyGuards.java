package io.zhenwu.audit;

import io.zhenwu.audit.ChainVerification.Finding;
import io.zhenwu.audit.ChainVerification.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.zhenwu.shared.Unscoped;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks that the database still enforces the trail's append-only rule (migrations V3_1, V3_1_1): every trigger there,
 * enabled, calling the function or class that rejects the change. A user who can drop or disable them can rewrite
 * the tables; the chain and the anchors then show what was rewritten, and this names the missing guard.
 */
@Repository
class AppendOnlyGuards {

    private static final List<String> H2_TRIGGERS = List.of("AUDIT_EVENT_APPEND_ONLY", "AUDIT_SEAL_APPEND_ONLY");
    private static final List<String> PG_TRIGGERS = List.of("audit_event_append_only", "audit_event_no_truncate",
            "audit_seal_append_only", "audit_seal_no_truncate");
    private static final String PG_FUNCTION = "zhenwu_audit_append_only";

    private final JdbcClient jdbc;
    private final boolean postgres;

    AppendOnlyGuards(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    @Unscoped("reads the database catalogue, no records")
    List<Finding> check() {
        return postgres ? checkPostgres() : checkH2();
    }

    private List<Finding> checkH2() {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> classes = jdbc.sql("SELECT TRIGGER_NAME, JAVA_CLASS FROM INFORMATION_SCHEMA.TRIGGERS "
                        + "WHERE TRIGGER_SCHEMA = CURRENT_SCHEMA")
                .query((rs, i) -> Map.entry(rs.getString(1), String.valueOf(rs.getString(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        for (String trigger : H2_TRIGGERS) {
            if (!classes.containsKey(trigger)) {
                findings.add(new Finding(Problem.TRIGGER_MISSING, null, "trigger " + trigger.toLowerCase() + " is missing"));
            } else if (!AppendOnlyTrigger.class.getName().equals(classes.get(trigger))) {
                findings.add(new Finding(Problem.TRIGGER_ALTERED, null, "trigger " + trigger.toLowerCase() + " calls " + classes.get(trigger)));
            }
        }
        List<String> guard = jdbc.sql("SELECT ENFORCED FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = CURRENT_SCHEMA "
                + "AND TABLE_NAME = 'AUDIT_SEAL_TRUNCATE_GUARD' AND CONSTRAINT_TYPE = 'FOREIGN KEY'").query(String.class).list();
        if (guard.isEmpty()) {
            findings.add(new Finding(Problem.TRIGGER_MISSING, null, "the truncate guard audit_seal_truncate_guard is missing"));
        } else if (!guard.contains("YES")) {
            findings.add(new Finding(Problem.TRIGGER_DISABLED, null, "the truncate guard's foreign key is not enforced "
                    + "(SET REFERENTIAL_INTEGRITY FALSE): TRUNCATE TABLE audit_seal would succeed"));
        }
        return findings;
    }

    private List<Finding> checkPostgres() {
        List<Finding> findings = new ArrayList<>();
        record Trigger(String enabled, String function, String source) {
        }
        Map<String, Trigger> triggers = jdbc.sql("SELECT t.tgname, t.tgenabled, p.proname, p.prosrc FROM pg_trigger t "
                        + "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                        + "WHERE NOT t.tgisinternal AND c.relname IN ('audit_event', 'audit_seal') AND pg_table_is_visible(c.oid)")
                .query((rs, i) -> Map.entry(rs.getString(1), new Trigger(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        for (String name : PG_TRIGGERS) {
            Trigger t = triggers.get(name);
            if (t == null) {
                findings.add(new Finding(Problem.TRIGGER_MISSING, null, "trigger " + name + " is missing"));
            } else if (!"O".equals(t.enabled()) && !"A".equals(t.enabled())) {
                findings.add(new Finding(Problem.TRIGGER_DISABLED, null, "trigger " + name + " is disabled"
                        + ("R".equals(t.enabled()) ? " (fires on replicas only)" : "")));
            } else if (!PG_FUNCTION.equals(t.function()) || t.source() == null || !t.source().contains("RAISE EXCEPTION")) {
                findings.add(new Finding(Problem.TRIGGER_ALTERED, null, "trigger " + name + " calls " + t.function()
                        + ", which no longer rejects the change"));
            }
        }
        return findings;
    }
}
