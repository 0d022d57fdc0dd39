package io.zhenwu;

import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import io.zhenwu.web.HttpTestClient;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enumerates every handler mapping of the running application and proves that (1) each is named by an explicit
 * {@link EndpointRule} — a new endpoint without one fails this build — and (2) each rejects an anonymous caller
 * unless its rule makes it public (login, static assets, health, error).
 */
@ZhenwuTest
class EndpointSecurityTest {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    List<EndpointRules> ruleSets;

    record Endpoint(String method, String pattern, String sample) {
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    String sample = pattern.replaceAll("\\{[^}]+}", "1").replace("**", "x").replace("*", "x");
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint(null, pattern, sample));
                    } else {
                        methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern, sample)));
                    }
                }
            }
        }
        assertThat(endpoints).as("handler mappings found").hasSizeGreaterThan(20);
        return endpoints;
    }

    Optional<EndpointRule> ruleFor(Endpoint endpoint) {
        return ruleSets.stream().flatMap(r -> r.rules().stream())
                .filter(rule -> rule.method() == null || endpoint.method() == null || rule.method().equals(endpoint.method()))
                .filter(rule -> PARSER.parse(rule.pattern()).matches(PathContainer.parsePath(endpoint.sample())))
                .findFirst();
    }

    @Test
    void everyEndpointHasAnExplicitRule() {
        Set<String> missing = new TreeSet<>();
        for (Endpoint endpoint : endpoints()) {
            if (ruleFor(endpoint).isEmpty()) {
                missing.add((endpoint.method() == null ? "ANY" : endpoint.method()) + " " + endpoint.pattern());
            }
        }
        assertThat(missing).as("endpoints without an explicit authorization rule").isEmpty();
    }

    @Test
    void everyNonPublicEndpointRejectsAnonymousCallers() {
        var client = new HttpTestClient(port, false);
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : endpoints()) {
            EndpointRule rule = ruleFor(endpoint).orElse(null);
            if (rule != null && rule.access() == EndpointRule.Access.PUBLIC) {
                continue;
            }
            String method = endpoint.method() == null ? "GET" : endpoint.method();
            HttpResponse<String> response = client.send(method, endpoint.sample(), method.equals("GET") ? null : "{}");
            int status = response.statusCode();
            boolean rejected;
            if (endpoint.sample().startsWith("/api/")) {
                rejected = status == 401 && response.headers().firstValue("Content-Type").orElse("").contains("problem+json");
            } else if (method.equals("GET")) {
                rejected = status == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
            } else {
                // Web form posts: the CSRF filter refuses before authentication is even considered.
                rejected = status == 403 || (status == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login"));
            }
            checked++;
            if (!rejected) {
                leaks.add(method + " " + endpoint.sample() + " -> " + status);
            }
        }
        assertThat(checked).isGreaterThan(15);
        assertThat(leaks).as("endpoints that did not reject an anonymous caller").isEmpty();
    }

    @Test
    void publicEndpointsStayReachable() {
        var client = new HttpTestClient(port, false);
        assertThat(client.get("/login").statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(client.get("/css/zhenwu.css").statusCode()).isEqualTo(200);
        assertThat(client.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(client.get("/webjars/echarts/dist/echarts.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnmappedPathIsDeniedNotOpen() {
        var client = new HttpTestClient(port, false);
        assertThat(client.get("/api/v1/no-such-thing").statusCode()).isEqualTo(401);
        assertThat(client.get("/no-such-page").statusCode()).isEqualTo(302);
    }
}
