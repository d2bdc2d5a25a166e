#include "sync/pushtables.h"
#include "sync/serverschema.h"

#include "storage/uuidcolumn.h"

#include <QSet>

#include <sqlite3.h>

namespace cockpit::sync::push {

namespace {
QString columnText(sqlite3_stmt *st, int c)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, c)), sqlite3_column_bytes(st, c));
}
} // namespace

bool loadTables(PgConnection &server, sqlite3 *db, QHash<QString, Table> *tables, PgError *error)
{
    PgResult cols;
    if (!server.exec(QStringLiteral("SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
                                    "JOIN cockpit.synced_tables s ON s.name = c.table_name WHERE c.table_schema = 'cockpit' "
                                    "AND c.is_generated = 'NEVER' AND c.column_name NOT IN ('id', 'last_xid', 'row_version') "
                                    "ORDER BY s.position, c.ordinal_position"),
                     {}, &cols, error))
        return false;
    QHash<QString, QSet<QString>> localColumns;
    QHash<QString, QHash<QString, QString>> references;
    for (int i = 0; i < cols.rows(); ++i) {
        const QString name = cols.text(i, 0);
        Table &t = (*tables)[name];
        if (t.name.isEmpty()) {
            t.name = name;
            QSet<QString> &local = localColumns[name];
            sql::Statement info(db, QStringLiteral("PRAGMA table_info(%1)").arg(name).toStdString());
            while (sqlite3_step(info.handle()) == SQLITE_ROW)
                local.insert(columnText(info.handle(), 1));
            sql::Statement fks(db, QStringLiteral("PRAGMA foreign_key_list(%1)").arg(name).toStdString());
            while (sqlite3_step(fks.handle()) == SQLITE_ROW)
                references[name].insert(columnText(fks.handle(), 3), columnText(fks.handle(), 2));
            if (local.isEmpty()) {
                error->kind = PgError::Kind::Other;
                error->message = Server::tr("The local file has no table %1: it is older than the server's schema.").arg(name);
                return false;
            }
            t.localRowVersion = local.contains(QStringLiteral("row_version"));
        }
        const bool logDeletions = name == QLatin1String("log_deletions");
        Column c;
        c.server = cols.text(i, 1);
        c.type = cols.text(i, 2);
        if (logDeletions && c.server == QLatin1String("deleted"))
            continue; // the tombstone; the file's `deleted` is sets_deleted here
        c.local = (logDeletions && c.server == QLatin1String("sets_deleted")) ? QStringLiteral("deleted") : c.server;
        if (!localColumns.value(name).contains(c.local))
            continue; // server-only (a child's region_id, filled in by the server)
        c.refTable = references.value(name).value(c.local);
        c.polymorphic = c.server == QLatin1String("org_id") || c.server == QLatin1String("record_id");
        if (c.server == QLatin1String("org_level") || c.server == QLatin1String("record_kind"))
            t.kindLocal = c.local;
        t.byLocal.insert(c.local, int(t.cols.size()));
        t.cols << c;
    }
    for (auto it = tables->begin(); it != tables->end(); ++it) {
        QStringList names{QStringLiteral("uuid")};
        for (const Column &c : std::as_const(it->cols))
            names << c.local;
        it->localSelect = QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(names.join(QStringLiteral(", ")), it->name);
    }
    return true;
}

sqlite3_stmt *Keys::cached(const QString &sql)
{
    auto &st = m_statements[sql];
    if (!st.isValid() && !st.prepare(m_db, sql.toUtf8(), nullptr))
        return nullptr;
    sqlite3_reset(st.handle());
    sqlite3_clear_bindings(st.handle());
    return st.handle();
}

bool Keys::readRow(const Table &t, qint64 key, LocalRow *row)
{
    sqlite3_stmt *st = cached(t.localSelect);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, key);
    if (sqlite3_step(st) != SQLITE_ROW)
        return false;
    row->uuid = storage::uuidText(QByteArray(static_cast<const char *>(sqlite3_column_blob(st, 0)), sqlite3_column_bytes(st, 0)));
    row->values.clear();
    for (int c = 0; c < t.cols.size(); ++c) {
        switch (sqlite3_column_type(st, c + 1)) {
        case SQLITE_NULL:
            row->values << QJsonValue(QJsonValue::Null);
            break;
        case SQLITE_INTEGER:
            row->values << QJsonValue(qint64(sqlite3_column_int64(st, c + 1)));
            break;
        case SQLITE_FLOAT:
            row->values << QJsonValue(sqlite3_column_double(st, c + 1));
            break;
        default:
            row->values << QJsonValue(columnText(st, c + 1));
        }
    }
    sqlite3_reset(st);
    return true;
}

QString Keys::uuidOf(const QString &table, qint64 key)
{
    const auto cachedUuid = m_uuids.constFind({table, key});
    if (cachedUuid != m_uuids.constEnd())
        return cachedUuid.value();
    QString uuid;
    if (sqlite3_stmt *st = cached(QStringLiteral("SELECT uuid FROM %1 WHERE id = ?").arg(table))) {
        sqlite3_bind_int64(st, 1, key);
        if (sqlite3_step(st) == SQLITE_ROW)
            uuid = storage::uuidText(QByteArray(static_cast<const char *>(sqlite3_column_blob(st, 0)), sqlite3_column_bytes(st, 0)));
        sqlite3_reset(st);
    }
    if (uuid.isEmpty()) {
        // A key a pull reserved for a row this file has not received (sync_state "key:T:UUID").
        if (sqlite3_stmt *st = cached(QStringLiteral("SELECT substr(key, ?) FROM sync_state WHERE key LIKE ? AND value = ?"))) {
            const QString prefix = QStringLiteral("key:%1:").arg(table);
            sqlite3_bind_int(st, 1, int(prefix.size()) + 1);
            const QByteArray like = (prefix + QLatin1Char('%')).toUtf8();
            sqlite3_bind_text(st, 2, like.constData(), int(like.size()), SQLITE_TRANSIENT);
            const QByteArray value = QByteArray::number(key);
            sqlite3_bind_text(st, 3, value.constData(), int(value.size()), SQLITE_TRANSIENT);
            if (sqlite3_step(st) == SQLITE_ROW)
                uuid = columnText(st, 0);
            sqlite3_reset(st);
        }
    }
    if (!uuid.isEmpty())
        m_uuids.insert({table, key}, uuid);
    return uuid;
}

