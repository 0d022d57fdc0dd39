package io.zhenwu.testsupport;

import io.zhenwu.ZhenwuApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration of every full-application integration test, so that they all share one cached context:
 * the whole application on a random port (demo town loaded) on H2, or on PostgreSQL in the "postgresql" Surefire execution. Do not
 * add {@code @MockitoBean}, {@code @TestPropertySource} or other context customisations next to it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = {ZhenwuApplication.class, CleanPostgresOncePerJvm.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = ZhenwuProfiles.class)
public @interface ZhenwuTest {
}
