#include "storage/outbox.h"

#include "domain/ids.h"
#include "domain/times.h"

#include "storage/database.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

namespace cockpit::storage {

bool appendOutbox(QSqlDatabase db, const QString &table, const QString &rowId, const QString &op,
                  const QJsonObject &fields, qint64 baseRowVersion, QString *error)
{
    return OutboxWriter(db).append(table, rowId, op, fields, baseRowVersion, error);
}

OutboxWriter::OutboxWriter(QSqlDatabase db)
{
    const QVariant v = db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        m_db = *static_cast<sqlite3 *const *>(v.data());
    if (m_db)
        sqlite3_prepare_v2(m_db,
                           "INSERT INTO outbox (op_id, table_name, row_id, op, fields, base_row_version,"
                           " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           -1, &m_insert, nullptr);
}

OutboxWriter::~OutboxWriter()
{
    sqlite3_finalize(m_insert);
}

bool OutboxWriter::append(const QString &table, const QString &rowId, const QString &op,
                          const QJsonObject &fields, qint64 baseRowVersion, QString *error)
{
    if (!m_insert) {
        if (error)
            *error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no SQLite connection");
        return false;
    }
    // created_at in the file's form (times::instantParam): up to schema v5 its ISO text,
    // formatted once a second, not once a row (a first alert run appends 45 000).
    const qint64 second = QDateTime::currentSecsSinceEpoch();
    if (second != m_createdSecond) {
        m_createdSecond = second;
        m_createdAt = times::instantParam(second).toString().toUtf8();
    }
    const QByteArray texts[] = {newTimeOrderedId().toUtf8(), table.toUtf8(), rowId.toUtf8(), op.toUtf8(),
                                QJsonDocument(fields).toJson(QJsonDocument::Compact), m_createdAt};
    for (int i = 0; i < 5; ++i)
        sqlite3_bind_text(m_insert, i + 1, texts[i].constData(), int(texts[i].size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(m_insert, 6, baseRowVersion);
    if constexpr (times::kIntegerTimes)
        sqlite3_bind_int64(m_insert, 7, second);
    else
        sqlite3_bind_text(m_insert, 7, texts[5].constData(), int(texts[5].size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(m_insert);
    sqlite3_reset(m_insert);
    if (rc != SQLITE_DONE) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
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

int pendingOutboxCount(Database &db)
{
    return pendingOutboxCount(db.connection());
}

} // namespace cockpit::storage
