package io.zhenwu.imports;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a job's valid rows go while the file is read: each row is {@code row_no, org_code, org_unit_id} and the
 * type's columns. {@link #finish()} makes the written rows visible to the whole-file checks; {@link #close()} after
 * a failure leaves nothing half-staged behind that {@link ImportJobRepository#clearStaging} would not remove.
 * Opened by {@link ImportJobRepository#openStaging} only, which owns the staging SQL.
 */
abstract sealed class StagingWriter implements AutoCloseable permits StagingWriter.Batched, StagingWriter.Copied {

    abstract void write(Object[] row);

    abstract void finish();

    @Override
    public abstract void close();

    /** The INSERT's column list: job, row, org code, resolved org unit id, then the type's columns. */
    static String columnList(Staging<?> staging) {
        return "job_id, row_no, org_code, org_unit_id, " + String.join(", ", staging.columns());
    }

    /** The job's own table on PostgreSQL: the staging table's name and the job id (both from code, never from input). */
    static String jobTable(Staging<?> staging, long jobId) {
        return staging.stagingTable() + "_j" + jobId;
    }

    /** H2: the rows of the shared staging table, handed to the repository's batched INSERT 1,000 at a time. */
    static final class Batched extends StagingWriter {

        private final Consumer<List<Object[]>> insert;
        private final long jobId;
        private final List<Object[]> rows = new ArrayList<>(ImportService.BATCH);

        Batched(Consumer<List<Object[]>> insert, long jobId) {
            this.insert = insert;
            this.jobId = jobId;
        }

        @Override
        void write(Object[] row) {
            Object[] withJob = new Object[row.length + 1];
            withJob[0] = jobId;
            System.arraycopy(row, 0, withJob, 1, row.length);
            rows.add(withJob);
            if (rows.size() >= ImportService.BATCH) {
                flush();
            }
        }

        private void flush() {
            if (!rows.isEmpty()) {
                insert.accept(rows);
                rows.clear();
            }
        }

        @Override
        void finish() {
            flush();
        }

        @Override
        public void close() {
            rows.clear();
        }
    }

    /**
     * PostgreSQL: the rows stream by {@code COPY} (text format) into an UNLOGGED table of the job's own, created
     * without indexes and with a {@code CHECK (job_id = …)}; {@link #finish()} attaches it as the job's partition of
     * the staging table, which builds the indexes once, sorted, and needs no scan to prove the partition bound.
     * Dropping that table later clears the job (see V21). The COPY runs on a connection of its own in autocommit:
     * staged rows are outside the applying transaction anyway, and a cancelled COPY stages nothing.
     */
    static final class Copied extends StagingWriter {

        private final Connection connection;
        private final String parent;
        private final String table;
        private final long jobId;
        private final CopyIn copy;
        private final StringBuilder line = new StringBuilder(512);
        /** UTF-8 of the rows written so far, sent to the server 64 KB at a time. */
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private boolean done;

        Copied(Connection connection, Staging<?> staging, long jobId) throws SQLException {
            this.connection = connection;
            this.parent = staging.stagingTable();
            this.table = jobTable(staging, jobId);
            this.jobId = jobId;
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("CREATE UNLOGGED TABLE " + table + " (LIKE " + parent + " INCLUDING DEFAULTS, CHECK (job_id = " + jobId + "))");
            }
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columnList(staging)
                    + ") FROM STDIN");
        }

        @Override
        void write(Object[] row) {
            line.setLength(0);
            line.append(jobId);
            for (Object value : row) {
                line.append('\t');
                append(line, value);
            }
            line.append('\n');
            encode(line);
        }

        /** UTF-8 into the buffer (an unpaired surrogate becomes '?', as String#getBytes does), sent when full. */
        private void encode(CharSequence text) {
            CharBuffer in = CharBuffer.wrap(text);
            while (utf8.encode(in, bytes, true).isOverflow()) {
                flush();
            }
            utf8.reset();
        }

        private void flush() {
            try {
                copy.writeToCopy(bytes.array(), 0, bytes.position());
                bytes.clear();
            } catch (SQLException e) {
                throw new IllegalStateException("staging job " + jobId + " failed", e);
            }
        }

        @Override
        void finish() {
            try {
                flush();
                copy.endCopy();
                done = true;
                try (Statement s = connection.createStatement()) {
                    s.execute("ALTER TABLE " + parent + " ATTACH PARTITION " + table + " FOR VALUES IN (" + jobId + ")");
                    // Fresh statistics, of the partition and of the table as a whole (the planner groups and joins
                    // the parent's rows by the latter: without them it assumes 200 distinct keys in a million rows).
                    s.execute("ANALYZE " + parent);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("staging job " + jobId + " failed", e);
            }
        }

        @Override
        public void close() {
            try {
                if (!done && copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the connection is closed below; the job's table is dropped by clearStaging
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // returned to the pool or discarded by it
                }
            }
        }

        /** One value in COPY text format: {@code \N} for null; backslash, tab, line feed and carriage return escaped. */
        static void append(StringBuilder line, Object value) {
            if (value == null) {
                line.append("\\N");
            } else if (value instanceof String s) {
                escape(line, s);
            } else if (value instanceof LocalDate d) {
                date(line, d);
            } else if (value instanceof BigDecimal b) {
                line.append(b.toPlainString());
            } else if (value instanceof Number || value instanceof Boolean) {
                line.append(value);
            } else {
                escape(line, value.toString());
            }
        }

        private static void escape(StringBuilder line, String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }

        /** ISO year-month-day; years outside 1–9999 as PostgreSQL reads them (no sign; BC for year 0 and before). */
        private static void date(StringBuilder line, LocalDate d) {
            int year = d.getYear();
            int shown = year >= 1 ? year : 1 - year;
            if (shown < 1000) {
                line.append(shown < 10 ? "000" : shown < 100 ? "00" : "0");
            }
            line.append(shown).append('-');
            twoDigits(line, d.getMonthValue());
            line.append('-');
            twoDigits(line, d.getDayOfMonth());
            if (year < 1) {
                line.append(" BC");
            }
        }

        private static void twoDigits(StringBuilder line, int n) {
            line.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
        }
    }
}
