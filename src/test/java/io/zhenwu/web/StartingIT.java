package io.zhenwu.web;

import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the application is not ready (on a first start: until the demo town is loaded) the web port answers 503 with
 * Retry-After — a translated "starting" page, problem+json on the API — and readiness is OUT_OF_SERVICE; once it is
 * ready, both open. The not-ready state is the one Spring Boot is in until every ready listener has run.
 */
@ZhenwuTest
class StartingIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void ready() {
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void untilReadyEveryPageButTheProbesAnswers503WithRetryAfter() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        var client = new HttpTestClient(port, true);

        var login = client.get("/login");
        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.headers().firstValue("Retry-After")).contains("5");
        assertThat(login.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(login.body()).contains("平台正在启动").doesNotContain("name=\"password\"");
        assertThat(client.get("/login?lang=en").body()).contains("The platform is starting");
        assertThat(client.send("POST", "/login", null).statusCode())
                .as("no login attempt reaches the accounts").isEqualTo(503);

        var api = new HttpTestClient(port, false).language("en").get("/api/v1/org-units");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":503").contains("starting");

        var readiness = client.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("OUT_OF_SERVICE");
        assertThat(client.get("/css/zhenwu.css").statusCode()).isEqualTo(200);
    }

    @Test
    void onceReadyTheLoginPageAndReadinessAnswer() {
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        var client = new HttpTestClient(port, true);
        assertThat(client.get("/login").statusCode()).isEqualTo(200);
        var readiness = client.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("UP");
    }
}
