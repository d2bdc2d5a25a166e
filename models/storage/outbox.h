#pragma once
// The sync outbox (SYNC.md): every local edit of a synced table appends one entry in the
// same transaction as the edit, so the sync issue pushes exactly what the user changed.
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace cockpit::storage {

// op: "insert", "update" or "delete". fields: the changed columns and their new values.
bool appendOutbox(QSqlDatabase db, const QString &table, const QString &rowId, const QString &op,
                  const QJsonObject &fields, qint64 baseRowVersion, QString *error);

int pendingOutboxCount(QSqlDatabase db);

// appendOutbox for many rows in one transaction (the alert evaluator writes thousands):
// the statement is prepared once.
class OutboxWriter
{
public:
    explicit OutboxWriter(QSqlDatabase db);
    bool append(const QString &table, const QString &rowId, const QString &op, const QJsonObject &fields,
                qint64 baseRowVersion, QString *error);

private:
    QSqlQuery m_query;
};

} // namespace cockpit::storage
