#pragma once
// Small helpers the push tests and bench share: one query on a file through its own
// short-lived connection (the CLI locks the file while it runs), and a local edit as the app
// writes one (the row changed and its outbox entry, in one transaction).
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>
#include <QVariant>

#include <functional>

namespace cockpit::tests {

inline bool withFile(const QString &file, const std::function<bool(QSqlDatabase &)> &work)
{
    const QString name = QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        ok = db.open() && work(db);
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

inline QVariant fileScalar(const QString &file, const QString &sql, const QVariantList &binds = {})
{
    QVariant value;
    withFile(file, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (q.exec() && q.next())
            value = q.value(0);
        else if (q.lastError().isValid())
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return true;
    });
    return value;
}

inline QStringList fileColumn(const QString &file, const QString &sql, const QVariantList &binds = {})
{
    QStringList out;
    withFile(file, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        q.exec();
        while (q.next())
            out << q.value(0).toString();
        return true;
    });
    return out;
}

// Edits row `key` of `table` as the app does: the columns, updated_at, and an outbox entry
// (op "update", or "delete" for a soft delete) with the row's row_version as its base.
// Returns the entry's op id (empty on failure).
inline QString editRow(QSqlDatabase &db, const QString &table, qint64 key, const QVariantMap &values,
                       const QString &op = QStringLiteral("update"))
{
    QStringList sets;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        sets << it.key() + QStringLiteral(" = ?");
    sets << QStringLiteral("updated_at = CAST(strftime('%s', 'now') AS INTEGER)");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(table, sets.join(QStringLiteral(", "))));
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.addBindValue(key);
    if (!q.exec() || q.numRowsAffected() != 1) {
        qWarning("edit %s %lld: %s", qPrintable(table), key, qPrintable(q.lastError().text()));
        return {};
    }
    QJsonObject fields = QJsonObject::fromVariantMap(values);
    fields.insert(QStringLiteral("updated_at"), QStringLiteral("2026-12-05T12:00:00Z")); // the outbox's text form
    const QString opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery o(db);
    o.prepare(QStringLiteral("INSERT INTO outbox (op_id, table_name, row_id, op, fields, base_row_version, created_at) "
                             "SELECT ?, ?, id, ?, ?, row_version, CAST(strftime('%s', 'now') AS INTEGER) FROM %1 WHERE id = ?").arg(table));
    o.addBindValue(opId);
    o.addBindValue(table);
    o.addBindValue(op);
    o.addBindValue(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    o.addBindValue(key);
    if (!o.exec()) {
        qWarning("outbox: %s", qPrintable(o.lastError().text()));
        return {};
    }
    return opId;
}

inline QString editFile(const QString &file, const QString &table, qint64 key, const QVariantMap &values,
                        const QString &op = QStringLiteral("update"))
{
    QString opId;
    withFile(file, [&](QSqlDatabase &db) {
        db.transaction();
        opId = editRow(db, table, key, values, op);
        return opId.isEmpty() ? db.rollback() && false : db.commit();
    });
    return opId;
}

// Rolls the activity log's head back to record `keep` and deletes the records after it, as
// someone hiding the last records would: the file alone then verifies as intact. Outside a
// transaction (foreign keys are off while it deletes).
inline bool rollBackLog(QSqlDatabase &db, qint64 keep)
{
    QSqlQuery q(db);
    const QString k = QString::number(keep);
    return q.exec(QStringLiteral("PRAGMA foreign_keys = OFF"))
           && q.exec(QStringLiteral("UPDATE settings SET value = (SELECT lower(hex(log_hash)) FROM (SELECT log_seq, log_hash FROM "
                                    "activities UNION ALL SELECT log_seq, log_hash FROM stage_history UNION ALL SELECT log_seq, "
                                    "log_hash FROM log_deletions) WHERE log_seq = %1) WHERE key = 'log_head_hash'").arg(k))
           && q.exec(QStringLiteral("UPDATE settings SET value = '%1' WHERE key = 'log_head_seq'").arg(k))
           && q.exec(QStringLiteral("DELETE FROM activities WHERE log_seq > %1").arg(k))
           && q.exec(QStringLiteral("DELETE FROM stage_history WHERE log_seq > %1").arg(k))
           && q.exec(QStringLiteral("DELETE FROM log_deletions WHERE log_seq > %1").arg(k))
           && q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
}

// The canonical uuid text of a file's 32-hex-digit form (lower(hex(uuid))).
inline QString dashed(const QString &hex)
{
    return QStringLiteral("%1-%2-%3-%4-%5").arg(hex.left(8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20));
}

} // namespace cockpit::tests
