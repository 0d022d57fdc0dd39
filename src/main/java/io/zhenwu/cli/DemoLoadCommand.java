package io.zhenwu.cli;

import io.zhenwu.demo.DemoData;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code zhenwu demo load}: 加载演示数据 into an empty installation only. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load the demo town (org tree and one account per role) into an EMPTY installation.")
class DemoLoadCommand implements CliCommand {

    private final DemoData demo;

    DemoLoadCommand(DemoData demo) {
        this.demo = demo;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        // Checked here too so the refusal is a message, not a stack trace; load() re-checks inside its transaction.
        if (!demo.installationEmpty()) {
            err.println("拒绝加载演示数据: 本系统已有组织机构 (the installation is not empty; "
                    + "the demo is loaded into an empty one only)");
            return 1;
        }
        DemoData.Summary summary = demo.load();
        out.printf("演示数据已加载: %d 个组织机构, %d 个账号, %d 名居民 (password %s)%n",
                summary.orgUnits(), summary.users(), summary.residents(), DemoData.DEMO_PASSWORD);
        return 0;
    }
}
