#pragma once
// Pull, server → desktop (issue 12, SYNC.md "Pull"): the rows a login may see, from the team
// server into a local SQLite company file, by the transaction-id horizon.
//
// One pull = one REPEATABLE READ READ ONLY transaction on the server. Its horizon is
// pg_snapshot_xmin(pg_current_snapshot()): every transaction below it has ended, so no row
// with a lower last_xid can still appear. Pages of cockpit.change_feed with
// (last_xid, id) > cursor and last_xid < horizon, ordered by (last_xid, id); each page's rows
// are read from their tables and applied with the new cursor in ONE SQLite transaction (a
// page never shows half-applied, an interrupted pull resumes after the last applied page and
// re-applies nothing twice: rows are upserts by uuid). When the feed is drained the cursor
// becomes (horizon, nil). A transaction still open on the server holds the horizon back: the
// pull says so (PullReport::stalled) and never skips past it.
//
// A new file's first pull streams each table by COPY instead (syncfirstpull.cpp: parents
// first, committed in batches with a per-table resume point, secondary indexes built at the
// end), up to the horizon of the snapshot it started in, which becomes the cursor; the pages
// then bring what changed since, when the first pull was resumed in a later run.
//
// Local keys: the file's INTEGER keys stay local; a row is found by its `uuid` column (the
// server's id), references (uuid) are mapped to the referenced row's local key. A reference to
// a row not (yet) in the file reserves a local key for that uuid (sync_state "key:T:UUID"),
// which the row takes when it arrives: so pages apply in any order, foreign keys are not
// enforced while a pull writes (they are in the file's schema, and the reservations left at
// the end are the rows the login cannot see, reported in unresolvedReferences).
//
// Queued local edits are never overwritten: a row with outbox entries keeps the columns they
// changed (and its base row_version, for the push); a locally inserted one is left alone.
//
// Sync state (table sync_state, key → value): server, epoch, cursor_xid, cursor_id,
// last_sync, horizon_seen/horizon_since (stall detection), repull (an epoch change's full
// re-pull in progress). A new epoch marks every synced row (row_version -1) and re-pulls from
// the start; rows the new server does not have are removed at the end unless the outbox still
// holds an edit of them: queued edits are never dropped.
#include "sync/pgconnection.h"

#include <QStringList>

#include <functional>

struct sqlite3;

namespace cockpit::sync {

struct PullOptions
{
    // Rows a page of the change feed; a first pull calls progress every pageSize rows and
    // commits every 10 × pageSize. Measured on the small demo, 华东 (170 763 rows), paged:
    // 500 → 89 s, 2 000 → 27 s, 10 000 → 9.5 s.
    int pageSize = 10000;
    // Called after each applied page (rows so far); false stops after that page (a cancel).
    std::function<bool(qint64 rowsApplied)> progress;
    // A new file's first pull streams each table by COPY (syncfirstpull.cpp), committed every
    // pageSize rows with its resume point; false pulls it in pages of the change feed like
    // every later pull (for the benchmark's comparison).
    bool copyFirstPull = true;
};

struct PullReport
{
    qint64 rowsApplied = 0;  // rows inserted or updated
    qint64 rowsDeleted = 0;  // tombstones applied
    qint64 heldForPush = 0;  // rows whose queued local edits were kept (columns or the whole row)
    qint64 pages = 0;
    bool fullPull = false;   // the file had no cursor (first pull or a new epoch)
    bool epochChanged = false;
    bool complete = false;   // the feed was drained to the horizon (false: cancelled)
    qint64 removedAfterRepull = 0;
    qint64 unresolvedReferences = 0; // references to rows this login cannot see
    // A transaction open on the server holds the horizon: its xid and since when (UTC secs)
    // this file has seen the horizon stand still there.
    bool stalled = false;
    QString stalledXid;
    qint64 stalledSince = 0;
    QString cursorXid;
    QString cursorId;
    // Pulled activities, stage moves and logged deletions added to the file's activity log at
    // the end of a complete pull, and the time that took (part of elapsedMs).
    qint64 logChained = 0;
    qint64 logChainMs = 0;
    qint64 elapsedMs = 0;
};

// Pulls into the open file `db` (a Sales Cockpit file at the current schema). `localError`
// says what failed on the file side; server failures are in `error`.
bool pullFromServer(PgConnection &server, sqlite3 *db, const PullOptions &options, PullReport *report,
                    PgError *error);

// The sync state of a file, for `sync --status`.
struct SyncStatus
{
    QString server;
    QString epoch;
    QString cursorXid;
    QString cursorId;
    qint64 lastSync = 0; // UTC seconds, 0 = never
    int editsWaiting = 0;
    int conflicts = 0;
};
bool readSyncStatus(sqlite3 *db, SyncStatus *status, QString *error);
// Records which server the file syncs with (sync_state "server").
bool setSyncServer(sqlite3 *db, const QString &server, QString *error);

} // namespace cockpit::sync
