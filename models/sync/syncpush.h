#pragma once
// Push, desktop → server (issue 12, SYNC.md "Push"): the file's outbox, in seq order, to the
// team server, as the login of the connection (row-level security applies to every write).
//
// Batches of entries; each batch is ONE server transaction, and its acknowledged entries are
// deleted from the outbox (and their conflicts recorded) in ONE SQLite transaction after the
// server's COMMIT. Every operation is claimed in the same server transaction by (client id,
// op id) (cockpit.claim_op; the client id is a UUID made once per file, sync_state
// "client_id"), so a retried batch whose acknowledgment was lost applies nothing twice: a
// claim already held drops the entry (re-recording the conflict it produced, which the
// server keeps with the claim, cockpit.applied_ops.outcome).
//
// Local integer keys become uuids (the row's `uuid`, and for each reference the referenced
// row's, or the uuid a pull reserved the key for); values are read from the row as it stands.
//   insert: INSERT … ON CONFLICT (id) DO NOTHING.
//   update: UPDATE … WHERE id = $1 AND row_version = $base. No row: the server changed it
//           since the base; the columns it changed (cockpit.column_history, 003_push.sql,
//           other clients' changes in (base, current]) that my fields also change, to another
//           value, keep the server's value and become a conflict (kind "update"); my other
//           fields are applied. A tombstoned (or no longer visible) row: conflict
//           "deleted_on_server", nothing applied.
//   delete: the tombstone (deleted = true), whatever the base: deletes win.
// An operation the server refuses (a policy's WITH CHECK, a role without rights, a
// constraint) becomes a conflict "refused" with the server's message; the rest goes on.
// Conflicts go to the local `conflicts` table (contract in syncpush.cpp), the entry leaves the
// outbox and the local row takes the server's values for the columns in conflict, so it
// converges; the user resolves the conflict from the Conflicts list.
#include "sync/pgconnection.h"

struct sqlite3;

namespace cockpit::sync {

struct PushOptions
{
    int batchSize = 500; // outbox entries per server transaction
    // Called after each acknowledged batch (entries done so far); false stops there.
    std::function<bool(qint64 entriesDone)> progress;
};

struct PushReport
{
    qint64 pushed = 0;     // operations the server applied as sent
    qint64 merged = 0;     // updates applied around a concurrent change (non-overlapping fields)
    qint64 conflicts = 0;  // conflicts recorded, kinds update and deleted_on_server
    qint64 refused = 0;    // conflicts recorded, kind refused
    qint64 alreadyApplied = 0; // entries the server had already claimed (a lost acknowledgment)
    qint64 nothingToPush = 0;  // entries whose row is gone, or of a table the server does not sync
    qint64 batches = 0;
    bool complete = false; // the outbox was drained (false: stopped by progress)
    qint64 elapsedMs = 0;
    qint64 total() const { return pushed + merged + conflicts + refused + alreadyApplied + nothingToPush; }
};

bool pushToServer(PgConnection &server, sqlite3 *db, const PushOptions &options, PushReport *report, PgError *error);

// The file's client id (sync_state "client_id"), made on first use. Empty on a file error.
QString syncClientId(sqlite3 *db);

} // namespace cockpit::sync
