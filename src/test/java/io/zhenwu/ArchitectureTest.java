package io.zhenwu;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Unscoped;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules DESIGN.md states in prose, checked on the main classes (test classes are not imported). */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.zhenwu");
    }

    static final DescribedPredicate<JavaMethod> REAL_METHOD = DescribedPredicate.describe("not synthetic or bridge",
            m -> !m.getModifiers().contains(JavaModifier.SYNTHETIC) && !m.getModifiers().contains(JavaModifier.BRIDGE));

    static final ArchCondition<JavaMethod> TAKE_A_SCOPE_OR_SAY_WHY_NOT =
            new ArchCondition<>("take a " + DataScope.class.getSimpleName() + " parameter or be annotated @Unscoped") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean scoped = method.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(DataScope.class));
                    boolean unscoped = method.isAnnotatedWith(Unscoped.class);
                    if (!scoped && !unscoped) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " has no DataScope parameter and no @Unscoped reason"));
                    }
                }
            };

    static final ArchRule SCOPED_REPOSITORIES = methods().that().areDeclaredInClassesThat().areAnnotatedWith(Repository.class)
            .and().areDeclaredInClassesThat().resideInAPackage("io.zhenwu..")
            .and().areNotPrivate()
            .and().areNotStatic()
            .and(REAL_METHOD)
            .should(TAKE_A_SCOPE_OR_SAY_WHY_NOT)
            .allowEmptyShould(false);

    static final ArchRule JDBC_ONLY_IN_REPOSITORIES = noClasses().that().resideInAPackage("io.zhenwu..")
            .and().areNotAnnotatedWith(Repository.class)
            .should().dependOnClassesThat()
            .belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class, DataSource.class)
            .because("SQL lives in @Repository classes, where the data-scope rule applies");

    static final ArchRule SECURITY_CONTEXT_ONLY_IN_SECURITY = noClasses().that().resideInAPackage("io.zhenwu..")
            .and().resideOutsideOfPackage("io.zhenwu.security..")
            .should().dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.security.core.context.SecurityContextHolder")
            .because("modules ask io.zhenwu.shared.CurrentActor who is acting");

    @Test
    void everyRepositoryMethodIsScopedOrExplicitlyUnscoped() {
        SCOPED_REPOSITORIES.check(classes);
    }

    @Test
    void theScopeRuleSeesTheRepositories() {
        // guards against the rule above passing vacuously (e.g. if the annotation or package stopped matching)
        assertThat(classes.stream().filter(c -> c.isAnnotatedWith(Repository.class)).map(c -> c.getSimpleName()))
                .contains("OrgUnitRepository", "UserRepository", "ApiTokenRepository", "AuditRepository");
    }

    @Test
    void onlyRepositoriesTouchJdbc() {
        JDBC_ONLY_IN_REPOSITORIES.check(classes);
    }

    @Test
    void onlyTheSecurityModuleReadsTheSecurityContext() {
        SECURITY_CONTEXT_ONLY_IN_SECURITY.check(classes);
    }

    // ---- the rules catch what they are meant to (fixtures below are abstract, so no component scan picks them up)

    @Test
    void theRulesRejectViolatingFixtures() {
        JavaClasses bad = new ClassFileImporter().importClasses(UnscopedFinder.class, ServiceWithJdbc.class, ServiceReadingSecurityContext.class);
        assertThatThrownBy(() -> SCOPED_REPOSITORIES.check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("UnscopedFinder.findAll()")
                .hasMessageContaining("UnscopedFinder.countAll()")
                .hasMessageNotContaining("findInScope")
                .hasMessageNotContaining("reasoned")
                .hasMessageNotContaining("helper");
        assertThatThrownBy(() -> JDBC_ONLY_IN_REPOSITORIES.check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ServiceWithJdbc")
                .hasMessageNotContaining("UnscopedFinder");
        assertThatThrownBy(() -> SECURITY_CONTEXT_ONLY_IN_SECURITY.check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ServiceReadingSecurityContext");
    }

    @Repository
    abstract static class UnscopedFinder {
        JdbcClient jdbc;

        java.util.List<String> findAll() {
            return jdbc.sql("SELECT name FROM org_unit").query(String.class).list();
        }

        public long countAll() {
            return 0;
        }

        java.util.List<String> findInScope(DataScope scope) {
            return java.util.List.of(scope.path());
        }

        @Unscoped("fixture")
        long reasoned() {
            return 0;
        }

        private long helper() {
            return 0;
        }
    }

    abstract static class ServiceWithJdbc {
        int count(JdbcTemplate jdbc) {
            return jdbc.queryForObject("SELECT 1", Integer.class);
        }
    }

    abstract static class ServiceReadingSecurityContext {
        Object who() {
            return org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        }
    }
}
