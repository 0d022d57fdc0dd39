-- H2: the same guarantee through a Java trigger (io.zhenwu.audit.AppendOnlyTrigger).
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL 'io.zhenwu.audit.AppendOnlyTrigger';
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE, DELETE ON audit_seal
    FOR EACH ROW CALL 'io.zhenwu.audit.AppendOnlyTrigger';
