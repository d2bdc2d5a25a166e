-- Sales Cockpit team server, schema version 1: the synced tables, row-level security by
-- region, row stamps, tombstones and the idempotency log of pushed operations.
-- Applied once, in one transaction, by `sales-cockpit server init|upgrade` as the owner role
-- cockpit_owner (NOLOGIN), after roles.sql. Never edit a released file: a change is a new
-- numbered file (002_…, 003_…) and a version row.
--
-- Every synced table mirrors the local table of the same name (models/storage/schema_v6.sql +
-- schema_v7.sql) with these differences:
--   * keys are the rows' global identity, `id uuid`, and every reference is that uuid (the
--     local INTEGER keys never leave a file); targets/forecast_snapshots.org_id and
--     log_deletions.record_id, which name rows of several tables, are uuids without a FK;
--   * times stay what they are locally: bigint UTC epoch seconds, dates day numbers;
--   * `region_id` is the row-level-security key on every table (NULL = company-wide: readable
--     by everyone, writable by a director); tables without a region of their own carry their
--     parent's (contacts, activities, orders … the customer's; stage_history the lead's; tasks
--     and collaboration ratings the user's; store_days the store's; targets and forecasts the
--     org unit's; forecast_revisions the snapshot's; log_deletions the record's);
--   * `row_version` (a server-wide sequence) and `last_xid xid8` are stamped by a trigger on
--     every insert and update; `deleted boolean` is the tombstone;
--   * local-only bookkeeping (the hash chain's log_seq/log_hash) stays local: the chain is
--     anchored by 002_chain.sql instead.

CREATE SEQUENCE cockpit.row_version_seq;

-- One row: the server's identity. A server rebuilt or restored from a dump gets a new epoch
-- (server init on an empty database), and a client holding another epoch re-pulls everything.
CREATE TABLE cockpit.server_info (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    epoch uuid NOT NULL DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO cockpit.server_info DEFAULT VALUES;

-- The synced tables in an order that satisfies their references (parents first).
CREATE TABLE cockpit.synced_tables (
    name text PRIMARY KEY,
    position int NOT NULL UNIQUE
);
INSERT INTO cockpit.synced_tables (name, position) VALUES
    ('regions', 1), ('cities', 2), ('teams', 3), ('users', 4), ('pipelines', 5),
    ('pipeline_stages', 6), ('products', 7), ('customers', 8), ('contacts', 9), ('leads', 10),
    ('stage_history', 11), ('activities', 12), ('log_deletions', 13), ('tasks', 14),
    ('orders', 15), ('payments', 16), ('tickets', 17), ('surveys', 18), ('contracts', 19),
    ('product_trials', 20), ('collaboration_ratings', 21), ('targets', 22),
    ('forecast_snapshots', 23), ('forecast_revisions', 24), ('stores', 25), ('store_days', 26);

CREATE TABLE cockpit.regions (
    id uuid PRIMARY KEY,
    code text NOT NULL,
    name text NOT NULL,
    region_id uuid GENERATED ALWAYS AS (id) STORED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.cities (
    id uuid PRIMARY KEY,
    region_id uuid NOT NULL REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    name text NOT NULL,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.teams (
    id uuid PRIMARY KEY,
    city_id uuid NOT NULL REFERENCES cockpit.cities(id) DEFERRABLE INITIALLY DEFERRED,
    region_id uuid NOT NULL REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    name text NOT NULL,
    main_product_line text NOT NULL DEFAULT '',
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.users (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    role text NOT NULL,
    manager_id uuid REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    city_id uuid REFERENCES cockpit.cities(id) DEFERRABLE INITIALLY DEFERRED,
    team_id uuid REFERENCES cockpit.teams(id) DEFERRABLE INITIALLY DEFERRED,
    hire_date bigint NOT NULL,
    left_date bigint,
    main_product_line text NOT NULL DEFAULT '',
    capability_industries text NOT NULL DEFAULT '',
    budget_band text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    db_role text NOT NULL DEFAULT '',
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.pipelines (
    id uuid PRIMARY KEY,
    code text NOT NULL,
    name text NOT NULL,
    name_en text NOT NULL DEFAULT '',
    version bigint NOT NULL DEFAULT 1,
    first_response_minutes bigint NOT NULL DEFAULT 0,
    handover_sla_minutes bigint NOT NULL DEFAULT 0,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.pipeline_stages (
    id uuid PRIMARY KEY,
    pipeline_id uuid NOT NULL REFERENCES cockpit.pipelines(id) DEFERRABLE INITIALLY DEFERRED,
    position bigint NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    name_en text NOT NULL DEFAULT '',
    sla_minutes bigint NOT NULL DEFAULT 0,
    exit_gate text NOT NULL DEFAULT '',
    standard_actions text NOT NULL DEFAULT '',
    terminal bigint NOT NULL DEFAULT 0,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.products (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    product_line text NOT NULL DEFAULT '',
    list_price_cents bigint NOT NULL DEFAULT 0,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.customers (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    aliases text NOT NULL DEFAULT '',
    pinyin_full text NOT NULL DEFAULT '',
    pinyin_initials text NOT NULL DEFAULT '',
    industry text NOT NULL DEFAULT '',
    size text NOT NULL DEFAULT '',
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    city_id uuid REFERENCES cockpit.cities(id) DEFERRABLE INITIALLY DEFERRED,
    owner_id uuid NOT NULL REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    source text NOT NULL,
    phone text NOT NULL,
    core_need text NOT NULL,
    close_cycle_days bigint NOT NULL,
    customer_since bigint,
    budget_cents bigint NOT NULL DEFAULT 0,
    created_at bigint NOT NULL,
    parent_id uuid REFERENCES cockpit.customers(id) DEFERRABLE INITIALLY DEFERRED,
    location text NOT NULL DEFAULT '',
    employees bigint,
    annual_revenue_cents bigint,
    established_year bigint,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.contacts (
    id uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES cockpit.customers(id) DEFERRABLE INITIALLY DEFERRED,
    name text NOT NULL,
    title text NOT NULL DEFAULT '',
    chain_role text NOT NULL,
    seniority bigint NOT NULL DEFAULT 1,
    phone text NOT NULL DEFAULT '',
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.leads (
    id uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES cockpit.customers(id) DEFERRABLE INITIALLY DEFERRED,
    owner_id uuid REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    city_id uuid REFERENCES cockpit.cities(id) DEFERRABLE INITIALLY DEFERRED,
    team_id uuid REFERENCES cockpit.teams(id) DEFERRABLE INITIALLY DEFERRED,
    pipeline_id uuid NOT NULL REFERENCES cockpit.pipelines(id) DEFERRABLE INITIALLY DEFERRED,
    stage_id uuid NOT NULL REFERENCES cockpit.pipeline_stages(id) DEFERRABLE INITIALLY DEFERRED,
    stage_entered_at bigint NOT NULL,
    title text NOT NULL,
    amount_cents bigint NOT NULL DEFAULT 0,
    expected_close bigint,
    source_campaign text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'open',
    lost_reason text NOT NULL DEFAULT '',
    forecast_category text NOT NULL DEFAULT 'pipeline',
    probability bigint NOT NULL DEFAULT 0,
    intent_seal bigint NOT NULL DEFAULT 0,
    intent_budget_range text NOT NULL DEFAULT '',
    intent_contact text NOT NULL DEFAULT '',
    intent_next_meeting bigint,
    tags text NOT NULL DEFAULT '',
    pain_keywords text NOT NULL DEFAULT '',
    budget_band text NOT NULL DEFAULT '',
    decision_role text NOT NULL DEFAULT '',
    requirement_doc text NOT NULL DEFAULT '',
    confirmation_signed bigint NOT NULL DEFAULT 0,
    competitor_present bigint NOT NULL DEFAULT 0,
    technical_validation bigint NOT NULL DEFAULT 0,
    created_at bigint NOT NULL,
    assigned_at bigint,
    closed_at bigint,
    product_id uuid REFERENCES cockpit.products(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.stage_history (
    id uuid PRIMARY KEY,
    lead_id uuid NOT NULL REFERENCES cockpit.leads(id) DEFERRABLE INITIALLY DEFERRED,
    from_stage_id uuid REFERENCES cockpit.pipeline_stages(id) DEFERRABLE INITIALLY DEFERRED,
    to_stage_id uuid NOT NULL REFERENCES cockpit.pipeline_stages(id) DEFERRABLE INITIALLY DEFERRED,
    at bigint NOT NULL,
    by_user_id uuid REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    reason text NOT NULL DEFAULT '',
    exit_actions bigint NOT NULL DEFAULT 0,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.activities (
    id uuid PRIMARY KEY,
    lead_id uuid REFERENCES cockpit.leads(id) DEFERRABLE INITIALLY DEFERRED,
    customer_id uuid NOT NULL REFERENCES cockpit.customers(id) DEFERRABLE INITIALLY DEFERRED,
    actor_id uuid REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    kind text NOT NULL,
    direction text NOT NULL,
    at bigint NOT NULL,
    duration_seconds bigint NOT NULL DEFAULT 0,
    quote_version bigint NOT NULL DEFAULT 0,
    reply_to uuid REFERENCES cockpit.activities(id) DEFERRABLE INITIALLY DEFERRED,
    tags text NOT NULL DEFAULT '',
    text text NOT NULL DEFAULT '',
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

-- The file's `deleted` column of this table is content (the record deletes, 1, or restores,
-- 0, the record it names), not a tombstone: here it is `sets_deleted`, and `deleted` is the
-- row's tombstone like everywhere else. The file keeps no updated_at for these append-only rows.
CREATE TABLE cockpit.log_deletions (
    id uuid PRIMARY KEY,
    record_kind text NOT NULL CHECK (record_kind IN ('activity', 'stage_move')),
    record_id uuid NOT NULL,
    sets_deleted boolean NOT NULL,
    at bigint NOT NULL,
    by_user_id uuid REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    reason text NOT NULL DEFAULT '',
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL DEFAULT extract(epoch FROM now())::bigint,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.tasks (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    lead_id uuid REFERENCES cockpit.leads(id) DEFERRABLE INITIALLY DEFERRED,
    week_start bigint NOT NULL,
    action text NOT NULL,
    due_at bigint NOT NULL,
    completed_at bigint,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.orders (
    id uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES cockpit.customers(id) DEFERRABLE INITIALLY DEFERRED,
    lead_id uuid REFERENCES cockpit.leads(id) DEFERRABLE INITIALLY DEFERRED,
    rep_id uuid REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    ordered_on bigint NOT NULL,
    amount_cents bigint NOT NULL,
    margin_cents bigint NOT NULL,
    product_line text NOT NULL,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.payments (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL REFERENCES cockpit.orders(id) DEFERRABLE INITIALLY DEFERRED,
    customer_id uuid NOT NULL REFERENCES cockpit.customers(id) DEFERRABLE INITIALLY DEFERRED,
    rep_id uuid REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    amount_cents bigint NOT NULL,
    due_on bigint NOT NULL,
    paid_on bigint,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.tickets (
    id uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES cockpit.customers(id) DEFERRABLE INITIALLY DEFERRED,
    opened_at bigint NOT NULL,
    first_response_minutes bigint,
    resolved_at bigint,
    complaint bigint NOT NULL DEFAULT 0,
    subject text NOT NULL DEFAULT '',
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.surveys (
    id uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES cockpit.customers(id) DEFERRABLE INITIALLY DEFERRED,
    at bigint NOT NULL,
    nps bigint NOT NULL,
    text text NOT NULL DEFAULT '',
    keywords text NOT NULL DEFAULT '',
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.contracts (
    id uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES cockpit.customers(id) DEFERRABLE INITIALLY DEFERRED,
    signed_on bigint NOT NULL,
    ends_on bigint NOT NULL,
    value_cents bigint NOT NULL,
    fulfilment_pct bigint NOT NULL DEFAULT 0,
    renewal_intent bigint NOT NULL DEFAULT 0,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.product_trials (
    id uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES cockpit.customers(id) DEFERRABLE INITIALLY DEFERRED,
    product_line text NOT NULL,
    started_on bigint NOT NULL,
    adopted bigint NOT NULL DEFAULT 0,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.collaboration_ratings (
    id uuid PRIMARY KEY,
    rep_id uuid NOT NULL REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    rater_id uuid NOT NULL REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    lead_id uuid REFERENCES cockpit.leads(id) DEFERRABLE INITIALLY DEFERRED,
    at bigint NOT NULL,
    score bigint NOT NULL,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.targets (
    id uuid PRIMARY KEY,
    period_kind text NOT NULL,
    period_start bigint NOT NULL,
    org_level text NOT NULL,
    org_id uuid,
    amount_cents bigint NOT NULL,
    tier text NOT NULL DEFAULT '',
    growth_bp bigint NOT NULL DEFAULT 0,
    correction_bp bigint NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'draft',
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.forecast_snapshots (
    id uuid PRIMARY KEY,
    period_kind text NOT NULL,
    period_start bigint NOT NULL,
    org_level text NOT NULL,
    org_id uuid,
    taken_at bigint NOT NULL,
    value_cents bigint NOT NULL,
    low_cents bigint NOT NULL,
    high_cents bigint NOT NULL,
    confidence bigint NOT NULL,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.forecast_revisions (
    id uuid PRIMARY KEY,
    snapshot_id uuid NOT NULL REFERENCES cockpit.forecast_snapshots(id) DEFERRABLE INITIALLY DEFERRED,
    old_value_cents bigint NOT NULL,
    new_value_cents bigint NOT NULL,
    reason_code text NOT NULL,
    note text NOT NULL DEFAULT '',
    by_user_id uuid REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    at bigint NOT NULL,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.stores (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    city_id uuid REFERENCES cockpit.cities(id) DEFERRABLE INITIALLY DEFERRED,
    manager_id uuid REFERENCES cockpit.users(id) DEFERRABLE INITIALLY DEFERRED,
    opened_on bigint NOT NULL,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE cockpit.store_days (
    id uuid PRIMARY KEY,
    store_id uuid NOT NULL REFERENCES cockpit.stores(id) DEFERRABLE INITIALLY DEFERRED,
    day bigint NOT NULL,
    staff bigint NOT NULL,
    receptions bigint NOT NULL,
    exposure_bp bigint NOT NULL,
    dwell_seconds bigint NOT NULL,
    experiences bigint NOT NULL,
    deals_72h bigint NOT NULL,
    region_id uuid REFERENCES cockpit.regions(id) DEFERRABLE INITIALLY DEFERRED,
    updated_at bigint NOT NULL,
    row_version bigint NOT NULL DEFAULT 0,
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted boolean NOT NULL DEFAULT false
,
    UNIQUE (store_id, day)
);


-- Who a login is: login role → org user, and the region the login's policies use (the user's
-- region, kept in step by a trigger on users; NULL for a director, who sees every region).
-- Written by `server add-user`; each login reads only its own row (a director reads all).
CREATE TABLE cockpit.logins (
    login name PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES cockpit.users(id),
    region_id uuid REFERENCES cockpit.regions(id),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A synced row that leaves a region (moved to another, or deleted outright) leaves a
-- tombstone for the region it left, so that region's desktops drop it. reason: 'moved' or
-- 'deleted'. region_id NULL: the row was company-wide. Stamped like a row, in the transaction
-- that moved the row (so it reaches the old region by the same last_xid horizon); written only
-- by the triggers (as the owner), read under the same region policy as the rows. A row moving
-- back removes its tombstone for the region it re-enters. A desktop that can still see the row
-- (a director's, or the new region's for a company-wide row) ignores a 'moved' tombstone: the
-- row itself arrives in the same pull.
CREATE TABLE cockpit.tombstones (
    table_name text NOT NULL,
    row_id uuid NOT NULL,
    region_id uuid,
    reason text NOT NULL CHECK (reason IN ('moved', 'deleted')),
    row_version bigint NOT NULL DEFAULT nextval('cockpit.row_version_seq'),
    last_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    UNIQUE NULLS NOT DISTINCT (table_name, row_id, region_id)
);
CREATE INDEX tombstones_last_xid ON cockpit.tombstones (last_xid, row_id);

-- Pushes are idempotent: the client claims (client_id, op_id) in the transaction that applies
-- the operation (cockpit.claim_op); a retried push finds its claim and applies nothing.
CREATE TABLE cockpit.applied_ops (
    client_id uuid NOT NULL,
    op_id text NOT NULL,
    login name NOT NULL DEFAULT current_user,
    table_name text,
    row_id uuid,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, op_id)
);

-- Policy helpers. SECURITY INVOKER: they read cockpit.logins under its own policy (own row).
CREATE FUNCTION cockpit.is_director() RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT pg_has_role(current_user, 'cockpit_director', 'MEMBER') $$;
CREATE FUNCTION cockpit.my_region() RETURNS uuid
    LANGUAGE sql STABLE AS $$ SELECT region_id FROM cockpit.logins WHERE login = current_user $$;

-- row_version and last_xid on every insert and update, whatever the client sent.
CREATE FUNCTION cockpit.stamp_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    NEW.row_version := nextval('cockpit.row_version_seq');
    NEW.last_xid := pg_current_xact_id();
    RETURN NEW;
END $$;

-- The tombstone of a row leaving a region (a region_id change, or a DELETE), and the removal
-- of an older tombstone when a row comes back into a region it had left.
CREATE FUNCTION cockpit.leave_tombstone() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.region_id IS DISTINCT FROM NEW.region_id THEN
        INSERT INTO cockpit.tombstones (table_name, row_id, region_id, reason)
        VALUES (TG_TABLE_NAME, OLD.id, OLD.region_id, CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'moved' END)
        ON CONFLICT (table_name, row_id, region_id) DO UPDATE
            SET reason = EXCLUDED.reason, row_version = nextval('cockpit.row_version_seq'),
                last_xid = pg_current_xact_id();
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.region_id IS DISTINCT FROM NEW.region_id THEN
        DELETE FROM cockpit.tombstones
        WHERE table_name = TG_TABLE_NAME AND row_id = NEW.id
          AND region_id IS NOT DISTINCT FROM NEW.region_id;
    END IF;
    RETURN NULL;
END $$;

-- A user moved to another region takes their logins' region along.
CREATE FUNCTION cockpit.follow_user_region() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    UPDATE cockpit.logins SET region_id = NEW.region_id WHERE user_id = NEW.id;
    RETURN NULL;
END $$;

-- Rows that have no region of their own carry their parent's, and must: a child written into
-- another region than its parent's (or under a parent the writer cannot see) is refused, and
-- a parent moved to another region takes its children along (each leaving its tombstone).
-- So no desktop ever holds a row whose parent it cannot hold. (log_deletions, targets and
-- forecast_snapshots name their parent by kind; the copy gives them its region, nothing here
-- keeps it.)
CREATE TABLE cockpit.region_parents (
    child text PRIMARY KEY REFERENCES cockpit.synced_tables(name),
    fk text NOT NULL,
    parent text NOT NULL REFERENCES cockpit.synced_tables(name)
);
INSERT INTO cockpit.region_parents (child, fk, parent) VALUES
    ('contacts', 'customer_id', 'customers'), ('activities', 'customer_id', 'customers'),
    ('orders', 'customer_id', 'customers'), ('payments', 'customer_id', 'customers'),
    ('tickets', 'customer_id', 'customers'), ('surveys', 'customer_id', 'customers'),
    ('contracts', 'customer_id', 'customers'), ('product_trials', 'customer_id', 'customers'),
    ('stage_history', 'lead_id', 'leads'), ('tasks', 'user_id', 'users'),
    ('collaboration_ratings', 'rep_id', 'users'), ('store_days', 'store_id', 'stores'),
    ('forecast_revisions', 'snapshot_id', 'forecast_snapshots');

-- BEFORE INSERT OR UPDATE on a child: TG_ARGV = (parent table, reference column). Runs as the
-- writer, so a parent of another region is not found for a manager.
CREATE FUNCTION cockpit.check_parent_region() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    parent_id uuid := (to_jsonb(NEW) ->> TG_ARGV[1])::uuid;
    parent_region uuid;
    n bigint;
BEGIN
    EXECUTE format('SELECT region_id FROM cockpit.%I WHERE id = $1', TG_ARGV[0]) INTO parent_region USING parent_id;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n = 0 OR parent_region IS DISTINCT FROM NEW.region_id THEN
        RAISE EXCEPTION 'a row of % must be in the region of its % row %, which % cannot write there',
            TG_TABLE_NAME, TG_ARGV[0], parent_id, current_user USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;

-- AFTER UPDATE OF region_id on a parent: its children follow (as the same writer).
CREATE FUNCTION cockpit.children_follow() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT child, fk FROM cockpit.region_parents WHERE parent = TG_TABLE_NAME LOOP
        EXECUTE format('UPDATE cockpit.%I SET region_id = $1 WHERE %I = $2 AND region_id IS DISTINCT FROM $1', c.child, c.fk)
            USING NEW.region_id, NEW.id;
    END LOOP;
    RETURN NULL;
END $$;

-- Claims a pushed operation; false when this client already applied it (a retried push).
CREATE FUNCTION cockpit.claim_op(p_client uuid, p_op text, p_table text DEFAULT NULL, p_row uuid DEFAULT NULL)
    RETURNS boolean LANGUAGE sql AS $$
    WITH claimed AS (
        INSERT INTO cockpit.applied_ops (client_id, op_id, table_name, row_id)
        VALUES (p_client, p_op, p_table, p_row)
        ON CONFLICT (client_id, op_id) DO NOTHING
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM claimed) $$;

-- Per synced table: the stamp and tombstone triggers, the pull index, row-level security
-- (ENABLE + FORCE: the owner is bound too) with one policy per command, USING and WITH CHECK
-- on the region; a login reads company-wide rows (region NULL) but writes only its region's,
-- a director everything. The app's group role gets the four commands; policies do the rest.
DO $$
DECLARE
    t text;
    mine constant text := '((SELECT cockpit.is_director()) OR region_id = (SELECT cockpit.my_region()))';
BEGIN
    FOR t IN SELECT name FROM cockpit.synced_tables ORDER BY position LOOP
        EXECUTE format('CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON cockpit.%I FOR EACH ROW EXECUTE FUNCTION cockpit.stamp_row()', t);
        EXECUTE format('CREATE TRIGGER tombstone AFTER UPDATE OR DELETE ON cockpit.%I FOR EACH ROW EXECUTE FUNCTION cockpit.leave_tombstone()', t);
        EXECUTE format('CREATE INDEX %I ON cockpit.%I (last_xid, id)', t || '_last_xid', t);
        EXECUTE format('CREATE INDEX %I ON cockpit.%I (region_id)', t || '_region', t);
        EXECUTE format('ALTER TABLE cockpit.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE cockpit.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY region_select ON cockpit.%I FOR SELECT TO cockpit_app USING (region_id IS NULL OR %s)', t, mine);
        EXECUTE format('CREATE POLICY region_insert ON cockpit.%I FOR INSERT TO cockpit_app WITH CHECK (%s)', t, mine);
        EXECUTE format('CREATE POLICY region_update ON cockpit.%I FOR UPDATE TO cockpit_app USING (%s) WITH CHECK (%s)', t, mine, mine);
        EXECUTE format('CREATE POLICY region_delete ON cockpit.%I FOR DELETE TO cockpit_app USING (%s)', t, mine);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON cockpit.%I TO cockpit_app', t);
    END LOOP;
END $$;
CREATE TRIGGER follow_region AFTER UPDATE OF region_id ON cockpit.users
    FOR EACH ROW EXECUTE FUNCTION cockpit.follow_user_region();
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT child, fk, parent FROM cockpit.region_parents LOOP
        EXECUTE format('CREATE TRIGGER parent_region BEFORE INSERT OR UPDATE OF region_id, %I ON cockpit.%I '
                       'FOR EACH ROW EXECUTE FUNCTION cockpit.check_parent_region(%L, %L)', r.fk, r.child, r.parent, r.fk);
    END LOOP;
    FOR r IN SELECT DISTINCT parent FROM cockpit.region_parents LOOP
        EXECUTE format('CREATE TRIGGER children_follow AFTER UPDATE OF region_id ON cockpit.%I FOR EACH ROW '
                       'WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id) EXECUTE FUNCTION cockpit.children_follow()', r.parent);
    END LOOP;
END $$;

ALTER TABLE cockpit.logins ENABLE ROW LEVEL SECURITY;
ALTER TABLE cockpit.logins FORCE ROW LEVEL SECURITY;
CREATE POLICY own_login ON cockpit.logins FOR SELECT TO cockpit_app
    USING (login = current_user OR pg_has_role(current_user, 'cockpit_director', 'MEMBER'));
CREATE POLICY owner_writes ON cockpit.logins FOR ALL TO cockpit_owner USING (true) WITH CHECK (true);

ALTER TABLE cockpit.tombstones ENABLE ROW LEVEL SECURITY;
ALTER TABLE cockpit.tombstones FORCE ROW LEVEL SECURITY;
CREATE POLICY region_select ON cockpit.tombstones FOR SELECT TO cockpit_app
    USING (region_id IS NULL OR (SELECT cockpit.is_director()) OR region_id = (SELECT cockpit.my_region()));
CREATE POLICY owner_writes ON cockpit.tombstones FOR ALL TO cockpit_owner USING (true) WITH CHECK (true);

ALTER TABLE cockpit.applied_ops ENABLE ROW LEVEL SECURITY;
ALTER TABLE cockpit.applied_ops FORCE ROW LEVEL SECURITY;
CREATE POLICY own_ops ON cockpit.applied_ops FOR ALL TO cockpit_app
    USING (login = current_user OR (SELECT cockpit.is_director())) WITH CHECK (login = current_user);

-- Views run with the invoker's rights, so every policy above applies through them.
-- "me": the login, its org user and region, for the client's identity ("Addressed to me").
CREATE VIEW cockpit.me WITH (security_invoker = true) AS
    SELECT l.login, l.user_id, u.name AS user_name, u.role, l.region_id, r.name AS region_name,
           cockpit.is_director() AS director
    FROM cockpit.logins l
    LEFT JOIN cockpit.users u ON u.id = l.user_id
    LEFT JOIN cockpit.regions r ON r.id = l.region_id
    WHERE l.login = current_user;
-- Leads with their customer, owner and stage names (for psql and reports).
CREATE VIEW cockpit.lead_overview WITH (security_invoker = true) AS
    SELECT l.id, l.title, l.status, l.amount_cents, l.region_id, c.name AS customer, u.name AS owner,
           s.name AS stage, l.deleted
    FROM cockpit.leads l
    JOIN cockpit.customers c ON c.id = l.customer_id
    LEFT JOIN cockpit.users u ON u.id = l.owner_id
    JOIN cockpit.pipeline_stages s ON s.id = l.stage_id;
-- Every change a pull may need, rows and tombstones, in one stream ordered by (last_xid, id).
DO $$
DECLARE
    parts text[];
BEGIN
    SELECT array_agg(format('SELECT %L::text AS table_name, id, region_id, row_version, last_xid, deleted, NULL::text AS tombstone FROM cockpit.%I', name, name) ORDER BY position)
    INTO parts FROM cockpit.synced_tables;
    EXECUTE 'CREATE VIEW cockpit.change_feed WITH (security_invoker = true) AS '
        || array_to_string(parts, ' UNION ALL ')
        || ' UNION ALL SELECT table_name, row_id, region_id, row_version, last_xid, true, reason FROM cockpit.tombstones';
END $$;

GRANT USAGE ON SCHEMA cockpit TO cockpit_app;
GRANT SELECT ON cockpit.server_info, cockpit.synced_tables, cockpit.region_parents, cockpit.schema_version TO cockpit_app;
GRANT SELECT ON cockpit.logins, cockpit.tombstones TO cockpit_app;
GRANT SELECT, INSERT ON cockpit.applied_ops TO cockpit_app;
GRANT SELECT ON cockpit.me, cockpit.lead_overview, cockpit.change_feed TO cockpit_app;
REVOKE ALL ON FUNCTION cockpit.stamp_row(), cockpit.leave_tombstone(), cockpit.follow_user_region() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cockpit.is_director(), cockpit.my_region(), cockpit.claim_op(uuid, text, text, uuid) TO cockpit_app;
