#pragma once
// The sync outbox (SYNC.md): every local edit of a synced table appends one entry in the
// same transaction as the edit, so the sync issue pushes exactly what the user changed.
#include <QJsonObject>

struct sqlite3;
struct sqlite3_stmt;
#include <QByteArray>
#include <QString>

class QSqlDatabase;

namespace cockpit::storage {

class Database;

// op: "insert", "update" or "delete". fields: the changed columns and their new values.
bool appendOutbox(QSqlDatabase db, const QString &table, const QString &rowId, const QString &op,
                  const QJsonObject &fields, qint64 baseRowVersion, QString *error);

int pendingOutboxCount(QSqlDatabase db);
int pendingOutboxCount(Database &db); // its main connection

// appendOutbox for many rows in one transaction: the insert is prepared once, on the
// connection's sqlite3 handle (bulk writers, e.g. assigning 10 000 leads).
class OutboxWriter
{
public:
    explicit OutboxWriter(QSqlDatabase db);
    ~OutboxWriter();
    OutboxWriter(const OutboxWriter &) = delete;
    OutboxWriter &operator=(const OutboxWriter &) = delete;
    bool append(const QString &table, const QString &rowId, const QString &op, const QJsonObject &fields,
                qint64 baseRowVersion, QString *error);

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    qint64 m_createdSecond = -1;
    QByteArray m_createdAt;
};

} // namespace cockpit::storage
