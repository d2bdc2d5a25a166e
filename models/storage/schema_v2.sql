-- Sales Cockpit schema version 2: the process engine (issue 3, DESIGN.md §3 and §4).
-- Applied after schema_v1.sql when a database is created, and by migrateTo(2) on a
-- version-1 file (one transaction, so no half-applied state). Statements are separated by a line holding only "-- ;".
--
-- Tamper-evident log (DESIGN.md §4): every activity and every stage move carries its
-- position in the hash chain and the chain hash up to and including it.
-- log_seq: 0-based position in the one chain over both tables; log_hash: 32 raw bytes.
ALTER TABLE activities ADD COLUMN log_seq INTEGER;
-- ;
ALTER TABLE activities ADD COLUMN log_hash BLOB;
-- ;
ALTER TABLE stage_history ADD COLUMN log_seq INTEGER;
-- ;
ALTER TABLE stage_history ADD COLUMN log_hash BLOB;
-- ;
-- Alerts raised by the rule engine. dedupe_key makes raising idempotent: one alert per
-- (rule, subject, episode) — e.g. 'stage_sla|<lead>|<stage_history id or entered_at>'.
-- escalation_level: 0 = with the owner, n = n levels up the manager chain.
-- lead_id: the lead an alert is about (also for compliance / duplicate alerts that name one).
-- recipients: '|'-separated user ids addressed besides owner_id (the direct manager, cc).
ALTER TABLE alerts ADD COLUMN dedupe_key TEXT NOT NULL DEFAULT '';
-- ;
ALTER TABLE alerts ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
-- ;
ALTER TABLE alerts ADD COLUMN lead_id TEXT;
-- ;
ALTER TABLE alerts ADD COLUMN recipients TEXT NOT NULL DEFAULT '';
-- ;
-- Local only: group-robot webhooks per team (team_id NULL = whole company).
-- kind: wecom, dingtalk, feishu. secret: the robot's signing secret, '' when unsigned.
CREATE TABLE webhooks (
    id TEXT PRIMARY KEY NOT NULL,
    team_id TEXT,
    kind TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL,
    secret TEXT NOT NULL DEFAULT '',
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
-- ;
-- Local only: the delivery queue. One row per (alert, channel, webhook); never deleted
-- when an endpoint fails, retried with back-off until sent.
-- channel: desktop, wecom, dingtalk, feishu. state: pending, sent, failed (will retry).
CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    webhook_id TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    delivered_at TEXT,
    UNIQUE (alert_id, channel, webhook_id)
);
-- ;
-- Who escalated an alert by hand (NULL = the evaluator escalated it after its window).
ALTER TABLE alerts ADD COLUMN escalated_by TEXT REFERENCES users(id);
