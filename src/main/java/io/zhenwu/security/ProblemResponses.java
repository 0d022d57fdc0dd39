package io.zhenwu.security;

import io.zhenwu.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/** 401 and 403 for the API as problem+json (never a login page or an HTML error). */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;
    private final JsonMapper json;
    private final LocaleResolver locales;

    /** The locale resolver is asked directly: these responses are written by filters, before the DispatcherServlet. */
    ProblemResponses(Problems problems, JsonMapper json, LocaleResolver locales) {
        this.problems = problems;
        this.json = json;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized.detail");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail");
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String key) throws IOException {
        ProblemDetail problem = problems.problem(status, type, key, locales.resolveLocale(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
