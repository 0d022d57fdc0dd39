package io.zhenwu.cli;

import io.zhenwu.ZhenwuApplication;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.core.ApplicationModules;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the {@code zhenwu} commands against an in-memory H2 installation with the demo town loaded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:cli;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "zhenwu.demo.enabled=true"})
class ZhenwuCliTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Problems problems;

    record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine commandLine = ZhenwuCli.commandLine(new SpringCommandFactory(() -> context));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndVersionPrints() {
        Run help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("audit", "users", "demo");

        Run version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("zhenwu ");

        Run missing = run("users");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("create");
    }

    @Test
    void createsAUserThenRejectsTheDuplicateInChinese() {
        Run created = run("users", "create", "--username", "cli-wang", "--name", "王芳", "--org", "xs-zwfw",
                "--role", "STAFF", "--role", "cadre", "--password", "Secret@2024x");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("已创建用户 cli-wang", "王芳", "XS-ZWFW", "CADRE,STAFF");

        Run duplicate = run("users", "create", "--username", "CLI-WANG", "--name", "王芳", "--org", "XS-ZWFW",
                "--role", "STAFF", "--password", "Secret@2024x");
        assertThat(duplicate.exitCode()).isEqualTo(2);
        // Whatever messages_zh_CN.properties says (or the key, where it says nothing), as the admin UI shows it.
        String expected = problems.message(FieldViolation.of("username", "user.username.duplicate", "cli-wang"),
                CliMessages.LOCALE);
        assertThat(duplicate.err()).contains("输入有误", "--username: " + expected);
    }

    @Test
    void reportsEveryViolationWithTheOptionToFix() {
        Run invalid = run("users", "create", "--username", "cli-weak", "--name", " ", "--org", "321183102000",
                "--role", "LEADER", "--password", "short");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains("--name: ", "--password: ");

        Run unknownOrg = run("users", "create", "--username", "cli-nowhere", "--name", "某人", "--org", "NO-SUCH",
                "--role", "STAFF", "--password", "Secret@2024x");
        assertThat(unknownOrg.exitCode()).isEqualTo(2);
        assertThat(unknownOrg.err()).contains("--org", "NO-SUCH");

        Run badRole = run("users", "create", "--username", "cli-role", "--name", "某人", "--org", "XS-ZWFW",
                "--role", "MAYOR", "--password", "Secret@2024x");
        assertThat(badRole.exitCode()).isEqualTo(2);

        Run both = run("users", "create", "--username", "cli-both", "--name", "某人", "--org", "XS-ZWFW",
                "--role", "STAFF", "--password", "Secret@2024x", "--password-stdin");
        assertThat(both.exitCode()).isEqualTo(2);
    }

    @Test
    void readsThePasswordFromStandardInput() {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream("Secret@2024x\n".getBytes(StandardCharsets.UTF_8)));
            Run created = run("users", "create", "--username", "cli-stdin", "--name", "李明", "--org", "321183102201",
                    "--role", "CADRE", "--password-stdin");
            assertThat(created.exitCode()).as(created.err()).isZero();
            assertThat(created.out()).contains("cli-stdin");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void importsAFileAllOrNothingAndLeavesTheErrorReportNextToIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String first17 = "91321183MA9CPX001";
        String good = first17 + io.zhenwu.registry.CreditCode.checkCharacter(first17);
        java.nio.file.Path csv = dir.resolve("企业.csv");
        java.nio.file.Files.writeString(csv, "统一社会信用代码,企业名称,所属单位代码\n" + good + ",命令行公司,XS-PARK\n");
        Run ok = run("import", "enterprises", csv.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("导入完成", "新增 1");

        java.nio.file.Path bad = dir.resolve("坏.csv");
        java.nio.file.Files.writeString(bad, "统一社会信用代码,企业名称,所属单位代码\n" + good.substring(0, 17) + "0,坏公司,XS-PARK\n");
        Run rejected = run("import", "enterprises", bad.toString());
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.out()).contains("整个文件未导入");
        assertThat(dir.resolve("坏.csv.errors.xlsx")).exists();

        assertThat(run("import", "planets", bad.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void demoLoadRefusesANonEmptyInstallation() {
        Run load = run("demo", "load");
        assertThat(load.exitCode()).isEqualTo(1);
        assertThat(load.err()).contains("拒绝加载演示数据");
    }

    @Test
    void auditVerifyReportsAnIntactChainIncludingTheCliWrites() {
        run("users", "create", "--username", "cli-audited", "--name", "审计对象", "--org", "XS-ZWFW",
                "--role", "STAFF", "--password", "Secret@2024x");
        Run verify = run("audit", "verify");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).matches("(?s)[1-9]\\d* records, chain intact, 0 pending \\(\\d+ sealed now\\)\\R"
                + "anchor: A1 \\S+ seq=[1-9]\\d* head=[0-9a-f]{64} plain=0 key=\\S+ mac=[0-9a-f]{64}\\R");
    }

    @Test
    void springSettingsAreToldApartFromCommandOptions() {
        assertThat(ZhenwuCli.isSpringProperty("--spring.profiles.active=pg")).isTrue();
        assertThat(ZhenwuCli.isSpringProperty("--zhenwu.demo.enabled=true")).isTrue();
        assertThat(ZhenwuCli.isSpringProperty("--username=wang")).isFalse();
        assertThat(ZhenwuCli.isSpringProperty("--password=a.b")).isFalse();
        assertThat(ZhenwuCli.isSpringProperty("--help")).isFalse();
    }

    @Test
    void cliDependsOnlyOnThePublicApisItIsAllowed() {
        var violations = ApplicationModules.of(ZhenwuApplication.class).detectViolations().getMessages().stream()
                .filter(message -> message.contains("io.zhenwu.cli") || message.contains("'cli'"))
                .toList();
        assertThat(violations).isEmpty();
    }
}
