// What a person is told when a database file cannot be opened, locked or written: one
// translated sentence naming the file, what is wrong and what to do. Part of the Database
// class (database.h); split from database.cpp, which opens and runs the file.
#include "storage/database.h"
#include "storage/databaseinternal.h"
#include "storage/filecheck.h"
#include "storage/filelock.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSqlError>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>

namespace cockpit::storage {

using detail::nextSteps;
using detail::openErrorOf;

OpenError detail::openErrorOf(FileProblem problem)
{
    switch (problem) {
    case FileProblem::None: return OpenError::None;
    case FileProblem::Missing: return OpenError::NotFound;
    case FileProblem::IsDirectory: return OpenError::IsDirectory;
    case FileProblem::NotRegular: return OpenError::NotRegular;
    case FileProblem::Empty: return OpenError::Empty;
    case FileProblem::NotReadable: return OpenError::NotReadable;
    case FileProblem::ReadOnly:
    case FileProblem::ReadOnlyFolder:
    case FileProblem::ReadOnlyVolume: return OpenError::ReadOnly;
    case FileProblem::DiskFull: return OpenError::DiskFull;
    case FileProblem::NotSqlite: return OpenError::NotSqlite;
    case FileProblem::Truncated: return OpenError::Truncated;
    }
    return OpenError::Other;
}

namespace {
QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(qMax<qint64>(bytes, 0));
}
} // namespace

QString Database::lockedMessage(const QString &path, int waitedMs)
{
    const QString shown = QDir::toNativeSeparators(path);
    const LockHolder h = FileLock::holder(path);
    const QString waited = waitedMs >= 1000 ? tr(" It was still in use after waiting %n second(s).", nullptr, waitedMs / 1000)
                                            : QString();
    if (h.pid > 0 && h.thisHost) {
        const bool ours = h.program.startsWith(QLatin1String("sales-cockpit"));
        if (h.program.isEmpty())
            return tr("\"%1\" is in use by another process (process %2 took the lock; it may have "
                      "passed it to a program it started). Close it, then try again.").arg(shown).arg(h.pid)
                   + waited;
        return (ours ? tr("\"%1\" is already open in another Sales Cockpit window or command (process %2). "
                          "Switch to that window or let the command finish, then try again.").arg(shown).arg(h.pid)
                     : tr("\"%1\" is in use by another program (%2, process %3). Close it, then try again.")
                           .arg(shown, h.program).arg(h.pid))
               + waited;
    }
    if (!h.thisHost)
        return tr("\"%1\" is open in Sales Cockpit on the computer \"%2\" (process %3). Close it there. "
                  "If that computer crashed, the file server releases the lock within a few minutes.")
                   .arg(shown, h.host).arg(h.pid)
               + waited;
    return tr("\"%1\" is in use by another program that could not be named. Close any program that "
              "may have it open, then try again.").arg(shown)
           + waited;
}

