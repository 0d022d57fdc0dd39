package io.zhenwu.authz;

/**
 * One request of the matrix and its verdict.
 *
 * @param row the endpoint as declared
 * @param principal who called it
 * @param variant {@code in} / {@code out} of scope for a scoped record, {@code unknown} for one that does not exist,
 *                {@code unseen} when a record the request names besides it (a report's template) is not the caller's,
 *                empty for an endpoint without one
 * @param url what was requested
 * @param expected what the declaration makes of it: {@code allowed}, 401, 403 or 404
 * @param status the status answered
 * @param ok whether the answer matches
 */
record MatrixCell(MatrixDeclaration.Row row, String principal, String variant, String url, String expected, int status,
                  boolean ok) {

    String summary() {
        String s = (variant.isEmpty() ? "" : variant + " ") + status;
        return ok ? s : "✗ " + s + " (expected " + expected + ")";
    }

    String problem() {
        return principal + " " + row.method() + " " + url + " → " + status + ", expected " + expected
                + " (declared: " + row.who() + ")";
    }
}
