-- Sales Cockpit schema, version 8 (issue 14, Targets): the reason a manager gives for a
-- target's external correction (DESIGN §5: "an external correction within ±5 % with a reason").
-- Applied after schema_v7.sql, to new files and, as the migration step to 8, to v7 files: one
-- added column, so no table is rebuilt. One transaction; migrations.cpp skips the ALTER when
-- the column exists. Rows of a v7 file get '' (their corrections had nowhere to keep a reason);
-- targets/targetrepository.h says when a reason is required.
ALTER TABLE targets ADD COLUMN correction_reason TEXT NOT NULL DEFAULT ''
