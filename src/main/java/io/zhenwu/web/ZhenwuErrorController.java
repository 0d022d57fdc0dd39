package io.zhenwu.web;

import io.zhenwu.shared.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.net.URI;

/**
 * Errors that reach the container (unknown paths, filter failures): problem+json for {@code /api/**}, a friendly
 * page in the user's language for everything else. Never a stack trace.
 */
@Controller
class ZhenwuErrorController implements ErrorController {

    private final Problems problems;

    ZhenwuErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.startsWith("/api/")) {
            request.setAttribute("zhenwu.api", true);
        }
        model.addAttribute("status", status.value());
        return switch (status) {
            case FORBIDDEN -> "error/403";
            case NOT_FOUND -> "error/404";
            default -> status.is4xxClientError() ? "error/400" : "error/500";
        };
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        String type = switch (status) {
            case NOT_FOUND -> "not-found";
            case FORBIDDEN -> "forbidden";
            case UNAUTHORIZED -> "unauthorized";
            case INTERNAL_SERVER_ERROR -> "internal";
            default -> "http-" + status.value();
        };
        String key = status == HttpStatus.NOT_FOUND || status == HttpStatus.FORBIDDEN || status == HttpStatus.UNAUTHORIZED
                || status == HttpStatus.INTERNAL_SERVER_ERROR ? "problem." + type + ".detail" : "problem.http.detail";
        ProblemDetail problem = problems.problem(status, type, key, RequestContextUtils.getLocale(request), status.value());
        if (problem.getTitle() == null || problem.getTitle().startsWith("problem.")) {
            problem.setTitle(status.getReasonPhrase());
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
