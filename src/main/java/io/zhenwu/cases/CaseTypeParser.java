package io.zhenwu.cases;

import io.zhenwu.shared.Role;
import io.zhenwu.shared.figures.LocalizedText;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a case type from YAML (SafeConstructor: plain maps and lists, never arbitrary objects) and checks it is a
 * workflow that can run: known keys, unique states, every transition between known states, every state reachable
 * from the initial one, at least one closing state, no way out of a closed state. A broken built-in type stops the
 * start-up with a message naming the file and the problem.
 */
final class CaseTypeParser {

    private static final Set<String> TOP_KEYS = Set.of("code", "version", "name", "numberCode", "openRoles", "initial",
            "states", "transitions", "timeLimit", "escalation");
    private static final Set<String> STATE_KEYS = Set.of("code", "kind", "name", "outcome");
    private static final Set<String> TRANSITION_KEYS = Set.of("name", "label", "from", "to", "roles", "fields",
            "differentActorThan", "reopen", "system");
    private static final Set<String> FIELD_KEYS = Set.of("name", "required", "label");
    private static final Set<String> LIMIT_KEYS = Set.of("unit", "promisedDays", "legalDays", "warnDaysBefore");

    /** The pseudo-transition that opens a case, usable in {@code differentActorThan}. */
    static final String OPEN = "open";

    private CaseTypeParser() {
    }

