package io.zhenwu.security;

import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Failed logins per user name and client address ({@link LoginAttempts}); none of it is scoped: it runs before login. */
@Repository
class LoginThrottleRepository {

    private final JdbcClient jdbc;

    LoginThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Unscoped("login throttling runs before the caller has a scope")
    Optional<Instant> lockedUntil(String username, String address, Instant now) {
        return jdbc.sql("SELECT locked_until FROM login_throttle WHERE username = :u AND client_address = :a AND locked_until > :now")
                .param("u", username).param("a", address).param("now", at(now))
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /**
     * Counts a failure and locks the pair once {@code threshold} failures are reached; a lock that has run out starts
     * the count again. Returns the failures counted.
     */
    @Unscoped("login throttling runs before the caller has a scope")
    int recordFailure(String username, String address, int threshold, Instant now, Instant lockUntil) {
        jdbc.sql("UPDATE login_throttle SET failures = 0, locked_until = NULL "
                        + "WHERE username = :u AND client_address = :a AND locked_until <= :now")
                .param("u", username).param("a", address).param("now", at(now)).update();
        var increment = jdbc.sql("UPDATE login_throttle SET failures = failures + 1, last_failure_at = :now, "
                        + "locked_until = CASE WHEN failures + 1 >= :threshold THEN :until ELSE locked_until END "
                        + "WHERE username = :u AND client_address = :a")
                .param("u", username).param("a", address).param("now", at(now)).param("threshold", threshold)
                .param("until", at(lockUntil));
        if (increment.update() == 0) {
            try {
                jdbc.sql("INSERT INTO login_throttle (username, client_address, failures, locked_until, last_failure_at) "
                                + "VALUES (:u, :a, 1, CASE WHEN :threshold <= 1 THEN :until END, :now)")
                        .param("u", username).param("a", address).param("now", at(now)).param("threshold", threshold)
                        .param("until", at(lockUntil)).update();
            } catch (DuplicateKeyException concurrent) {
                increment.update();
            }
        }
        return jdbc.sql("SELECT failures FROM login_throttle WHERE username = :u AND client_address = :a")
                .param("u", username).param("a", address).query(Integer.class).single();
    }

    @Unscoped("login throttling runs before the caller has a scope")
    void clear(String username, String address) {
        jdbc.sql("DELETE FROM login_throttle WHERE username = :u AND client_address = :a")
                .param("u", username).param("a", address).update();
    }

    @Unscoped("an administrator's password reset unlocks the account from every address; the user was read in scope")
    void clearAll(String username) {
        jdbc.sql("DELETE FROM login_throttle WHERE username = :u").param("u", username).update();
    }

    /** Forgets pairs whose last failure is older than {@code before} and that are not locked any more. */
    @Unscoped("housekeeping of the throttle table, which holds no scoped data")
    int purge(Instant before, Instant now) {
        return jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < :before AND (locked_until IS NULL OR locked_until <= :now)")
                .param("before", at(before)).param("now", at(now)).update();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, Times.ZONE);
    }
}
