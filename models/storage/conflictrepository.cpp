#include "storage/conflictrepository.h"

#include "domain/times.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "storage/outbox.h"
#include "storage/schema.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace cockpit::storage {

namespace {

const QStringList kNeverWritten = {QStringLiteral("id"), QStringLiteral("uuid"), QStringLiteral("row_version"),
                                   QStringLiteral("log_seq"), QStringLiteral("log_hash")};

// The columns of a synced table, in order; empty for any other name (so a name read from the
// file reaches SQL text only once it is known to be one of ours).
QStringList columnsOf(const QSqlDatabase &db, const QString &table)
{
    QStringList out;
    if (!syncedTables().contains(table))
        return out;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        while (q.next())
            out << q.value(1).toString();
    return out;
}

// A value of mine as the local row keeps it; `error` when a time is not one.
QVariant localValue(const QString &table, const QString &column, const QJsonValue &v, QString *error)
{
    const int time = ConflictRepository::timeKind(table, column);
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? 1 : 0;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::abs(d) < 9.0e15)
            return qint64(d);
        return d;
    }
    case QJsonValue::String: {
        if (!time)
            return v.toString();
        qint64 secs = 0;
        if (!times::parseIso(v.toString(), &secs) && (secs = times::secsFromIso(v.toString())) == -1) {
            *error = ConflictRepository::tr("\"%1\" of %2 is not a date or time: %3").arg(column, table, v.toString());
            return {};
        }
        return time == 2 ? times::dayParam(times::dayOf(secs)) : times::instantParam(secs);
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        return QVariant(QMetaType::fromType<QString>()); // NULL
    }
}

// The same value as the outbox carries it: times as ISO text (outbox.h).
QJsonValue outboxValue(const QString &table, const QString &column, const QJsonValue &v)
{
    const int time = ConflictRepository::timeKind(table, column);
    if (time && v.isDouble())
        return time == 2 ? times::isoFromDay(qint64(v.toDouble())) : times::isoFromSecs(qint64(v.toDouble()));
    return v;
}

ConflictKind kindOf(const QString &code)
{
    if (code == QLatin1String("deleted_on_server"))
        return ConflictKind::DeletedOnServer;
    if (code == QLatin1String("refused"))
        return ConflictKind::Refused;
    return ConflictKind::Update;
}

QJsonObject objectOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// SQL for the name people know a row of `table` by, over its columns; empty for none.
QString labelExpression(const QString &table, const QStringList &columns, bool english)
{
    if (table == QLatin1String("leads"))
        return QStringLiteral("title");
    if (table == QLatin1String("tasks"))
        return QStringLiteral("action");
    if (english && columns.contains(QStringLiteral("name_en")))
        return QStringLiteral("CASE WHEN name_en <> '' THEN name_en ELSE name END");
    if (columns.contains(QStringLiteral("name")))
        return QStringLiteral("name");
    if (columns.contains(QStringLiteral("customer_id")))
        return QStringLiteral("(SELECT c.name FROM customers c WHERE c.id = customer_id)");
    return {};
}

} // namespace

QList<ConflictRecord> ConflictRepository::openConflicts() const
{
    QList<ConflictRecord> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT id FROM conflicts WHERE resolved_at IS NULL ORDER BY created_at DESC, id")))
        return out;
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    for (const QString &id : std::as_const(ids))
        if (auto c = find(id))
            out << *c;
    return out;
}

bool ConflictRecord::refusedInsert() const
{
    return kind == ConflictKind::Refused
           && (op == QLatin1String("insert") || (op.isEmpty() && mine.contains(QStringLiteral("uuid"))));
}

QSet<qint64> ConflictRepository::refusedInserts(const QString &table) const
{
    QSet<qint64> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM conflicts WHERE resolved_at IS NULL AND table_name = ?"));
    q.addBindValue(table);
    if (!q.exec())
        return out;
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    for (const QString &id : std::as_const(ids))
        if (const auto c = find(id); c && c->refusedInsert() && c->rowExists)
            out.insert(c->rowId);
    return out;
}

