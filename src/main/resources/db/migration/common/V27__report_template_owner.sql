-- Report templates belong to an org unit (issue 18): a user lists, edits, renders and publishes the templates owned
-- by the org units of their data scope only (one town's leader no longer edits every town's), and two towns may
-- each keep a template of the same name. An existing template goes to the org unit of whoever created it; the
-- demo's (created by the loader, not a user) to 下蜀镇, the demo town; any other to the root of the tree.
ALTER TABLE report_template ADD COLUMN org_unit_id BIGINT REFERENCES org_unit (id);

UPDATE report_template SET org_unit_id = COALESCE(
    (SELECT u.org_unit_id FROM report_template_version v JOIN app_user u ON u.username = v.created_by
      WHERE v.template_id = report_template.id AND v.version_no = 1),
    (SELECT o.id FROM org_unit o WHERE o.code = '321183102000'
      AND EXISTS (SELECT 1 FROM report_template_version v
                   WHERE v.template_id = report_template.id AND v.version_no = 1 AND v.created_by = 'demo')),
    (SELECT MIN(o.id) FROM org_unit o WHERE o.parent_id IS NULL));

ALTER TABLE report_template ALTER COLUMN org_unit_id SET NOT NULL;
ALTER TABLE report_template DROP CONSTRAINT report_template_name_uk;
ALTER TABLE report_template ADD CONSTRAINT report_template_owner_name_uk UNIQUE (org_unit_id, name);
