-- Sales Cockpit team server, schema version 4: the column history (003_push.sql) kept bounded.
-- Every UPDATE of a synced row adds an entry, so the history grows without end unless entries
-- are removed; an entry is only needed while some desktop may still push an edit based on a
-- row_version before it. `sales-cockpit server prune-history --older-than DAYS` removes the
-- entries recorded before that and keeps the highest row_version removed as a watermark: a
-- push whose base is below the watermark no longer knows which columns changed since its base
-- and treats every column as changed (a conflict, never a silent merge). A desktop that comes
-- back after longer than DAYS offline therefore gets conflicts for rows others changed
-- meanwhile, which it resolves on its Conflicts screen; nothing is lost.

ALTER TABLE cockpit.column_history ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX column_history_recorded ON cockpit.column_history (recorded_at);

CREATE TABLE cockpit.column_history_pruned (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    below bigint NOT NULL,            -- every entry with row_version <= below is gone
    pruned_at timestamptz NOT NULL
);
ALTER TABLE cockpit.column_history_pruned ENABLE ROW LEVEL SECURITY;
ALTER TABLE cockpit.column_history_pruned FORCE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON cockpit.column_history_pruned FOR SELECT TO cockpit_app USING (true);
CREATE POLICY owner_writes ON cockpit.column_history_pruned FOR ALL TO cockpit_owner USING (true) WITH CHECK (true);
GRANT SELECT ON cockpit.column_history_pruned TO cockpit_app;

-- Removes the entries recorded more than p_older_than ago (and any of a lower row_version,
-- which row_version's sequence gave out before them), raises the watermark, returns how many
-- went. Run by the administrator (as cockpit_owner), never by a login.
CREATE FUNCTION cockpit.prune_column_history(p_older_than interval) RETURNS bigint
    LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    w bigint;
    n bigint;
BEGIN
    IF p_older_than IS NULL OR p_older_than < interval '0' THEN
        RAISE EXCEPTION 'prune_column_history: the age must be zero or more';
    END IF;
    SELECT max(row_version) INTO w FROM cockpit.column_history WHERE recorded_at < now() - p_older_than;
    IF w IS NULL THEN
        RETURN 0;
    END IF;
    -- The watermark first: a push reading both in one snapshot never sees entries gone and the
    -- watermark not yet raised.
    INSERT INTO cockpit.column_history_pruned (only_row, below, pruned_at) VALUES (true, w, now())
        ON CONFLICT (only_row) DO UPDATE SET below = greatest(cockpit.column_history_pruned.below, EXCLUDED.below),
                                             pruned_at = EXCLUDED.pruned_at;
    DELETE FROM cockpit.column_history WHERE row_version <= w;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;
REVOKE ALL ON FUNCTION cockpit.prune_column_history(interval) FROM PUBLIC;
