package io.zhenwu.imports;

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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code import.*} key this package names exists in both languages and formats with its arguments. */
class ImportMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"(import\\.[A-Za-z0-9_.]*[A-Za-z0-9])\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void keysExistInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/zhenwu/imports"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).contains("import.file.empty", "import.file.unreadable", "import.file.xlsOld");
        for (String bundle : new String[] {"messages_zh_CN.properties", "messages_en.properties"}) {
            Properties messages = load(bundle);
            for (String key : used) {
                assertThat(messages.getProperty(key)).as(bundle + " " + key).isNotBlank();
                String text = new MessageFormat(messages.getProperty(key), Locale.ROOT).format(new Object[] {"a.xlsx", "7"});
                assertThat(text).as(bundle + " " + key).contains("a.xlsx").doesNotContain("{").doesNotContain("''");
                if (messages.getProperty(key).contains("{1}")) {
                    assertThat(text).contains("7");
                }
            }
        }
    }
}
