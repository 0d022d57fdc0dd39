package io.zhenwu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The module graph of DESIGN.md: acyclic, only public APIs used across modules; documented under target/. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ZhenwuApplication.class);

    @Test
    void modulesAreWellFormed() {
        MODULES.verify();
    }

    @Test
    void theExpectedModulesExist() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("shared", "org", "security", "audit", "demo", "web");
    }

    @Test
    void orgDependsOnNoOtherBusinessModule() {
        ApplicationModule org = MODULES.getModuleByName("org").orElseThrow();
        assertThat(org.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName))
                .containsOnly("shared");
    }

    @Test
    void writesDocumentation() throws Exception {
        new Documenter(MODULES).writeDocumentation();
        Path docs = Path.of("target", "spring-modulith-docs");
        assertThat(docs).isDirectory();
        try (var files = Files.list(docs)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("components.puml", "module-org.puml");
        }
    }
}
