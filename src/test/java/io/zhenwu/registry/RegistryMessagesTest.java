package io.zhenwu.registry;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's messages read right with their arguments (key presence is I18nSyncTest's job). */
class RegistryMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void messagesReadWithTheirArguments() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        assertThat(format(zh, "registry.creditCode.check", "T")).isEqualTo("统一社会信用代码校验位错误，应为 T，请核对营业执照");
        assertThat(format(zh, "registry.residentId.birthDate", "19990230")).isEqualTo("身份证号中的出生日期 19990230 不是有效日期");
        assertThat(format(zh, "registry.creditCode.char", "I", 17)).contains("第 17 位的“I”无效");
        assertThat(format(en, "registry.creditCode.check", "T")).contains("it should be T");
        assertThat(format(en, "registry.residentId.digits", "X", 17)).startsWith("Character 17 of the ID number, \"X\",");
    }

    private static String format(Properties bundle, String key, Object... args) {
        return new MessageFormat(bundle.getProperty(key), Locale.ROOT).format(args);
    }
}
