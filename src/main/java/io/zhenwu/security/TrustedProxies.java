package io.zhenwu.security;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 可信代理: the peers whose {@code X-Forwarded-*} headers are believed. Tomcat's {@link RemoteIpValve} (installed by
 * {@code server.forward-headers-strategy=native}, as in the {@code pg} profile) trusts every loopback, link-local and
 * RFC 1918 peer by default, so anyone reaching the port from such an address could forge the client address the
 * audit trail records. This narrows it to the addresses listed in {@code zhenwu.security.trusted-proxies} (literal
 * IP addresses, comma-separated; default none: the headers are then ignored and the peer's own address is recorded).
 * Runs after Spring Boot's own Tomcat customizer, which adds the valve.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnClass(RemoteIpValve.class)
class TrustedProxies implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

    private final List<String> addresses;

    TrustedProxies(@Value("${zhenwu.security.trusted-proxies:}") List<String> addresses) {
        this.addresses = addresses.stream().map(String::strip).filter(a -> !a.isEmpty()).map(TrustedProxies::literal).toList();
    }

    @Override
    public void customize(TomcatWebServerFactory factory) {
        String pattern = pattern();
        factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .forEach(valve -> {
                    valve.setInternalProxies(pattern);
                    valve.setTrustedProxies(null);
                });
    }

    /** An anchored alternation of the quoted addresses; empty (Tomcat: trust nobody) when none is configured. */
    String pattern() {
        return addresses.stream().map(Pattern::quote).collect(Collectors.joining("|", addresses.isEmpty() ? "" : "^(?:",
                addresses.isEmpty() ? "" : ")$"));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The address as Tomcat sees a peer's ({@code getRemoteAddr()}): IPv6 in its full, uncompressed form. */
    private static String literal(String address) {
        if (!address.matches("[0-9a-fA-F:.]+")) { // a host name would be looked up: only literal addresses
            throw new IllegalArgumentException("zhenwu.security.trusted-proxies: not an IP address: " + address);
        }
        try {
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("zhenwu.security.trusted-proxies: not an IP address: " + address, e);
        }
    }
}
