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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's message keys exist in both languages. I18nSyncTest only sees keys of the module prefixes it
 * lists, which do not include {@code registry}, and {@link Gender} builds its keys, so this module checks its own.
 */
class RegistryMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/zhenwu/registry");
    private static final Pattern KEY = Pattern.compile("\"(registry\\.[A-Za-z0-9_.]*[A-Za-z0-9])\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> registryKeys(Properties p) {
        return p.stringPropertyNames().stream().filter(k -> k.startsWith("registry.")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> keysUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (Gender gender : Gender.values()) {
            used.add(gender.messageKey());
        }
        return used;
    }

    @Test
    void everyKeyUsedExistsInBothLanguagesAndNoneIsLeftOver() throws IOException {
        Set<String> used = keysUsed();
        assertThat(used).contains("registry.creditCode.check", "registry.residentId.birthDate", "registry.phone.format");
        assertThat(registryKeys(load("messages_zh_CN.properties"))).isEqualTo(used);
        assertThat(registryKeys(load("messages_en.properties"))).isEqualTo(used);
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
