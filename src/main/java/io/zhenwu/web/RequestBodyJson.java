package io.zhenwu.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * How request bodies are read: a {@code null} element of a list or array ({@code {"values":[null]}}) is refused
 * while reading, as a 400 naming the element ({@code values[0]}), so no service ever iterates over a hole in a batch.
 * Map values keep their plain meaning (a transition's {@code "fields": {"opinion": null}} is an empty field).
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyJson {

    @Bean
    JsonMapperBuilderCustomizer noNullElements() {
        return builder -> builder
                .changeDefaultNullHandling(setter -> setter.withContentNulls(Nulls.FAIL))
                .withConfigOverride(Map.class, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.DEFAULT)));
    }
}
