package io.zhenwu.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP client against the running test server: no redirects followed, optional cookie session (for form
 * login with CSRF), optional bearer token. Tests see exactly what a browser or script would.
 */
public final class HttpTestClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String bearer;
    private String language = "zh-CN";

    public HttpTestClient(int port, boolean withCookies) {
        this("localhost", port, withCookies);
    }

    /** A client reaching the server at {@code host} (e.g. {@code [::1]}: another client address than 127.0.0.1). */
    public HttpTestClient(String host, int port, boolean withCookies) {
        this.base = "http://" + host + ":" + port;
        var builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5));
        if (withCookies) {
            builder.cookieHandler(new CookieManager());
        }
        this.client = builder.build();
    }

    public HttpTestClient bearer(String token) {
        this.bearer = token;
        return this;
    }

    public HttpTestClient language(String language) {
        this.language = language;
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET with the {@code Accept} header a browser sends for a page ({@code text/html}) or a script's. */
    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    public HttpResponse<String> send(String method, String path, String json) {
        var body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return send(request(path).header("Content-Type", "application/json").method(method, body).build());
    }

    /** Any method with a body of any content type (a form, a multipart upload) as the caller's session or token. */
    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> basic(String method, String path, String user, String password, String json) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        var body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + auth)
                .header("Accept-Language", language).header("Content-Type", "application/json").method(method, body).build());
    }

    /** Posts an HTML form with the CSRF token taken from {@code formPage}. */
    public HttpResponse<String> postForm(String formPage, String path, String form) {
        String csrf = csrfFrom(get(formPage).body());
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + csrf)).build());
    }

    public HttpResponse<String> login(String user, String password) {
        return postForm("/login", "/login", "username=" + user + "&password=" + enc(password));
    }

    public static String csrfFrom(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    public static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
