package io.zhenwu.cli;

import java.io.PrintWriter;

/**
 * A leaf command that needs services. It receives its streams as arguments rather than through picocli's
 * {@code @Spec}: injecting a spec would build the command — and so start Spring — just to print help.
 */
interface CliCommand {

    /** Runs the command and returns its exit code. */
    int run(PrintWriter out, PrintWriter err) throws Exception;
}
