-- Schema v6's own indexes: those of log_deletions (schema_v6.sql), a table in no older schema,
-- then those added since. They come last in latestSchemaIndexes() and are not part of the v5
-- step; a file made before one of them gets it when it is opened (Database::open).
-- Each tombstone's place in the log chain, as for activities and stage moves (indexes_v2.sql).
CREATE UNIQUE INDEX IF NOT EXISTS idx_log_deletions_log_seq ON log_deletions(log_seq) WHERE log_seq IS NOT NULL;
-- ;
-- Tombstones not in the log chain: empty in a healthy file, so verify-log finds one at once.
CREATE INDEX IF NOT EXISTS idx_log_deletions_unchained ON log_deletions(id) WHERE log_seq IS NULL;
-- ;
-- The newest change of each table Team's figures read (analytics/teamhealthdisk.cpp's
-- fingerprint of the facts kept on disk, and soon the sync's "changed since"): max(updated_at)
-- in a few page reads and count(*) over a narrow index, instead of a scan of every row
-- (13 ms → 1 ms for customers on the large demo).
CREATE INDEX IF NOT EXISTS idx_customers_updated ON customers(updated_at);
-- ;
CREATE INDEX IF NOT EXISTS idx_surveys_updated ON surveys(updated_at);
-- ;
CREATE INDEX IF NOT EXISTS idx_tickets_updated ON tickets(updated_at);
-- ;
CREATE INDEX IF NOT EXISTS idx_contracts_updated ON contracts(updated_at);
-- ;
CREATE INDEX IF NOT EXISTS idx_payments_updated ON payments(updated_at);
-- ;
CREATE INDEX IF NOT EXISTS idx_product_trials_updated ON product_trials(updated_at);
