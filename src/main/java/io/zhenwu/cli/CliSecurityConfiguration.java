package io.zhenwu.cli;

import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

/**
 * Without a web server Boot does not enable web security, yet the security module's filter chains ask for an
 * {@code HttpSecurity} builder. Enabling it here lets the CLI (and benchmarks) start the same context; the chains are
 * built and never used. Drop this once those chains are {@code @ConditionalOnWebApplication}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnNotWebApplication
@EnableWebSecurity
class CliSecurityConfiguration {
}
