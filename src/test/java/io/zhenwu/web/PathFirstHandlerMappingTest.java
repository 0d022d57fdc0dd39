package io.zhenwu.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cheap pre-check of {@link PathFirstHandlerMapping} never rules out a path the pattern itself would match. */
class PathFirstHandlerMappingTest {

    @Test
    void theLiteralStartEndsAtTheFirstVariableOrWildcard() {
        assertThat(PathFirstHandlerMapping.literalStart("/api/v1/cases/{id}/transitions/{name}")).isEqualTo("/api/v1/cases/");
        assertThat(PathFirstHandlerMapping.literalStart("/webjars/**")).isEqualTo("/webjars/");
        assertThat(PathFirstHandlerMapping.literalStart("/files/?.txt")).isEqualTo("/files/");
        assertThat(PathFirstHandlerMapping.literalStart("/api/v1/cases")).isEqualTo("/api/v1/cases");
    }

    @Test
    void aPathIsRuledOutOnlyWhenItCannotStartLikeThePattern() {
        List<String> starts = List.of("/api/v1/cases/");
        assertThat(PathFirstHandlerMapping.mayMatch("/api/v1/cases/7/transitions/accept", starts)).isTrue();
        assertThat(PathFirstHandlerMapping.mayMatch("/api/v1/enterprises/7", starts)).isFalse();
        // escapes and matrix variables are decoded or dropped by the pattern match, so they are left to it
        assertThat(PathFirstHandlerMapping.mayMatch("/api/v1/ca%73es/7", starts)).isTrue();
        assertThat(PathFirstHandlerMapping.mayMatch("/api/v1;x=1/cases/7", starts)).isTrue();
        assertThat(PathFirstHandlerMapping.mayMatch("/api/v1/cases/7", List.of("/x/", "/api/"))).isTrue();
    }
}
