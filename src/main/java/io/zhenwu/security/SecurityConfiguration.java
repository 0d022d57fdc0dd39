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
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

/**
 * Authentication (BCrypt via the delegating encoder, login events for throttling and audit) and the security
 * module's endpoint rules. The filter chains are in {@link WebSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(ZhenwuUserDetailsService userDetails, PasswordEncoder encoder,
                                                ApplicationEventPublisher publisher) {
        var provider = new DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(encoder);
        var manager = new ProviderManager(provider);
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
