package io.zhenwu.web;

import io.zhenwu.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * 启动中: until the application is ready to take traffic — on a first start, until the demo town is loaded — every
 * request but the health probes and the stylesheet is answered 503 with {@code Retry-After}: pages get a translated
 * "starting" page that reloads itself, the API a problem+json. Logins therefore never reach an installation whose
 * accounts do not exist yet. Readiness is Spring Boot's: {@code /actuator/health/readiness} turns UP (and this filter
 * lets requests through) after every {@code ApplicationReadyEvent} listener, the demo loader included, has finished.
 */
class StartingFilter extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 5;

    private final ApplicationAvailability availability;
    private final ITemplateEngine templates;
    private final Problems problems;
    private final JsonMapper json;
    private final LocaleResolver locales;

    StartingFilter(ApplicationAvailability availability, ITemplateEngine templates, Problems problems, JsonMapper json,
                   LocaleResolver locales) {
        this.availability = availability;
        this.templates = templates;
        this.problems = problems;
        this.json = json;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                || path.startsWith("/actuator/health") || path.startsWith("/css/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        Locale locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : locales.resolveLocale(request);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "starting", "problem.starting.detail", locale);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        var context = new Context(locale);
        context.setVariable("retryAfter", RETRY_AFTER_SECONDS);
        templates.process("starting", context, response.getWriter());
    }
}
