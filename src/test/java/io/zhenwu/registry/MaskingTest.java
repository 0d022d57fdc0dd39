package io.zhenwu.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "321183199003072119 | 3211**********2119",
            "11010519491231002X | 1101**********002X",
            // shorter values keep at most a quarter at each end, so never more than half is shown
            "320102800101001    | 320*********001",
            "1101051949         | 11******49",
            "12345678           | 12****78",
            "1234567            | 1*****7",
            "123                | ***",
            "1                  | *",
            "''                 | ''",
            // longer garbage still shows at most 8
            "3211831990030721191234 | 3211**************1234",
    })
    void residentId(String id, String masked) {
        assertThat(Masking.residentId(id)).isEqualTo(masked);
        assertThat(Masking.residentId(id)).hasSameSizeAs(id);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "13812341234         | 138****1234",
            "+86 138 1234 5678   | 138****5678",
            "0511-87654321       | 0511-****4321",
            "051187654321        | 0511-****4321",
            "025-84561234        | 025-****1234",
            "0511-8765432        | 0511-****432",
            "0511-87654321-123   | 0511-****4321-***",
            // not a number PhoneNumber reads: last four at most, never more than half
            "4008123123          | ******3123",
            "95588               | ***88",
            "10086               | ***86",
            "123                 | **3",
            "'  '                | '  '",
    })
    void phone(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "张三           | 张*",
            "王小明         | 王**",
            "欧阳娜娜       | 欧阳**",
            "欧阳锋         | 欧阳*",
            "诸葛亮         | 诸葛*",
            // two characters: 欧 with given name 阳 as likely as the 复姓 alone
            "欧阳           | 欧*",
            "' 李四 '       | 李*",
            "买买提·艾力    | 买**·**",
            "Zhang San      | Z**** ***",
            "张             | *",
            // a surname outside the Basic Multilingual Plane stays one character
            "𠮷野家         | 𠮷**",
    })
    void name(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }

    @Test
    void nullInNullOut() {
        assertThat(Masking.residentId(null)).isNull();
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.name(null)).isNull();
        assertThat(Masking.name("")).isEmpty();
    }
}
