package io.zhenwu.web;

import io.zhenwu.audit.ChainVerification;
import io.zhenwu.cases.ApplicantKind;
import io.zhenwu.cases.FarmlandPlots;
import io.zhenwu.cases.LaborDisputes;
import io.zhenwu.cases.SafetyRecords;
import io.zhenwu.imports.ImportJob;
import io.zhenwu.indicators.Growth;
import io.zhenwu.indicators.Targets;
import io.zhenwu.indicators.ValidationRules;
import io.zhenwu.shared.Permission;
import io.zhenwu.shared.Role;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the two languages in step: both bundles have the same keys, every key a template or the Java code names
 * exists — also those built from enums and catalogue codes ({@code 'indicator.group.' + g}) for every code — and no
 * template carries hard-coded words (text or user-visible attributes) outside a message key.
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

    /** A key a template builds from a code: {@code #{${'indicator.group.' + g}}} or {@code #messages.msg('…' + x)}. */
    private static final Pattern BUILT_KEY = Pattern.compile("(?:#\\{\\$\\{|#messages\\.msg\\w*\\()\\s*'([a-z][A-Za-z0-9_.]*\\.)'\\s*\\+\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern INLINE_LIST = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*\\$\\{\\s*\\{(.*)}\\s*}\\s*$");

    /**
     * Where the codes of each built key come from: enums and catalogue constants of the modules, and the indicator
     * catalogue's groups (every group of the shipped catalogues and of the administrators' form). A template that
     * builds a key with a prefix not listed here fails, so that a new one is declared with its codes.
     */
    static Map<String, Collection<String>> builtKeyCodes() throws IOException {
        Map<String, Collection<String>> codes = new TreeMap<>();
        codes.put("role.", names(Role.values()));
        codes.put("permission.", names(Permission.values()));
        codes.put("case.applicantKind.", names(ApplicantKind.values()));
        codes.put("case.ui.category.", SafetyRecords.HAZARD_CATEGORIES);
        codes.put("case.ui.level.", SafetyRecords.HAZARD_LEVELS);
        codes.put("case.ui.kind.", SafetyRecords.INSPECTION_KINDS);
        codes.put("case.ui.stage.", List.of(SafetyRecords.FOUND, SafetyRecords.RECTIFIED));
        codes.put("case.ui.dispute.", LaborDisputes.CATEGORIES);
        codes.put("case.ui.problem.", FarmlandPlots.PROBLEMS);
        codes.put("import.status.", names(ImportJob.Status.values()));
        codes.put("import.phase.", names(ImportJob.Phase.values()));
        codes.put("indicator.status.", names(Targets.Status.values()));
        codes.put("indicator.growth.", names(Growth.Kind.values()));
        codes.put("indicator.rule.importance.", names(ValidationRules.Importance.values()));
        codes.put("indicator.group.", indicatorGroups());
        codes.put("audit.action.", auditActions());
        codes.put("audit.finding.", names(ChainVerification.Problem.values()));
        return codes;
    }

    /** The body of an {@code action()} method of an {@link io.zhenwu.shared.AuditableEvent}: its string literals. */
    private static final Pattern ACTION_METHOD = Pattern.compile("String action\\(\\)\\s*\\{([^}]*)}");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z_.]+)\"");

    /**
     * Every action the audit trail records, read from the events' {@code action()} methods; {@code "import." +
     * status} stands for each import job status.
     */
    static Set<String> auditActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher method = ACTION_METHOD.matcher(Files.readString(source));
                while (method.find()) {
                    Matcher literal = LITERAL.matcher(method.group(1));
                    while (literal.find()) {
                        String action = literal.group(1);
                        if (action.endsWith(".")) {
                            Stream.of(ImportJob.Status.values()).forEach(st -> actions.add(action + st.name().toLowerCase(java.util.Locale.ROOT)));
                        } else if (action.startsWith(".")) {
                            importedEntities().forEach(entity -> actions.add(entity + action));
                        } else {
                            actions.add(action);
                        }
                    }
                }
            }
        }
        assertThat(actions).as("audit actions found").contains("user.login", "case.transitioned", "import.succeeded");
        return actions;
    }

    /** The table an import type writes, the entity of its per-record audit actions ({@code entity + ".imported"}). */
    private static final Pattern STAGING_TARGET = Pattern.compile("new Staging<\\w*>\\(\\s*\"([a-z_]+)\"");

    /** Every import type's target table, read from its {@code new Staging<>("table", …)}. */
    static Set<String> importedEntities() throws IOException {
        Set<String> entities = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher target = STAGING_TARGET.matcher(Files.readString(source));
                while (target.find()) {
                    entities.add(target.group(1));
                }
            }
        }
        assertThat(entities).as("import target tables found").contains("enterprise", "resident", "data_value");
        return entities;
    }

    /** Dates and moments are written by the one helper ({@code @fmt}); a template formatting them itself fails. */
    private static final Pattern OWN_DATE_FORMAT = Pattern.compile("#temporals\\.|#dates\\.|#calendars\\.|\\.atZone\\(|DateTimeFormatter|\\.toLocalDate\\(\\)");

    @Test
    void templatesWriteDatesOnlyThroughTheOneHelper() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : templates()) {
            List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = OWN_DATE_FORMAT.matcher(lines.get(i));
                if (m.find()) {
                    offences.add(TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + m.group() + " (use @fmt.date / @fmt.dateTime)");
                }
            }
        }
        assertThat(offences).as("dates formatted outside @fmt").isEmpty();
    }

    private static List<String> names(Enum<?>[] constants) {
        return Stream.of(constants).map(Enum::name).toList();
    }

    /** The {@code group} column of the shipped indicator catalogues (their header comment names the columns). */
    static Set<String> indicatorGroups() throws IOException {
        Set<String> groups = new TreeSet<>();
        for (String catalogue : List.of("demo/indicators.csv", "demo/report-indicators.csv")) {
            int column = -1;
            for (String line : Files.readAllLines(Path.of("src/main/resources", catalogue), StandardCharsets.UTF_8)) {
                if (line.startsWith("# code,")) {
                    column = List.of(line.substring(2).split(",")).indexOf("group");
                } else if (!line.startsWith("#") && !line.isBlank() && column >= 0) {
                    groups.add(line.split(",", -1)[column].strip());
                }
            }
            assertThat(column).as(catalogue + " names its columns").isNotNegative();
        }
        return groups;
    }

    @Test
    void everyKeyBuiltFromACodeExistsForEveryCode() throws IOException {
        Set<String> known = load("messages_zh_CN.properties").stringPropertyNames();
        Map<String, Collection<String>> declared = builtKeyCodes();
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Document doc = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
            for (Element element : doc.getAllElements()) {
                for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                    Matcher m = BUILT_KEY.matcher(attribute.getValue());
                    while (m.find()) {
                        String prefix = m.group(1);
                        Collection<String> values = inlineList(element, m.group(2));
                        if (values == null) {
                            values = declared.get(prefix);
                        }
                        if (values == null) {
                            missing.add(TEMPLATES.relativize(template) + ": '" + prefix + "' + " + m.group(2)
                                    + " is built from codes nobody declared (add them to builtKeyCodes)");
                            continue;
                        }
                        for (String code : values) {
                            if (!known.contains(prefix + code)) {
                                missing.add(TEMPLATES.relativize(template) + ": " + prefix + code);
                            }
                        }
                    }
                }
            }
        }
        assertThat(missing).as("keys built from codes that have no message").isEmpty();
    }

    /** The codes of {@code th:each="k : ${ {'a','b'} }"} on the element or around it, if the variable is such a loop's. */
    private static List<String> inlineList(Element element, String variable) {
        for (Element e = element; e != null; e = e.parent()) {
            Matcher each = INLINE_LIST.matcher(e.attr("th:each"));
            if (each.matches() && each.group(1).equals(variable)) {
                return Stream.of(each.group(2).split(",")).map(v -> v.strip().replace("'", "")).toList();
            }
        }
        return null;
    }

    /** Every constant of every enum with a {@code messageKey()} (org unit types, statuses, sources …) has its message. */
    @Test
    void everyEnumConstantWithAMessageKeyHasItsMessage() throws Exception {
        Set<String> known = load("messages_zh_CN.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        int enums = 0;
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).toList()) {
                String name = JAVA.relativize(source).toString().replace('/', '.').replaceAll("\\.java$", "");
                for (Class<?> type : withNested(Class.forName(name, false, I18nSyncTest.class.getClassLoader()))) {
                    java.lang.reflect.Method messageKey = type.isEnum() ? messageKeyMethod(type) : null;
                    if (messageKey == null) {
                        continue;
                    }
                    enums++;
                    messageKey.setAccessible(true);
                    for (Object constant : type.getEnumConstants()) {
                        String key = (String) messageKey.invoke(constant);
                        if (!known.contains(key)) {
                            missing.add(type.getName() + "." + constant + ": " + key);
                        }
                    }
                }
            }
        }
        assertThat(enums).as("enums with messageKey()").isGreaterThan(10);
        assertThat(missing).as("enum constants without their message").isEmpty();
    }

    private static List<Class<?>> withNested(Class<?> type) {
        List<Class<?>> all = new ArrayList<>(List.of(type));
        for (Class<?> nested : type.getDeclaredClasses()) {
            all.addAll(withNested(nested));
        }
        return all;
    }

    private static java.lang.reflect.Method messageKeyMethod(Class<?> type) {
        try {
            java.lang.reflect.Method m = type.getDeclaredMethod("messageKey");
            return m.getReturnType() == String.class ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
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
