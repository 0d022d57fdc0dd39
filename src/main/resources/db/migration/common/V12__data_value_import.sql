-- Data values through the import pipeline: one key column (indicator|org unit id|period type|period start) for the
-- pipeline's MERGE, a default author for rows the MERGE inserts (the import's after-merge step sets the importer),
-- and the staging table.
ALTER TABLE data_value ADD COLUMN value_key VARCHAR(120);
UPDATE data_value SET value_key = indicator_code || '|' || CAST(org_unit_id AS VARCHAR(20)) || '|' || period_type || '|'
    || CAST(period_start AS VARCHAR(10));
CREATE UNIQUE INDEX data_value_key_uk ON data_value (value_key);
ALTER TABLE data_value ALTER COLUMN updated_by SET DEFAULT 'import';

CREATE TABLE data_value_staging (
    job_id         BIGINT NOT NULL,
    row_no         BIGINT NOT NULL,
    org_code       VARCHAR(32),
    org_unit_id    BIGINT,
    value_key      VARCHAR(120),
    indicator_code VARCHAR(40) NOT NULL,
    period_type    VARCHAR(16) NOT NULL,
    period_start   DATE NOT NULL,
    num_value      NUMERIC(24, 6) NOT NULL,
    source         VARCHAR(16) NOT NULL,
    comment        VARCHAR(500),
    PRIMARY KEY (job_id, row_no)
);
CREATE INDEX data_value_staging_key_idx ON data_value_staging (job_id, value_key);
