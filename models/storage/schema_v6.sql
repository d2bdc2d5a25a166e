-- Sales Cockpit schema, version 6: the whole schema a new file is created with (issue 10 §1,
-- the compact reshape, second step: times). It is schema_v5.sql with every time column
-- (storage::timeColumns(), TIMES_V6.md §1) an INTEGER: instants are UTC epoch seconds, calendar
-- dates are day numbers since 1970-01-01 (domain/times.h). A CHECK on each refuses anything
-- else, so an ISO string written by mistake fails the write instead of sorting after every
-- integer. Older files are rebuilt into it by migrateTo(6) (migrations.cpp) after a backup, in
-- one transaction; schema_v1.sql … schema_v5.sql stay as the steps older files take first.
--
-- Keys. Every synced table has `id INTEGER PRIMARY KEY` (the rowid: the table's B-tree key,
-- stored once) and every reference to a row is that INTEGER. Local keys never leave the
-- file: the global identity of a synced row is `uuid`, 16 bytes (a UUID's binary form; a row
-- migrated from a file whose id was not a UUID keeps that text). Sync, the hash chain's
-- record, exports and the command line speak the UUID in its canonical text form
-- (storage/keys.h), and times as ISO-8601 text. The DEFAULT gives rows inserted by hand
-- (tests, the sqlite3 shell) a unique random identity; every writer in the app gives a
-- version-4 UUID. row_version is server-assigned (0 = never synced); deleted is the
-- tombstone. Money is integer cents (分). No floating point anywhere.
-- Statements are separated by a line holding only "-- ;" so the loader needs no SQL parser.

