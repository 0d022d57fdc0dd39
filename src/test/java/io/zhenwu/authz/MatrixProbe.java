package io.zhenwu.authz;

import io.zhenwu.web.HttpTestClient;

import java.net.http.HttpResponse;

/**
 * Sends one matrix request the way its endpoint is called: the API (and the OpenAPI document, Open311) with the
 * principal's bearer token, pages and forms with its signed-in session. Writes carry a body the handler refuses
 * after the authorization decision — an empty JSON object, an empty form with the session's CSRF token, a
 * multipart upload without its file — so an allowed caller changes nothing (see {@link AuthorizationMatrixIT}).
 */
final class MatrixProbe {

    private static final String BOUNDARY = "matrix-boundary";

    private MatrixProbe() {
    }

    /** Whether the URL is called as the API (bearer token) rather than as a page (session). */
    static boolean api(String url) {
        return url.startsWith("/api/") || url.startsWith("/open311/") || url.startsWith("/v3/api-docs");
    }

    static HttpResponse<String> send(MatrixPrincipal principal, String method, boolean multipart, String url) {
        HttpTestClient client = api(url) ? principal.api() : principal.web();
        String verb = method.equals("ANY") ? "GET" : method;
        if (verb.equals("GET")) {
            return client.get(url);
        }
        if (multipart) {
            return client.send(verb, url, "multipart/form-data; boundary=" + BOUNDARY, "--" + BOUNDARY + "--\r\n");
        }
        if (api(url)) {
            return client.send(verb, url, "{}");
        }
        return client.send(verb, url, "application/x-www-form-urlencoded", "_csrf=" + HttpTestClient.enc(principal.csrf()));
    }
}
