-- Validation rules become editable by administrators: optimistic locking and when a rule last changed.
ALTER TABLE validation_rule ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE validation_rule ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
