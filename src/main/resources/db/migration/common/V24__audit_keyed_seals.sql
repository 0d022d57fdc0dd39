-- Keyed chaining (issue 18): a seal's hash is HMAC-SHA256(key, prev_hash + canonical event) with a key kept outside
-- the database; key_id names the key (rotation: new seals use the newest key, verify knows the older ones).
-- Seals from before this migration keep key_id NULL and verify as plain SHA-256, only as the chain's prefix: the
-- first keyed seal MACs the last plain hash, and the first anchor (outside the database) records how many there are.
ALTER TABLE audit_seal ADD COLUMN key_id VARCHAR(16);
