-- Sales Cockpit schema version 4: the index audit's second step, on activities (issue 10 §1).
-- Applied after schema_v3.sql when a database is created, and by migrateTo(4) on a version-3
-- file, in one transaction with indexes_v4.sql, after a backup. No data changes.
-- Statements are separated by a line holding only "-- ;".
--
-- Every query of one lead's activities now reads idx_activities_by_lead (indexes_v4.sql),
-- which holds `deleted` as a column, so SQLite 3.40 reads it as covering; both indexes below
-- were its prefixes, and the partial one was never covering (its WHERE column is not
-- counted as covered), so each hit read its activity row.
DROP INDEX IF EXISTS idx_activities_lead_at;
-- ;
DROP INDEX IF EXISTS idx_activities_lead_kind;
-- ;
-- Every query of a customer's activities asks for live sales actions (the alert facts of
-- one customer, customer health's last sales action), which the partial
-- idx_activities_customer_sales (customer_id, at) answers alone.
DROP INDEX IF EXISTS idx_activities_customer_at;
