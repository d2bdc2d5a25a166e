-- Sales Cockpit schema version 3, first step: the stage-exit actions kept on write (issue 10).
-- Applied after schema_v2.sql when a database is created, and by migrateTo(3) on a version-2
-- file, in one transaction with the masks' computation (storage/exitactions.h), after a backup.
-- Statements are separated by a line holding only "-- ;".
--
-- exit_actions: the activity kinds done on the lead while it sat in the stage this move leaves
-- (bit i = knownActivityKinds()[i]; 0 when the move has no earlier move, so no known entry).
-- Derived and local: not in the hash chain's record, not in the outbox; every writer of
-- activities or stage moves recomputes it for the leads it touched (refreshExitActions).
ALTER TABLE stage_history ADD COLUMN exit_actions INTEGER NOT NULL DEFAULT 0;
-- ;
-- Both replaced by idx_stage_history_by_at (indexes_v3.sql): (at) is its prefix, and the
-- partial exits index was never read as covering (SQLite 3.40 does not count a column of
-- the index's WHERE as covered), so every exit read its history row.
DROP INDEX IF EXISTS idx_stage_history_exits;
-- ;
DROP INDEX IF EXISTS idx_stage_history_at;
-- ;
-- Every query of leads by owner also filters deleted = 0, which idx_leads_assign (owner_id,
-- status, assigned_at, closed_at) WHERE deleted = 0 answers: the shorter index only cost
-- writes (assigning 10 000 leads: about a fifth of the time).
DROP INDEX IF EXISTS idx_leads_owner_status;