int ConflictRepository::openCount() const
{
    QSqlQuery q(m_db.connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL")) && q.next()
               ? q.value(0).toInt()
               : 0;
}

std::optional<ConflictRecord> ConflictRepository::find(const QString &id) const
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT table_name, row_id, base, mine, theirs, created_at, resolved_at FROM conflicts"
                             " WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    ConflictRecord c;
    c.id = id;
    c.table = q.value(0).toString();
    c.rowId = q.value(1).toLongLong();
    const QJsonObject base = objectOf(q.value(2).toString());
    c.mine = objectOf(q.value(3).toString());
    c.theirs = objectOf(q.value(4).toString());
    times::instantOf(q.value(5), &c.createdAt);
    c.resolved = !q.value(6).isNull();
    c.kind = kindOf(base.value(QStringLiteral("kind")).toString());
    c.uuid = base.value(QStringLiteral("uuid")).toString();
    c.error = base.value(QStringLiteral("error")).toString();
    c.op = base.value(QStringLiteral("op")).toString();
    c.baseRowVersion = base.value(QStringLiteral("row_version")).toInteger();
    c.serverRowVersion = base.value(QStringLiteral("server_row_version")).toInteger();

    const QStringList columns = columnsOf(db, c.table);
    // The row's identity and version are the sync's, never a choice (a refused insert's mine
    // carries every column it pushed).
    for (const QString &col : columns)
        if ((c.mine.contains(col) || c.theirs.contains(col)) && !kNeverWritten.contains(col))
            c.fields << col;
    for (const QJsonObject &o : {c.mine, c.theirs})
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!c.fields.contains(it.key()) && !kNeverWritten.contains(it.key()))
                c.fields << it.key();
    if (columns.isEmpty())
        return c; // not a table of ours: shown, and only "keep theirs" can settle it
    // The row by its uuid (the key it had may name another row after a re-pull), else its key.
    if (!c.uuid.isEmpty()) {
        const QString key = keyForUuid(db, c.table, c.uuid);
        if (!key.isEmpty())
            c.rowId = key.toLongLong();
    }
    const QString label = labelExpression(c.table, columns, false);
    QSqlQuery row(db);
    row.prepare(QStringLiteral("SELECT %1, %2 FROM %3 WHERE id = ?")
                    .arg(columns.contains(QStringLiteral("deleted")) ? QStringLiteral("deleted") : QStringLiteral("0"),
                         label.isEmpty() ? QStringLiteral("''") : label, c.table));
    row.addBindValue(c.rowId);
    if (row.exec() && row.next()) {
        c.rowExists = true;
        c.rowDeleted = row.value(0).toInt() != 0;
        c.rowLabel = row.value(1).toString();
    }
    return c;
}