OpenResult Database::refuse(const FileCheck &fc)
{
    const QString shown = QDir::toNativeSeparators(m_path);
    const OpenError error = openErrorOf(fc.problem);
    switch (fc.problem) {
    case FileProblem::None:
        break;
    case FileProblem::Missing:
        return fail(error, tr("The database \"%1\" does not exist. ").arg(shown) + nextSteps());
    case FileProblem::Empty:
        return fail(error, tr("\"%1\" is empty (0 bytes): it is not a Sales Cockpit database, and it was left "
                              "untouched. ").arg(shown) + nextSteps());
    case FileProblem::IsDirectory:
        return fail(error, tr("\"%1\" is a folder, not a database file. ").arg(shown) + nextSteps());
    case FileProblem::NotRegular:
        return fail(error, tr("\"%1\" is not a regular file (it is a pipe, socket or device), so it was not "
                              "opened. ").arg(shown) + nextSteps());
    case FileProblem::NotReadable:
        return fail(error, tr("\"%1\" cannot be read: permission denied. Ask the file's owner for access, "
                              "or open another file.").arg(shown));
    case FileProblem::ReadOnly:
        return fail(error, tr("\"%1\" is read-only (no write permission), so changes could not be saved; "
                              "it was left untouched. Copy it to a folder you can write to, or create a "
                              "new demo database.").arg(shown));
    case FileProblem::ReadOnlyFolder:
        return fail(error, tr("The folder of \"%1\" is read-only: Sales Cockpit keeps its journal and lock "
                              "beside the file, so it was left untouched. Copy the file to a folder you "
                              "can write to.").arg(shown));
    case FileProblem::ReadOnlyVolume:
        return fail(error, tr("\"%1\" is on a read-only disk, so changes could not be saved; it was left "
                              "untouched. Copy it to a disk you can write to.").arg(shown));
    case FileProblem::DiskFull:
        return fail(error, fc.freeBytes >= 0
                               ? tr("The disk holding \"%1\" is full (%2 free): nothing was changed. Free some "
                                    "space, then open it again.").arg(shown, sizeText(fc.freeBytes))
                               : tr("The disk holding \"%1\" is full: nothing was changed. Free some space, then "
                                    "open it again.").arg(shown));
    case FileProblem::NotSqlite:
        return fail(error, tr("\"%1\" is not a Sales Cockpit database (not an SQLite file). ").arg(shown) + nextSteps());
    case FileProblem::Truncated:
        return fail(error, tr("\"%1\" is truncated: it is shorter than its header says (%2 bytes). "
                              "It was left untouched. Restore a backup, or create a new demo database.")
                               .arg(shown).arg(fc.size));
    }
    return {};
}

OpenResult Database::lockFailure(int error)
{
    // The lock's open(2) met what checkFile() could not see in advance (a race, a quota).
    FileCheck fc;
    switch (error) {
    case EACCES:
    case EPERM: fc.problem = FileProblem::NotReadable; break;
    case ENOSPC:
    case EDQUOT: fc.problem = FileProblem::DiskFull; fc.freeBytes = -1; break;
    case EROFS: fc.problem = FileProblem::ReadOnlyVolume; break;
    case EINVAL: fc.problem = FileProblem::NotRegular; break;
    default:
        return fail(OpenError::Other,
                    tr("\"%1\" could not be locked for writing. ").arg(QDir::toNativeSeparators(m_path)) + nextSteps(),
                    QString::fromLocal8Bit(std::strerror(error)));
    }
    return refuse(fc);
}

QString describeSqlError(const QSqlError &error, const QString &path)
{
    return Database::describeError(error, path, Database::WriteState::Writable);
}

QString Database::describeError(const QSqlError &error) const
{
    return describeError(error, m_path, m_writeState);
}

QString Database::describeError(const QSqlError &error, const QString &path, WriteState state)
{
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    switch (error.nativeErrorCode().toInt() & 0xff) {
    case SQLITE_FULL:
        return tr("The disk holding \"%1\" is full; the change was not saved. Free some space and "
                  "try again.").arg(shown);
    case SQLITE_READONLY:
        switch (state) {
        case WriteState::AwaitingCheck:
            return tr("\"%1\" is still being checked (this takes a few seconds after opening); the "
                      "change was not saved. Try again in a moment.").arg(shown);
        case WriteState::Damaged:
            return tr("\"%1\" is damaged and open read-only; the change was not saved. Use File › "
                      "Save a repaired copy… and open the copy.").arg(shown);
        case WriteState::ReadOnly:
            return tr("\"%1\" is open for reading only; the change was not saved.").arg(shown);
        case WriteState::Writable:
            break;
        }
        return tr("\"%1\" cannot be written any more (its permissions or its disk changed); the "
                  "change was not saved.").arg(shown);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return tr("\"%1\" is busy with another task; the change was not saved. Try again in a "
                  "moment.").arg(shown);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return tr("\"%1\" is damaged; the change was not saved. Close it and run the check "
                  "(sales-cockpit check --db FILE).").arg(shown);
    case SQLITE_IOERR:
        return tr("Writing \"%1\" failed (a disk or file-system error); the change was not saved. "
                  "Details: %2").arg(shown, error.databaseText());
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
        return tr("\"%1\" cannot be written: permission denied; the change was not saved.").arg(shown);
    default:
        return error.text();
    }
}

} // namespace cockpit::storage
