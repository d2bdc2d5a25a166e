CREATE UNIQUE INDEX IF NOT EXISTS idx_activities_log_seq ON activities(log_seq) WHERE log_seq IS NOT NULL;
-- ;
CREATE UNIQUE INDEX IF NOT EXISTS idx_stage_history_log_seq ON stage_history(log_seq) WHERE log_seq IS NOT NULL;
-- ;
-- Records not in the log chain: empty in a healthy file, so verify-log finds one at once.
CREATE INDEX IF NOT EXISTS idx_activities_unchained ON activities(id) WHERE log_seq IS NULL;
-- ;
CREATE INDEX IF NOT EXISTS idx_stage_history_unchained ON stage_history(id) WHERE log_seq IS NULL;
-- ;
CREATE INDEX IF NOT EXISTS idx_alerts_dedupe ON alerts(dedupe_key);
-- ;
CREATE INDEX IF NOT EXISTS idx_alerts_open ON alerts(raised_at) WHERE resolved_at IS NULL AND deleted = 0;
-- ;
CREATE INDEX IF NOT EXISTS idx_alerts_lead ON alerts(lead_id) WHERE lead_id IS NOT NULL;
-- ;
CREATE INDEX IF NOT EXISTS idx_deliveries_due ON deliveries(state, next_attempt_at);
-- ;
-- Assignment facts (load, last 24 h, rotation, recent wins per owner) from the index alone.
CREATE INDEX IF NOT EXISTS idx_leads_assign ON leads(owner_id, status, assigned_at, closed_at) WHERE deleted = 0;
