package io.zhenwu.authz;

import io.zhenwu.shared.Role;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The declared authorization of every endpoint, read from {@code authorization-matrix.md} beside this class: one
 * table row per handler mapping — method, path pattern, who may call it, the sample request the matrix sends.
 *
 * @param rows the declared endpoints, in file order
 */
record MatrixDeclaration(List<Row> rows) {

    static final String RESOURCE = "authorization-matrix.md";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9-]+)}");

    /** Who may call an endpoint: everyone (no sign-in), any signed-in user, or the listed roles. */
    enum Audience { PUBLIC, ANY, ROLES }

    /**
     * One declared endpoint.
     *
     * @param method HTTP method, or {@code ANY} for a mapping without one (probed with GET)
     * @param pattern the handler mapping's path pattern exactly as Spring reports it
     * @param audience who may call it
     * @param roles the roles that may, for {@link Audience#ROLES}
     * @param sample the request sent: a path (and query) where {@code {kind}} stands for a record of a
     *               {@link MatrixFixtures} kind — the scoped record probed in and out of scope; empty = the pattern
     * @param answers the exact statuses a permitted caller gets, where the general rule (anything but 401, 403,
     *                404, 5xx) does not fit; empty = the general rule
     */
    record Row(String method, String pattern, Audience audience, Set<Role> roles, String sample, Set<Integer> answers) {

        String key() {
            return method + " " + pattern;
        }

        /**
         * The record kinds the sample names, in order. The last is the record probed in and out of scope; any
         * before it are filled with a record the caller sees (e.g. the template of a report rendered for an org).
         */
        List<String> recordKinds() {
            List<String> kinds = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(sample);
            while (m.find()) {
                kinds.add(m.group(1));
            }
            return kinds;
        }

        boolean mayCall(Set<Role> callerRoles) {
            return switch (audience) {
                case PUBLIC, ANY -> true;
                case ROLES -> callerRoles.stream().anyMatch(roles::contains);
            };
        }

        String who() {
            return switch (audience) {
                case PUBLIC -> "public";
                case ANY -> "any";
                case ROLES -> String.join(" ", roles.stream().map(Role::name).sorted().toList());
            };
        }
    }

    static MatrixDeclaration load() {
        try (InputStream in = MatrixDeclaration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing beside " + MatrixDeclaration.class.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads every table row {@code | METHOD | pattern | who | sample | answer |}; other lines are commentary. */
    static MatrixDeclaration parse(String markdown) {
        List<Row> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : markdown.split("\n")) {
            lineNo++;
            String trimmed = line.strip();
            if (!trimmed.startsWith("|") || trimmed.startsWith("|-") || trimmed.startsWith("| method")) {
                continue;
            }
            String[] cells = trimmed.substring(1, trimmed.length() - (trimmed.endsWith("|") ? 1 : 0)).split("\\|", -1);
            if (cells.length < 4) {
                throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": expected 4 cells, got " + cells.length);
            }
            String method = cells[0].strip().toUpperCase(Locale.ROOT);
            String pattern = unquote(cells[1]);
            String who = cells[2].strip();
            String sample = unquote(cells[3]);
            Set<Integer> answers = cells.length < 5 || cells[4].isBlank() ? Set.of()
                    : Arrays.stream(cells[4].strip().split("[ ,]+")).map(Integer::valueOf).collect(Collectors.toUnmodifiableSet());
            rows.add(new Row(method, pattern, audience(who, lineNo), roles(who, lineNo), sample.isEmpty() ? pattern : sample,
                    answers));
        }
        return new MatrixDeclaration(List.copyOf(rows));
    }

    Optional<Row> find(String method, String pattern) {
        return rows.stream().filter(r -> r.method().equals(method) && r.pattern().equals(pattern)).findFirst();
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "");
    }

    private static Audience audience(String who, int lineNo) {
        return switch (who) {
            case "public" -> Audience.PUBLIC;
            case "any" -> Audience.ANY;
            default -> {
                if (who.isBlank()) {
                    throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": who may call it is not declared");
                }
                yield Audience.ROLES;
            }
        };
    }

    private static Set<Role> roles(String who, int lineNo) {
        if (who.equals("public") || who.equals("any")) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : who.split("[ ,]+")) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": unknown role " + name, e);
            }
        }
        return Set.copyOf(roles);
    }
}