qint64 Keys::keyOf(const QString &table, const QString &uuid)
{
    if (sqlite3_stmt *st = cached(QStringLiteral("SELECT id FROM %1 WHERE uuid = ?").arg(table))) {
        const QByteArray blob = storage::uuidColumnValue(uuid);
        sqlite3_bind_blob(st, 1, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW) {
            const qint64 key = sqlite3_column_int64(st, 0);
            sqlite3_reset(st);
            return key;
        }
        sqlite3_reset(st);
    }
    // Not here: the key a pull reserved for it, or a new reservation as a pull makes one
    // (syncpull.h), which the row takes when it arrives.
    const QByteArray name = QStringLiteral("key:%1:%2").arg(table, uuid).toUtf8();
    sqlite3_stmt *st = cached(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    if (!st)
        return 0;
    sqlite3_bind_text(st, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const qint64 key = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return key;
    }
    sqlite3_reset(st);
    st = cached(QStringLiteral("SELECT max(coalesce((SELECT max(id) FROM %1), 0), "
                               "coalesce((SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = 'keymax:%1'), 0)) + 1")
                    .arg(table));
    if (!st || sqlite3_step(st) != SQLITE_ROW)
        return 0;
    const qint64 key = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    st = cached(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?), (?, ?)"));
    if (!st)
        return 0;
    const QByteArray keymax = QStringLiteral("keymax:%1").arg(table).toUtf8();
    const QByteArray value = QByteArray::number(key);
    sqlite3_bind_text(st, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, keymax.constData(), int(keymax.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    const bool ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok ? key : 0;
}

QVariant Keys::serverValue(const Table &t, const LocalRow &row, int c)
{
    const Column &col = t.cols.at(c);
    const QJsonValue v = row.values.at(c);
    if (v.isNull())
        return {};
    QString target = col.refTable;
    if (col.polymorphic) {
        const int kind = t.byLocal.value(t.kindLocal, -1);
        target = kind < 0 ? QString() : polymorphicTable(t.name, row.values.at(kind).toString());
        if (target.isEmpty())
            return {}; // a kind without rows of its own ('company')
    }
    if (!target.isEmpty()) {
        const QString uuid = uuidOf(target, v.toInteger());
        return uuid.isEmpty() ? QVariant() : QVariant(uuid);
    }
    if (v.isDouble())
        return v.toInteger() == v.toDouble() ? QString::number(v.toInteger()) : QString::number(v.toDouble(), 'g', 17);
    return v.toString();
}

QJsonValue Keys::localValue(const Table &t, int c, const QString &text, bool isNull, const QString &kind)
{
    const Column &col = t.cols.at(c);
    if (isNull)
        return QJsonValue(QJsonValue::Null);
    QString target = col.refTable;
    if (col.polymorphic)
        target = polymorphicTable(t.name, kind);
    if (!target.isEmpty()) {
        const qint64 key = keyOf(target, text);
        return key ? QJsonValue(key) : QJsonValue(QJsonValue::Null);
    }
    if (col.polymorphic)
        return QJsonValue(QJsonValue::Null);
    if (col.type == QLatin1String("boolean"))
        return QJsonValue(qint64(text == QLatin1String("t") || text == QLatin1String("true") ? 1 : 0));
    if (col.type == QLatin1String("bigint") || col.type == QLatin1String("integer") || col.type == QLatin1String("smallint"))
        return QJsonValue(text.toLongLong());
    return QJsonValue(text);
}

bool Keys::writeLocal(const Table &t, qint64 key, const QJsonObject &values, qint64 rowVersion)
{
    QStringList sets;
    QList<QJsonValue> binds;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!t.byLocal.contains(it.key()))
            continue;
        sets << it.key() + QStringLiteral(" = ?");
        binds << it.value();
    }
    if (rowVersion > 0 && t.localRowVersion) {
        sets << QStringLiteral("row_version = ?");
        binds << QJsonValue(rowVersion);
    }
    if (sets.isEmpty())
        return true;
    sqlite3_stmt *st = cached(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(t.name, sets.join(QStringLiteral(", "))));
    if (!st)
        return false;
    int p = 1;
    for (const QJsonValue &v : std::as_const(binds)) {
        if (v.isNull() || v.isUndefined()) {
            sqlite3_bind_null(st, p++);
        } else if (v.isDouble()) {
            if (v.toInteger() == v.toDouble())
                sqlite3_bind_int64(st, p++, v.toInteger());
            else
                sqlite3_bind_double(st, p++, v.toDouble());
        } else if (v.isBool()) {
            sqlite3_bind_int64(st, p++, v.toBool() ? 1 : 0);
        } else {
            const QByteArray text = v.toString().toUtf8();
            sqlite3_bind_text(st, p++, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
    }
    sqlite3_bind_int64(st, p, key);
    const bool ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok;
}

} // namespace cockpit::sync::push
