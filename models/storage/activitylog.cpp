#include "storage/activitylog.h"

#include "domain/pipelinevalidation.h"
#include "domain/times.h"

#include "storage/database.h"
#include "storage/filecheck.h"
#include "storage/schema.h"
#include "storage/sqlitestatement.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>

namespace cockpit::storage {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cockpit::storage::ActivityLog", text);
}

bool noHandle(QString *error)
{
    if (error)
        *error = tr("The database is not open.");
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

VerifyResult verifyLog(QSqlDatabase db, const LogProgress &progress, const std::atomic_bool *cancel)
{
    sqlite3 *h = storage::sqliteHandle(db);
    if (!h)
        return failedVerify(tr("The database is not open."));
    return logchain::verify(h, progress, cancel);
}

VerifyResult verifyLogFile(const QString &path, const LogProgress &progress, const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    if (const QString problem = Database::readProblem(path); !problem.isEmpty())
        return failedVerify(problem);
    QString why;
    sqlite3 *h = sql::openReadOnly(path, &why);
    if (!h)
        return failedVerify(tr("\"%1\" could not be opened: %2").arg(shown, why));
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
        r = failedVerify(tr("\"%1\" is not a Sales Cockpit database.").arg(shown));
    else if (version < 2)
        r = failedVerify(tr("\"%1\" has schema version %2, which has no activity log yet. Open it in "
                            "Sales Cockpit once to upgrade it.").arg(shown).arg(version));
    else
        r = logchain::verify(h, progress, cancel);
    sqlite3_close(h);
    r.elapsedMs = timer.elapsed();
    return r;
}

QList<LogEntry> recentLogEntries(QSqlDatabase db, int limit)
{
    QList<LogEntry> out;
    if (limit <= 0)
        return out;
    QSqlQuery a(db);
    a.setForwardOnly(true);
    a.prepare(QStringLiteral(
        "SELECT a.log_seq, a.id, a.at, u.name, l.title, a.kind, a.direction, a.text FROM activities a"
        " LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN leads l ON l.id = a.lead_id"
        " WHERE a.log_seq IS NOT NULL ORDER BY a.log_seq DESC LIMIT ?"));
    a.addBindValue(limit);
    QSqlQuery s(db);
    s.setForwardOnly(true);
    s.prepare(QStringLiteral(
        "SELECT h.log_seq, h.id, h.at, u.name, l.title, f.name, t.name, h.reason FROM stage_history h"
        " LEFT JOIN users u ON u.id = h.by_user_id LEFT JOIN leads l ON l.id = h.lead_id"
        " LEFT JOIN pipeline_stages f ON f.id = h.from_stage_id"
        " LEFT JOIN pipeline_stages t ON t.id = h.to_stage_id"
        " WHERE h.log_seq IS NOT NULL ORDER BY h.log_seq DESC LIMIT ?"));
    s.addBindValue(limit);
    if (!a.exec() || !s.exec())
        return out;
    bool hasA = a.next(), hasS = s.next();
    while ((hasA || hasS) && out.size() < limit) {
        const bool takeA = hasA && (!hasS || a.value(0).toLongLong() > s.value(0).toLongLong());
        QSqlQuery &q = takeA ? a : s;
        LogEntry e;
        e.seq = q.value(0).toLongLong();
        e.kind = takeA ? LogRecordKind::Activity : LogRecordKind::StageMove;
        e.id = q.value(1).toString();
        e.at = times::instantIso(q.value(2));
        e.actor = q.value(3).toString();
        e.lead = q.value(4).toString();
        if (takeA) {
            e.what = activityKindLabel(q.value(5).toString());
            if (!q.value(6).toString().isEmpty())
                e.what += QStringLiteral(" · ") + activityDirectionLabel(q.value(6).toString());
        } else {
            e.what = q.value(5).toString() + QStringLiteral(" → ") + q.value(6).toString();
        }
        e.text = q.value(7).toString();
        out << e;
        (takeA ? hasA : hasS) = q.next();
    }
    return out;
}

QList<LogEntry> recentLogEntries(Database &db, int limit)
{
    return recentLogEntries(db.connection(), limit);
}

} // namespace cockpit::storage
