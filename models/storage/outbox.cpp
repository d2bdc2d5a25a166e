#include "outbox.h"

#include "ids.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace cockpit::storage {

bool appendOutbox(QSqlDatabase db, const QString &table, const QString &rowId, const QString &op,
                  const QJsonObject &fields, qint64 baseRowVersion, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO outbox (op_id, table_name, row_id, op, fields,"
                             " base_row_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(newId());
    q.addBindValue(table);
    q.addBindValue(rowId);
    q.addBindValue(op);
    q.addBindValue(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    q.addBindValue(baseRowVersion);
    q.addBindValue(nowIsoUtc());
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

OutboxWriter::OutboxWriter(QSqlDatabase db) : m_query(db)
{
    m_query.prepare(QStringLiteral("INSERT INTO outbox (op_id, table_name, row_id, op, fields,"
                                   " base_row_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
}

bool OutboxWriter::append(const QString &table, const QString &rowId, const QString &op,
                          const QJsonObject &fields, qint64 baseRowVersion, QString *error)
{
    m_query.addBindValue(newId());
    m_query.addBindValue(table);
    m_query.addBindValue(rowId);
    m_query.addBindValue(op);
    m_query.addBindValue(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    m_query.addBindValue(baseRowVersion);
    m_query.addBindValue(nowIsoUtc());
    if (!m_query.exec()) {
        if (error)
            *error = m_query.lastError().text();
        return false;
    }
    return true;
}

int pendingOutboxCount(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next())
        return q.value(0).toInt();
    return -1;
}

} // namespace cockpit::storage
