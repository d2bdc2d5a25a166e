#pragma once
// The SQL text of each schema version, compiled in from schema_v*.sql / indexes_v*.sql.
#include <QStringList>

namespace cockpit::storage {

// PRAGMA user_version of the newest schema this build knows.
inline constexpr int kSchemaVersion = 8;
// PRAGMA application_id of every Sales Cockpit database ('SCKP'): tells our files from
// other SQLite files, so we never migrate somebody else's database.
inline constexpr int kApplicationId = 0x53434B50;

// CREATE TABLE statements of schema version 1, in dependency order.
QStringList schemaV1Tables();
// CREATE INDEX IF NOT EXISTS statements of schema version 1.
QStringList schemaV1Indexes();
// Schema version 2 (process engine): ALTER TABLE and CREATE TABLE statements applied after
// version 1, and its indexes. A new database gets v1 then v2; a v1 file migrates with them.
QStringList schemaV2Statements();
QStringList schemaV2Indexes();
// Schema version 3, first step: stage_history.exit_actions (see exitactions.h) and its index.
// A DROP INDEX among the statements removes the index it replaces from a migrated file.
QStringList schemaV3Statements();
QStringList schemaV3Indexes();
// Schema version 4: the index audit on activities (drops, then idx_activities_by_lead).
QStringList schemaV4Statements();
QStringList schemaV4Indexes();
// Schema version 5, the compact reshape's first step (integer keys, one uuid per row): the
// whole schema, every table. New files are created from it; migrateTo(5) rebuilds a v4 file
// into it (storage/keys.h). Its indexes are those of v1-v4 (schemaV5Indexes()).
QStringList schemaV5Tables();
QStringList schemaV5Indexes();
// Schema version 6, the compact reshape's second step: schema v5 with every time column an
// INTEGER (epoch seconds, day numbers; TIMES_V6.md), plus log_deletions (the log's
// tombstones, logchain.h). New files are created from it; migrateTo(6) rebuilds a v5 file
// into it. Its indexes: v5's and log_deletions' own (schemaV6Indexes(), indexes_v6.sql).
QStringList schemaV6Tables();
QStringList schemaV6Indexes();
// Schema version 7 (issue 11, imports): products, the columns company files bring (a lead's
// product, a customer's parent, location, size figures) and the local import bookkeeping.
// CREATE and ALTER statements applied after v6 (new files get both; a v6 file migrates with
// them), and their indexes.
QStringList schemaV7Statements();
QStringList schemaV7Indexes();
// Schema version 8 (issue 14, Targets): targets.correction_reason, the reason a manager gives
// for a target's external correction. Applied after v7 (new files get it; a v7 file migrates
// with it). No indexes.
QStringList schemaV8Statements();
// Every statement of the newest schema, tables first, then indexes (for bulk writers that
// fill tables before indexing: use the two halves).
QStringList latestSchemaTables();
QStringList latestSchemaIndexes();

// Tables that carry id / row_version / updated_at / deleted and sync with the server.
QStringList syncedTables();
// Those a file of schema `version` has (the migrations' rebuilds of older files).
QStringList syncedTables(int version);
// Local-only tables (settings, sync bookkeeping, the log's tombstones).
QStringList localTables();

// Every time column (storage/TIMES_V6.md §1): an instant (UTC) or a calendar day. The one
// list the schema v6 migration, its typeof scan and the schema tests read.
struct TimeColumn
{
    const char *table;
    const char *column;
    bool day; // a calendar date, not an instant
};
const QList<TimeColumn> &timeColumns();

} // namespace cockpit::storage
