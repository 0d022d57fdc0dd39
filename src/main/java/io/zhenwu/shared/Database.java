package io.zhenwu.shared;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which of the two supported databases the repositories talk to, for the few statements that have a faster
 * PostgreSQL-only form (COPY, partitions, a data-modifying WITH); everything else is one SQL for H2 and PostgreSQL.
 */
@Repository
public class Database {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    Database(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the connections are PostgreSQL's (asked of a connection once). */
    @Unscoped("reads no rows: asks a connection which database it is")
    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> c.isWrapperFor(org.postgresql.PGConnection.class)));
            postgres = known;
        }
        return known;
    }
}
