package io.zhenwu.audit;

import org.springframework.stereotype.Component;

/** What makes the chain tamper-evident against the database's own users: the key, the anchor file, the triggers. */
@Component
record AuditChainSecurity(AuditKeys keys, AuditAnchors anchors, AppendOnlyGuards guards) {
}
