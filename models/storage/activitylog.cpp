#include "storage/activitylog.h"

#include <atomic>

#include "domain/ids.h"
#include "domain/pipelinevalidation.h"
#include "domain/times.h"

#include "storage/database.h"
#include "storage/exitactions.h"
#include "storage/filecheck.h"
#include "storage/leadrepository.h"
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
    // Reads the record before it writes its flag, beside connections that write.
    Transaction tx(db, Transaction::Begin::Immediate);
    if (!tx.isActive())
        return failed(database.describeError(tx.error()));
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
    if (limit <= 0)
        return {};
    LogQuery q;
    q.limit = limit;
    return queryLog(db, q).entries;
}

namespace {
// LIKE with the user's text taken literally ('%' and '_' escaped with '\').
QString likePattern(const QString &text)
{
    QString t = text.trimmed();
    t.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    t.replace(QLatin1Char('%'), QLatin1String("\\%"));
    t.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + t + QLatin1Char('%');
}

// The WHERE conditions of one chained table for `query`, with their binds. `at`, `actor`,
// `text` and `lead` name that table's columns; `user` and `leadRow` the joined aliases.
QString logConditions(const LogQuery &query, const QString &alias, const QString &actor, const QString &text,
                      const QString &leadTitle, const QString &customerName, QVariantList &binds)
{
    QString where = QStringLiteral(" WHERE %1.log_seq IS NOT NULL").arg(alias);
    if (query.beforeSeq >= 0) {
        where += QStringLiteral(" AND %1.log_seq < ?").arg(alias);
        binds << query.beforeSeq;
    }
    if (!query.actorId.isEmpty()) {
        where += QStringLiteral(" AND %1 = ?").arg(actor);
        binds << query.actorId;
    }
    if (query.fromSecs >= 0) {
        where += QStringLiteral(" AND %1.at >= ?").arg(alias);
        binds << times::instantParam(query.fromSecs);
    }
    if (query.untilSecs >= 0) {
        where += QStringLiteral(" AND %1.at < ?").arg(alias);
        binds << times::instantParam(query.untilSecs);
    }
    if (!query.lead.trimmed().isEmpty()) {
        where += QStringLiteral(" AND (%1 LIKE ? ESCAPE '\\' OR %2 LIKE ? ESCAPE '\\')").arg(leadTitle, customerName);
        binds << likePattern(query.lead) << likePattern(query.lead);
    }
    if (!query.search.trimmed().isEmpty()) {
        where += QStringLiteral(" AND (%1 LIKE ? ESCAPE '\\' OR %2 LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\')")
                     .arg(text, leadTitle);
        binds << likePattern(query.search) << likePattern(query.search) << likePattern(query.search);
    }
    return where;
}
} // namespace

LogPage queryLogFile(const QString &path, const LogQuery &query)
{
    static std::atomic_int serial{0};
    const QString name = QStringLiteral("cockpit-log-query-%1").arg(serial++);
    LogPage page;
    {
        QString error;
        QSqlDatabase db = openConnection(path, name, Access::ReadOnly, &error);
        if (!error.isEmpty() || !db.isOpen()) {
            page.ok = false;
            page.error = error.isEmpty() ? ActivityLog::tr("The log could not be read.") : error;
        } else {
            page = queryLog(db, query);
        }
    }
    closeConnection(name);
    return page;
}

