package io.zhenwu.testsupport;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Profiles of every Spring test: {@code test} (in-memory H2), plus {@code testpg} when the Surefire execution
 * "postgresql" runs ({@code -Dzhenwu.test.db=pg}, or {@code -Dspring.profiles.active=test,testpg}). Resolving here,
 * rather than fixing {@code @ActiveProfiles("test")}, lets that execution's choice win.
 */
public class ZhenwuProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres() ? new String[]{"test", "testpg"} : new String[]{"test"};
    }

    public static boolean postgres() {
        return "pg".equals(System.getProperty("zhenwu.test.db"))
                || System.getProperty("spring.profiles.active", "").contains("testpg");
    }
}
