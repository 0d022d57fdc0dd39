package io.zhenwu.authz;

import io.zhenwu.shared.Role;
import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 权限矩阵: every endpoint of the running application × every demo account and an anonymous caller × a record in
 * and a record out of the caller's data scope, against the answer declared for each endpoint in
 * {@code src/test/resources/io/zhenwu/authz/authorization-matrix.md}. The endpoints are those of the live handler
 * mappings; the build fails on a mapping the declaration lacks, a declared endpoint that no longer exists, an
 * operation of the OpenAPI document ({@code /v3/api-docs}) that is not declared, an OpenAPI operation taking an
 * {@code org} parameter whose sample does not probe it, and on any answer that differs:
 * <ul>
 *   <li>anonymous: 401 problem+json for {@code /api/}, the login page (302) for the rest, 403/302 for form posts;</li>
 *   <li>a role the declaration does not name: 403;</li>
 *   <li>a permitted role: anything but 401, 403, 404 or a 5xx (a 400 for the empty probe body counts as
 *       allowed — the role and scope checks come first);</li>
 *   <li>a permitted role with a record outside its scope (decided from the org tree by {@link MatrixFixtures},
 *       not by the application): 404, never 403 or 200 — or the very status an id that does not exist gets,
 *       which discloses nothing (e.g. a 400 for the probe body before the lookup);</li>
 *   <li>never a 5xx; a row may instead declare the exact statuses a permitted caller gets (its answer column).</li>
 * </ul>
 * The table as run is written to {@code target/authorization-matrix.md} (see {@link MatrixReport}).
 *
 * <p><b>Why the shared demo data survives the writes.</b> The server runs in its own threads, so a test
 * transaction cannot roll back what an HTTP request did. Instead every write is sent so that the handler refuses it
 * after the authorization decision: an empty JSON object, an empty form (with the session's CSRF token) or a
 * multipart upload without its file lacks the fields, versions or file every write requires, so a permitted
 * caller gets 400 (or 409/415) and nothing is written. Where an empty request would be accepted, the declared
 * sample makes it harmless: a stale {@code version=-1} (409), an escalation already acknowledged (acknowledging it
 * again changes nothing), API tokens made for the matrix alone ({@code {token}}: a fresh token of the caller in
 * scope, of another account out of scope). The rows whose probes are not refused this way are the few that are
 * idempotent or add only the caller's own data (a verification run, a report preview, a new personal token, an
 * audited export); {@code POST /logout} is sent last.
 */
@Tag("db")
@ZhenwuTest
class AuthorizationMatrixIT {

    static final String PASSWORD = "Zhenwu@2023";
    static final List<String> USERS = List.of("admin", "leader", "staff", "cadre", "cadre2", "inspector", "inspector2",
            "enterprise", "auditor");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    /**
     * The audited actions the probes may cause: the matrix's own sign-ins and API tokens (issued and revoked) and
     * exports (a download is audited); nothing that changes a record other tests rely on.
     */
    static final Set<String> HARMLESS_WRITES = Set.of("user.login", "api_token.created", "api_token.revoked", "export");

    final JsonMapper json = JsonMapper.builder().build();

    record Mapping(String method, String pattern, boolean multipart) {
    }

