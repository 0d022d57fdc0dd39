package io.zhenwu.security;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real Tomcat configured as the {@code pg} profile configures it ({@code server.forward-headers-strategy=native},
 * Spring Boot's customizer, then ours): a peer on loopback cannot forge its address with {@code X-Forwarded-For}
 * unless it is a configured proxy.
 */
class TrustedProxiesTest {

    @Test
    void aLoopbackPeerIsNotTrustedAsAProxyByDefault() throws Exception {
        assertThat(remoteAddressSeenWith(List.of(), "203.0.113.7")).isEqualTo("127.0.0.1");
    }

    @Test
    void aConfiguredProxyIsBelieved() throws Exception {
        assertThat(remoteAddressSeenWith(List.of("127.0.0.1"), "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(remoteAddressSeenWith(List.of("10.0.0.5", " 127.0.0.1 "), "203.0.113.8")).isEqualTo("203.0.113.8");
    }

    @Test
    void anotherAddressIsNotTrustedAndTheListTakesOnlyLiteralAddresses() throws Exception {
        assertThat(remoteAddressSeenWith(List.of("10.0.0.5"), "203.0.113.7")).isEqualTo("127.0.0.1");
        var pattern = java.util.regex.Pattern.compile(new TrustedProxies(List.of("127.0.0.1")).pattern());
        assertThat(pattern.matcher("127.0.0.10").matches()).isFalse();
        assertThat(pattern.matcher("127.0.0.1").matches()).isTrue();
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example.org"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String remoteAddressSeenWith(List<String> trusted, String forwardedFor) throws Exception {
        var factory = new TomcatServletWebServerFactory(0);
        factory.setBaseDirectory(new java.io.File("target/tomcat-trusted-proxies"));
        var server = new ServerProperties();
        server.setForwardHeadersStrategy(ServerProperties.ForwardHeadersStrategy.NATIVE);
        new TomcatWebServerFactoryCustomizer(new MockEnvironment(), server, new TomcatServerProperties(), new WebProperties())
                .customize(factory);
        new TrustedProxies(trusted).customize(factory);
        factory.addInitializers(context -> context.addServlet("echo", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write(request.getRemoteAddr());
            }
        }).addMapping("/"));
        WebServer web = factory.getWebServer();
        web.start();
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.getPort() + "/"))
                    .header("X-Forwarded-For", forwardedFor).GET().build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } finally {
            web.stop();
        }
    }
}
