-- Stage moves by time: every query over a period's moves (funnel, alert facts' look-back,
-- the team health cache's "did anything move" check) seeks its prefix (at). Rep and team
-- health's stage exits (teamhealthsql.cpp, loadExitGroups / loadExitDayGroups) read the lead,
-- the stage left and the actions done in it from the index alone: `deleted` is a column, not
-- a partial-index WHERE, so SQLite 3.40 sees the index as covering (large demo, 6 months of
-- exits: 2.3 s -> 1.4 s in the sqlite3 shell).
CREATE INDEX IF NOT EXISTS idx_stage_history_by_at ON stage_history(at, lead_id, from_stage_id, exit_actions, deleted);
-- ;
-- A lead's owner by its id without reading the lead's row: the stage exits join every exit
-- to its lead's current owner (68 287 exits of 2026-Q4's coverage on the large demo:
-- 1.4 s -> 0.8 s in the sqlite3 shell with the index above). Integer keys (the next schema
-- version) make the row itself one seek and this index unnecessary.
CREATE INDEX IF NOT EXISTS idx_leads_owner_of ON leads(id, owner_id, deleted);
