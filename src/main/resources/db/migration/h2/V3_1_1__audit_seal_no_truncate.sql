-- H2 fires no trigger on TRUNCATE, and truncates any table that no foreign key refers to: without this,
-- TRUNCATE TABLE audit_seal would wipe the chain (audit_event is already protected by audit_seal's foreign key).
-- This always-empty table's foreign key makes H2 refuse it, as PostgreSQL's TRUNCATE trigger does.
CREATE TABLE audit_seal_truncate_guard (
    seq BIGINT REFERENCES audit_seal (seq)
);
