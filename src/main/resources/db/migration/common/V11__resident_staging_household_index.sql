-- The one-head-per-household check groups a file's staged rows by household; with this index the database groups
-- in index order (constant memory) instead of hashing a million households in memory.
CREATE INDEX resident_staging_household_idx ON resident_staging (job_id, household_no);
