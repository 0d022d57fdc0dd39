package io.zhenwu.cli;

import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.Problems;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints validation problems the way the admin UI words them, in Chinese, named by the CLI's option names. */
final class CliMessages {

    static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    /** Domain field → option, so the user sees what to change on the command line. */
    private static final Map<String, String> OPTIONS = Map.of(
            "username", "--username", "displayName", "--name", "orgUnitId", "--org", "roles", "--role",
            "password", "--password");

    private final Problems problems;

    CliMessages(Problems problems) {
        this.problems = problems;
    }

    void printViolations(PrintWriter err, List<FieldViolation> violations) {
        err.println("输入有误:");
        for (FieldViolation violation : violations) {
            err.printf("  %s: %s%n", OPTIONS.getOrDefault(violation.field(), violation.field()), message(violation));
        }
    }

    /** The Chinese message; the key (with its arguments) when no message file defines it. */
    String message(FieldViolation violation) {
        String text = problems.message(violation, LOCALE);
        if (text.equals(violation.messageKey()) && !violation.args().isEmpty()) {
            return text + " " + violation.args();
        }
        return text;
    }
}
