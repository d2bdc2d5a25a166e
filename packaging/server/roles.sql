-- Sales Cockpit team server: the cluster-wide roles and the schema, run by `sales-cockpit
-- server init|upgrade` as the administrator (a superuser, or a role with CREATEROLE that may
-- create schemas) before the numbered files. Idempotent: every step checks first.
--   cockpit_owner     NOLOGIN: owns the schema, tables, views and functions. Never a login.
--   cockpit_app       NOLOGIN group: the rights every desktop login has (the four commands
--                     on the synced tables); the policies restrict them to a region.
--   cockpit_director  NOLOGIN group: members see and write every region.
-- Logins (one per manager and director) are created by `server add-user`: LOGIN NOSUPERUSER
-- NOBYPASSRLS NOCREATEDB NOCREATEROLE, members of cockpit_app (and of cockpit_director).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cockpit_owner') THEN
        CREATE ROLE cockpit_owner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cockpit_app') THEN
        CREATE ROLE cockpit_app NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cockpit_director') THEN
        CREATE ROLE cockpit_director NOLOGIN;
    END IF;
    -- Whatever someone changed by hand: none of them may log in or bypass the policies.
    ALTER ROLE cockpit_owner NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
    ALTER ROLE cockpit_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
    ALTER ROLE cockpit_director NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
    IF NOT pg_has_role(current_user, 'cockpit_owner', 'MEMBER') THEN
        EXECUTE format('GRANT cockpit_owner TO %I', current_user);
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO cockpit_app', current_database());
END $$;
CREATE SCHEMA IF NOT EXISTS cockpit AUTHORIZATION cockpit_owner;
SET LOCAL ROLE cockpit_owner;
-- The server schema's version: one row per numbered file applied (001_base.sql = 1, …).
CREATE TABLE IF NOT EXISTS cockpit.schema_version (
    version int PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    app_version text NOT NULL DEFAULT ''
);
RESET ROLE;
