package io.zhenwu.cli;

import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import picocli.CommandLine;

/** Failures a command did not handle: one readable line (no stack trace), exit 2 for bad input, else 1. */
final class CliExceptionHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof InvalidInputException invalid) {
            err.println("输入有误:");
            for (FieldViolation v : invalid.violations()) {
                err.printf("  %s: %s%n", v.field(), v.messageKey() + (v.args().isEmpty() ? "" : " " + v.args()));
            }
            return 2;
        }
        err.printf("错误 (%s): %s%n", e.getClass().getSimpleName(), e.getMessage());
        return 1;
    }
}
