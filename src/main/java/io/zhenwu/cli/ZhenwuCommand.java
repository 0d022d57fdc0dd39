package io.zhenwu.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code zhenwu}: the top command; its groups only list their subcommands, so neither needs Spring. */
@Command(name = "zhenwu", mixinStandardHelpOptions = true, versionProvider = ZhenwuCommand.Version.class,
        description = "镇务 Zhenwu command line: works on the platform's own database "
                + "(H2 file data/zhenwu by default; PostgreSQL with --spring.profiles.active=pg).",
        footer = {"", "Spring settings may be given as --name=value, e.g. --spring.profiles.active=pg.",
                "Exit codes: 0 ok, 1 failed (e.g. audit chain broken), 2 invalid input."},
        subcommands = {ZhenwuCommand.Audit.class, ZhenwuCommand.UsersGroup.class, ZhenwuCommand.Demo.class,
                ImportCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
class ZhenwuCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "缺少子命令 (missing command)");
    }

    /** 审计: the audit trail. */
    @Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit trail (审计日志).",
            subcommands = AuditVerifyCommand.class)
    static class Audit implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "缺少子命令 (missing command)");
        }
    }

    /** 用户: accounts. */
    @Command(name = "users", mixinStandardHelpOptions = true, description = "User accounts (用户).",
            subcommands = UserCreateCommand.class)
    static class UsersGroup implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "缺少子命令 (missing command)");
        }
    }

    /** 演示数据: the demo town. */
    @Command(name = "demo", mixinStandardHelpOptions = true, description = "Demo town 下蜀镇 2023 (演示数据).",
            subcommands = {DemoLoadCommand.class, DemoGenerateCommand.class})
    static class Demo implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "缺少子命令 (missing command)");
        }
    }

    /** The jar's version (from its manifest), or "dev" when run from classes. */
    static class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ZhenwuCommand.class.getPackage().getImplementationVersion();
            return new String[]{"zhenwu " + (version == null ? "dev" : version),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
