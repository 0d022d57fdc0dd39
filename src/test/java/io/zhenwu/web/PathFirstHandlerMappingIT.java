package io.zhenwu.web;

import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PathFirstHandlerMapping} finds the same handler as Spring MVC's own lookup, with the same path variables and
 * best pattern, or fails the same way, for a sample path of every mapping of the application under every method, and
 * for paths no mapping has.
 */
@ZhenwuTest
class PathFirstHandlerMappingIT {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    @Autowired
    PathFirstHandlerMapping mapping;

    @Test
    void everyPathFindsWhatSpringFinds() throws Exception {
        Set<String> paths = new LinkedHashSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                paths.add(pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "7").replace("**", "a/b")
                        .replace("*", "x").replace("?", "q"));
                paths.add(pattern.replaceAll("\\{[^}]+}", "search").replace("**", "x").replace("*", "x"));
                paths.add(pattern.replaceAll("\\{[^}]+}", "7") + "/");
            }
        }
        paths.addAll(List.of("/api/v1/no-such-thing", "/api/v1/cases/7/no-such-thing", "/no-such-page", "/",
                "/api/v1/ca%73es/7", "/api/v1/cases;x=1/7"));
        assertThat(paths).hasSizeGreaterThan(100);

        List<String> differences = new ArrayList<>();
        int found = 0;
        for (String path : paths) {
            for (String method : METHODS) {
                Outcome ours = lookUp(method, path, true);
                Outcome spring = lookUp(method, path, false);
                if (!ours.equals(spring)) {
                    differences.add(method + " " + path + ": " + ours + " ≠ Spring's " + spring);
                }
                if (ours.handler() != null) {
                    found++;
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(found).as("lookups that found a handler").isGreaterThan(100);
    }

    @Test
    void aRegistrationAfterStartIsFound() throws Exception {
        assertThat(lookUp("GET", "/api/v1/cases/7", true).handler()).isNotNull();
        RequestMappingInfo extra = RequestMappingInfo.paths("/api/v1/probe/{id}").methods(RequestMethod.GET)
                .options(mapping.getBuilderConfiguration()).build();
        mapping.registerMapping(extra, new Probe(), Probe.class.getMethod("probe"));
        try {
            assertThat(lookUp("GET", "/api/v1/probe/7", true).handler()).contains("Probe#probe");
        } finally {
            mapping.unregisterMapping(extra);
        }
        assertThat(lookUp("GET", "/api/v1/probe/7", true).handler()).isNull();
    }

    @Test
    void theMostSpecificOfSeveralMatchesWinsAndEqualOnesFailAsSpringFails() throws Exception {
        Method probe = Probe.class.getMethod("probe");
        List<RequestMappingInfo> extra = List.of(info("/api/v1/probe/{id}"), info("/api/v1/probe/x{id}"),
                info("/api/v1/probe/{id}/{part}"), info("/api/v1/probe/{a}-{b}/items"), info("/api/v1/probe/{c}-{d}/items"));
        extra.forEach(e -> mapping.registerMapping(e, new Probe(), probe));
        try {
            Outcome specific = lookUp("GET", "/api/v1/probe/x7", true);
            assertThat(specific).isEqualTo(lookUp("GET", "/api/v1/probe/x7", false));
            assertThat(specific.pattern()).isEqualTo("/api/v1/probe/x{id}");
            for (String path : List.of("/api/v1/probe/7", "/api/v1/probe/7/8", "/api/v1/probe/x7/8")) {
                assertThat(lookUp("GET", path, true)).isEqualTo(lookUp("GET", path, false));
            }
            Outcome ambiguous = lookUp("GET", "/api/v1/probe/1-2/items", true);
            assertThat(ambiguous).isEqualTo(lookUp("GET", "/api/v1/probe/1-2/items", false));
            assertThat(ambiguous.failure()).startsWith("IllegalStateException: Ambiguous handler methods");
        } finally {
            extra.forEach(mapping::unregisterMapping);
        }
    }

    private RequestMappingInfo info(String pattern) {
        return RequestMappingInfo.paths(pattern).methods(RequestMethod.GET).options(mapping.getBuilderConfiguration()).build();
    }

    record Outcome(String handler, Object variables, Object pattern, String failure) {
    }

    private Outcome lookUp(String method, String path, boolean ours) throws Exception {
        var request = new MockHttpServletRequest(method, path);
        request.setContentType("application/json");
        request.addHeader("Accept", "application/json");
        ServletRequestPathUtils.parseAndCache(request);
        String lookupPath = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
        try {
            var handler = ours ? mapping.lookupHandlerMethod(lookupPath, request) : mapping.springLookup(lookupPath, request);
            return new Outcome(handler == null ? null : handler.toString(),
                    request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE),
                    request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE), null);
        } catch (Exception e) {
            return new Outcome(null, null, null, e.getClass().getSimpleName() + ": " + Objects.toString(e.getMessage()));
        }
    }

    /** A handler registered at run time. */
    public static class Probe {
        public String probe() {
            return "probe";
        }
    }
}
