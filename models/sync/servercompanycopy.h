#pragma once
// Copies a company from a local file (a demo the generator wrote, or any schema-v7 file) into
// an empty team server: every synced table (cockpit.synced_tables), in reference order, in
// one transaction, through COPY. Local integer keys become the rows' UUIDs (the `uuid`
// column; a legacy text id that is not a UUID gets a name-based UUID of its text), each
// reference is mapped the same way, and every row gets its region key (its own, or its
// parent's: servers' 001_base.sql says which). Times stay integers, as in the file.
// The administrator's session must bypass row-level security (COPY FROM refuses tables with
// policies otherwise): checkAdministrator() first.
#include "sync/pgconnection.h"

#include <QList>
#include <QPair>

namespace cockpit::sync {

struct CompanyCopyReport
{
    QList<QPair<QString, qint64>> rows; // per table, in copy order
    QList<qint64> tableMs;              // the time each took, in the same order
    qint64 total = 0;
    qint64 commitMs = 0; // the references added back (checked) and the commit
    qint64 vacuumMs = 0; // VACUUM (ANALYZE) of the copied tables, after the commit
    qint64 elapsedMs = 0;
};

// After the commit, each copied table is vacuumed and analyzed (PostgreSQL's "Populating a
// Database": statistics for the planner, hint bits and the visibility map set), so the
// first pulls neither plan blind nor rewrite every page they read, nor race autovacuum.
bool copyCompanyToServer(PgConnection &admin, const QString &sqlitePath, CompanyCopyReport *report, PgError *error);

} // namespace cockpit::sync
