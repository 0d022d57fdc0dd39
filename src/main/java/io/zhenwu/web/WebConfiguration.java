package io.zhenwu.web;

import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Locale;

/**
 * Pages are zh-CN by default whatever the browser says; {@code ?lang=en} switches for the rest of the session (the
 * locale lives in the session, which login keeps — session-fixation protection changes the id, not the contents).
 * The API follows Accept-Language, defaulting to zh-CN.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final LayoutModel layoutModel;

    WebConfiguration(LayoutModel layoutModel) {
        this.layoutModel = layoutModel;
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new SessionLocaleResolver() {
            @Override
            public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
                Object stored = request.getSession(false) == null ? null
                        : request.getSession(false).getAttribute(LOCALE_SESSION_ATTRIBUTE_NAME);
                if (stored instanceof Locale locale) {
                    return locale;
                }
                // Pages are Chinese until the user switches; scripts get the language they ask for.
                String header = request.getRequestURI().startsWith("/api/") ? request.getHeader("Accept-Language") : null;
                if (header != null && !header.isBlank()) {
                    Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                    if (match != null) {
                        return match;
                    }
                }
                return Locale.SIMPLIFIED_CHINESE;
            }
        };
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    /** Handler lookup that compares paths first ({@link PathFirstHandlerMapping}). */
    @Bean
    WebMvcRegistrations pathFirstHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Only the two languages we ship; anything else (?lang=fr) is ignored rather than falling back to keys.
        var change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                String lang = request.getParameter("lang");
                if (lang != null && SUPPORTED.stream().noneMatch(l -> l.toString().equalsIgnoreCase(lang)
                        || l.toLanguageTag().equalsIgnoreCase(lang))) {
                    return true;
                }
                return super.preHandle(request, response, handler);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(layoutModel);
    }

    @Bean
    EndpointRules webEndpointRules() {
        return () -> List.of(
                EndpointRule.publicAccess("GET", "/css/**"),
                EndpointRule.publicAccess("GET", "/js/**"),
                EndpointRule.publicAccess("GET", "/images/**"),
                EndpointRule.publicAccess("GET", "/webjars/**"),
                EndpointRule.publicAccess("GET", "/favicon.ico"),
                EndpointRule.publicAccess(null, "/error"),
                EndpointRule.publicAccess("GET", "/actuator/health"),
                EndpointRule.publicAccess("GET", "/actuator/health/**"),
                EndpointRule.authenticated("GET", "/"),
                EndpointRule.roles("GET", "/actuator", io.zhenwu.shared.Role.ADMIN),
                EndpointRule.authenticated("GET", "/v3/api-docs"),
                EndpointRule.authenticated("GET", "/v3/api-docs.yaml"),
                EndpointRule.authenticated("GET", "/v3/api-docs/**"),
                EndpointRule.authenticated("GET", "/swagger-ui.html"),
                EndpointRule.authenticated("GET", "/swagger-ui/**"));
    }
}
