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
-- Open demo alerts written before dedupe keys existed: the evaluator adopts them (alerts).
CREATE INDEX IF NOT EXISTS idx_alerts_legacy_open ON alerts(rule) WHERE dedupe_key = '' AND resolved_at IS NULL;
-- ;
-- Sales actions by time, covering what the duplicate-touch and quote-compliance rules read
-- over their window (alerts), so the evaluation needs no table look-ups.
CREATE INDEX IF NOT EXISTS idx_activities_sales_at ON activities(at, customer_id, actor_id, kind, lead_id) WHERE direction = 'sales' AND deleted = 0;
-- ;
-- Assignment facts (load, last 24 h, rotation, recent wins per owner) from the index alone;
-- also every other lookup of a rep's live leads (alert facts, KPIs by rep, a rep's scope).
CREATE INDEX IF NOT EXISTS idx_leads_assign ON leads(owner_id, status, assigned_at, closed_at) WHERE deleted = 0;
-- ;
-- (idx_activities_lead_kind (lead_id, at, kind, direction) WHERE deleted = 0 was here: schema
-- v4 replaced it with idx_activities_by_lead, which is covering.)
-- ;
-- (idx_stage_history_exits, the stage exits of a period, was here: a partial index that
-- SQLite 3.40 cannot read as covering. Schema v3 replaced it with idx_stage_history_by_at.)
-- Cockpit facts (analytics/cockpitfacts.cpp): every sales action in one covering scan — the
-- lead's action times and what makes an action effective (kind, call length, the message id
-- a customer answers) — so loading the cockpit's facts reads no table rows. The activity's own
-- id is in every entry without being listed: since schema v5 it is the integer rowid.
CREATE INDEX IF NOT EXISTS idx_activities_sales_facts ON activities(lead_id, at, actor_id, kind, duration_seconds) WHERE direction = 'sales' AND deleted = 0;
-- ;
-- Cockpit facts: the customers' answers by the action they answer, without table look-ups.
CREATE INDEX IF NOT EXISTS idx_activities_customer_replies ON activities(reply_to, at) WHERE reply_to IS NOT NULL AND direction = 'customer' AND deleted = 0;
-- ;
-- Rep and team health (teamhealthsql.cpp, customer health): a customer's last sales action,
-- one backward seek per customer without reading the activity rows (50k customers on the
-- large demo: 0.7–2.8 s → 0.05 s; the file grows about 48 MB, 3.7 %).
CREATE INDEX IF NOT EXISTS idx_activities_customer_sales ON activities(customer_id, at) WHERE direction = 'sales' AND deleted = 0;
-- ;
-- The alert rules' evaluation of one user (alerts/alertfacts.cpp, scopeOfUser): the stage
-- moves that user made in the look-back window, sought instead of scanning the window.
CREATE INDEX IF NOT EXISTS idx_stage_history_by_user_at ON stage_history(by_user_id, at);
