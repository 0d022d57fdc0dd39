package io.zhenwu.cli;

import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.UserAccount;
import io.zhenwu.security.Users;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.Problems;
import io.zhenwu.shared.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code zhenwu users create}: 新建用户 in any org unit, e.g. the first administrator of a fresh installation.
 * Runs the same validation as the admin UI; violations are printed in Chinese and exit with 2.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create a user account (新建用户). Without a password option, asks on the terminal.")
class UserCreateCommand implements CliCommand {

    private final OrgUnits orgUnits;
    private final Users users;
    private final CliMessages messages;

    @Option(names = "--username", required = true, paramLabel = "U", description = "login name: a-z, 0-9, . _ -")
    String username;

    @Option(names = "--name", required = true, paramLabel = "显示名", description = "display name (姓名/显示名)")
    String displayName;

    @Option(names = "--org", required = true, paramLabel = "ORGCODE",
            description = "org unit code, e.g. 321183102000 (下蜀镇) or XS-ZWFW")
    String orgCode;

    @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
            description = "repeatable or comma-separated: ${COMPLETION-CANDIDATES}")
    List<Role> roles;

    // Two plain options, not an exclusive @ArgGroup: picocli reads a group's initial value by building the command,
    // which would start Spring just to print help.
    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Option(names = "--password", paramLabel = "P",
            description = "the password (visible to other local users; prefer --password-stdin)")
    String password;

    UserCreateCommand(OrgUnits orgUnits, Users users, Problems problems) {
        this.orgUnits = orgUnits;
        this.users = users;
        this.messages = new CliMessages(problems);
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) throws IOException {
        if (password != null && passwordStdin) {
            err.printf("输入有误:%n  --password: --password 与 --password-stdin 只能用一个%n");
            return 2;
        }
        Optional<OrgUnit> org = findOrg(orgCode);
        if (org.isEmpty()) {
            err.printf("输入有误:%n  --org: 找不到组织机构代码 %s%n", orgCode);
            return 2;
        }
        Optional<String> secret = readPassword(err);
        if (secret.isEmpty()) {
            err.printf("输入有误:%n  --password: 需要密码 (--password-stdin 或 --password)%n");
            return 2;
        }
        Set<Role> roleSet = roles.stream().collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        UserAccount created;
        try {
            created = users.createAsSystem(username, displayName, org.get(), roleSet, secret.get());
        } catch (InvalidInputException e) {
            messages.printViolations(err, e.violations());
            return 2;
        }
        out.printf("已创建用户 %s (id %d): %s, %s (%s), 角色 %s%n", created.username(), created.id(),
                created.displayName(), org.get().name(), org.get().code(),
                created.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        return 0;
    }

    /** Codes are unique across the tree; the CLI has no caller scope, so it searches from each root. */
    private Optional<OrgUnit> findOrg(String code) {
        for (OrgUnit root : orgUnits.roots()) {
            Optional<OrgUnit> found = orgUnits.findByCode(new DataScope(root.id(), root.path()), code);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<String> readPassword(PrintWriter err) throws IOException {
        if (password != null) {
            return Optional.of(password);
        }
        if (passwordStdin) {
            // Not closed: closing would close System.in for the rest of the JVM.
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return Optional.ofNullable(line).filter(s -> !s.isEmpty());
        }
        var console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        char[] first = console.readPassword("密码 (password): ");
        char[] second = console.readPassword("再次输入 (again): ");
        if (first == null || second == null || first.length == 0 || !Arrays.equals(first, second)) {
            err.println("两次输入的密码不一致 (passwords differ)");
            return Optional.empty();
        }
        return Optional.of(new String(first));
    }
}
