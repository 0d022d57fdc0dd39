package io.zhenwu.registry;

import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeTest {

    /**
     * Real codes, published with the holder's name; each check character was recomputed by hand before it went in.
     * <ul>
     *   <li>914403001922038216 华为技术有限公司 — zh.wikipedia.org/zh-hk/華為, infobox 機構代碼</li>
     *   <li>91440300708461136T 深圳市腾讯计算机系统有限公司 — check-china.com/example_report/en/8 (business licence
     *       data: "Unified social credit code 91440300708461136T", registration no. 440301103448669)</li>
     *   <li>9144030071526726XG 腾讯科技（深圳）有限公司 — used as the company's code in public e-signature SDK tests and
     *       tax-number validators (GitHub), next to 91440300708461136T for the sister company</li>
     *   <li>91310110666007217T, 91310115591693856A — Shanghai companies, the valid examples in dromara/hutool
     *       CreditCodeUtilTest</li>
     *   <li>91230184MA1BUFLT44 (企业, 五常市), 92371000MA3MXH0E3W (个体工商户, 威海市) — the examples of
     *       winjs-dev/cloud-utils isUnifiedSocialCreditCode; MA… subject codes are what new firms get since 2015</li>
     *   <li>91350100M000100Y43 — Fuzhou pilot-era code, the valid example of a JS validator's isSocialCreditCode</li>
     * </ul>
     */
    static final List<String> REAL = List.of("914403001922038216", "91440300708461136T", "9144030071526726XG",
            "91310110666007217T", "91310115591693856A", "91230184MA1BUFLT44", "92371000MA3MXH0E3W",
            "91350100M000100Y43");

    private static String outcome(Parsed<CreditCode> parsed) {
        if (parsed.isValid()) {
            return "ok " + parsed.value().value();
        }
        FieldViolation v = parsed.violations().get(0);
        return v.messageKey().substring("registry.creditCode.".length()) + " " + v.args();
    }

    @Test
    void realPublishedCodesAreValid() {
        for (String code : REAL) {
            Parsed<CreditCode> parsed = CreditCode.parse("creditCode", code);
            assertThat(parsed.isValid()).as(code).isTrue();
            assertThat(parsed.value().value()).isEqualTo(code);
            assertThat(CreditCode.checkCharacter(code.substring(0, 17))).as(code).isEqualTo(code.charAt(17));
        }
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            // normalization: case, full width, surrounding blanks (including the ideographic space)
            "9144030071526726xg                   | ok 9144030071526726XG",
            "'  914403001922038216  '             | ok 914403001922038216",
            "９１４４０３００１９２２０３８２１６  | ok 914403001922038216",
            "９１４４０３００７１５２６７２６ｘｇ  | ok 9144030071526726XG",
            "'\u3000914403001922038216\u3000'     | ok 914403001922038216",
            "91230184ma1buflt44                   | ok 91230184MA1BUFLT44",
            // registration authorities and categories beyond 9-1 are not second-guessed (check characters computed)
            "92321183MA2AB1C2DR                   | ok 92321183MA2AB1C2DR",
            "93321183MA1PQ0R7TN                   | ok 93321183MA1PQ0R7TN",
            "N2321183MA1X0Y1W2X                   | ok N2321183MA1X0Y1W2X",
            "Y1321183MA1R2T3U4H                   | ok Y1321183MA1R2T3U4H",
            "51321183MJ0012345B                   | ok 51321183MJ0012345B",
            "123211834660028410                   | ok 123211834660028410",
            // a weighted sum ≡ 0 (mod 31) gives 31, written 0
            "913211830000000120                   | ok 913211830000000120",
            // length: the 17-character code that lost its check character, one too many, a space inside
            "91440300192203821                    | length [17]",
            "9144030019220382166                  | length [19]",
            "9144 0300192203821 6                 | length [20]",
            "9                                    | length [1]",
            // alphabet: I O Z S V (also when typed lower case), other symbols; position counted from 1
            "9144030019220382I6                   | char [I, 17]",
            "91440300192203821o                   | char [O, 18]",
            "Z14403001922038216                   | char [Z, 1]",
            "9S4403001922038216                   | char [S, 2]",
            "91440300V92203821V                   | char [V, 9]",
            "91440300-192203821                   | char [-, 9]",
            "9144030019220382华                   | length [17]",
            "91440300192203821华                  | char [华, 18]",
            // 3–8 must be digits
            "91A40300192203821A                   | division [A40300]",
            "914403B0192203821B                   | division [4403B0]",
            // wrong check character: the expected one is in the message
            "914403001922038217                   | check [6]",
            "9144030071526726XH                   | check [G]",
            "91440300708461136U                   | check [T]",
            "914403007084611365                   | check [T]",
            // swapped neighbours
            "914403001922083216                   | check [X]",
            // a pilot-era code that never met the standard (dromara/hutool CreditCodeUtilTest: expected invalid)
            "91350211M00013FA1N                   | check [3]",
    })
    void parse(String raw, String expected) {
        assertThat(outcome(CreditCode.parse("creditCode", raw))).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", "\u3000"})
    void blankIsRequired(String raw) {
        assertThat(outcome(CreditCode.parse("creditCode", raw))).isEqualTo("required []");
    }

    @Test
    void violationsCarryTheCallersFieldName() {
        Parsed<CreditCode> parsed = CreditCode.parse("C3 统一社会信用代码", "914403001922038217");
        assertThat(parsed.violations()).containsExactly(
                FieldViolation.of("C3 统一社会信用代码", "registry.creditCode.check", "6"));
        assertThat(parsed.value()).isNull();
        assertThat(parsed.toOptional()).isEmpty();
    }

    @Test
    void everySingleWrongCharacterAndEverySwapIsCaught() {
        for (String code : REAL) {
            for (int i = 0; i < 18; i++) {
                for (char c : CreditCode.ALPHABET.toCharArray()) {
                    if (c != code.charAt(i)) {
                        String typo = code.substring(0, i) + c + code.substring(i + 1);
                        assertThat(CreditCode.parse("creditCode", typo).isValid()).as(typo).isFalse();
                    }
                }
                if (i < 17 && code.charAt(i) != code.charAt(i + 1)) {
                    String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                    assertThat(CreditCode.parse("creditCode", swapped).isValid()).as(swapped).isFalse();
                }
            }
        }
    }

    @Test
    void parts() {
        CreditCode huawei = CreditCode.parse("creditCode", "914403001922038216").orElseThrow();
        assertThat(huawei.divisionCode()).isEqualTo("440300");
        assertThat(huawei.organizationCode()).isEqualTo("192203821");
        assertThat(huawei).hasToString("914403001922038216").isEqualTo(new CreditCode("914403001922038216"));
        assertThat(CreditCode.parse("creditCode", "91100000100003962T").orElseThrow().divisionCode())
                .as("registered nationally").isEqualTo("100000");
    }

    @ParameterizedTest
    @CsvSource({"91440300708461136, T", "91321183MA1XY2K3L, G", "91320000100000000, B", "91321183000000012, 0"})
    void checkCharacterMakesValidCodes(String first17, char expected) {
        assertThat(CreditCode.checkCharacter(first17)).isEqualTo(expected);
        assertThat(CreditCode.parse("creditCode", first17 + expected).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9144030019220382", "914403001922038216", "9144030019220382i", "91440300192203821O"})
    void checkCharacterRefusesAnythingButSeventeenAlphabetCharacters(String first17) {
        assertThatThrownBy(() -> CreditCode.checkCharacter(first17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRefusesWhatParseWouldNot() {
        assertThatThrownBy(() -> new CreditCode("914403001922038217")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreditCode("9144030071526726xg"))
                .as("the constructor does not normalize").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreditCode(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void orElseThrowGivesTheApisInvalidInput() {
        assertThatThrownBy(() -> CreditCode.parse("creditCode", "x").orElseThrow())
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .containsExactly(FieldViolation.of("creditCode", "registry.creditCode.length", 1)));
    }
}
