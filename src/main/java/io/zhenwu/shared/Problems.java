package io.zhenwu.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds RFC 9457 problem details in the caller's language. One place, so the API, the security entry points and
 * forms word the same failure the same way.
 */
@Component
public class Problems {

    private static final String TYPE_BASE = "https://zhenwu.io/problems/";

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail problem(HttpStatus status, String type, String detailKey, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(message("problem." + type + ".title", locale));
        problem.setDetail(message(detailKey, locale, args));
        return problem;
    }

    public ProblemDetail invalid(List<FieldViolation> violations, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail", locale, violations.size());
        return withErrors(problem, violations, locale);
    }

    /** Adds the {@code errors} list ({@code field}, {@code code}, {@code message}) to a problem of any type. */
    public ProblemDetail withErrors(ProblemDetail problem, List<FieldViolation> violations, Locale locale) {
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "code", v.messageKey(), "message", message(v, locale)))
                .toList());
        return problem;
    }

    public String message(FieldViolation violation, Locale locale) {
        return message(violation.messageKey(), locale, violation.args().toArray());
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[]{key}, args, key), locale);
    }
}
