-- Schema v7's indexes (schema_v7.sql).
-- Outcomes per product (analytics/outcomes) and the product of a lead.
CREATE INDEX IF NOT EXISTS idx_leads_product ON leads(product_id) WHERE product_id IS NOT NULL;
-- ;
-- Undo of an import reads its changes in order.
CREATE INDEX IF NOT EXISTS idx_import_changes_run ON import_changes(run_id, id);
-- ;
-- The rows one import wrote (undo drops their keys).
CREATE INDEX IF NOT EXISTS idx_import_keys_run ON import_keys(run_id);
