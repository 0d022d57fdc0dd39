package io.zhenwu.web;

import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.MissingScopeException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every error of an API controller as RFC 9457 problem+json in the caller's language: 400 with field errors, 404
 * for missing or out-of-scope records, 409 with the current state, 403 without a scope, 500 without internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The field of an error about the request body as a whole. */
    private static final String BODY = "body";

    private final Problems problems;

    ApiExceptionHandler(Problems problems, MessageSource messages) {
        this.problems = problems;
        setMessageSource(messages);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        return respond(problems.invalid(e.violations(), locale(request)), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return respond(problems.problem(HttpStatus.NOT_FOUND, "not-found", "problem.not-found.detail", locale(request)), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "conflict", e.messageKey(), locale(request));
        problem.setProperty("current", e.current());
        return respond(problem, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> optimisticLock(OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(problems.problem(HttpStatus.CONFLICT, "conflict", "conflict.stale", locale(request)), request);
    }

    @ExceptionHandler(MissingScopeException.class)
    ResponseEntity<ProblemDetail> noScope(MissingScopeException e, HttpServletRequest request) {
        return respond(problems.problem(HttpStatus.FORBIDDEN, "forbidden", "problem.scope.missing", locale(request)), request);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(org.springframework.security.access.AccessDeniedException e, HttpServletRequest request) {
        return respond(problems.problem(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail", locale(request)), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(problems.invalid(List.of(FieldViolation.of(e.getName(), "validation.type", String.valueOf(e.getValue()))),
                locale(request)), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.internal.detail", locale(request)), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Locale locale = locale(request);
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(fe -> FieldViolation.of(fe.getField(), "validation.field", problems.message(fieldErrorKey(fe), locale)))
                .collect(Collectors.toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.invalid(violations, locale));
    }

    /**
     * A body that cannot be read: an unknown property, a value of the wrong type or a {@code null} list element names
     * its field ({@code values[0].value}); JSON that does not parse names the body with the line and column.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Locale locale = locale(request);
        Throwable cause = e.getMostSpecificCause();
        ProblemDetail problem;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = problems.invalid(List.of(FieldViolation.of(path(unknown), "validation.unknownField",
                    unknown.getPropertyName())), locale);
        } else if (cause instanceof InvalidNullException hole) {
            problem = problems.invalid(List.of(FieldViolation.of(path(hole), "validation.element.null")), locale);
        } else if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            String field = path(bind);
            problem = problems.invalid(List.of(FieldViolation.of(field, "validation.type", field)), locale);
        } else if (cause instanceof JacksonException syntax) {
            TokenStreamLocation at = syntax.getLocation();
            FieldViolation body = at == null || at.getLineNr() < 1
                    ? FieldViolation.of(BODY, "validation.malformed.somewhere")
                    : FieldViolation.of(BODY, "validation.malformed", at.getLineNr(), at.getColumnNr());
            problem = problems.withErrors(problems.problem(HttpStatus.BAD_REQUEST, "malformed", "problem.malformed.detail", locale),
                    List.of(body), locale);
        } else {
            problem = problems.invalid(List.of(FieldViolation.of(BODY, "validation.body.required")), locale);
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return fieldProblem(FieldViolation.of(e.getParameterName(), "validation.parameter.required", e.getParameterName()), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return fieldProblem(FieldViolation.of(e.getRequestPartName(), "validation.parameter.required", e.getRequestPartName()), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = e.getPropertyName() == null ? "" : e.getPropertyName();
        return fieldProblem(FieldViolation.of(field, "validation.type", e.getValue()), request);
    }

    /** {@code values[0].value}: property names joined by dots, list indexes in brackets. */
    private static String path(DatabindException e) {
        StringBuilder field = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private ResponseEntity<Object> fieldProblem(FieldViolation violation, WebRequest request) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.invalid(List.of(violation), locale(request)));
    }

    /** Framework errors (405, 415, missing parameter…): keep the status, word them in the caller's language. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.valueOf(status.value()), "http-" + status.value(),
                "problem.http.detail", locale(request), status.value());
        problem.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String fieldErrorKey(FieldError fe) {
        return "validation.constraint." + (fe.getCode() == null ? "invalid" : fe.getCode());
    }

    private static Locale locale(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? RequestContextUtils.getLocale(servlet.getRequest()) : Locale.SIMPLIFIED_CHINESE;
    }

    private static Locale locale(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