    @Test
    void everyEndpointAnswersEveryPrincipalAsDeclared() throws Exception {
        long started = System.currentTimeMillis();
        MatrixDeclaration declaration = MatrixDeclaration.load();
        Map<String, Mapping> mappings = handlerMappings();
        List<String> problems = new ArrayList<>(coverage(declaration, mappings));

        List<MatrixPrincipal> principals = new ArrayList<>();
        principals.add(anonymous());
        USERS.forEach(u -> principals.add(signIn(u)));
        MatrixFixtures fixtures = MatrixFixtures.load(jdbc);
        long lastAuditEventBefore = lastAuditEvent();

        List<MatrixDeclaration.Row> rows = declaration.rows().stream().filter(r -> mappings.containsKey(r.key()))
                // signing out ends the session the later page probes use
                .sorted(Comparator.comparing(r -> r.key().equals("POST /logout"))).toList();
        List<MatrixCell> cells = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<MatrixCell>>> perPrincipal = new ArrayList<>();
            for (MatrixPrincipal principal : principals) {
                perPrincipal.add(pool.submit(() -> {
                    List<MatrixCell> mine = new ArrayList<>();
                    for (MatrixDeclaration.Row row : rows) {
                        mine.addAll(probe(row, mappings.get(row.key()), principal, fixtures));
                    }
                    return mine;
                }));
            }
            for (Future<List<MatrixCell>> f : perPrincipal) {
                cells.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        cells.stream().filter(c -> !c.ok()).map(MatrixCell::problem).forEach(problems::add);
        long millis = System.currentTimeMillis() - started;
        MatrixReport.write(declaration.rows(), principals.stream().map(MatrixPrincipal::name).toList(), cells, problems, millis);

        assertThat(cells).as("requests sent").hasSizeGreaterThan(rows.size() * principals.size());
        assertThat(auditedSince(lastAuditEventBefore)).as("what the matrix wrote (every write is audited)")
                .isSubsetOf(HARMLESS_WRITES);
        assertThat(problems).as("differences from the declared matrix (table: " + MatrixReport.FILE.toAbsolutePath() + ")")
                .isEmpty();
    }

    /** Declared vs. mapped vs. documented: nothing undeclared, nothing stale, every {@code org} parameter probed. */
    private List<String> coverage(MatrixDeclaration declaration, Map<String, Mapping> mappings) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        for (MatrixDeclaration.Row row : declaration.rows()) {
            if (!declared.add(row.key())) {
                problems.add("declared twice: " + row.key());
            }
            row.recordKinds().stream().filter(k -> !k.equals("token") && !MatrixFixtures.knows(k))
                    .forEach(k -> problems.add("unknown record kind {" + k + "} in the sample of " + row.key()));
        }
        mappings.keySet().stream().filter(k -> !declared.contains(k)).sorted()
                .forEach(k -> problems.add("endpoint missing from the declaration: " + k));
        declared.stream().filter(k -> !mappings.containsKey(k))
                .forEach(k -> problems.add("declared endpoint that no handler maps: " + k));
        for (Map.Entry<String, JsonNode> path : openApiPaths().properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                Optional<MatrixDeclaration.Row> row = declaration.rows().stream().filter(r -> r.key().equals(key)).findFirst();
                if (row.isEmpty()) {
                    problems.add("OpenAPI operation missing from the declaration: " + key);
                    continue;
                }
                boolean takesOrg = op.getValue().path("parameters").valueStream()
                        .anyMatch(p -> p.path("name").asString().equals("org") && p.path("in").asString().equals("query"));
                if (takesOrg && !row.get().sample().contains("org={org}")) {
                    problems.add("OpenAPI operation " + key + " takes org=, its sample must probe it with {org}");
                }
            }
        }
        return problems;
    }

    private List<MatrixCell> probe(MatrixDeclaration.Row row, Mapping mapping, MatrixPrincipal principal,
                                   MatrixFixtures fixtures) {
        List<String> kinds = row.recordKinds();
        String expected = inScopeExpectation(row, principal);
        if (kinds.isEmpty()) {
            return List.of(judge(row, mapping, principal, "", row.sample(), expected));
        }
        String sample = row.sample();
        boolean contextUnseen = false;
        for (String other : kinds.subList(0, kinds.size() - 1)) {
            Optional<String> seen = fixtures.probe(other, principal).inScope();
            contextUnseen |= seen.isEmpty();
            sample = sample.replace("{" + other + "}", seen.orElse(MatrixFixtures.UNKNOWN_ID));
        }
        String kind = kinds.get(kinds.size() - 1);
        UnaryOperator<String> url = with(sample, kind);
        MatrixFixtures.Probe records = kind.equals("token") ? tokens(principal) : fixtures.probe(kind, principal);
        if (expected.equals("allowed") && contextUnseen) {
            // e.g. a report for an org of the caller's, but no template the caller sees: there is nothing to render
            String value = records.inScope().or(records::outOfScope).orElse(MatrixFixtures.UNKNOWN_ID);
            return List.of(judge(row, mapping, principal, "unseen", url.apply(value), "404"));
        }
        if (!expected.equals("allowed")) {
            // refused before any record is looked at: one request suffices
            String value = records.inScope().or(records::outOfScope).orElse(MatrixFixtures.UNKNOWN_ID);
            return List.of(judge(row, mapping, principal, "", url.apply(value), expected));
        }
        List<MatrixCell> cells = new ArrayList<>();
        records.inScope().ifPresent(v -> cells.add(judge(row, mapping, principal, "in", url.apply(v), "allowed")));
        records.outOfScope().ifPresent(v -> cells.add(judge(row, mapping, principal, "out", url.apply(v), "404")));
        if (cells.isEmpty()) {
            cells.add(judge(row, mapping, principal, "unknown", url.apply(MatrixFixtures.UNKNOWN_ID), "404"));
        }
        return cells;
    }

    private static UnaryOperator<String> with(String sample, String kind) {
        return value -> sample.replace("{" + kind + "}", value);
    }

    private static String inScopeExpectation(MatrixDeclaration.Row row, MatrixPrincipal principal) {
        if (row.audience() == MatrixDeclaration.Audience.PUBLIC) {
            return "allowed";
        }
        if (principal.anonymous()) {
            return "401";
        }
        return row.mayCall(principal.roles()) ? "allowed" : "403";
    }

    private MatrixCell judge(MatrixDeclaration.Row row, Mapping mapping, MatrixPrincipal principal, String variant,
                             String url, String expected) {
        HttpResponse<String> response = MatrixProbe.send(principal, row.method(), mapping.multipart(), url);
        int status = response.statusCode();
        boolean toLogin = status == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
        boolean ok = switch (expected) {
            case "allowed" -> row.answers().isEmpty()
                    ? status < 500 && status != 401 && status != 403 && status != 404 && !toLogin
                    : row.answers().contains(status);
            case "401" -> url.startsWith("/api/")
                    ? status == 401 && response.headers().firstValue("Content-Type").orElse("").contains("problem+json")
                    : toLogin || (!row.method().equals("GET") && !row.method().equals("ANY") && status == 403);
            case "403" -> status == 403;
            case "404" -> status == 404 || variant.equals("out") && answersLikeAnUnknownRecord(row, mapping, principal, url, status);
            default -> throw new IllegalStateException(expected);
        };
        return new MatrixCell(row, principal.name(), variant, url, expected, status, ok);
    }

    /** An out-of-scope record refused the way a record that does not exist is (a 4xx other than 401/403). */
    private static boolean answersLikeAnUnknownRecord(MatrixDeclaration.Row row, Mapping mapping, MatrixPrincipal principal,
                                                      String url, int status) {
        if (status < 400 || status >= 500 || status == 401 || status == 403) {
            return false;
        }
        String unknown = url.replaceAll("(?<=/)\\d+(?=/|$|\\?)", MatrixFixtures.UNKNOWN_ID)
                .replaceAll("(?<=org=)[^&]+", MatrixFixtures.UNKNOWN_ID);
        return MatrixProbe.send(principal, row.method(), mapping.multipart(), unknown).statusCode() == status;
    }

    /** {@code {token}}: a fresh token of the caller (in scope) and one of another account (out of scope). */
    private MatrixFixtures.Probe tokens(MatrixPrincipal principal) {
        if (principal.anonymous()) {
            return new MatrixFixtures.Probe(Optional.of(MatrixFixtures.UNKNOWN_ID), Optional.empty());
        }
        String other = principal.name().equals("auditor") ? "leader" : "auditor";
        return new MatrixFixtures.Probe(Optional.of(Long.toString(newToken(principal.name()).get("id").asLong())),
                Optional.of(Long.toString(newToken(other).get("id").asLong())));
    }

    private JsonNode newToken(String user) {
        HttpResponse<String> response = new HttpTestClient(port, false)
                .basic("POST", "/api/v1/tokens", user, PASSWORD, "{\"name\":\"authorization matrix\"}");
        assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private MatrixPrincipal signIn(String user) {
        HttpTestClient api = new HttpTestClient(port, false).bearer(newToken(user).get("token").asString());
        HttpTestClient web = new HttpTestClient(port, true);
        HttpResponse<String> login = web.login(user, PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).as(user + " signs in").doesNotContain("error");
        String csrf = HttpTestClient.csrfFrom(web.get("/account").body());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT r.role FROM user_role r JOIN app_user u ON u.id = r.user_id WHERE u.username = :u")
                .param("u", user).query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        record Account(long id, String path, Long enterpriseId) {
        }
        Account account = jdbc.sql("SELECT u.id, o.path, u.enterprise_id FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id "
                        + "WHERE u.username = :u").param("u", user)
                .query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3))).single();
        return new MatrixPrincipal(user, account.id(), Set.copyOf(roles), account.path(), account.enterpriseId(), api, web, csrf);
    }

    private MatrixPrincipal anonymous() {
        HttpTestClient web = new HttpTestClient(port, true);
        String csrf = HttpTestClient.csrfFrom(web.get("/login").body());
        return new MatrixPrincipal(MatrixPrincipal.ANONYMOUS, 0, Set.of(), null, null, new HttpTestClient(port, false), web, csrf);
    }

    private Map<String, Mapping> handlerMappings() {
        Map<String, Mapping> mappings = new LinkedHashMap<>();
        for (RequestMappingInfoHandlerMapping handlerMapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
                boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA);
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                Stream<String> verbs = methods.isEmpty() ? Stream.of("ANY") : methods.stream().map(RequestMethod::name);
                verbs.forEach(verb -> info.getPatternValues().forEach(pattern ->
                        mappings.putIfAbsent(verb + " " + pattern, new Mapping(verb, pattern, multipart))));
            }
        }
        assertThat(mappings).as("handler mappings found").hasSizeGreaterThan(100);
        return mappings;
    }

    private long lastAuditEvent() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
    }

    /**
     * The actions of the events written by callers since {@code id}. The platform's own scheduled work (督办 escalation,
     * actor {@code system}) runs beside the matrix in the shared context and is not the matrix's doing; a system step
     * that a probe caused would come with the probe's own event, which is still counted.
     */
    private Set<String> auditedSince(long id) {
        return new TreeSet<>(jdbc.sql("SELECT DISTINCT action FROM audit_event WHERE id > :id AND actor <> 'system'").param("id", id)
                .query(String.class).list());
    }

    private JsonNode openApiPaths() {
        HttpResponse<String> docs = new HttpTestClient(port, false).bearer(newToken("admin").get("token").asString())
                .get("/v3/api-docs");
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        JsonNode paths = json.readTree(docs.body()).path("paths");
        assertThat(paths.size()).as("OpenAPI paths").isGreaterThan(50);
        return paths;
    }
}
