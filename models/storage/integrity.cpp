// The integrity side of a database file: the quick check another thread can stop, the
// read-only `check` command, and what makes a file unreadable before SQLite opens it.
#include "storage/database.h"

#include "storage/databaseinternal.h"
#include "storage/exitactions.h"
#include "storage/filecheck.h"
#include "storage/schema.h"
#include "storage/sqlitestatement.h"

#include <QSqlDatabase>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace cockpit::storage {

using detail::pragma;

QString IntegrityProbe::run(const QString &path)
{
    QString result;
    sqlite3 *db = sql::openReadOnly(path, &result);
    if (!db)
        return result;
    {
        const std::lock_guard lock(m_mutex);
        if (m_cancelled) {
            sqlite3_close(db);
            return QStringLiteral("interrupted");
        }
        m_db = db;
    }
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check(5)", -1, &st, nullptr) != SQLITE_OK) {
        result = QString::fromUtf8(sqlite3_errmsg(db));
    } else {
        QStringList lines;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            lines << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        if (rc == SQLITE_INTERRUPT)
            lines = QStringList{QStringLiteral("interrupted")};
        else if (rc != SQLITE_DONE)
            lines << QString::fromUtf8(sqlite3_errmsg(db));
        result = lines.join(QLatin1Char('\n'));
    }
    sqlite3_finalize(st);
    {
        const std::lock_guard lock(m_mutex);
        m_db = nullptr;
    }
    sqlite3_close(db);
    return result;
}

void IntegrityProbe::cancel()
{
    const std::lock_guard lock(m_mutex);
    m_cancelled = true;
    if (m_db)
        sqlite3_interrupt(m_db);
}

QString Database::quickCheck(const QString &path)
{
    IntegrityProbe probe;
    return probe.run(path);
}

int Database::peekSchemaVersion(const QString &path)
{
    if (checkFile(path, false).problem != FileProblem::None)
        return -1;
    QString error;
    sql::Handle db(sql::openReadOnly(path, &error));
    if (!db.db)
        return -1;
    sql::Statement app(db, std::string_view("PRAGMA application_id"));
    if (!app.next() || app.int64(0) != kApplicationId)
        return -1;
    sql::Statement version(db, std::string_view("PRAGMA user_version"));
    return version.next() ? int(version.int64(0)) : -1;
}

QString Database::readProblem(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    const FileCheck fc = checkFile(path, false);
    switch (fc.problem) {
    case FileProblem::None:
    case FileProblem::ReadOnly:
    case FileProblem::ReadOnlyFolder:
    case FileProblem::ReadOnlyVolume:
    case FileProblem::DiskFull:
        return {}; // a reader does not mind
    case FileProblem::Missing:
        return tr("\"%1\" does not exist.").arg(shown);
    case FileProblem::IsDirectory:
        return tr("\"%1\" is a folder, not a database file.").arg(shown);
    case FileProblem::NotRegular:
        return tr("\"%1\" is not a regular file (it is a pipe, socket or device).").arg(shown);
    case FileProblem::Empty:
        return tr("\"%1\" is empty (0 bytes): it is not a Sales Cockpit database.").arg(shown);
    case FileProblem::NotReadable:
        return tr("\"%1\" cannot be read: permission denied.").arg(shown);
    case FileProblem::NotSqlite:
        return tr("\"%1\" is not an SQLite file.").arg(shown);
    case FileProblem::Truncated:
        return tr("\"%1\" is truncated (%2 bytes).").arg(shown).arg(fc.size);
    }
    return {};
}

CheckReport Database::check(const QString &path)
{
    CheckReport report;
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    report.message = readProblem(path);
    if (!report.message.isEmpty())
        return report;
    const QString name = detail::connectionName("cockpit-check");
    {
        QString openError;
        QSqlDatabase db = openConnection(path, name, Access::ReadOnly, &openError);
        if (!openError.isEmpty()) {
            report.message = tr("\"%1\" could not be opened: %2").arg(shown, openError);
        } else {
            QString error;
            report.schemaVersion = pragma(db, QStringLiteral("user_version"), &error).toInt();
            const int appId = pragma(db, QStringLiteral("application_id"), &error).toInt();
            if (!error.isEmpty()) {
                // A WAL file needs its -shm beside it even to be read: a reader who may not
                // write in the folder cannot create it. Say so rather than "not ours".
                report.schemaVersion = -1;
                report.message = writeProblem(path) != FileProblem::None
                                     ? tr("\"%1\" cannot be read without write access to its folder (its "
                                          "write-ahead journal needs a shared-memory file beside it): %2. "
                                          "Copy it to a folder you can write to, or ask its owner to "
                                          "check it.").arg(shown, error)
                                     : tr("\"%1\" could not be read: %2").arg(shown, error);
                db.close();
            } else {
                report.isCockpit = appId == kApplicationId;
                QSqlQuery q(db);
                QStringList findings;
                if (q.exec(QStringLiteral("PRAGMA integrity_check"))) {
                    while (q.next())
                        findings << q.value(0).toString();
                } else {
                    findings << q.lastError().text();
                }
                report.integrity = findings.join(QLatin1Char('\n'));
                QSqlQuery fk(db);
                if (fk.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
                    while (fk.next())
                        ++report.foreignKeyProblems;
                }
                // The exit-action masks (schema v3) against their definition: only on a
                // sound file of a version that has them.
                if (report.integrity == QLatin1String("ok") && report.isCockpit && report.schemaVersion >= 3
                    && report.schemaVersion <= kSchemaVersion) {
                    QString maskError;
                    report.staleExitActions = staleExitActions(sqliteHandle(db), &maskError);
                    if (report.staleExitActions < 0)
                        report.integrity = tr("exit actions could not be compared: %1").arg(maskError);
                }
                report.ok = report.integrity == QLatin1String("ok") && report.isCockpit
                            && report.schemaVersion >= 1 && report.schemaVersion <= kSchemaVersion
                            && report.foreignKeyProblems == 0 && report.staleExitActions <= 0;
                if (!report.isCockpit)
                    report.message = tr("\"%1\" is not a Sales Cockpit database.").arg(shown);
                else if (report.schemaVersion > kSchemaVersion)
                    report.message = tr("\"%1\" has schema version %2, newer than this app knows (%3).")
                                         .arg(shown).arg(report.schemaVersion).arg(kSchemaVersion);
                db.close();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return report;
}

} // namespace cockpit::storage
