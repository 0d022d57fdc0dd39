package io.zhenwu.cli;

import io.zhenwu.audit.AuditTrail;
import io.zhenwu.audit.ChainVerification;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code zhenwu audit verify}: 校验审计链 — seals what is pending, then recomputes every hash. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Seal pending events, then recompute the whole hash chain. Exit 1 if it is broken.")
class AuditVerifyCommand implements CliCommand {

    private final AuditTrail auditTrail;

    AuditVerifyCommand(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        ChainVerification result = auditTrail.verify();
        if (result.intact()) {
            out.printf("%d records, chain intact, %d pending%n", result.records(), result.pending());
            return 0;
        }
        String event = result.firstBrokenEvent() == null ? "event missing" : "event " + result.firstBrokenEvent();
        err.printf("chain broken at record #%d (%s): %s%n", result.firstBrokenSeq(), event,
                result.reason());
        err.printf("%d records verified before the break, %d pending%n", result.records(),
                result.pending());
        return 1;
    }
}
