// An import as a whole after it was written (importwriter.h): the company it starts from
// (initCompany), and undo and redo of a run from its recorded changes.
#include "imports/importwriter.h"

#include "imports/importcolumns.h"
#include "domain/ids.h"
#include "domain/times.h"
#include "pinyin/pinyin.h"
#include "storage/database.h"
#include "storage/exitactions.h"
#include "storage/logchain.h"
#include "storage/outbox.h"
#include "storage/schema.h"
#include "storage/sqlitestatement.h"
#include "storage/transaction.h"
#include "storage/uuidcolumn.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QVarLengthArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <map>

namespace cockpit::imports {

bool ImportWriter::initCompany(QSqlDatabase db, const QString &currency, const QString &userName, QString *error)
{
    storage::Transaction tx(db);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO users (uuid, name, role, hire_date, updated_at) VALUES (?, ?, 'director', ?, ?)"));
    q.addBindValue(storage::uuidColumnValue(newId()));
    q.addBindValue(userName);
    q.addBindValue(times::dayOf(now));
    q.addBindValue(now);
    if (!tx.isActive() || !q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    const QString key = q.lastInsertId().toString();
    storage::OutboxFields f;
    f.add("name", userName).add("role", QStringLiteral("director")).add("hire_date", times::dayOf(now)).add("updated_at", now);
    QSqlQuery s(db);
    s.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
    for (const auto &kv : {std::pair{QStringLiteral("current_user_id"), key}, std::pair{QStringLiteral("currency"), currency}}) {
        s.addBindValue(kv.first);
        s.addBindValue(kv.second);
        if (!s.exec()) {
            *error = s.lastError().text();
            return false;
        }
    }
    storage::OutboxWriter outbox(db);
    if (!outbox.append(QStringLiteral("users"), key, QStringLiteral("insert"), f, 0, error))
        return false;
    if (!tx.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

qint64 ImportWriter::lastRun(QSqlDatabase db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT max(id) FROM import_runs WHERE undone_at IS NULL")) && q.next() ? q.value(0).toLongLong() : 0;
}

bool ImportWriter::undo(QSqlDatabase db, qint64 runId, qint64 actorKey, QString *error, qint64 *rowsUndone,
                        const Progress &progress)
{
    return apply(db, runId, actorKey, true, error, rowsUndone, progress);
}

bool ImportWriter::redo(QSqlDatabase db, qint64 runId, qint64 actorKey, QString *error, qint64 *rowsRedone,
                        const Progress &progress)
{
    return apply(db, runId, actorKey, false, error, rowsRedone, progress);
}

bool ImportWriter::apply(QSqlDatabase db, qint64 runId, qint64 actorKey, bool undo, QString *error, qint64 *rows,
                         const Progress &progress)
{
    sqlite3 *h = storage::sqliteHandle(db);
    // Reads the run and its changes, then writes: on a worker's connection beside the app's.
    storage::Transaction tx(db, storage::Transaction::Begin::Immediate);
    if (!tx.isActive()) {
        *error = tx.errorText();
        return false;
    }
    {
        sql::Statement run(h, "SELECT undone_at FROM import_runs WHERE id = ?");
        run.bind(1, runId);
        if (!run.next()) {
            *error = tr("there is no import %1").arg(runId);
            return false;
        }
        if (undo && !run.isNull(0)) {
            *error = tr("import %1 was undone already").arg(runId);
            return false;
        }
        if (!undo && run.isNull(0)) {
            *error = tr("import %1 stands; there is nothing to redo").arg(runId);
            return false;
        }
    }
    // The rows to go through (a range of created keys counts each), for the progress.
    qint64 total = 0;
    if (progress) {
        sql::Statement count(h, "SELECT coalesce(sum(coalesce(last_row_id, row_id) - row_id + 1), 0) FROM import_changes "
                                "WHERE run_id = ?");
        count.bind(1, runId);
        if (count.next())
            total = count.int64(0);
    }
    qint64 done = 0, reported = 0;
    // false: cancelled (the transaction is rolled back as `tx` goes).
    auto report = [&](bool last) {
        if (!progress || (!last && (done - reported < 500 || done >= total))) // the last row: the last report
            return true;
        reported = done;
        if (progress(last ? total : std::min(done, total), total))
            return true;
        *error = tr("cancelled: nothing was changed");
        return false;
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    storage::OutboxWriter outbox(db);
    qint64 n = 0, tombstones = 0;
    QStringList leads; // of the activities undone or redone
    // Undo walks the changes backwards, redo forwards.
    sql::Statement changes(h, undo ? "SELECT table_name, row_id, op, before, after, last_row_id FROM import_changes WHERE run_id = ? ORDER BY id DESC"
                                   : "SELECT table_name, row_id, op, before, after, last_row_id FROM import_changes WHERE run_id = ? ORDER BY id");
    changes.bind(1, runId);
    // An imported stage move or activity is a record of the activity log: its deletion (or
    // restore) is a tombstone of the log, chained like every record (logchain.h).
    sql::Statement tomb(h, "INSERT INTO log_deletions (uuid, record_kind, record_id, deleted, at, by_user_id, reason) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)");
    while (changes.next()) {
      const QByteArray table(changes.raw(0).constData(), changes.raw(0).size());
      const bool inserted = changes.text(2) == QLatin1String("insert");
      const qint64 firstKey = changes.int64(1), lastKey = changes.isNull(5) ? firstKey : changes.int64(5);
      const QByteArray beforeJson(changes.raw(3).constData(), changes.raw(3).size()),
          afterJson(changes.raw(4).constData(), changes.raw(4).size());
      for (qint64 key = firstKey; key <= lastKey; ++key) {
        ++done;
        if (!report(false))
            return false;
        storage::OutboxFields f;
        QByteArray sql;
        QVariantList values;
        QList<QByteArray> columns;
        if (inserted) {
            sql = "UPDATE " + table + " SET deleted = ?, updated_at = ? WHERE id = ?";
            values << (undo ? 1 : 0) << now << key;
            f.add("deleted", undo ? 1 : 0).add("updated_at", now);
            if (table == "activities") {
                sql::Statement lead(h, "SELECT lead_id FROM activities WHERE id = ? AND lead_id IS NOT NULL");
                lead.bind(1, key);
                if (lead.next())
                    leads << QString::number(lead.int64(0));
            }
            if (table == "stage_history" || table == "activities") {
                const QByteArray uuid = storage::uuidColumnValue(newId());
                sqlite3_bind_blob(tomb.handle(), 1, uuid.constData(), int(uuid.size()), SQLITE_TRANSIENT);
                tomb.bind(2, std::string_view(table == "activities" ? "activity" : "stage_move"));
                tomb.bind(3, key);
                tomb.bind(4, undo ? 1 : 0);
                tomb.bind(5, now);
                actorKey > 0 ? tomb.bind(6, actorKey) : tomb.bindNull(6);
                tomb.bind(7, undo ? QStringLiteral("import undone") : QStringLiteral("import redone"));
                if (!tomb.run()) {
                    *error = tomb.error();
                    return false;
                }
                ++tombstones;
            }
        } else {
            const QJsonObject values0 = QJsonDocument::fromJson(undo ? beforeJson : afterJson).object();
            QByteArray set;
            for (auto it = values0.begin(); it != values0.end(); ++it) {
                columns.append(it.key().toUtf8()); // OutboxFields keeps the key's pointer
                const char *column = columns.last().constData();
                set += (set.isEmpty() ? "" : ", ") + columns.last() + " = ?";
                values << (it.value().isNull() ? QVariant() : QVariant(it.value().toString()));
                if (it.value().isNull())
                    f.addNull(column);
                else
                    f.add(column, it.value().toString());
            }
            if (set.isEmpty())
                continue;
            sql = "UPDATE " + table + " SET " + set + ", updated_at = ? WHERE id = ?";
            values << now << key;
            f.add("updated_at", now);
        }
        sql::Statement st(h, std::string_view(sql.constData(), sql.size()));
        int i = 1;
        for (const QVariant &v : values)
            st.bind(i++, v);
        if (!st.run()) {
            *error = st.error();
            return false;
        }
        if (!outbox.append(QString::fromUtf8(table), QString::number(key), QStringLiteral("update"), f, 0, error))
            return false;
        ++n;
      }
    }
    if (changes.hasError()) {
        *error = changes.error();
        return false;
    }
    if (tombstones > 0 && storage::logchain::buildChain(h, error) < 0)
        return false;
    // Activities gone or back change what their leads' stage exits count (exitactions.h).
    leads.removeDuplicates();
    if (!leads.isEmpty() && storage::refreshExitActions(h, leads, error) < 0)
        return false;
    // The import's keys stay: a key whose row is deleted is not found (importplan.cpp), and
    // redo brings the rows back under them.
    sql::Statement mark(h, "UPDATE import_runs SET undone_at = ? WHERE id = ?");
    undo ? mark.bind(1, now) : mark.bindNull(1);
    mark.bind(2, runId);
    if (!mark.run()) {
        *error = mark.error();
        return false;
    }
    if (!report(true))
        return false;
    if (!tx.commit()) {
        *error = db.lastError().text();
        return false;
    }
    if (rows)
        *rows = n;
    return true;
}

} // namespace cockpit::imports
