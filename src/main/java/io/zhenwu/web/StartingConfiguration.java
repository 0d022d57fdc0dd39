package io.zhenwu.web;

import io.zhenwu.shared.Problems;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/** Installs {@link StartingFilter} ahead of every other filter but character encoding (security included). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StartingConfiguration {

    @Bean
    FilterRegistrationBean<StartingFilter> startingFilter(ApplicationAvailability availability, ITemplateEngine templates,
                                                          Problems problems, JsonMapper json, LocaleResolver locales) {
        var registration = new FilterRegistrationBean<>(new StartingFilter(availability, templates, problems, json, locales));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
