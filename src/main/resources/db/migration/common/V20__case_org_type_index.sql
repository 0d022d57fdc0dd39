-- A loop's lists and boards (open hazards by village, notices, disputes, plots) join their records to the case and
-- the case's unit for the scope test. From the units of a county, PostgreSQL's generic plan visited every case of
-- those units (960k at 200 towns) to find their 5k hazards; by unit and type it reads only those (1.6 s → 3 ms),
-- and by closing date the ones closed in a period.
CREATE INDEX case_record_org_type_idx ON case_record (org_unit_id, type_code, closed_on);
