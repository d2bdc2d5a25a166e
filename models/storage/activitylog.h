#pragma once
// The tamper-evident activity log (DESIGN.md §4) for the app's Qt SQL connection. The
// chain itself (canonical form, hashing, verification) lives in logchain.h, shared with
// the demo generator.
//
// Every code path that inserts an activity or a stage move calls appendToLog() inside its
// write transaction, right after the INSERT, so the record and its place in the chain
// commit together.
#include "storage/logchain.h"

#include <QDateTime>
#include <QList>

class QSqlDatabase;

namespace cockpit::storage {

class Database;

// Chains the record `id` after the head and moves the head (O(1): reads only the head and
// the record). false + error if the record does not exist or is already chained.
bool appendToLog(QSqlDatabase db, LogRecordKind kind, const QString &id, QString *error);

// Chains every record that has no log_seq yet, in (at, kind, id) order (the v1 -> v2
// migration and old files). Call inside a transaction.
bool buildLogChain(QSqlDatabase db, QString *error);

// Recomputes the whole chain on `db`'s thread. See logchain::verify.
VerifyResult verifyLog(QSqlDatabase db, const LogProgress &progress = {},
                       const std::atomic_bool *cancel = nullptr);

// The same on a read-only connection of its own to `path`: safe on any thread (the screen's
// Verify and the command line). A missing or unreadable file gives Problem::Error with a
// message naming it.
VerifyResult verifyLogFile(const QString &path, const LogProgress &progress = {},
                           const std::atomic_bool *cancel = nullptr);

// One row of the Activity log screen.
struct LogEntry
{
    qint64 seq = -1;
    LogRecordKind kind = LogRecordKind::Activity;
    QString id;
    QString at;     // ISO-8601 UTC as stored
    QString actor;  // user name ('' if none)
    QString lead;   // lead title ('' if none)
    QString what;   // activity: "Call · Sales action" (translated labels); stage move: "from → to"
    QString text;   // activity text or stage-move reason
};

// The `limit` most recent chained records, newest first (merge of the two log_seq indexes).
QList<LogEntry> recentLogEntries(QSqlDatabase db, int limit);
QList<LogEntry> recentLogEntries(Database &db, int limit); // its main connection

} // namespace cockpit::storage
