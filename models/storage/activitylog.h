#pragma once
// The tamper-evident activity log (DESIGN.md §4) for the app's Qt SQL connection. The
// chain itself (canonical form, hashing, verification) lives in logchain.h, shared with
// the demo generator.
//
// Every code path that inserts an activity or a stage move calls appendToLog() inside its
// write transaction, right after the INSERT, so the record and its place in the chain
// commit together. A chained record is soft-deleted or restored only by setLoggedDeleted(),
// which logs the change as a record of its own (a tombstone).
#include "storage/logchain.h"

#include <QDateTime>
#include <QList>
#include <QPair>

class QSqlDatabase;

namespace cockpit::storage {

class Database;

// Chains the record `id` after the head and moves the head (O(1): reads only the head and
// the record). false + error if the record does not exist or is already chained.
bool appendToLog(QSqlDatabase db, LogRecordKind kind, const QString &id, QString *error);

// Chains every record that has no log_seq yet, in (at, kind, id) order (the v1 -> v2
// migration and old files). Call inside a transaction.
bool buildLogChain(QSqlDatabase db, QString *error);

struct LoggedDeletion
{
    bool ok = false;
    QString error;        // translated, naming the record, when refused or failed
    qint64 seq = -1;      // the tombstone's index in the log
    QString tombstoneId;  // its global id (UUID)
};

// Soft-deletes (`deleted` true) or restores one chained activity or stage move (`key`, the
// row's local key), in one transaction: the row's `deleted` and updated_at, a log_deletions
// row (who, when, why) chained after the head (O(1), as appendToLog), the row's outbox entry
// and, for an activity, its lead's exit actions (exitactions.h); announced on commit.
// Refused with nothing written: a record that does not exist, is not in the log, or is
// already in that state. `byUserId` is a user's key, or empty for nobody.
LoggedDeletion setLoggedDeleted(Database &db, LogRecordKind kind, const QString &key, bool deleted,
                                const QString &byUserId, const QString &reason);

// Recomputes the whole chain on `db`'s thread. See logchain::verify.
VerifyResult verifyLog(QSqlDatabase db, const LogProgress &progress = {},
                       const std::atomic_bool *cancel = nullptr);

// The same on a read-only connection of its own to `path`: safe on any thread (the screen's
// Verify and the command line). A missing or unreadable file gives Problem::Error with a
// message naming it.
VerifyResult verifyLogFile(const QString &path, const LogProgress &progress = {},
                           const std::atomic_bool *cancel = nullptr, qint64 anchorSeq = -1);

// One row of the Activity log screen.
struct LogEntry
{
    qint64 seq = -1;
    LogRecordKind kind = LogRecordKind::Activity;
    QString id;
    QString at;     // ISO-8601 UTC as stored
    QString actor;  // user name ('' if none)
    QString lead;   // lead title ('' if none)
    // activity: "Call · Sales action" (translated labels); stage move: "from → to";
    // deletion: "Deleted activity #12" / "Restored stage move #40" (the record's index)
    QString what;
    QString text;   // activity text, stage-move reason or deletion reason
};

// The `limit` most recent chained records, newest first (merge of the log_seq indexes).
QList<LogEntry> recentLogEntries(QSqlDatabase db, int limit);
QList<LogEntry> recentLogEntries(Database &db, int limit); // its main connection

// What the Activity log screen asks for: the newest `limit` records (older than `beforeSeq`
// when paging back) that pass every filter given, over the whole log.
struct LogQuery
{
    int limit = 2000;
    qint64 beforeSeq = -1;  // only records with a lower index; -1 = from the newest
    QString search;         // in the text or reason, the lead's title, the actor's name (substring, any case)
    QString actorId;        // the user's key; empty = anyone
    QString lead;           // in the lead's title or its customer's name (substring); empty = any
    int kind = -1;          // LogRecordKind as int; -1 = every kind
    qint64 fromSecs = -1;   // at >= fromSecs (epoch seconds); -1 = no bound
    qint64 untilSecs = -1;  // at < untilSecs; -1 = no bound
    bool englishStageNames = false; // a stage move names its stages in English where they have one
    bool filtered() const
    {
        return !search.trimmed().isEmpty() || !actorId.isEmpty() || !lead.trimmed().isEmpty() || kind >= 0
            || fromSecs >= 0 || untilSecs >= 0;
    }
};

struct LogPage
{
    QList<LogEntry> entries; // newest first
    qint64 matching = 0;     // records that pass the filters in the whole log (older pages included)
    bool ok = true;
    QString error;
};

LogPage queryLog(QSqlDatabase db, const LogQuery &query);
LogPage queryLog(Database &db, const LogQuery &query); // its main connection
// The same on a read-only connection of its own to `path`, opened and closed on the calling
// thread: for a worker thread (the Activity log screen's search over a large log).
LogPage queryLogFile(const QString &path, const LogQuery &query);
// The people who appear in the log as actors: (user key, name), by name.
QList<QPair<QString, QString>> logActors(QSqlDatabase db);
QList<QPair<QString, QString>> logActors(Database &db);

} // namespace cockpit::storage
