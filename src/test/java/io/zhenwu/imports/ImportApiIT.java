package io.zhenwu.imports;

import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.Tag;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's API refusing what it cannot use with a problem+json naming the field, before a job or a byte exists. */
@Tag("db")
@ZhenwuTest
class ImportApiIT {

    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

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