CREATE TABLE regions (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
CREATE TABLE cities (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    region_id INTEGER NOT NULL REFERENCES regions(id),
    name TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    city_id INTEGER NOT NULL REFERENCES cities(id),
    region_id INTEGER NOT NULL REFERENCES regions(id),
    name TEXT NOT NULL,
    main_product_line TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- role: director, regional_manager, team_lead, sales, presales, legal, delivery, csm,
-- marketing, store_manager. capability_industries: '|'-separated industries won before.
-- budget_band: the largest budget band the user handles ('<10万', '10-50万', '50万+').
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    manager_id INTEGER REFERENCES users(id),
    region_id INTEGER REFERENCES regions(id),
    city_id INTEGER REFERENCES cities(id),
    team_id INTEGER REFERENCES teams(id),
    hire_date INTEGER NOT NULL CHECK (typeof(hire_date) = 'integer'),
    left_date INTEGER CHECK (left_date IS NULL OR typeof(left_date) = 'integer'),
    main_product_line TEXT NOT NULL DEFAULT '',
    capability_industries TEXT NOT NULL DEFAULT '',
    budget_band TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    db_role TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- pinyin_full / pinyin_initials are derived from name (most common reading per character).
-- size: micro, small, medium, large, enterprise. close_cycle_days: expected close cycle.
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    name TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '',
    pinyin_full TEXT NOT NULL DEFAULT '',
    pinyin_initials TEXT NOT NULL DEFAULT '',
    industry TEXT NOT NULL DEFAULT '',
    size TEXT NOT NULL DEFAULT '',
    region_id INTEGER REFERENCES regions(id),
    city_id INTEGER REFERENCES cities(id),
    owner_id INTEGER NOT NULL REFERENCES users(id),
    source TEXT NOT NULL,
    phone TEXT NOT NULL,
    core_need TEXT NOT NULL,
    close_cycle_days INTEGER NOT NULL,
    customer_since INTEGER CHECK (customer_since IS NULL OR typeof(customer_since) = 'integer'),
    budget_cents INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL CHECK (typeof(created_at) = 'integer'),
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- chain_role: decision_maker, final_approver, influencer, user, procurement.
-- seniority: 1 (staff) .. 5 (C-level).
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    chain_role TEXT NOT NULL,
    seniority INTEGER NOT NULL DEFAULT 1,
    phone TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- Pipelines are data (DESIGN.md §3). A new version of a pipeline is a new row; leads keep
-- pointing at the version they were created under so history keeps its meaning.
CREATE TABLE pipelines (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    first_response_minutes INTEGER NOT NULL DEFAULT 0,
    handover_sla_minutes INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- exit_gate: '|'-separated gate field codes required to leave the stage.
-- standard_actions: '|'-separated activity kinds expected while in the stage.
-- terminal: 1 for the closing stage (won); sla_minutes 0 = no SLA.
CREATE TABLE pipeline_stages (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    pipeline_id INTEGER NOT NULL REFERENCES pipelines(id),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    sla_minutes INTEGER NOT NULL DEFAULT 0,
    exit_gate TEXT NOT NULL DEFAULT '',
    standard_actions TEXT NOT NULL DEFAULT '',
    terminal INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0,
    UNIQUE (pipeline_id, position)
);
-- ;
-- status: open, won, lost. forecast_category: pipeline, best_case, commit, omitted.
-- probability: integer percent. Intent-letter facts (意向书) per DESIGN.md §5.
-- region_id/city_id/team_id are the owner's org at assignment, denormalised for filters
-- and for row-level security on the server.
CREATE TABLE leads (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    owner_id INTEGER REFERENCES users(id),
    region_id INTEGER REFERENCES regions(id),
    city_id INTEGER REFERENCES cities(id),
    team_id INTEGER REFERENCES teams(id),
    pipeline_id INTEGER NOT NULL REFERENCES pipelines(id),
    stage_id INTEGER NOT NULL REFERENCES pipeline_stages(id),
    stage_entered_at INTEGER NOT NULL CHECK (typeof(stage_entered_at) = 'integer'),
    title TEXT NOT NULL,
    amount_cents INTEGER NOT NULL DEFAULT 0,
    expected_close INTEGER CHECK (expected_close IS NULL OR typeof(expected_close) = 'integer'),
    source_campaign TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    lost_reason TEXT NOT NULL DEFAULT '',
    forecast_category TEXT NOT NULL DEFAULT 'pipeline',
    probability INTEGER NOT NULL DEFAULT 0,
    intent_seal INTEGER NOT NULL DEFAULT 0,
    intent_budget_range TEXT NOT NULL DEFAULT '',
    intent_contact TEXT NOT NULL DEFAULT '',
    intent_next_meeting INTEGER CHECK (intent_next_meeting IS NULL OR typeof(intent_next_meeting) = 'integer'),
    tags TEXT NOT NULL DEFAULT '',
    pain_keywords TEXT NOT NULL DEFAULT '',
    budget_band TEXT NOT NULL DEFAULT '',
    decision_role TEXT NOT NULL DEFAULT '',
    requirement_doc TEXT NOT NULL DEFAULT '',
    confirmation_signed INTEGER NOT NULL DEFAULT 0,
    competitor_present INTEGER NOT NULL DEFAULT 0,
    technical_validation INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL CHECK (typeof(created_at) = 'integer'),
    assigned_at INTEGER CHECK (assigned_at IS NULL OR typeof(assigned_at) = 'integer'),
    closed_at INTEGER CHECK (closed_at IS NULL OR typeof(closed_at) = 'integer'),
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- Append-only. from_stage_id NULL = the lead's creation.
CREATE TABLE stage_history (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    lead_id INTEGER NOT NULL REFERENCES leads(id),
    from_stage_id INTEGER REFERENCES pipeline_stages(id),
    to_stage_id INTEGER NOT NULL REFERENCES pipeline_stages(id),
    at INTEGER NOT NULL CHECK (typeof(at) = 'integer'),
    by_user_id INTEGER REFERENCES users(id),
    reason TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0,
    log_seq INTEGER,
    log_hash BLOB,
    exit_actions INTEGER NOT NULL DEFAULT 0
);
-- ;
-- kind: call, wechat, email, meeting, visit, demo, quote, doc_opened, presales_task,
-- delivery_task, review_note, request. direction: sales (sales action), customer
-- (customer response), cross (cross-department). quote_version only for kind = quote.
-- reply_to: for a customer response, the sales action it answers.
CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    lead_id INTEGER REFERENCES leads(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    actor_id INTEGER REFERENCES users(id),
    kind TEXT NOT NULL,
    direction TEXT NOT NULL,
    at INTEGER NOT NULL CHECK (typeof(at) = 'integer'),
    duration_seconds INTEGER NOT NULL DEFAULT 0,
    quote_version INTEGER NOT NULL DEFAULT 0,
    reply_to INTEGER REFERENCES activities(id),
    tags TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0,
    log_seq INTEGER,
    log_hash BLOB
);
-- ;
-- Must-do standard actions (标准动作) per rep per week.
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    user_id INTEGER NOT NULL REFERENCES users(id),
    lead_id INTEGER REFERENCES leads(id),
    week_start INTEGER NOT NULL CHECK (typeof(week_start) = 'integer'),
    action TEXT NOT NULL,
    due_at INTEGER NOT NULL CHECK (typeof(due_at) = 'integer'),
    completed_at INTEGER CHECK (completed_at IS NULL OR typeof(completed_at) = 'integer'),
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    lead_id INTEGER REFERENCES leads(id),
    rep_id INTEGER REFERENCES users(id),
    ordered_on INTEGER NOT NULL CHECK (typeof(ordered_on) = 'integer'),
    amount_cents INTEGER NOT NULL,
    margin_cents INTEGER NOT NULL,
    product_line TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- Collections (回款). paid_on NULL = not yet paid.
CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    order_id INTEGER NOT NULL REFERENCES orders(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    rep_id INTEGER REFERENCES users(id),
    amount_cents INTEGER NOT NULL,
    due_on INTEGER NOT NULL CHECK (typeof(due_on) = 'integer'),
    paid_on INTEGER CHECK (paid_on IS NULL OR typeof(paid_on) = 'integer'),
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    opened_at INTEGER NOT NULL CHECK (typeof(opened_at) = 'integer'),
    first_response_minutes INTEGER,
    resolved_at INTEGER CHECK (resolved_at IS NULL OR typeof(resolved_at) = 'integer'),
    complaint INTEGER NOT NULL DEFAULT 0,
    subject TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- NPS surveys: score 0-10, free text, '|'-separated keywords (价格敏感, 实施拖延, 功能不符 ...).
CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    at INTEGER NOT NULL CHECK (typeof(at) = 'integer'),
    nps INTEGER NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- Contracts with their fulfilment and the customer's renewal intent (0-100).
CREATE TABLE contracts (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    signed_on INTEGER NOT NULL CHECK (typeof(signed_on) = 'integer'),
    ends_on INTEGER NOT NULL CHECK (typeof(ends_on) = 'integer'),
    value_cents INTEGER NOT NULL,
    fulfilment_pct INTEGER NOT NULL DEFAULT 0,
    renewal_intent INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- New-product trial participation (customer value score) and product adoption (health).
CREATE TABLE product_trials (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    product_line TEXT NOT NULL,
    started_on INTEGER NOT NULL CHECK (typeof(started_on) = 'integer'),
    adopted INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- Presales / delivery ratings of a rep (1-5): the collaboration score.
CREATE TABLE collaboration_ratings (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    rep_id INTEGER NOT NULL REFERENCES users(id),
    rater_id INTEGER NOT NULL REFERENCES users(id),
    lead_id INTEGER REFERENCES leads(id),
    at INTEGER NOT NULL CHECK (typeof(at) = 'integer'),
    score INTEGER NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- period_kind: month, quarter, year; period_start: first day. org_level: company, region,
-- city, rep; org_id NULL for company. tier: A, B, C. growth/correction in basis points.
-- status: draft, approved.
CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    period_kind TEXT NOT NULL,
    period_start INTEGER NOT NULL CHECK (typeof(period_start) = 'integer'),
    org_level TEXT NOT NULL,
    org_id INTEGER,
    amount_cents INTEGER NOT NULL,
    tier TEXT NOT NULL DEFAULT '',
    growth_bp INTEGER NOT NULL DEFAULT 0,
    correction_bp INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'draft',
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- confidence: integer percent.
CREATE TABLE forecast_snapshots (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    period_kind TEXT NOT NULL,
    period_start INTEGER NOT NULL CHECK (typeof(period_start) = 'integer'),
    org_level TEXT NOT NULL,
    org_id INTEGER,
    taken_at INTEGER NOT NULL CHECK (typeof(taken_at) = 'integer'),
    value_cents INTEGER NOT NULL,
    low_cents INTEGER NOT NULL,
    high_cents INTEGER NOT NULL,
    confidence INTEGER NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
CREATE TABLE forecast_revisions (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    snapshot_id INTEGER NOT NULL REFERENCES forecast_snapshots(id),
    old_value_cents INTEGER NOT NULL,
    new_value_cents INTEGER NOT NULL,
    reason_code TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    by_user_id INTEGER REFERENCES users(id),
    at INTEGER NOT NULL CHECK (typeof(at) = 'integer'),
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
CREATE TABLE stores (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    name TEXT NOT NULL,
    region_id INTEGER REFERENCES regions(id),
    city_id INTEGER REFERENCES cities(id),
    manager_id INTEGER REFERENCES users(id),
    opened_on INTEGER NOT NULL CHECK (typeof(opened_on) = 'integer'),
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
-- exposure_bp: main-product exposure in basis points (9000 = 90 %).
-- dwell_seconds: average dwell time per group.
CREATE TABLE store_days (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    store_id INTEGER NOT NULL REFERENCES stores(id),
    day INTEGER NOT NULL CHECK (typeof(day) = 'integer'),
    staff INTEGER NOT NULL,
    receptions INTEGER NOT NULL,
    exposure_bp INTEGER NOT NULL,
    dwell_seconds INTEGER NOT NULL,
    experiences INTEGER NOT NULL,
    deals_72h INTEGER NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0,
    UNIQUE (store_id, day)
);
-- ;
-- rule: stage_sla, silence, duplicate_touch, compliance_stage_churn, compliance_quotes,
-- handover_sla, store_red. subject_kind: lead, user, customer, store.
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    rule TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    owner_id INTEGER REFERENCES users(id),
    raised_at INTEGER NOT NULL CHECK (typeof(raised_at) = 'integer'),
    escalated_to INTEGER REFERENCES users(id),
    escalated_at INTEGER CHECK (escalated_at IS NULL OR typeof(escalated_at) = 'integer'),
    acknowledged_by INTEGER REFERENCES users(id),
    acknowledged_at INTEGER CHECK (acknowledged_at IS NULL OR typeof(acknowledged_at) = 'integer'),
    resolved_by INTEGER REFERENCES users(id),
    resolved_at INTEGER CHECK (resolved_at IS NULL OR typeof(resolved_at) = 'integer'),
    details TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0,
    dedupe_key TEXT NOT NULL DEFAULT '',
    escalation_level INTEGER NOT NULL DEFAULT 0,
    lead_id INTEGER REFERENCES leads(id),
    recipients TEXT NOT NULL DEFAULT '',
    escalated_by INTEGER REFERENCES users(id)
);
-- ;
-- Local only: key/value settings of this database (current user, data source, log head ...).
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
-- ;
-- Local only (SYNC.md): every local edit of a synced table, written in the same
-- transaction as the edit. op: insert, update, delete. fields: JSON object of changed fields.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    op TEXT NOT NULL,
    fields TEXT NOT NULL,
    base_row_version INTEGER NOT NULL,
    created_at INTEGER NOT NULL CHECK (typeof(created_at) = 'integer')
);
-- ;
-- Local only: pull cursor per server (epoch, xid, id) and other sync state.
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
-- ;
-- Local only: conflicts the user resolves in a visible list (SYNC.md).
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    base TEXT NOT NULL,
    mine TEXT NOT NULL,
    theirs TEXT NOT NULL,
    created_at INTEGER NOT NULL CHECK (typeof(created_at) = 'integer'),
    resolved_at INTEGER CHECK (resolved_at IS NULL OR typeof(resolved_at) = 'integer')
);
-- ;
-- Local only: group-robot webhooks per team (team_id NULL = whole company).
-- kind: wecom, dingtalk, feishu. secret: the robot's signing secret, '' when unsigned.
CREATE TABLE webhooks (
    id TEXT PRIMARY KEY NOT NULL,
    team_id INTEGER REFERENCES teams(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL,
    secret TEXT NOT NULL DEFAULT '',
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL CHECK (typeof(created_at) = 'integer')
);
-- ;
-- Local only: the delivery queue. One row per (alert, channel, webhook); never deleted
-- when an endpoint fails, retried with back-off until sent.
-- channel: desktop, wecom, dingtalk, feishu. state: pending, sent, failed (will retry).
CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id INTEGER NOT NULL,
    channel TEXT NOT NULL,
    webhook_id TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL CHECK (typeof(next_attempt_at) = 'integer'),
    last_error TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL CHECK (typeof(created_at) = 'integer'),
    delivered_at INTEGER CHECK (delivered_at IS NULL OR typeof(delivered_at) = 'integer'),
    UNIQUE (alert_id, channel, webhook_id)
);
-- ;
-- Local only, append-only: the logged soft deletes and restores of chained records, each a
-- record of the tamper-evident log itself (storage/logchain.h, record type 'd'). A chained
-- activity's or stage move's `deleted` must equal `deleted` of its latest (highest log_seq)
-- row here, or be 0 when it has none, so flipping the flag by hand shows in verify-log.
-- record_kind: activity, stage_move; record_id: the activity's or stage move's key; deleted:
-- 1 deleted, 0 restored. No row_version or updated_at: how these rows travel between devices
-- (and with them the flag they govern) is for the sync issue to decide.
CREATE TABLE log_deletions (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    record_kind TEXT NOT NULL CHECK (record_kind IN ('activity', 'stage_move')),
    record_id INTEGER NOT NULL,
    deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    at INTEGER NOT NULL CHECK (typeof(at) = 'integer'),
    by_user_id INTEGER REFERENCES users(id),
    reason TEXT NOT NULL DEFAULT '',
    log_seq INTEGER,
    log_hash BLOB
);
