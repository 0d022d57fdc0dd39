package io.zhenwu.imports;

import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import java.time.Duration;
import java.util.Set;

import static io.zhenwu.imports.XlsxPackages.Part;
import static io.zhenwu.imports.XlsxPackages.sst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 finding 1 over HTTP: the 600 KB xlsx whose one shared string unpacks to 600 MB, uploaded to
 * {@code POST /api/v1/imports/{type}}, ends as a rejected job with the zip-bomb message in the uploader's language,
 * and the server keeps answering.
 */
@ZhenwuTest
class XlsxBombHttpIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    XlsxLimits limits;

    @TempDir
    Path dir;

    /** application.properties states the limits (DataSize units: MB = MiB), and they bind to the documented defaults. */
    @Test
    void theConfiguredLimitsAreTheDocumentedDefaults() {
        assertThat(limits).isEqualTo(XlsxLimits.DEFAULTS);
    }

    @Test
    void theBombEndsAsARejectedJobAndTheServerStillAnswers() throws Exception {
        // the template's required headers, then a row whose 企业名称 is the 600 MB shared string
        Path bomb = new XlsxPackages()
                .sheet(Part.of(XlsxPackages.sheetXml("""
                        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
                        <row r="2"><c r="A2" t="inlineStr"><is><t>91321183MA0000001X</t></is></c><c r="B2" t="s"><v>3</v></c>\
                        <c r="C2" t="inlineStr"><is><t>321183</t></is></c></row>""")))
                .sharedStrings(Part.repeated(sst("<si><t>统一社会信用代码</t></si><si><t>企业名称</t></si><si><t>所属单位代码</t></si><si><t>")
                        .replace("</sst>", ""), 'a', 600L * 1024 * 1024, "</t></si></sst>"))
                .write(dir.resolve("bomb.xlsx"));
        var client = new HttpTestClient(port, false);
        HttpResponse<String> token = client.basic("POST", "/api/v1/tokens", "admin", "Zhenwu@2023", "{\"name\":\"bomb\"}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        String bearer = JSON.readTree(token.body()).get("token").asString();
        client.bearer(bearer).language("en");

        String boundary = "----zw" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bomb.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(bomb));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/imports/enterprises"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        long id = JSON.readTree(upload.body()).get("id").asLong();

        JsonNode job = JSON.readTree(client.get("/api/v1/imports/" + id).body());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Set.of("SUCCEEDED", "REJECTED", "FAILED").contains(job.get("status").asString()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = JSON.readTree(client.get("/api/v1/imports/" + id).body());
        }
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("REJECTED");
        assertThat(job.get("message").asString()).contains("bomb.xlsx", "zip bomb", "xl/sharedStrings.xml");
        assertThat(client.get("/api/v1/imports").statusCode()).isEqualTo(200);
    }
}
