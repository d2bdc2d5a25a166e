-- Sales Cockpit team server, schema version 3: what a push (desktop → server, SYNC.md "Push")
-- needs besides claim_op.
--
-- 1. Column history. A push updates `WHERE id = $1 AND row_version = $base`; when that finds
--    nothing, someone changed the row since the desktop's base, and the per-field merge must
--    know WHICH columns they changed: non-overlapping changes merge, overlapping ones keep the
--    server's value and become a conflict on the desktop. The row alone cannot say (it holds
--    only its latest state), so every UPDATE of a synced row records the names of the columns
--    it changed, per (table, id, row_version), with the pushing client's id when the change
--    came from a push (set_config('cockpit.client_id', …, true) in the push's transaction), so
--    a desktop's own earlier pushes never count against its later edits of the same row.
--    row_version, last_xid and updated_at are not recorded (they change on every write).
--    Read under the region policy of the row (its region before and after the change).
-- 2. Regions of rows whose desktop table has no region column (a contact, an activity … the
--    parent's; a target or forecast its org unit's; a log deletion its record's): filled in by
--    a trigger on INSERT, and again when the parent reference changes, as the writer (a parent
--    the writer cannot see leaves it NULL, which the parent check or the policy then refuses).
-- 3. The outcome of a claimed operation (a conflict the desktop must record), so a push whose
--    acknowledgment was lost re-records that conflict on retry instead of dropping it.

CREATE TABLE cockpit.column_history (
    table_name text NOT NULL,
    row_id uuid NOT NULL,
    row_version bigint NOT NULL,
    client_id uuid,
    columns text[] NOT NULL,
    region_id uuid,
    old_region_id uuid,
    PRIMARY KEY (table_name, row_id, row_version)
);

CREATE FUNCTION cockpit.record_columns() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    o jsonb := to_jsonb(OLD);
    changed text[];
BEGIN
    SELECT coalesce(array_agg(n.key ORDER BY n.key), '{}') INTO changed
    FROM jsonb_each(to_jsonb(NEW)) n
    WHERE n.key NOT IN ('row_version', 'last_xid', 'updated_at') AND n.value IS DISTINCT FROM (o -> n.key);
    INSERT INTO cockpit.column_history (table_name, row_id, row_version, client_id, columns, region_id, old_region_id)
    VALUES (TG_TABLE_NAME, NEW.id, NEW.row_version, nullif(current_setting('cockpit.client_id', true), '')::uuid,
            changed, NEW.region_id, OLD.region_id)
    ON CONFLICT (table_name, row_id, row_version) DO NOTHING;
    RETURN NULL;
END $$;

-- BEFORE INSERT OR UPDATE OF the parent reference. TG_ARGV: ('parent', parent table, column),
-- ('org') for org_level/org_id, ('record') for log_deletions' record_kind/record_id. An
-- INSERT that brings its region (the administrator's company copy) keeps it.
CREATE FUNCTION cockpit.inherit_region() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    r jsonb := to_jsonb(NEW);
    found_region uuid;
BEGIN
    IF TG_OP = 'INSERT' AND NEW.region_id IS NOT NULL THEN
        RETURN NEW;
    END IF;
    IF TG_ARGV[0] = 'parent' THEN
        EXECUTE format('SELECT region_id FROM cockpit.%I WHERE id = $1', TG_ARGV[1]) INTO found_region
            USING (r ->> TG_ARGV[2])::uuid;
    ELSIF TG_ARGV[0] = 'org' THEN
        found_region := CASE r ->> 'org_level'
            WHEN 'region' THEN (r ->> 'org_id')::uuid
            WHEN 'city' THEN (SELECT region_id FROM cockpit.cities WHERE id = (r ->> 'org_id')::uuid)
            WHEN 'rep' THEN (SELECT region_id FROM cockpit.users WHERE id = (r ->> 'org_id')::uuid)
        END;
    ELSE
        found_region := CASE r ->> 'record_kind'
            WHEN 'activity' THEN (SELECT region_id FROM cockpit.activities WHERE id = (r ->> 'record_id')::uuid)
            ELSE (SELECT region_id FROM cockpit.stage_history WHERE id = (r ->> 'record_id')::uuid)
        END;
    END IF;
    NEW.region_id := found_region;
    RETURN NEW;
END $$;

ALTER TABLE cockpit.applied_ops ADD COLUMN outcome jsonb;

DO $$
DECLARE
    t text;
    r record;
BEGIN
    FOR t IN SELECT name FROM cockpit.synced_tables ORDER BY position LOOP
        EXECUTE format('CREATE TRIGGER record_columns AFTER UPDATE ON cockpit.%I FOR EACH ROW EXECUTE FUNCTION cockpit.record_columns()', t);
    END LOOP;
    -- Trigger names sort before parent_region, which then checks the region filled in here.
    FOR r IN SELECT child, fk, parent FROM cockpit.region_parents LOOP
        EXECUTE format('CREATE TRIGGER inherit_region BEFORE INSERT OR UPDATE OF %I ON cockpit.%I '
                       'FOR EACH ROW EXECUTE FUNCTION cockpit.inherit_region(%L, %L, %L)', r.fk, r.child, 'parent', r.parent, r.fk);
    END LOOP;
    FOR t IN SELECT unnest(ARRAY['targets', 'forecast_snapshots']) LOOP
        EXECUTE format('CREATE TRIGGER inherit_region BEFORE INSERT OR UPDATE OF org_level, org_id ON cockpit.%I '
                       'FOR EACH ROW EXECUTE FUNCTION cockpit.inherit_region(%L)', t, 'org');
    END LOOP;
    CREATE TRIGGER inherit_region BEFORE INSERT OR UPDATE OF record_kind, record_id ON cockpit.log_deletions
        FOR EACH ROW EXECUTE FUNCTION cockpit.inherit_region('record');
END $$;

ALTER TABLE cockpit.column_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE cockpit.column_history FORCE ROW LEVEL SECURITY;
CREATE POLICY region_select ON cockpit.column_history FOR SELECT TO cockpit_app
    USING (region_id IS NULL OR old_region_id IS NULL OR (SELECT cockpit.is_director())
           OR region_id = (SELECT cockpit.my_region()) OR old_region_id = (SELECT cockpit.my_region()));
CREATE POLICY owner_writes ON cockpit.column_history FOR ALL TO cockpit_owner USING (true) WITH CHECK (true);

GRANT SELECT ON cockpit.column_history TO cockpit_app;
GRANT UPDATE (outcome) ON cockpit.applied_ops TO cockpit_app;
REVOKE ALL ON FUNCTION cockpit.record_columns() FROM PUBLIC;
