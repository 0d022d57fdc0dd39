-- Case statistics read a subtree's cases by opening or closing date; these indexes carry the columns the figures
-- test, so PostgreSQL answers them from the index alone (index-only scans) instead of visiting every counted row.
CREATE INDEX case_record_org_opened_stats_idx ON case_record (org_unit_id, opened_on)
    INCLUDE (type_code, outcome, channel_code, out_of_hours, state_kind, overdue, category, reopen_count);
CREATE INDEX case_record_org_closed_stats_idx ON case_record (org_unit_id, closed_on)
    INCLUDE (type_code, outcome, due_on, working_days_used, promised_days, category);
