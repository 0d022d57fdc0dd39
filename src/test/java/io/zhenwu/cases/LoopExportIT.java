package io.zhenwu.cases;

import io.zhenwu.testsupport.ZhenwuTest;
import io.zhenwu.web.HttpTestClient;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispute and plot lists exported through the pipeline and read back: the demo year's records, masked, scoped. */
@Tag("db")
@ZhenwuTest
class LoopExportIT {

    @LocalServerPort
    int port;

    String token(String user) {
        var client = new HttpTestClient(port, false);
        HttpResponse<String> r = client.basic("POST", "/api/v1/tokens", user, CasesIT.PASSWORD, "{\"name\":\"export\"}");
        return JsonMapper.builder().build().readTree(r.body()).get("token").asString();
    }

    HttpResponse<byte[]> get(String token, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<Row> rows(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getFirstSheet().read();
        }
    }

    @Test
    void theLeaderExportsTheYearsDisputesAndPlots() throws Exception {
        String leader = token("leader");
        HttpResponse<byte[]> disputes = get(leader, "/api/v1/exports/labor-disputes?year=2023");
        assertThat(disputes.statusCode()).isEqualTo(200);
        List<Row> d = rows(disputes.body());
        assertThat(d.get(0).getCellText(0)).isEqualTo("编号");
        assertThat(d).hasSize(1 + 55);
        BigDecimal claimed = d.stream().skip(1).map(r -> new BigDecimal(r.getCellText(6))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(claimed).isEqualByComparingTo("870000.00");
        assertThat(d.stream().skip(1).map(r -> r.getCellText(5))).allSatisfy(names -> assertThat(names).contains("*"));

        HttpResponse<byte[]> plots = get(leader, "/api/v1/exports/farmland-plots");
        assertThat(plots.statusCode()).isEqualTo(200);
        List<Row> p = rows(plots.body());
        assertThat(p).hasSize(1 + 220);
        BigDecimal area = p.stream().skip(1).map(r -> new BigDecimal(r.getCellText(3))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(area).isEqualByComparingTo("508");
    }

    @Test
    void badFiltersAndRolesAreRefusedBeforeAnyFileIsWritten() throws Exception {
        String leader = token("leader");
        HttpResponse<byte[]> bad = get(leader, "/api/v1/exports/labor-disputes?year=twenty");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("year");
        assertThat(get(token("inspector"), "/api/v1/exports/labor-disputes?year=2023").statusCode()).isEqualTo(403);
        // A village cadre exports the plots of their own village only.
        List<Row> village = rows(get(token("cadre"), "/api/v1/exports/farmland-plots").body());
        assertThat(village.size() - 1).isBetween(0, 219);
    }
}
