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
-- Replaced by idx_stage_history_exit_actions (indexes_v3.sql), which also covers the mask.
DROP INDEX IF EXISTS idx_stage_history_exits;
