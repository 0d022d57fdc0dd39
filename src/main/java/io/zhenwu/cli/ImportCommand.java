package io.zhenwu.cli;

import io.zhenwu.imports.ImportJob;
import io.zhenwu.imports.ImportService;
import io.zhenwu.imports.ImportTypes;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code zhenwu import <type> <file>}: the same pipeline as the upload page — all or nothing, with a progress bar.
 * A rejected file exits 1 and leaves its error report next to it ({@code <file>.errors.xlsx}).
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Import an xlsx or csv file (UTF-8 or GBK) of one record type, e.g. enterprises, residents, facilities.")
class ImportCommand implements CliCommand {

    private final ImportService imports;
    private final ImportTypes types;
    private final OrgUnits orgUnits;

    @Parameters(index = "0", paramLabel = "TYPE", description = "record type: enterprises, residents, facilities, honours …")
    String type;

    @Parameters(index = "1", paramLabel = "FILE", description = "the .xlsx or .csv file")
    Path file;

    @Option(names = "--org", paramLabel = "ORGCODE",
            description = "import within this org unit's subtree (default: the whole installation)")
    String orgCode;

    ImportCommand(ImportService imports, ImportTypes types, OrgUnits orgUnits) {
        this.imports = imports;
        this.types = types;
        this.orgUnits = orgUnits;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) throws Exception {
        if (types.find(type).isEmpty()) {
            err.printf("输入有误:%n  TYPE: 没有这种台账类型 %s（可用：%s）%n", type,
                    String.join(", ", types.all().stream().map(t -> t.code()).toList()));
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            err.printf("输入有误:%n  FILE: 找不到文件 %s%n", file);
            return 2;
        }
        Optional<OrgUnit> scopeRoot = orgCode == null ? orgUnits.roots().stream().findFirst() : findOrg(orgCode);
        if (scopeRoot.isEmpty()) {
            err.printf("输入有误:%n  --org: 找不到组织机构 %s%n", orgCode == null ? "(没有任何组织机构)" : orgCode);
            return 2;
        }
        // The command line acts for the operator of the installation: every role, within the chosen subtree.
        Actor actor = new Actor(0, "cli:" + System.getProperty("user.name", "operator"),
                new DataScope(scopeRoot.get().id(), scopeRoot.get().path()), EnumSet.allOf(Role.class));
        ImportJob job;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("导入 " + file.getFileName()).setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" 行", 1).continuousUpdate().build()) {
            job = imports.importNow(actor, type, file, Locale.SIMPLIFIED_CHINESE, bar::stepTo);
        }
        out.println(job.message());
        if (job.unknownColumns() != null) {
            out.printf("已忽略不认识的列：%s%n", job.unknownColumns());
        }
        if (job.status() != ImportJob.Status.SUCCEEDED) {
            if (job.hasErrorReport()) {
                Path report = file.resolveSibling(file.getFileName() + ".errors.xlsx");
                try (OutputStream o = Files.newOutputStream(report)) {
                    imports.writeErrorReport(actor, job.id(), false, o);
                }
                err.printf("错误报告：%s%n", report);
            }
            return 1;
        }
        return 0;
    }

    private Optional<OrgUnit> findOrg(String code) {
        for (OrgUnit root : orgUnits.roots()) {
            Optional<OrgUnit> found = orgUnits.findByCode(new DataScope(root.id(), root.path()), code);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
