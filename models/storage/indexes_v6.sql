-- Schema v6's own indexes: those of log_deletions (schema_v6.sql). The table is in no older
-- schema, so these come last in latestSchemaIndexes() and are not part of the v5 step.
-- Each tombstone's place in the log chain, as for activities and stage moves (indexes_v2.sql).
CREATE UNIQUE INDEX IF NOT EXISTS idx_log_deletions_log_seq ON log_deletions(log_seq) WHERE log_seq IS NOT NULL;
-- ;
-- Tombstones not in the log chain: empty in a healthy file, so verify-log finds one at once.
CREATE INDEX IF NOT EXISTS idx_log_deletions_unchained ON log_deletions(id) WHERE log_seq IS NULL;
