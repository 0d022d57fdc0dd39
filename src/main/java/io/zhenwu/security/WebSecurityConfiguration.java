package io.zhenwu.security;

import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.List;

/**
 * Three filter chains: token issuing (HTTP Basic, {@code POST /api/v1/tokens} only), the API (bearer tokens,
 * stateless, problem+json) and the web UI (form login, CSRF, CSP). All share one rule list collected from every
 * module's {@link EndpointRules}; whatever no rule names is denied. Only where there is a web server: the CLI starts
 * the same context without one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurityConfiguration {

    /** Content-Security-Policy: scripts only from our origin (WebJars included), no inline script, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * No Spring Security observations: they wrap each filter of every request in an observation and a timer with
     * tags — half of the garbage of a case transition over the API in the JFR profile of {@code bench/run.sh}, and
     * these metrics are not exposed. Each request is still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain tokenIssuingChain(HttpSecurity http, AuthenticationManager manager, ProblemResponses problems,
                                          List<EndpointRules> rules) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"))
                .authenticationManager(manager)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> apply(auth, rules));
        return http.build();
    }

    @Bean
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ZhenwuUserDetailsService userDetails,
                                 ProblemResponses problems, List<EndpointRules> rules, PrincipalCache cache) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                // Stateless scripts: nothing to log out of, no saved request to return to after a login page.
                .logout(logout -> logout.disable())
                .requestCache(saved -> saved.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, userDetails, problems, cache), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems)
                        .accessDeniedHandler(UnruledPathIsNotFound.forApi(ruled(rules), problems)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeHttpRequests(auth -> apply(auth, rules));
        return http.build();
    }

    @Bean
    SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager manager, ApiTokens tokens,
                                 ZhenwuUserDetailsService userDetails, ProblemResponses problems, LoginAttempts attempts,
                                 List<EndpointRules> rules, PrincipalCache cache) throws Exception {
        // A session's principal is re-checked on each request (a disabled user's sessions end at once). Bearer tokens
        // work here too (scripts reading /v3/api-docs); without the header that filter does nothing.
        http.authenticationManager(manager)
                .addFilterBefore(new SignedInPrincipalCheck(userDetails, cache), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, userDetails, problems, cache), AnonymousAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(new LoginFailureHandler(attempts)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HtmxAwareEntryPoint("/login"),
                        request -> true).accessDeniedHandler(UnruledPathIsNotFound.forPages(ruled(rules))))
                .authorizeHttpRequests(auth -> apply(auth, rules));
        return http.build();
    }

    /** Installs every module's rules, then denies the rest: an endpoint without a rule is unreachable. */
    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
                      List<EndpointRules> rules) {
        for (EndpointRules module : rules) {
            for (EndpointRule rule : module.rules()) {
                var url = auth.requestMatchers(matcher(rule));
                switch (rule.access()) {
                    case PUBLIC -> url.permitAll();
                    case AUTHENTICATED -> url.authenticated();
                    case ROLES -> url.hasAnyRole(rule.roles().stream().map(Enum::name).toArray(String[]::new));
                }
            }
        }
        auth.anyRequest().denyAll();
    }

    /** Any path some rule names (whatever its access): what is not among them does not exist. */
    static RequestMatcher ruled(List<EndpointRules> rules) {
        return new OrRequestMatcher(rules.stream().flatMap(module -> module.rules().stream())
                .map(WebSecurityConfiguration::matcher).toList());
    }

    private static RequestMatcher matcher(EndpointRule rule) {
        return rule.method() == null
                ? PathPatternRequestMatcher.withDefaults().matcher(rule.pattern())
                : PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(rule.method()), rule.pattern());
    }
}
