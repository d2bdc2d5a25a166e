#include "storage/activitylog.h"

#include "domain/ids.h"
#include "domain/pipelinevalidation.h"
#include "domain/times.h"

#include "storage/database.h"
#include "storage/exitactions.h"
#include "storage/filecheck.h"
#include "storage/outbox.h"
#include "storage/schema.h"
#include "storage/sqlitestatement.h"
#include "storage/transaction.h"
#include "storage/uuidcolumn.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>

namespace cockpit::storage {

namespace {

bool noHandle(QString *error)
{
    if (error)
        *error = ActivityLog::tr("The database is not open.");
    return false;
}

VerifyResult failedVerify(const QString &message)
{
    VerifyResult r;
    r.problem = VerifyResult::Problem::Error;
    r.message = message;
    return r;
}

} // namespace

bool appendToLog(QSqlDatabase db, LogRecordKind kind, const QString &id, QString *error)
{
    sqlite3 *h = storage::sqliteHandle(db);
    return h ? logchain::append(h, kind, id, error) : noHandle(error);
}

bool buildLogChain(QSqlDatabase db, QString *error)
{
    sqlite3 *h = storage::sqliteHandle(db);
    return h ? logchain::buildChain(h, error) >= 0 : noHandle(error);
}

LoggedDeletion setLoggedDeleted(Database &database, LogRecordKind kind, const QString &key, bool deleted,
                                const QString &byUserId, const QString &reason)
{
    LoggedDeletion result;
    QSqlDatabase db = database.connection();
    auto failed = [&](const QString &message) {
        result.error = message;
        return result;
    };
    const char *code = tombstoneKindCode(kind);
    if (!code)
        return failed(ActivityLog::tr("A deletion record cannot itself be deleted or restored: the log keeps "
                                      "every record."));
    const QString table = kind == LogRecordKind::Activity ? QStringLiteral("activities") : QStringLiteral("stage_history");
    Transaction tx(db);
    if (!tx.isActive())
        return failed(database.describeError(db.lastError()));
    QString leadId;
    qint64 rowVersion = 0;
    {
        QSqlQuery row(db);
        row.prepare(QStringLiteral("SELECT uuid, log_seq, deleted, row_version, lead_id FROM %1 WHERE id = ?").arg(table));
        row.addBindValue(key);
        if (!row.exec())
            return failed(database.describeError(row.lastError()));
        if (!row.next())
            return failed(ActivityLog::tr("There is no %1 with the key %2.").arg(logRecordKindName(kind), key));
        const QString named = ActivityLog::tr("%1 %2").arg(logRecordKindName(kind), uuidText(row.value(0).toByteArray()));
        // Only a chained record's flag is vouched for by the log; an unchained one is already
        // tampering that verify-log names.
        if (row.value(1).isNull())
            return failed(ActivityLog::tr("%1 is not in the log (it was written outside the app), so its "
                                          "deletion cannot be logged.")
                              .arg(named));
        if (row.value(2).toLongLong() != 0 && deleted)
            return failed(ActivityLog::tr("%1 is already deleted.").arg(named));
        if (row.value(2).toLongLong() == 0 && !deleted)
            return failed(ActivityLog::tr("%1 is not deleted: there is nothing to restore.").arg(named));
        rowVersion = row.value(3).toLongLong();
        leadId = row.value(4).isNull() ? QString() : row.value(4).toString();
    }

    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const QVariant nowAt = times::instantParam(nowSecs);
    QSqlQuery up(db);
    up.prepare(QStringLiteral("UPDATE %1 SET deleted = ?, updated_at = ? WHERE id = ?").arg(table));
    up.addBindValue(deleted ? 1 : 0);
    up.addBindValue(nowAt);
    up.addBindValue(key);
    if (!up.exec())
        return failed(database.describeError(up.lastError()));
    const QString tombstoneUuid = newId();
    QSqlQuery ins(db);
    ins.prepare(QStringLiteral("INSERT INTO log_deletions (uuid, record_kind, record_id, deleted, at, by_user_id, reason)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(uuidColumnValue(tombstoneUuid)), QVariant(QString::fromLatin1(code)),
                              QVariant(key.toLongLong()), QVariant(deleted ? 1 : 0), nowAt,
                              byUserId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(byUserId),
                              QVariant(reason.isNull() ? QStringLiteral("") : reason)})
        ins.addBindValue(v);
    if (!ins.exec())
        return failed(database.describeError(ins.lastError()));
    const QString tombstoneKey = ins.lastInsertId().toString();
    QString error;
    if (!appendToLog(db, LogRecordKind::Deletion, tombstoneKey, &error))
        return failed(error);
    // A deleted activity no longer counts among its lead's stage-exit actions (exitactions.h).
    if (kind == LogRecordKind::Activity && !leadId.isEmpty()
        && refreshExitActions(sqliteHandle(db), {leadId}, &error) < 0)
        return failed(error);
    const QJsonObject fields{{QStringLiteral("deleted"), deleted},
                             {QStringLiteral("updated_at"), times::isoFromSecs(nowSecs)}};
    if (!appendOutbox(db, table, key, deleted ? QStringLiteral("delete") : QStringLiteral("update"), fields,
                      rowVersion, &error))
        return failed(error);
    QSqlQuery seq(db);
    seq.prepare(QStringLiteral("SELECT log_seq FROM log_deletions WHERE id = ?"));
    seq.addBindValue(tombstoneKey);
    if (!seq.exec() || !seq.next())
        return failed(database.describeError(seq.lastError()));
    const qint64 tombstoneSeq = seq.value(0).toLongLong();
    seq.finish();
    if (!tx.commit())
        return failed(database.describeError(db.lastError()));
    database.announceChanges();
    result.ok = true;
    result.seq = tombstoneSeq;
    result.tombstoneId = tombstoneUuid;
    return result;
}

VerifyResult verifyLog(QSqlDatabase db, const LogProgress &progress, const std::atomic_bool *cancel)
{
    sqlite3 *h = storage::sqliteHandle(db);
    if (!h)
        return failedVerify(ActivityLog::tr("The database is not open."));
    return logchain::verify(h, progress, cancel);
}

VerifyResult verifyLogFile(const QString &path, const LogProgress &progress, const std::atomic_bool *cancel,
                           qint64 anchorSeq)
{
    QElapsedTimer timer;
    timer.start();
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    if (const QString problem = Database::readProblem(path); !problem.isEmpty())
        return failedVerify(problem);
    QString why;
    sqlite3 *h = sql::openReadOnly(path, &why);
    if (!h)
        return failedVerify(ActivityLog::tr("\"%1\" could not be opened: %2").arg(shown, why));
    // A large page cache and memory-mapped reads: the scan touches every log page once.
    sqlite3_exec(h, "PRAGMA cache_size = -65536", nullptr, nullptr, nullptr);
    sqlite3_exec(h, "PRAGMA mmap_size = 4294967296", nullptr, nullptr, nullptr);
    int appId = 0, version = 0;
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(h, "PRAGMA application_id", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        appId = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    st = nullptr;
    if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    VerifyResult r;
    if (appId != kApplicationId)
        r = failedVerify(ActivityLog::tr("\"%1\" is not a Sales Cockpit database.").arg(shown));
    else if (version < 2)
        r = failedVerify(ActivityLog::tr("\"%1\" has schema version %2, which has no activity log yet. Open it in "
                                         "Sales Cockpit once to upgrade it.").arg(shown).arg(version));
    else
        r = logchain::verify(h, progress, cancel, anchorSeq);
    sqlite3_close(h);
    r.elapsedMs = timer.elapsed();
    return r;
}

QList<LogEntry> recentLogEntries(QSqlDatabase db, int limit)
{
    QList<LogEntry> out;
    if (limit <= 0)
        return out;
    // The newest `limit` of each chained table, merged by log_seq.
    QSqlQuery a(db), s(db), d(db);
    for (QSqlQuery *q : {&a, &s, &d})
        q->setForwardOnly(true);
    a.prepare(QStringLiteral(
        "SELECT a.log_seq, a.id, a.at, u.name, l.title, a.kind, a.direction, a.text FROM activities a"
        " LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN leads l ON l.id = a.lead_id"
        " WHERE a.log_seq IS NOT NULL ORDER BY a.log_seq DESC LIMIT ?"));
    s.prepare(QStringLiteral(
        "SELECT h.log_seq, h.id, h.at, u.name, l.title, f.name, t.name, h.reason FROM stage_history h"
        " LEFT JOIN users u ON u.id = h.by_user_id LEFT JOIN leads l ON l.id = h.lead_id"
        " LEFT JOIN pipeline_stages f ON f.id = h.from_stage_id"
        " LEFT JOIN pipeline_stages t ON t.id = h.to_stage_id"
        " WHERE h.log_seq IS NOT NULL ORDER BY h.log_seq DESC LIMIT ?"));
    // A tombstone shows the record it names by that record's index, and its lead.
    d.prepare(QStringLiteral(
        "SELECT d.log_seq, d.id, d.at, u.name, l.title, d.record_kind, d.deleted, d.reason,"
        " COALESCE(da.log_seq, dh.log_seq) FROM log_deletions d"
        " LEFT JOIN users u ON u.id = d.by_user_id"
        " LEFT JOIN activities da ON d.record_kind = 'activity' AND da.id = d.record_id"
        " LEFT JOIN stage_history dh ON d.record_kind = 'stage_move' AND dh.id = d.record_id"
        " LEFT JOIN leads l ON l.id = COALESCE(da.lead_id, dh.lead_id)"
        " WHERE d.log_seq IS NOT NULL ORDER BY d.log_seq DESC LIMIT ?"));
    QSqlQuery *queries[] = {&a, &s, &d};
    const LogRecordKind kinds[] = {LogRecordKind::Activity, LogRecordKind::StageMove, LogRecordKind::Deletion};
    bool has[3] = {};
    for (int i = 0; i < 3; ++i) {
        queries[i]->addBindValue(limit);
        // A file without log_deletions (an early schema v6 one) is a log without deletions.
        if (!queries[i]->exec() && i < 2)
            return out;
        has[i] = queries[i]->isActive() && queries[i]->next();
    }
    while (out.size() < limit) {
        int next = -1;
        for (int i = 0; i < 3; ++i)
            if (has[i] && (next < 0 || queries[i]->value(0).toLongLong() > queries[next]->value(0).toLongLong()))
                next = i;
        if (next < 0)
            break;
        QSqlQuery &q = *queries[next];
        LogEntry e;
        e.seq = q.value(0).toLongLong();
        e.kind = kinds[next];
        e.id = q.value(1).toString();
        e.at = times::instantIso(q.value(2));
        e.actor = q.value(3).toString();
        e.lead = q.value(4).toString();
        switch (e.kind) {
        case LogRecordKind::Activity:
            e.what = activityKindLabel(q.value(5).toString());
            if (!q.value(6).toString().isEmpty())
                e.what += QStringLiteral(" · ") + activityDirectionLabel(q.value(6).toString());
            break;
        case LogRecordKind::StageMove:
            e.what = q.value(5).toString() + QStringLiteral(" → ") + q.value(6).toString();
            break;
        case LogRecordKind::Deletion: {
            LogRecordKind named = LogRecordKind::Activity;
            const QString kind = tombstoneKindOf(q.value(5).toString(), &named) ? logRecordKindName(named)
                                                                                : q.value(5).toString();
            const QString index = q.value(8).isNull() ? QStringLiteral("?") : q.value(8).toString();
            e.what = (q.value(6).toLongLong() != 0 ? ActivityLog::tr("Deleted %1 #%2")
                                                   : ActivityLog::tr("Restored %1 #%2"))
                         .arg(kind, index);
            break;
        }
        }
        e.text = q.value(7).toString();
        out << e;
        has[next] = q.next();
    }
    return out;
}

QList<LogEntry> recentLogEntries(Database &db, int limit)
{
    return recentLogEntries(db.connection(), limit);
}

} // namespace cockpit::storage
