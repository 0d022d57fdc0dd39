/**
 * 命令行 (CLI): {@code bin/zhenwu} — audit-chain verification, account creation and the demo town, run against the
 * same database as the platform without starting the web server. Public API: {@link io.zhenwu.cli.ZhenwuCli}, the
 * entry point {@code ZhenwuApplication} hands over to; everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "命令行 CLI",
        allowedDependencies = {"audit", "security", "org", "demo", "imports", "reports", "shared"})
package io.zhenwu.cli;
