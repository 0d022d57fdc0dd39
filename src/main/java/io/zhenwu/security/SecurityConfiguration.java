package io.zhenwu.security;

import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import io.zhenwu.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Map;

/**
 * Authentication (BCrypt over a SHA-256 pre-hash via the delegating encoder, throttling per name and client address,
 * login events for throttling and audit) and the security module's endpoint rules. The filter chains are in
 * {@link WebSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** New hashes are {@code {bcrypt-sha256}}; {@code {bcrypt}} ones of older versions verify and are upgraded on login. */
    @Bean
    PasswordEncoder passwordEncoder() {
        var bcrypt = new BCryptPasswordEncoder();
        return new DelegatingPasswordEncoder(Sha256BCryptPasswordEncoder.ID,
                Map.of(Sha256BCryptPasswordEncoder.ID, new Sha256BCryptPasswordEncoder(bcrypt), "bcrypt", bcrypt));
    }

    /**
     * The password is checked before the account's state, so a disabled account answers as slowly as any other and
     * only someone who knows its password learns that it is disabled; throttling comes first of all.
     */
    @Bean
    AuthenticationManager authenticationManager(ZhenwuUserDetailsService userDetails, PasswordEncoder encoder,
                                                LoginAttempts attempts, ApplicationEventPublisher publisher) {
        var provider = new DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(encoder);
        provider.setUserDetailsPasswordService(userDetails);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        var manager = new ProviderManager(new ThrottledAuthenticationProvider(attempts, provider));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(publisher));
        return manager;
    }

    @Bean
    EndpointRules securityEndpointRules() {
        return () -> List.of(
                EndpointRule.publicAccess("GET", "/login"),
                EndpointRule.publicAccess("POST", "/login"),
                EndpointRule.authenticated("POST", "/logout"),
                EndpointRule.authenticated("POST", "/api/v1/tokens"),
                EndpointRule.authenticated("GET", "/api/v1/tokens"),
                EndpointRule.authenticated("DELETE", "/api/v1/tokens/{id}"),
                EndpointRule.roles(null, "/api/v1/users", Role.ADMIN),
                EndpointRule.roles(null, "/api/v1/users/**", Role.ADMIN),
                EndpointRule.roles(null, "/admin/users", Role.ADMIN),
                EndpointRule.roles(null, "/admin/users/**", Role.ADMIN),
                EndpointRule.authenticated("GET", "/account"),
                EndpointRule.authenticated("POST", "/account/**"));
    }
}
