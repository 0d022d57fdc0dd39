package io.zhenwu.cases;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Fuzz test of the case-type YAML parser (issue 18): any text is a case type or a
 * {@link CaseTypeParser.CaseTypeException} naming the file; nothing else is thrown. Seeds (the shipped types among
 * them): src/test/resources/io/zhenwu/cases/CaseTypeFuzzInputs/.
 */
class CaseTypeFuzz {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String yaml = new String(input, StandardCharsets.UTF_8);
        try {
            CaseTypeParser.parse("fuzz.yaml", yaml);
        } catch (CaseTypeParser.CaseTypeException expected) {
            // a documented input error
        }
    }
}
