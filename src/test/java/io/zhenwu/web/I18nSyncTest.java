package io.zhenwu.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the two languages in step: both bundles have the same keys, every key a template or the Java code names
 * exists, and no template carries hard-coded words (text or user-visible attributes) outside a message key.
 */
class I18nSyncTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** Message keys literally named in Java: message keys all start with one of the module prefixes below. */
    private static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:org|user|password|validation|problem|conflict|flash|usage|token|nav|role|audit|login|error|home|registry|import|permission|indicator|case|service|calendar|report)\\.[A-Za-z0-9_.-]*[A-Za-z0-9])\"");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
    private static final Set<String> VISIBLE_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        assertThat(zh).hasSizeGreaterThan(100);
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertThat(onlyZh).as("keys missing from messages_en").isEmpty();
        assertThat(onlyEn).as("keys missing from messages_zh_CN").isEmpty();
    }

    @Test
    void everyKeyUsedExists() throws IOException {
        Set<String> known = load("messages_zh_CN.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher m = TEMPLATE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher m = JAVA_KEY.matcher(text);
                while (m.find()) {
                    String key = m.group(1);
                    // System.getProperty("user.name") names a JVM property, not a message.
                    boolean systemProperty = text.substring(Math.max(0, m.start() - 12), m.start()).endsWith("getProperty(");
                    if (!known.contains(key) && !isAuditAction(key) && !systemProperty) {
                        missing.add(JAVA.relativize(source) + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).as("message keys used but not defined").isEmpty();
    }

    /** Audit action names ("user.login") are identifiers stored in the trail, not message keys. */
    private static final Set<String> AUDIT_ACTIONS = Set.of("user.created", "user.updated", "user.login", "user.login_failed",
            "user.locked", "user.password_reset", "user.password_changed", "user.password_rehashed", "indicator.defined", "indicator.changed",
            "user.enterprise_bound", "case.opened", "case.transitioned", "case.escalated", "case.loaded",
            "report.published",
            "case.inspection_recorded", "case.hazard_recorded", "case.evidence_uploaded", "case.notice_issued",
            "case.enforcement_filed", "case.dispute_recorded", "case.plot_recorded", "case.loop_records_loaded",

            "validation_rule.defined", "validation_rule.changed", "validation_rule.deactivated");

    private static boolean isAuditAction(String key) {
        return AUDIT_ACTIONS.contains(key);
    }

    @Test
    void templatesCarryNoHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : templates()) {
            Document doc = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
            for (Element element : doc.getAllElements()) {
                if (element.tagName().equals("script") || element.tagName().equals("style")) {
                    continue;
                }
                boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext");
                for (TextNode text : element.textNodes()) {
                    if (!replaced && LETTER.matcher(text.text()).find()) {
                        offences.add(TEMPLATES.relativize(template) + ": text \"" + text.text().strip() + "\"");
                    }
                }
                for (String attribute : VISIBLE_ATTRIBUTES) {
                    if (element.hasAttr(attribute) && LETTER.matcher(element.attr(attribute)).find()
                            && !(attribute.equals("value") && !Set.of("submit", "button", "reset").contains(element.attr("type")))) {
                        offences.add(TEMPLATES.relativize(template) + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
                    }
                }
            }
        }
        assertThat(offences).as("hard-coded text in templates (use #{key})").isEmpty();
    }
}
