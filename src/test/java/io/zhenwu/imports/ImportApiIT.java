package io.zhenwu.imports;

import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's API refusing what it cannot use with a problem+json naming the field, before a job or a byte exists. */
@Tag("db")
@ZhenwuTest
class ImportApiIT {

    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportService imports;

    @LocalServerPort
    int port;

    /** A bearer token of a demo user (every demo password is the same). */
    String token(String user) {
        HttpResponse<String> r = new HttpTestClient(port, false).basic("POST", "/api/v1/tokens", user, "Zhenwu@2023", "{\"name\":\"imports\"}");
        return json.readTree(r.body()).get("token").asString();
    }

    HttpResponse<String> upload(String token, String fileName, byte[] content) throws Exception {
        String boundary = "----zhenwu" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/enterprises"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "a/..", " . "})
    void anUploadNamedDotOrDotDotIsRefusedAndLeavesNoJobBehind(String name) throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM import_job", Long.class);
        HttpResponse<String> r = upload(token("staff"), name, "统一社会信用代码,企业名称,所属单位代码\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode error = json.readTree(r.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("message").asString()).contains("文件名");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_job", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_job WHERE status = 'QUEUED' AND file_name IN ('.', '..')",
                Long.class)).isZero();
    }

    @Test
    void anotherUserOfTheScopeSeesTheJobButNeitherItsRowErrorsNorItsReport(@TempDir Path dir) throws Exception {
        long staffId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'staff'", Long.class);
        // staff's own unit (政务服务中心) lies inside the auditor's (下蜀镇): the auditor sees the job.
        var unit = jdbc.queryForMap("SELECT o.id, o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.username = 'staff'");
        Actor staff = new Actor(staffId, "staff", new DataScope(((Number) unit.get("id")).longValue(), (String) unit.get("path")),
                Set.of(Role.STAFF));
        Path file = dir.resolve("坏身份证.csv");
        Files.writeString(file, "姓名,公民身份号码,所属单位代码,联系电话\n张三,3211831950051200,321183102201,13811112222\n");
        ImportJob job = imports.importNow(staff, "residents", file, Locale.SIMPLIFIED_CHINESE, n -> { });
        assertThat(job.status()).as(job.message()).isEqualTo(ImportJob.Status.REJECTED);

        HttpResponse<byte[]> forAuditor = get(token("auditor"), "/api/v1/imports/" + job.id() + "/errors");
        assertThat(forAuditor.statusCode()).isEqualTo(403);
        assertThat(get(token("staff"), "/api/v1/imports/" + job.id() + "/errors").statusCode()).isEqualTo(200);
        var auditorPage = new HttpTestClient(port, true);
        auditorPage.login("auditor", "Zhenwu@2023");
        HttpResponse<String> page = auditorPage.get("/imports/" + job.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("job-errors").doesNotContain("error-report");
        var staffPage = new HttpTestClient(port, true);
        staffPage.login("staff", "Zhenwu@2023");
        assertThat(staffPage.get("/imports/" + job.id()).body()).contains("job-errors").contains("error-report");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void anInvalidExportFilterIsA400NamingTheFilterBeforeAnyByteOfTheFile(String format) throws Exception {
        String leader = token("leader");
        assertRefused(leader, "/api/v1/exports/enterprises?format=" + format + "&status=NOPE", "status");
        assertRefused(leader, "/api/v1/exports/enterprises?format=" + format + "&aboveScale=maybe", "aboveScale");
        assertRefused(leader, "/api/v1/exports/enterprises?format=" + format + "&colour=red", "colour");
        assertRefused(leader, "/api/v1/exports/honours?format=" + format + "&year=twenty", "year");
        assertRefused(leader, "/api/v1/exports/residents?format=" + format + "&tag=nobody", "tag");
        assertRefused(leader, "/api/v1/exports/facilities?format=" + format + "&status=gone", "status");
        assertRefused(token("admin"), "/api/v1/exports/data-values?format=" + format + "&year=2023", "year");
        HttpResponse<byte[]> fine = get(leader, "/api/v1/exports/enterprises?format=" + format + "&aboveScale=true");
        assertThat(fine.statusCode()).isEqualTo(200);
    }

    void assertRefused(String token, String path, String field) throws Exception {
        HttpResponse<byte[]> r = get(token, path);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(path + " → " + body).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Content-Disposition")).as("no file offered").isEmpty();
        assertThat(json.readTree(body).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    HttpResponse<byte[]> get(String token, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
