package io.zhenwu.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 命令行入口: runs one {@code zhenwu} command in a Spring context without a web server and returns its exit code.
 * Spring starts only when a command needs a service (so {@code --help} and {@code --version} touch no database).
 */
public final class ZhenwuCli {

    /** System property set by {@code bin/zhenwu}. */
    public static final String SWITCH = "zhenwu.cli";

    /**
     * CLI defaults: above application.properties but below -D, environment variables and {@code --name=value}
     * arguments, so {@code --zhenwu.demo.enabled=true} still wins when explicitly asked.
     */
    private static final Map<String, Object> DEFAULTS = Map.of(
            // A command must not also load the demo as a side effect of starting.
            "zhenwu.demo.enabled", "false",
            // The sealer is safe to run beside the app (it locks the chain head), but a short CLI run need not seal.
            "zhenwu.audit.seal-interval", "PT1H",
            // Keep the command's own output readable: start-up chatter only when something is wrong.
            "logging.level.root", "WARN",
            "logging.level.org.flywaydb.core.internal.database.base.Database", "ERROR",
            "spring.main.log-startup-info", "false",
            "spring.thymeleaf.check-template-location", "false");

    private ZhenwuCli() {
    }

    /** Whether this JVM was started as the CLI ({@code -Dzhenwu.cli=true}). */
    public static boolean requested() {
        return Boolean.getBoolean(SWITCH);
    }

    /**
     * Runs the command line. Arguments of the form {@code --some.property=value} (with a dot in the name) configure
     * Spring, e.g. {@code --spring.profiles.active=pg}; the rest are the command.
     */
    public static int run(Class<?> application, String... args) {
        List<String> springArgs = new ArrayList<>();
        List<String> commandArgs = new ArrayList<>();
        for (String arg : args) {
            (isSpringProperty(arg) ? springArgs : commandArgs).add(arg);
        }
        var context = new LazyContext(application, springArgs.toArray(String[]::new));
        try (context) {
            return commandLine(new SpringCommandFactory(context::get)).execute(commandArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Typically the context did not start (database unreachable, migration failed): say why in one line.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("错误: 无法运行命令 (could not run the command): " + root);
            return 1;
        }
    }

    /** The {@code zhenwu} command tree; the factory supplies services to the leaf commands. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        var commandLine = new CommandLine(ZhenwuCommand.class, factory);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new CliExceptionHandler());
        commandLine.setExecutionStrategy(ZhenwuCli::execute);
        return commandLine;
    }

    /** Like picocli's RunLast, handing the leaf command its streams (see {@link CliCommand}). */
    private static int execute(CommandLine.ParseResult parseResult) {
        Integer helpExit = CommandLine.executeHelpRequest(parseResult);
        if (helpExit != null) {
            return helpExit;
        }
        List<CommandLine> path = parseResult.asCommandLineList();
        CommandLine leaf = path.get(path.size() - 1);
        if (leaf.getCommand() instanceof CliCommand command) {
            try {
                int code = command.run(leaf.getOut(), leaf.getErr());
                leaf.setExecutionResult(code);
                return code;
            } catch (CommandLine.ParameterException | CommandLine.ExecutionException e) {
                throw e;
            } catch (Exception e) {
                throw new CommandLine.ExecutionException(leaf, "Error while running " + leaf.getCommandName(), e);
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    static boolean isSpringProperty(String arg) {
        if (!arg.startsWith("--") || arg.length() < 3) {
            return false;
        }
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        return name.contains(".");
    }

    /** Starts the Spring context on first use and closes it at the end of the run. */
    private static final class LazyContext implements AutoCloseable {

        private final Class<?> application;
        private final String[] args;
        private ConfigurableApplicationContext context;

        LazyContext(Class<?> application, String[] args) {
            this.application = application;
            this.args = args;
        }

        ConfigurableApplicationContext get() {
            if (context == null) {
                var app = new SpringApplication(application);
                app.setWebApplicationType(WebApplicationType.NONE);
                app.setBannerMode(Banner.Mode.OFF);
                app.setLogStartupInfo(false);
                var environment = new StandardEnvironment();
                environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new MapPropertySource("zhenwuCliDefaults", DEFAULTS));
                app.setEnvironment(environment);
                context = app.run(args);
            }
            return context;
        }

        @Override
        public void close() {
            if (context != null) {
                context.close();
            }
        }
    }
}
