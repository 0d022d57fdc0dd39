package io.zhenwu.reports;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Fuzz test of the report template parser (issue 18): it reports every problem as a {@link ParsedTemplate.Error} with
 * line and column, so no text may make it throw. Seeds: src/test/resources/io/zhenwu/reports/TemplateFuzzInputs/.
 */
class TemplateFuzz {

    private final TemplateParser parser = new TemplateParser(TemplateLanguageTest.CATALOGUE::get);

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        parser.parse(text);
    }
}
