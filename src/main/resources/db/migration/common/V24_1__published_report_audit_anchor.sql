-- The audit chain's anchor at publication (head seal, its hash, the anchor's MAC), printed on the published report.
ALTER TABLE published_report ADD COLUMN audit_anchor VARCHAR(400);
