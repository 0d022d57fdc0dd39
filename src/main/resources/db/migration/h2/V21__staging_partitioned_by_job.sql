-- PostgreSQL partitions the import staging tables by job in this version (a job's rows are copied into a table of
-- their own and dropped afterwards). H2 has no partitioning: its staging tables stay as they are, filled by batched
-- INSERTs and cleared by DELETE. Nothing to change here; the version is kept so both databases number alike.
SELECT 1;
