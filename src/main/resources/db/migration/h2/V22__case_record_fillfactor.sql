-- PostgreSQL leaves free space in case_record's pages in this version (fillfactor); H2 has no such setting.
SELECT 1;