bool ConflictRepository::resolve(const QString &id, const QStringList &mineFields, ConflictStep *step, QString *error)
{
    const auto c = find(id);
    if (!c) {
        *error = tr("This conflict is no longer in the file.");
        return false;
    }
    if (c->resolved) {
        *error = tr("This conflict has been resolved already.");
        return false;
    }
    ConflictStep s;
    s.conflictId = id;
    s.table = c->table;
    s.rowId = c->rowId;
    s.resolvedAt = QDateTime::currentSecsSinceEpoch();
    if (!mineFields.isEmpty()) {
        if (!c->rowExists) {
            *error = tr("The record is no longer in this file, so your values cannot be written back. Keep the "
                        "server's version to close the conflict.");
            return false;
        }
        const QStringList columns = columnsOf(m_db.connection(), c->table);
        QJsonObject fields;
        for (const QString &f : mineFields) {
            if (!c->mine.contains(f) || !columns.contains(f) || kNeverWritten.contains(f)) {
                *error = tr("The conflict has no value of yours for \"%1\" of %2 that can be written.").arg(f, c->table);
                return false;
            }
            QString bad;
            const QVariant v = localValue(c->table, f, c->mine.value(f), &bad);
            if (!bad.isEmpty()) {
                *error = bad;
                return false;
            }
            s.written.insert(f, v);
            fields.insert(f, outboxValue(c->table, f, c->mine.value(f)));
        }
        s.op = QStringLiteral("update");
        s.baseRowVersion = c->serverRowVersion > 0 ? c->serverRowVersion : c->baseRowVersion;
        if (c->kind == ConflictKind::DeletedOnServer) {
            // Keeping mine brings the row back: the tombstone is lifted here and on the server.
            s.written.insert(QStringLiteral("deleted"), 0);
            fields.insert(QStringLiteral("deleted"), false);
        } else if (c->kind == ConflictKind::Refused) {
            // Queued again as what was refused: a new row (never on the server) goes as an
            // insert of the row as it stands, a delete as a delete. Without base "op", an
            // insert is known by its mine: the push records every column an insert pushed,
            // its uuid among them, which an update never carries.
            if (c->refusedInsert())
                s.op = QStringLiteral("insert");
            else if (c->op == QLatin1String("delete"))
                s.op = c->op;
            else if (c->mine.value(QStringLiteral("deleted")).toVariant().toBool())
                s.op = QStringLiteral("delete");
        }
        s.fields = s.op == QLatin1String("insert") ? QByteArray(kFieldsOfRow.data(), qsizetype(kFieldsOfRow.size()))
                                                   : QJsonDocument(fields).toJson(QJsonDocument::Compact);
        if (s.op == QLatin1String("insert"))
            s.baseRowVersion = 0;
    } else if (c->refusedInsert() && c->rowExists && !c->rowDeleted && c->table != QLatin1String("log_deletions")
               && columnsOf(m_db.connection(), c->table).contains(QStringLiteral("deleted"))) {
        // Discarding a new row the server refused: it leaves this file's lists (tombstoned,
        // so its history stays and undo restores it); nothing is queued, the server never had it.
        s.written.insert(QStringLiteral("deleted"), 1);
    }
    if (!apply(s, true, error))
        return false;
    *step = s;
    return true;
}

bool ConflictRepository::apply(ConflictStep &step, bool first, QString *error)
{
    QSqlDatabase db = m_db.connection();
    // Immediate: the row is read before it is written, and the sync pull writes the same
    // rows on its own connection (transaction.h says why).
    Transaction tx(db, Transaction::Begin::Immediate);
    if (!tx.isActive()) {
        *error = m_db.describeError(tx.error());
        return false;
    }
    auto sqlFail = [&](const QSqlQuery &q) {
        *error = m_db.describeError(q.lastError());
        return false;
    };
    QSqlQuery q(db);
    if (!step.written.isEmpty()) {
        const QStringList cols = step.written.keys();
        // Column names were checked against the table when the step was made.
        const bool known = !columnsOf(db, step.table).isEmpty();
        if (known) {
            q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(cols.join(QStringLiteral(", ")), step.table));
            q.addBindValue(step.rowId);
            if (!q.exec())
                return sqlFail(q);
        }
        if (!known || !q.next()) {
            *error = tr("The record is no longer in this file, so your values cannot be written back.");
            return false;
        }
        step.before.clear();
        for (int i = 0; i < cols.size(); ++i)
            step.before.insert(cols.at(i), q.value(i));
        QStringList sets;
        for (const QString &c : cols)
            sets << c + QStringLiteral(" = ?");
        q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(step.table, sets.join(QStringLiteral(", "))));
        for (const QString &c : cols)
            q.addBindValue(step.written.value(c));
        q.addBindValue(step.rowId);
        if (!q.exec())
            return sqlFail(q);
    }
    if (!step.op.isEmpty()) {
        OutboxWriter outbox(db);
        const bool queued = step.op == QLatin1String("insert")
                                ? outbox.appendInsertOfRow(step.table.toStdString(), step.rowId, error)
                                : outbox.appendJson(step.table, QString::number(step.rowId), step.op, step.fields,
                                                    step.baseRowVersion, error);
        if (!queued)
            return false;
        if (!q.exec(QStringLiteral("SELECT op_id FROM outbox WHERE seq = last_insert_rowid()")) || !q.next())
            return sqlFail(q);
        step.opId = q.value(0).toString();
    }
    q.prepare(QStringLiteral("UPDATE conflicts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL"));
    q.addBindValue(times::instantParam(step.resolvedAt));
    q.addBindValue(step.conflictId);
    if (!q.exec())
        return sqlFail(q);
    if (q.numRowsAffected() != 1) {
        *error = first ? tr("This conflict has been resolved already.")
                       : tr("This conflict has been resolved another way meanwhile; nothing was changed.");
        return false;
    }
    if (!tx.commit()) {
        *error = m_db.describeError(db.lastError());
        return false;
    }
    m_db.announceChanges();
    return true;
}

