#pragma once
// Local keys and global identities (schema v5, issue 10 §1).
//
// Inside the file every synced row is keyed by an INTEGER (`id`, the rowid) and every
// reference is that integer. In code a key travels as its decimal text (the QString ids the
// repositories, item models and figures already carry), so SQL joins and binds keep their
// shape: SQLite's INTEGER affinity turns a bound '42' into 42 when it meets a key column.
// Keys never leave the file. What leaves it (the command line, exports, the hash chain's
// record, sync) is the row's `uuid`: 16 bytes in the file, the canonical 36-character text
// outside. A row migrated from a file whose text id was not a UUID keeps that text in `uuid`.
#include "storage/uuidcolumn.h"

#include <QHash>
#include <QString>
#include <QStringList>

struct sqlite3;
class QSqlDatabase;

namespace cockpit::storage {

// The local key (decimal text) of the row of `table` whose global id is `uuid`; empty when
// there is none. And back: the global id of the row keyed `key`; empty when there is none.
QString keyForUuid(const QSqlDatabase &db, const QString &table, const QString &uuid);
QString uuidForKey(const QSqlDatabase &db, const QString &table, const QString &key);
// The global ids of many rows of `table` at once (key → canonical text), for output that
// lists rows: one query per 500 keys. Keys with no row are left out.
QHash<QString, QString> uuidsForKeys(const QSqlDatabase &db, const QString &table, const QStringList &keys);
// The same on a Database's own connection, for callers without Qt SQL (app/).
class Database;
QString keyForUuid(const Database &db, const QString &table, const QString &uuid);
QString uuidForKey(const Database &db, const QString &table, const QString &key);
QHash<QString, QString> uuidsForKeys(const Database &db, const QString &table, const QStringList &keys);

// Schema v4 → v5: every table rebuilt with integer keys, in the caller's transaction, with
// foreign keys off (the caller turns them off before its transaction). Each row's new key is
// its old rowid (so keys follow insertion order); each reference is mapped through the old
// text ids; ids inside alert dedupe keys, alert recipients and the current-user setting are
// mapped too. The v5 indexes are built afterwards by the caller.
bool rebuildWithIntegerKeys(sqlite3 *db, QString *error);
// Schema v5 → v6: every table rebuilt with its time columns as integers (epoch seconds, day
// numbers; storage::timeColumns()), the same way and under the same conditions. NULL and ''
// become NULL; a date column holding an instant keeps its day; any other text that is not an
// ISO time fails the rebuild with a message naming the table and the text.
bool rebuildWithIntegerTimes(sqlite3 *db, QString *error);

} // namespace cockpit::storage
