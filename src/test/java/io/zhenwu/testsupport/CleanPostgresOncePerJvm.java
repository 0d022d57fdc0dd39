package io.zhenwu.testsupport;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * On PostgreSQL the test database outlives the JVM: the first context of a JVM drops everything Flyway manages and
 * migrates from scratch; later contexts (and later runs' H2) only migrate. Active in profile {@code testpg} only.
 */
@TestConfiguration(proxyBeanMethods = false)
@Profile("testpg")
public class CleanPostgresOncePerJvm {

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    @Bean
    FlywayMigrationStrategy cleanOncePerJvmThenMigrate() {
        return flyway -> {
            if (CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
