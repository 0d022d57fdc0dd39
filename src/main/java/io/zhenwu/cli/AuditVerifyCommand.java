package io.zhenwu.cli;

import io.zhenwu.audit.AuditTrail;
import io.zhenwu.audit.ChainVerification;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code zhenwu audit verify}: 校验审计链 — checks the append-only triggers, every seal and the chain against the last
 * anchor on file, then (only if all of that held) seals what is pending and writes a new anchor, which it prints.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the audit trail (triggers, every keyed hash, the last anchor), then seal pending events and "
                + "print the new anchor. Exit 1 if anything was tampered with; nothing is sealed then.")
class AuditVerifyCommand implements CliCommand {

    private final AuditTrail auditTrail;

    AuditVerifyCommand(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        ChainVerification result = auditTrail.verify();
        if (result.intact()) {
            out.printf("%d records, chain intact, %d pending (%d sealed now)%n", result.records(), result.pending(), result.sealedNow());
            out.printf("anchor: %s%n", result.anchor().line());
            return 0;
        }
        String event = result.firstBrokenEvent() == null ? "" : " (event " + result.firstBrokenEvent() + ")";
        err.printf("audit trail NOT intact%s: %d problem(s)%n", event, result.findings().size());
        result.findings().forEach(f -> err.printf("  %s%n", f));
        err.printf("%d records verified before the first break, %d pending (not sealed)%n", result.records(), result.pending());
        err.printf("last anchor: %s%n", result.anchor() == null ? "none" : result.anchor().line());
        return 1;
    }
}
