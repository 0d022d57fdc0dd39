-- Issue 18: a job belongs to the process running it. The owner renews heartbeat_at while the job is queued or running;
-- start-up (and periodic) cleanup fails only jobs whose owner is gone: a dead process on this host, or a heartbeat older
-- than the lease. Jobs from before this version have no owner and no heartbeat: they count as abandoned.
ALTER TABLE import_job ADD COLUMN owner_id VARCHAR(160);
ALTER TABLE import_job ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX import_job_status_idx ON import_job (status);
