package io.zhenwu.audit;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/** H2 trigger that rejects UPDATE and DELETE on the audit tables (PostgreSQL uses a PL/pgSQL trigger). */
public class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit trail is append-only: change to " + table + " rejected", "P0001");
    }
}
