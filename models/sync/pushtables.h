#pragma once
// The push's view of the synced tables (syncpush.h): which server column each local column
// fills, with its SQL type, and the translation of values both ways — a local row's values to
// the server's text (integer keys to uuids), a server row's text back to local values (uuids to
// integer keys) as JSON, for the conflicts table and for writing the server's state back.
#include "sync/pgconnection.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <map>

#include "storage/sqlitestatement.h"

struct sqlite3;

namespace cockpit::sync::push {

struct Column
{
    QString server;   // the server's column
    QString local;    // the file's column
    QString type;     // the server's type, for the cast of a parameter ("bigint", "text", "uuid" …)
    QString refTable; // a reference: the table whose key it holds
    bool polymorphic = false; // org_id / record_id: the table the kind column names
};

struct Table
{
    QString name;
    QList<Column> cols;          // every mapped column but the key (row_version excluded)
    QHash<QString, int> byLocal; // local name → index in cols
    QString kindLocal;           // org_level / record_kind, for the polymorphic column
    bool localRowVersion = false;
    QString localSelect;         // "SELECT uuid, <cols…> FROM t WHERE id = ?"
};

// The synced tables (cockpit.synced_tables) as both sides have them.
bool loadTables(PgConnection &server, sqlite3 *db, QHash<QString, Table> *tables, PgError *error);

// One local row, read for a push: its uuid and each column's value as SQLite holds it.
struct LocalRow
{
    QString uuid;
    QList<QJsonValue> values; // per Table::cols: number, string or null
};

class Keys
{
public:
    explicit Keys(sqlite3 *db) : m_db(db) {}
    // The row `key` of `table` as the server knows it; false when the row is not in the file.
    bool readRow(const Table &t, qint64 key, LocalRow *row);
    // The value a server statement gets for column c of a local row (text, or a null QVariant).
    QVariant serverValue(const Table &t, const LocalRow &row, int c);
    // A server value (text, isNull) of column c back to its local value (a key for a uuid).
    QJsonValue localValue(const Table &t, int c, const QString &text, bool isNull, const QString &kind);
    // Writes local values into row `key` (and its row_version when rowVersion > 0).
    bool writeLocal(const Table &t, qint64 key, const QJsonObject &values, qint64 rowVersion);

private:
    QString uuidOf(const QString &table, qint64 key);
    qint64 keyOf(const QString &table, const QString &uuid);
    sqlite3_stmt *cached(const QString &sql);

    sqlite3 *m_db;
    std::map<QString, sql::Statement> m_statements;
    QHash<QPair<QString, qint64>, QString> m_uuids;
};

} // namespace cockpit::sync::push
