package io.zhenwu.web;

import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.MissingScopeException;
import io.zhenwu.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Page controllers: a record outside the scope is a 404 page (as if it did not exist), no scope is 403, a stale
 * form is 409 with a hint to reload. Validation errors are shown inline by the controllers themselves.
 */
@ControllerAdvice(annotations = Controller.class)
class WebExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }

    @ExceptionHandler({MissingScopeException.class, org.springframework.security.access.AccessDeniedException.class})
    String forbidden(HttpServletResponse response) {
        response.setStatus(403);
        return "error/403";
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(HttpServletResponse response) {
        response.setStatus(409);
        return "error/409";
    }
}