    static CaseType parse(String source, String yamlText) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        } catch (RuntimeException e) {
            throw new CaseTypeException(source, "not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new CaseTypeException(source, "expected a mapping at the top");
        }
        Ctx ctx = new Ctx(source);
        ctx.keys("case type", map, TOP_KEYS);
        String code = ctx.text(map, "code", "[a-z][a-z0-9_]{1,39}");
        int version = ctx.integer(map, "version", 1);
        LocalizedText name = ctx.localized(map, "name");
        String numberCode = ctx.text(map, "numberCode", "[A-Z]{1,4}");
        Set<Role> openRoles = ctx.roles(map.get("openRoles"), "openRoles");
        String initial = ctx.text(map, "initial", "[a-z][a-z0-9_]*");

        List<CaseType.State> states = new ArrayList<>();
        Set<String> stateCodes = new LinkedHashSet<>();
        for (Object o : ctx.list(map, "states")) {
            Map<?, ?> s = ctx.map(o, "state");
            ctx.keys("state", s, STATE_KEYS);
            String sc = ctx.text(s, "code", "[a-z][a-z0-9_]*");
            if (!stateCodes.add(sc)) {
                throw ctx.fail("state '" + sc + "' is declared twice");
            }
            CaseType.StateKind kind;
            try {
                kind = CaseType.StateKind.valueOf(ctx.text(s, "kind", "[a-z]+").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ctx.fail("state '" + sc + "' has kind '" + s.get("kind") + "'; use open, paused or closed");
            }
            String outcome = s.get("outcome") == null ? null : s.get("outcome").toString();
            if (kind == CaseType.StateKind.CLOSED && outcome == null) {
                outcome = "done";
            }
            states.add(new CaseType.State(sc, kind, ctx.localized(s, "name"), outcome));
        }
        if (!stateCodes.contains(initial)) {
            throw ctx.fail("initial state '" + initial + "' is not declared");
        }
        if (states.stream().noneMatch(s -> s.kind() == CaseType.StateKind.CLOSED)) {
            throw ctx.fail("no closed state: a case of this type could never end");
        }
        if (states.stream().filter(s -> s.code().equals(initial)).findFirst().orElseThrow().kind() != CaseType.StateKind.OPEN) {
            throw ctx.fail("initial state '" + initial + "' must be of kind open");
        }

        List<CaseType.Transition> transitions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Object o : ctx.list(map, "transitions")) {
            Map<?, ?> t = ctx.map(o, "transition");
            ctx.keys("transition", t, TRANSITION_KEYS);
            String tn = ctx.text(t, "name", "[a-z][a-z0-9_]*");
            if (tn.equals(OPEN)) {
                throw ctx.fail("transition name 'open' is reserved for opening a case");
            }
            if (!names.add(tn)) {
                throw ctx.fail("transition '" + tn + "' is declared twice");
            }
            Set<String> from = new LinkedHashSet<>(ctx.strings(t.get("from"), "from of '" + tn + "'"));
            if (from.isEmpty()) {
                throw ctx.fail("transition '" + tn + "' has no 'from' state");
            }
            for (String f : from) {
                if (!stateCodes.contains(f)) {
                    throw ctx.fail("transition '" + tn + "' starts from unknown state '" + f + "'");
                }
                if (states.stream().anyMatch(s -> s.code().equals(f) && s.kind() == CaseType.StateKind.CLOSED)) {
                    throw ctx.fail("transition '" + tn + "' leaves closed state '" + f + "'; a closed case stays closed");
                }
            }
            String to = ctx.text(t, "to", "[a-z][a-z0-9_]*");
            if (!stateCodes.contains(to)) {
                throw ctx.fail("transition '" + tn + "' goes to unknown state '" + to + "'");
            }
            boolean system = Boolean.TRUE.equals(t.get("system"));
            Set<Role> roles = ctx.roles(t.get("roles"), "roles of '" + tn + "'");
            if (roles.isEmpty() && !system) {
                throw ctx.fail("transition '" + tn + "' names no role that may fire it");
            }
            List<CaseType.Field> fields = new ArrayList<>();
            Object fl = t.get("fields");
            if (fl != null) {
                for (Object fo : ctx.asList(fl, "fields of '" + tn + "'")) {
                    Map<?, ?> f = ctx.map(fo, "field");
                    ctx.keys("field", f, FIELD_KEYS);
                    fields.add(new CaseType.Field(ctx.text(f, "name", "[a-z][a-z0-9_]*"), Boolean.TRUE.equals(f.get("required")),
                            ctx.localized(f, "label")));
                }
            }
            Set<String> different = new LinkedHashSet<>(ctx.strings(t.get("differentActorThan"), "differentActorThan of '" + tn + "'"));
            transitions.add(new CaseType.Transition(tn, ctx.localized(t, "label"), Set.copyOf(from), to, roles, List.copyOf(fields),
                    Set.copyOf(different), Boolean.TRUE.equals(t.get("reopen")), system));
        }
        for (CaseType.Transition t : transitions) {
            for (String d : t.differentActorThan()) {
                // "open" names whoever opened the case (the inspector who found a hazard).
                if (!names.contains(d) && !d.equals(OPEN)) {
                    throw ctx.fail("transition '" + t.name() + "' must differ from the actor of unknown transition '" + d + "'");
                }
            }
        }
        // Every state must be reachable from the initial one, or the type declares something no case can reach.
        Set<String> reached = new HashSet<>(Set.of(initial));
        Deque<String> todo = new ArrayDeque<>(List.of(initial));
        while (!todo.isEmpty()) {
            String s = todo.pop();
            for (CaseType.Transition t : transitions) {
                if (t.allowedFrom(s) && reached.add(t.to())) {
                    todo.push(t.to());
                }
            }
        }
        for (String s : stateCodes) {
            if (!reached.contains(s)) {
                throw ctx.fail("state '" + s + "' cannot be reached from the initial state '" + initial + "'");
            }
        }

        CaseType.TimeLimit limit = new CaseType.TimeLimit(false, null, null, 0);
        if (map.get("timeLimit") != null) {
            Map<?, ?> l = ctx.map(map.get("timeLimit"), "timeLimit");
            ctx.keys("timeLimit", l, LIMIT_KEYS);
            String unit = l.get("unit") == null ? "working" : l.get("unit").toString();
            if (!unit.equals("working") && !unit.equals("calendar")) {
                throw ctx.fail("timeLimit unit '" + unit + "'; use working or calendar");
            }
            limit = new CaseType.TimeLimit(unit.equals("calendar"), ctx.optionalDays(l, "promisedDays"),
                    ctx.optionalDays(l, "legalDays"), l.get("warnDaysBefore") == null ? 0 : ctx.integer(l, "warnDaysBefore", 0));
        }
        Role escalateTo = Role.LEADER;
        if (map.get("escalation") != null) {
            Map<?, ?> e = ctx.map(map.get("escalation"), "escalation");
            escalateTo = ctx.roles(List.of(String.valueOf(e.get("notify"))), "escalation.notify").iterator().next();
        }
        return new CaseType(code, version, name, numberCode, openRoles, initial, List.copyOf(states), List.copyOf(transitions),
                limit, escalateTo, sha256(yamlText));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case type that cannot run; the message names the file. */
    static final class CaseTypeException extends IllegalStateException {
        CaseTypeException(String source, String message) {
            super("Case type " + source + ": " + message);
        }
    }

    private record Ctx(String source) {

        CaseTypeException fail(String message) {
            return new CaseTypeException(source, message);
        }

        void keys(String what, Map<?, ?> map, Set<String> allowed) {
            for (Object k : map.keySet()) {
                if (!allowed.contains(String.valueOf(k))) {
                    throw fail("unknown key '" + k + "' in " + what + " (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                }
            }
        }

        String text(Map<?, ?> map, String key, String pattern) {
            Object v = map.get(key);
            if (v == null || v.toString().isBlank()) {
                throw fail("'" + key + "' is missing");
            }
            String s = v.toString().strip();
            if (!s.matches(pattern)) {
                throw fail("'" + key + "' value '" + s + "' does not match " + pattern);
            }
            return s;
        }

        int integer(Map<?, ?> map, String key, int min) {
            Object v = map.get(key);
            if (!(v instanceof Integer i) || i < min) {
                throw fail("'" + key + "' must be a whole number ≥ " + min + ", not '" + v + "'");
            }
            return i;
        }

        Integer optionalDays(Map<?, ?> map, String key) {
            return map.get(key) == null ? null : integer(map, key, 0);
        }

        Map<?, ?> map(Object o, String what) {
            if (!(o instanceof Map<?, ?> m)) {
                throw fail("expected a mapping for " + what + ", got '" + o + "'");
            }
            return m;
        }

        List<?> list(Map<?, ?> map, String key) {
            Object v = map.get(key);
            if (v == null) {
                throw fail("'" + key + "' is missing");
            }
            return asList(v, key);
        }

        List<?> asList(Object v, String what) {
            if (!(v instanceof List<?> l) || l.isEmpty()) {
                throw fail("'" + what + "' must be a non-empty list");
            }
            return l;
        }

        Collection<String> strings(Object v, String what) {
            if (v == null) {
                return List.of();
            }
            if (v instanceof String s) {
                return List.of(s);
            }
            return asList(v, what).stream().map(String::valueOf).toList();
        }

        Set<Role> roles(Object v, String what) {
            Set<Role> roles = new LinkedHashSet<>();
            for (String r : strings(v, what)) {
                try {
                    roles.add(Role.valueOf(r.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw fail("unknown role '" + r + "' in " + what);
                }
            }
            return Set.copyOf(roles);
        }

        LocalizedText localized(Map<?, ?> map, String key) {
            Object v = map.get(key);
            if (v instanceof Map<?, ?> m && m.get("zh") != null) {
                return new LocalizedText(m.get("zh").toString(), m.get("en") == null ? null : m.get("en").toString());
            }
            if (v instanceof String s && !s.isBlank()) {
                return new LocalizedText(s, null);
            }
            throw fail("'" + key + "' needs a {zh: …, en: …} text");
        }
    }
}
