-- Import staging on PostgreSQL: each table is partitioned by job. The pipeline fills a job's rows into a table of its
-- own (UNLOGGED, without indexes, by COPY), attaches it as the job's partition (which builds its indexes once) and
-- drops it once the outcome is recorded — instead of inserting through the indexes and deleting a million rows.
-- The statements over the staged rows are unchanged: they read the parent table WHERE job_id = :job (one partition).
-- Staged rows are transient (a job's rows live only while it runs), so each table is replaced by a partitioned one
-- with the same columns, constraints and indexes, not copied. The old indexes are renamed first so the primary keys
-- keep their names (the other indexes get generated ones; nothing refers to them by name).
DO $$
DECLARE
    t text;
    idx text;
BEGIN
    FOREACH t IN ARRAY ARRAY['enterprise_staging', 'resident_staging', 'facility_staging', 'honour_staging',
                             'data_value_staging'] LOOP
        FOR idx IN SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                   WHERE i.indrelid = t::regclass LOOP
            EXECUTE format('ALTER INDEX %I RENAME TO %I', idx, idx || '_old');
        END LOOP;
        EXECUTE format('ALTER TABLE %I RENAME TO %I', t, t || '_old');
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES) '
                       'PARTITION BY LIST (job_id)', t, t || '_old');
        EXECUTE format('DROP TABLE %I', t || '_old');
    END LOOP;
END
$$;
