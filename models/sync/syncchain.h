#pragma once
// The activity log's hash chain anchored on the team server (issue 12, DESIGN.md §4,
// packaging/server/002_chain.sql). A file holds its own head, so a cut tail with the head
// rolled back verifies as intact on its own; the server keeps a copy of the head out of the
// file's reach. After the outbox push each sync sends the links the server does not hold yet
// (server head + 1 … the file's head), in batches, each with its record's canonical bytes so
// the server checks the chain's formula; cockpit.push_chain_link accepts a link only if it
// continues the chain it holds.
//
// The first anchoring: an empty log is anchored from #0 (from 32 zero bytes) as it grows; a log
// that already has records (the records the first pull brought, or a file an older build
// synced) is anchored at its head, one link: the head's hash commits to every record before
// it, so a later cut or rewrite of any of them shows exactly as if each link had been sent,
// and the first sync does not spend minutes sending the links of records the server itself
// holds (small demo, director: 263 278 links take 22 s; the head alone a few ms). sync_state
// keeps where the anchor started (chain_anchor_from: a server rebuilt since is anchored again
// from there) and the last link the server acknowledged (chain_anchored_seq).
//
// A refusal (the file's log ends before the server's head, its link at the server's head
// differs, a link does not continue or does not match its record, the chain belongs to another
// login) is a PgError of kind ChainRefused: the data sync is not affected, the caller reports
// it (SyncOutcome::chain, `sales-cockpit sync` exits 1).
#include "sync/pgconnection.h"

#include <functional>

struct sqlite3;

namespace cockpit::sync {

inline constexpr char kChainFromKey[] = "chain_anchor_from";
inline constexpr char kChainAnchoredKey[] = "chain_anchored_seq";

struct ChainPushOptions
{
    // Links per server statement (one transaction each). Small on purpose: each link moves the
    // head row, and within one transaction its versions pile up for the next link to walk.
    // Measured, 10 000 links on loopback: 2 000 a batch 1.5 s, 500 0.48 s, 100 0.42 s.
    int batchSize = 100;
};

struct ChainPushReport
{
    qint64 pushed = 0;           // links the server took (its head moved)
    qint64 alreadyHeld = 0;      // links it held already (a retried push whose answer was lost)
    qint64 localHead = -1;       // the file's head (-1: an empty log)
    qint64 anchoredSeq = -1;     // the server's head for this file afterwards (-1: nothing anchored)
    bool anchoredAtHead = false; // the first anchoring of a log with records: at its head, now
    qint64 batches = 0;
    qint64 elapsedMs = 0;
};

// The head the server holds for a client's chain, as this login may see it.
struct ChainAnchor
{
    qint64 seq = -1; // -1: none (not anchored yet, or another login's chain)
    QByteArray hash; // 32 bytes
};
bool readChainAnchor(PgConnection &server, const QString &clientId, ChainAnchor *anchor, PgError *error);

// Sends the links of `db`'s log the server does not hold yet (see above). false with `error`:
// kind ChainRefused for the chain's own refusals (local or the server's), another kind when
// the server or the file failed.
bool pushChain(PgConnection &server, sqlite3 *db, const ChainPushOptions &options, ChainPushReport *report,
               PgError *error);

// The file's client id as stored (sync_state "client_id"), without making one: empty for a
// file that never synced.
QString storedClientId(sqlite3 *db);
// The last link the server acknowledged (sync_state chain_anchored_seq), -1 for none.
qint64 anchoredChainSeq(sqlite3 *db);

} // namespace cockpit::sync
