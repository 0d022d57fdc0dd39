package io.zhenwu.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;

/**
 * A signed-in user denied on a path that no {@link io.zhenwu.shared.EndpointRule} names asked for something that does
 * not exist (every reachable endpoint has a rule): 404, not 无权访问. Denials on a ruled path (a role outside the
 * rule) stay 403. Anonymous users never get here — they are sent to the login page or get 401 first, and learn
 * nothing about which paths exist.
 */
final class UnruledPathIsNotFound implements AccessDeniedHandler {

    private final RequestMatcher ruled;
    private final AccessDeniedHandler denied;
    private final AccessDeniedHandler notFound;

    private UnruledPathIsNotFound(RequestMatcher ruled, AccessDeniedHandler denied, AccessDeniedHandler notFound) {
        this.ruled = ruled;
        this.denied = denied;
        this.notFound = notFound;
    }

    /** Pages: the container's error page for 404 or 403 (rendered by the error controller in the user's language). */
    static UnruledPathIsNotFound forPages(RequestMatcher ruled) {
        return new UnruledPathIsNotFound(ruled, (request, response, e) -> response.sendError(HttpStatus.FORBIDDEN.value()),
                (request, response, e) -> response.sendError(HttpStatus.NOT_FOUND.value()));
    }

    /** The API: problem+json for both. */
    static UnruledPathIsNotFound forApi(RequestMatcher ruled, ProblemResponses problems) {
        return new UnruledPathIsNotFound(ruled, problems,
                (request, response, e) -> problems.write(request, response, HttpStatus.NOT_FOUND, "not-found", "problem.not-found.detail"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        (ruled.matches(request) ? denied : notFound).handle(request, response, e);
    }
}