LogPage queryLog(QSqlDatabase db, const LogQuery &query)
{
    LogPage page;
    const int limit = std::max(query.limit, 0);
    // Each chained table's newest matching records, merged by log_seq.
    QSqlQuery a(db), s(db), d(db);
    for (QSqlQuery *q : {&a, &s, &d})
        q->setForwardOnly(true);
    QVariantList ab, sb, db_;
    const QString aFrom = QStringLiteral(
        " FROM activities a LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN leads l ON l.id = a.lead_id"
        " LEFT JOIN customers c ON c.id = COALESCE(l.customer_id, a.customer_id)")
        + logConditions(query, QStringLiteral("a"), QStringLiteral("a.actor_id"), QStringLiteral("a.text"),
                        QStringLiteral("l.title"), QStringLiteral("c.name"), ab);
    const QString sFrom = QStringLiteral(
        " FROM stage_history h LEFT JOIN users u ON u.id = h.by_user_id LEFT JOIN leads l ON l.id = h.lead_id"
        " LEFT JOIN customers c ON c.id = l.customer_id"
        " LEFT JOIN pipeline_stages f ON f.id = h.from_stage_id"
        " LEFT JOIN pipeline_stages t ON t.id = h.to_stage_id")
        + logConditions(query, QStringLiteral("h"), QStringLiteral("h.by_user_id"), QStringLiteral("h.reason"),
                        QStringLiteral("l.title"), QStringLiteral("c.name"), sb);
    // A tombstone shows the record it names by that record's index, and its lead.
    const QString dFrom = QStringLiteral(
        " FROM log_deletions d"
        " LEFT JOIN users u ON u.id = d.by_user_id"
        " LEFT JOIN activities da ON d.record_kind = 'activity' AND da.id = d.record_id"
        " LEFT JOIN stage_history dh ON d.record_kind = 'stage_move' AND dh.id = d.record_id"
        " LEFT JOIN leads l ON l.id = COALESCE(da.lead_id, dh.lead_id)"
        " LEFT JOIN customers c ON c.id = l.customer_id")
        + logConditions(query, QStringLiteral("d"), QStringLiteral("d.by_user_id"), QStringLiteral("d.reason"),
                        QStringLiteral("l.title"), QStringLiteral("c.name"), db_);
    a.prepare(QStringLiteral("SELECT a.log_seq, a.id, a.at, u.name, l.title, a.kind, a.direction, a.text") + aFrom
              + QStringLiteral(" ORDER BY a.log_seq DESC LIMIT ?"));
    const QString stageName = query.englishStageNames ? QStringLiteral("COALESCE(NULLIF(%1.name_en, ''), %1.name)")
                                                      : QStringLiteral("%1.name");
    s.prepare(QStringLiteral("SELECT h.log_seq, h.id, h.at, u.name, l.title, %1, %2, h.reason")
                  .arg(stageName.arg(QLatin1Char('f')), stageName.arg(QLatin1Char('t'))) + sFrom
              + QStringLiteral(" ORDER BY h.log_seq DESC LIMIT ?"));
    d.prepare(QStringLiteral("SELECT d.log_seq, d.id, d.at, u.name, l.title, d.record_kind, d.deleted, d.reason,"
                             " COALESCE(da.log_seq, dh.log_seq)") + dFrom
              + QStringLiteral(" ORDER BY d.log_seq DESC LIMIT ?"));
    QSqlQuery *queries[] = {&a, &s, &d};
    const QVariantList *binds[] = {&ab, &sb, &db_};
    const QString froms[] = {aFrom, sFrom, dFrom};
    const LogRecordKind kinds[] = {LogRecordKind::Activity, LogRecordKind::StageMove, LogRecordKind::Deletion};
    bool has[3] = {};
    for (int i = 0; i < 3; ++i) {
        if (query.kind >= 0 && query.kind != int(kinds[i]))
            continue;
        for (const QVariant &v : *binds[i])
            queries[i]->addBindValue(v);
        queries[i]->addBindValue(limit);
        // A file without log_deletions (an early schema v6 one) is a log without deletions.
        if (!queries[i]->exec()) {
            if (i < 2) {
                page.ok = false;
                page.error = queries[i]->lastError().text();
                return page;
            }
            continue;
        }
        has[i] = queries[i]->next();
        if (query.filtered() || query.beforeSeq >= 0) { // else the head's index says how many
            QSqlQuery count(db);
            count.prepare(QStringLiteral("SELECT count(*)") + froms[i]);
            for (const QVariant &v : *binds[i])
                count.addBindValue(v);
            if (count.exec() && count.next())
                page.matching += count.value(0).toLongLong();
        }
    }
    if (!query.filtered() && query.beforeSeq < 0) {
        QSqlQuery head(db);
        if (head.exec(QStringLiteral("SELECT value FROM settings WHERE key = '%1'").arg(QLatin1String(kLogHeadSeqKey)))
            && head.next())
            page.matching = head.value(0).toLongLong() + 1;
    }
    QList<LogEntry> &out = page.entries;
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
        e.text = q.value(7).toString();
        switch (e.kind) {
        case LogRecordKind::Activity:
            e.what = activityKindLabel(q.value(5).toString());
            if (!q.value(6).toString().isEmpty())
                e.what += QStringLiteral(" · ") + activityDirectionLabel(q.value(6).toString());
            break;
        case LogRecordKind::StageMove:
            e.what = q.value(5).toString() + QStringLiteral(" → ") + q.value(6).toString();
            e.text = stageMoveReasonText(e.text); // "Undo" in the reader's language
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
        out << e;
        has[next] = q.next();
    }
    return page;
}

QList<QPair<QString, QString>> logActors(QSqlDatabase db)
{
    QList<QPair<QString, QString>> out;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT id, name FROM users WHERE id IN (SELECT actor_id FROM activities WHERE actor_id IS NOT NULL"
            " UNION SELECT by_user_id FROM stage_history WHERE by_user_id IS NOT NULL) ORDER BY name")))
        return out;
    while (q.next())
        out << qMakePair(q.value(0).toString(), q.value(1).toString());
    return out;
}

LogPage queryLog(Database &db, const LogQuery &query)
{
    return queryLog(db.connection(), query);
}

QList<QPair<QString, QString>> logActors(Database &db)
{
    return logActors(db.connection());
}

QList<LogEntry> recentLogEntries(Database &db, int limit)
{
    return recentLogEntries(db.connection(), limit);
}

} // namespace cockpit::storage