bool ConflictRepository::undo(const ConflictStep &step, QString *error)
{
    QSqlDatabase db = m_db.connection();
    // Immediate, as apply(): without an outbox entry to take back, the table's columns are
    // read before the row is written.
    Transaction tx(db, Transaction::Begin::Immediate);
    if (!tx.isActive()) {
        *error = m_db.describeError(tx.error());
        return false;
    }
    QSqlQuery q(db);
    if (!step.opId.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM outbox WHERE op_id = ?"));
        q.addBindValue(step.opId);
        if (!q.exec()) {
            *error = m_db.describeError(q.lastError());
            return false;
        }
        if (q.numRowsAffected() != 1) {
            *error = tr("Your values have reached the team server already, so this resolution can no longer be "
                        "undone. Edit the record to change it again.");
            return false;
        }
    }
    if (!step.before.isEmpty() && !columnsOf(db, step.table).isEmpty()) {
        QStringList sets;
        for (auto it = step.before.cbegin(); it != step.before.cend(); ++it)
            sets << it.key() + QStringLiteral(" = ?");
        q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(step.table, sets.join(QStringLiteral(", "))));
        for (auto it = step.before.cbegin(); it != step.before.cend(); ++it)
            q.addBindValue(it.value());
        q.addBindValue(step.rowId);
        if (!q.exec()) {
            *error = m_db.describeError(q.lastError());
            return false;
        }
    }
    q.prepare(QStringLiteral("UPDATE conflicts SET resolved_at = NULL WHERE id = ? AND resolved_at IS NOT NULL"));
    q.addBindValue(step.conflictId);
    if (!q.exec() || q.numRowsAffected() != 1) {
        *error = q.lastError().isValid() ? m_db.describeError(q.lastError())
                                         : tr("This conflict is no longer in the file.");
        return false;
    }
    if (!tx.commit()) {
        *error = m_db.describeError(db.lastError());
        return false;
    }
    m_db.announceChanges();
    return true;
}

bool ConflictRepository::redo(ConflictStep &step, QString *error)
{
    return apply(step, false, error);
}

QString ConflictRepository::referenceName(const QString &table, qint64 key, bool english) const
{
    QSqlDatabase db = m_db.connection();
    const QString label = labelExpression(table, columnsOf(db, table), english);
    if (label.isEmpty())
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(label, table));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QString ConflictRepository::referencedTable(const QString &table, const QString &column) const
{
    if (!syncedTables().contains(table))
        return {};
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(table)))
        while (q.next())
            if (q.value(3).toString() == column)
                return q.value(2).toString();
    return {};
}

int ConflictRepository::timeKind(const QString &table, const QString &column)
{
    for (const TimeColumn &c : timeColumns())
        if (table == QLatin1String(c.table) && column == QLatin1String(c.column))
            return c.day ? 2 : 1;
    return 0;
}

QString ConflictRepository::currency() const
{
    return m_db.setting(QStringLiteral("currency"));
}

} // namespace cockpit::storage
