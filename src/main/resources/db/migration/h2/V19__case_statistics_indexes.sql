-- As the PostgreSQL migration of the same version, without INCLUDE (H2 has none): the closing-date index at least.
CREATE INDEX case_record_org_closed_stats_idx ON case_record (org_unit_id, closed_on);
