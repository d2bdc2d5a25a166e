-- Sales Cockpit schema, version 7 (issue 11: a company's own data in). Applied after
-- schema_v6.sql, to new files and, as the migration step to 7, to v6 files: new tables and
-- added columns only, so no table is rebuilt. The step is one transaction (a failed one leaves
-- the file at v6), and migrations.cpp skips an ALTER whose column exists.
--
-- Products a company sells (the Maven CRM data's `products`): a lead may name one, so outcomes
-- can be reported per product. product_line: the series the product belongs to (the same
-- words as orders.product_line and users.main_product_line). Synced like every entity.
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE DEFAULT (randomblob(16)),
    name TEXT NOT NULL,
    product_line TEXT NOT NULL DEFAULT '',
    list_price_cents INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL CHECK (typeof(updated_at) = 'integer'),
    deleted INTEGER NOT NULL DEFAULT 0
);
-- ;
ALTER TABLE leads ADD COLUMN product_id INTEGER REFERENCES products(id)
-- ;
-- What a company file says of its accounts beyond the new-customer form: the parent company
-- (a customer of the same file), where it sits (free text: a country or a city), its head
-- count, annual revenue (in the file's currency, cents) and the year it was established.
ALTER TABLE customers ADD COLUMN parent_id INTEGER REFERENCES customers(id)
-- ;
ALTER TABLE customers ADD COLUMN location TEXT NOT NULL DEFAULT ''
-- ;
ALTER TABLE customers ADD COLUMN employees INTEGER
-- ;
ALTER TABLE customers ADD COLUMN annual_revenue_cents INTEGER
-- ;
ALTER TABLE customers ADD COLUMN established_year INTEGER
-- ;
-- Local only: one row per import (models/imports). source: the file or folder as given;
-- mapping: the mapping JSON the import ran with; summary: its counts (JSON); undone_at: when
-- the whole import was undone (its rows tombstoned or put back), NULL while it stands.
CREATE TABLE import_runs (
    id INTEGER PRIMARY KEY,
    started_at INTEGER NOT NULL CHECK (typeof(started_at) = 'integer'),
    finished_at INTEGER CHECK (finished_at IS NULL OR typeof(finished_at) = 'integer'),
    source TEXT NOT NULL,
    mapping TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    by_user_id INTEGER REFERENCES users(id),
    undone_at INTEGER CHECK (undone_at IS NULL OR typeof(undone_at) = 'integer')
);
-- ;
-- Local only: the row each external id of an import became (entity: the table; external_id:
-- the file's own key, e.g. an opportunity id, or the normalised name where the file has no
-- key column). Re-importing the same file finds its rows here and changes nothing. A key
-- whose row is deleted (an undone import) is not found; redo brings the row, and so the key,
-- back.
CREATE TABLE import_keys (
    entity TEXT NOT NULL,
    external_id TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    run_id INTEGER NOT NULL REFERENCES import_runs(id),
    PRIMARY KEY (entity, external_id)
) WITHOUT ROWID;
-- ;
-- Local only: what an import did to each row, for undoing (and redoing) the whole import as
-- one step. op: insert (undo tombstones the rows row_id..last_row_id, consecutive keys the
-- import made, redo brings them back) or update (of row_id: undo writes `before` back, redo
-- `after`: JSON objects of the columns the import changed, before and after it).
CREATE TABLE import_changes (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES import_runs(id),
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    last_row_id INTEGER,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update')),
    before TEXT NOT NULL DEFAULT '',
    after TEXT NOT NULL DEFAULT ''
);
