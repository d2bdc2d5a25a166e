-- Rep and team health (analytics/teamhealthsql.cpp, loadExitGroups / loadExitDayGroups): the
-- stage exits of a period with the stage left and the standard actions done in it, from the
-- index alone (the join to the lead's owner is the only other read).
CREATE INDEX IF NOT EXISTS idx_stage_history_exit_actions ON stage_history(at, lead_id, from_stage_id, exit_actions) WHERE deleted = 0;
