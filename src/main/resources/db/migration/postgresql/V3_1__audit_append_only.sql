-- PostgreSQL: the audit trail rejects UPDATE, DELETE and TRUNCATE, whoever connects.
CREATE FUNCTION zhenwu_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit trail is append-only: % on % rejected', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION zhenwu_audit_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION zhenwu_audit_append_only();
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION zhenwu_audit_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION zhenwu_audit_append_only();

-- Subtree LIKE 'prefix%' uses an index only with pattern ops under a non-C collation.
CREATE INDEX org_unit_path_pattern_idx ON org_unit (path varchar_pattern_ops);
CREATE INDEX audit_event_scope_pattern_idx ON audit_event (scope_path varchar_pattern_ops);
