package io.zhenwu.registry;

import io.zhenwu.shared.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Check characters below were computed independently of the code under test (a separate script) before they went
 * in, so the tests do not only agree with themselves.
 */
class ResidentIdTest {

    /** A fixed "today", so the future-date cases stay future. */
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

    private static String outcome(Parsed<ResidentId> parsed) {
        if (parsed.isValid()) {
            return "ok " + parsed.value().value();
        }
        FieldViolation v = parsed.violations().get(0);
        return v.messageKey().substring("registry.residentId.".length()) + " " + v.args();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            // GB 11643-1999's own example: 北京市朝阳区, 1949-12-31, 女, check value 10 written X
            "11010519491231002X     | ok 11010519491231002X",
            // lower-case x, full width, blanks around
            "11010519491231002x     | ok 11010519491231002X",
            "１１０１０５１９４９１２３１００２Ｘ | ok 11010519491231002X",
            "１１０１０５１９４９１２３１００２ｘ | ok 11010519491231002X",
            "' 11010519491231002X\t' | ok 11010519491231002X",
            "321183199003072118     | ok 321183199003072118",
            // leap day, check 0; 1 January 1900 is the earliest accepted; born "today"
            "321183200002290020     | ok 321183200002290020",
            "321183190001010019     | ok 321183190001010019",
            "32118320240630001X     | ok 32118320240630001X",
            // 15-digit numbers of the first-generation card
            "320102800101001        | legacy15 []",
            "32010280010100X        | length [15]",
            "11010519491231002      | length [17]",
            "11010519491231002XX    | length [19]",
            "1101051949 1231002X    | length [19]",
            // first 17 digits
            "1101051949123100XX     | digits [X, 17]",
            "11010A19491231002X     | digits [A, 6]",
            "11010519491231-02X     | digits [-, 15]",
            "000000199003072116     | division []",
            // birth date: no such day, no such month, 1900 was not a leap year
            "321183199902300014     | birthDate [19990230]",
            "321183202304310014     | birthDate [20230431]",
            "321183190002290016     | birthDate [19000229]",
            "321183199013010017     | birthDate [19901301]",
            "321183199001000014     | birthDate [19900100]",
            // …a real day, but in the future or before 1900 (GB 11643's second example, born 1880, is refused too)
            "321183202407010014     | birthDateRange [2024-07-01]",
            "321183189912310014     | birthDateRange [1899-12-31]",
            "440524188001010014     | birthDateRange [1880-01-01]",
            // check character, the expected one in the message
            "110105194912310021     | check [X]",
            "11010519491231002Y     | check [X]",
            "321183199003072119     | check [8]",
            "32118319900307211X     | check [8]",
            "321183200002290021     | check [0]",
            // two neighbours swapped
            "321183199003071218     | check [1]",
    })
    void parse(String raw, String expected) {
        assertThat(outcome(ResidentId.parse("idNumber", raw, TODAY))).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\u3000"})
    void blankIsRequired(String raw) {
        assertThat(outcome(ResidentId.parse("idNumber", raw, TODAY))).isEqualTo("required []");
    }

    @Test
    void violationsCarryTheCallersFieldName() {
        assertThat(ResidentId.parse("D7 身份证号", "110105194912310021", TODAY).violations())
                .containsExactly(FieldViolation.of("D7 身份证号", "registry.residentId.check", "X"));
    }

    @Test
    void withoutAGivenDayTodayInTheTownsZoneIsUsed() {
        assertThat(ResidentId.parse("idNumber", "11010519491231002X").isValid()).isTrue();
        String nextYear = "321183" + (LocalDate.now().getYear() + 1) + "0101001";
        assertThat(outcome(ResidentId.parse("idNumber", nextYear + ResidentId.checkCharacter(nextYear))))
                .startsWith("birthDateRange");
    }

    @Test
    void derivedFacts() {
        ResidentId example = ResidentId.parse("idNumber", "11010519491231002X", TODAY).orElseThrow();
        assertThat(example.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(example.gender()).isEqualTo(Gender.FEMALE);
        assertThat(example.divisionCode()).isEqualTo("110105");

        ResidentId man = new ResidentId("321183199003072118");
        assertThat(man.gender()).isEqualTo(Gender.MALE);
        assertThat(man.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(man.divisionCode()).isEqualTo("321183");
        assertThat(new ResidentId("321183200002290020").gender()).as("17th digit 2").isEqualTo(Gender.FEMALE);
        assertThat(new ResidentId("321183200002290012").gender()).as("17th digit 1").isEqualTo(Gender.MALE);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "321183199003072118, 1990-03-07, 0",
            "321183199003072118, 2024-03-06, 33",
            "321183199003072118, 2024-03-07, 34",
            "11010519491231002X, 2024-12-30, 74",
            "11010519491231002X, 2024-12-31, 75",
            // born 29 February: a year completes on 1 March in common years, on 29 February in leap years
            "321183200002290020, 2001-02-28, 0",
            "321183200002290020, 2001-03-01, 1",
            "321183200002290020, 2004-02-28, 3",
            "321183200002290020, 2004-02-29, 4",
    })
    void ageOn(String id, LocalDate day, int age) {
        assertThat(new ResidentId(id).ageOn(day)).isEqualTo(age);
    }

    @Test
    void ageBeforeBirthIsAMistake() {
        assertThatThrownBy(() -> new ResidentId("321183199003072118").ageOn(LocalDate.of(1990, 3, 6)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002, X", "32118319900307211, 8", "32118320000229002, 0", "44052418800101001, 4",
            "32118319490101001, 2"})
    void checkCharacter(String first17, char expected) {
        assertThat(ResidentId.checkCharacter(first17)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051949123100", "11010519491231002X", "1101051949123100A"})
    void checkCharacterRefusesAnythingButSeventeenDigits(String first17) {
        assertThatThrownBy(() -> ResidentId.checkCharacter(first17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySingleWrongDigitIsCaught() {
        String id = "321183199003072118";
        for (int i = 0; i < 18; i++) {
            for (char c : "0123456789X".toCharArray()) {
                if (c != id.charAt(i) && (i == 17 || c != 'X')) {
                    String typo = id.substring(0, i) + c + id.substring(i + 1);
                    assertThat(ResidentId.parse("idNumber", typo, TODAY).isValid()).as(typo).isFalse();
                }
            }
        }
    }

    @Test
    void toStringIsMaskedSoLogsDoNotLeak() {
        ResidentId id = new ResidentId("321183199003072118");
        assertThat(id).hasToString("3211**********2118");
        assertThat(id.value()).isEqualTo("321183199003072118");
        assertThatThrownBy(() -> new ResidentId("321183199003072119"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("321183199003072119");
        assertThatThrownBy(() -> new ResidentId("11010519491231002x")).as("the constructor does not normalize")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void genderLabelsAreMessageKeys() {
        assertThat(Gender.MALE.messageKey()).isEqualTo("registry.gender.MALE");
        assertThat(Gender.FEMALE.messageKey()).isEqualTo("registry.gender.FEMALE");
    }
}
