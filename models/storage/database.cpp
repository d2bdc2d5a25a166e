#include "database.h"

#include "filecheck.h"
#include "filelock.h"
#include "migrations.h"
#include "schema.h"
#include "sqlitestatement.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStorageInfo>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <limits>

namespace cockpit::storage {

Q_LOGGING_CATEGORY(lcStorage, "cockpit.storage")

namespace {
QString nextSteps()
{
    return Database::tr("Open another file, or create a new demo database.");
}

QVariant pragma(QSqlDatabase db, const QString &name, QString *error = nullptr)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return {};
    }
    return q.value(0);
}

// Network and FAT volumes cannot hold WAL's shared memory reliably.
bool walSafe(const QString &path)
{
    const QByteArray fs = QStorageInfo(QFileInfo(path).absolutePath()).fileSystemType().toLower();
    static const QList<QByteArray> unsafe = {"nfs", "nfs4", "cifs", "smb", "smb2", "smbfs",
                                             "vfat", "msdos", "exfat", "fuseblk", "9p"};
    return !unsafe.contains(fs);
}

int connectionCounter = 0;

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(qMax<qint64>(bytes, 0));
}
} // namespace

QSqlDatabase openConnection(const QString &path, const QString &name, Access access, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    // Another connection of this process or the app's main one may be writing: wait for it
    // rather than fail at once.
    db.setConnectOptions(access == Access::ReadOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                                    : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return db;
    }
    QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size = -16000")); // 16 MB page cache
    // FULL: a commit (an edit plus its outbox entry) is durable once acknowledged (SYNC.md),
    // on every connection that writes, not only the app's main one.
    if (access == Access::ReadWrite)
        QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = FULL"));
    return db;
}

Database::Database(QObject *parent) : QObject(parent)
{
    m_connectionName = QStringLiteral("cockpit-%1").arg(++connectionCounter);
}

Database::~Database()
{
    close();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

sqlite3 *Database::handle() const
{
    const QVariant v = connection().driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.data());
    return nullptr;
}

void Database::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_lock.reset(); // after SQLite has let go of the file
    m_schemaVersion = 0;
    m_writeState = WriteState::Writable;
    m_damage.clear();
}

OpenResult Database::fail(OpenError error, const QString &message, const QString &detail)
{
    qCWarning(lcStorage).noquote() << "open failed:" << m_path << message << detail;
    close();
    return OpenResult{error, message, detail};
}

OpenResult Database::open(const QString &path, Mode mode, Check check)
{
    close();
    m_path = QFileInfo(path).absoluteFilePath();
    const QString shown = QDir::toNativeSeparators(m_path);
    if (mode == Mode::ReadOnly)
        return openReadOnly(check);

    FileCheck fc = checkFile(m_path, true);
    bool creating = false;
    bool madeFile = false;
    switch (fc.problem) {
    case FileProblem::None:
        break;
    case FileProblem::Missing:
        if (mode == Mode::OpenExisting)
            return fail(OpenError::NotFound, tr("The database \"%1\" does not exist. ").arg(shown) + nextSteps());
        if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
            return fail(OpenError::ReadOnly,
                        tr("Cannot create the folder for \"%1\". Choose a folder you can write to.").arg(shown));
        fc.problem = writeProblem(m_path);
        if (fc.problem != FileProblem::None)
            break; // the messages below name it
        {
            QFile file(m_path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
                return fail(OpenError::ReadOnly,
                            tr("Cannot create \"%1\": %2. Choose a folder you can write to.").arg(shown, file.errorString()));
        }
        creating = madeFile = true;
        break;
    case FileProblem::Empty:
        if (mode != Mode::CreateHere)
            return fail(OpenError::Empty,
                        tr("\"%1\" is empty (0 bytes): it is not a Sales Cockpit database, and it was left "
                           "untouched. ").arg(shown) + nextSteps());
        creating = true;
        break;
    default:
        break;
    }
    switch (fc.problem) {
    case FileProblem::None:
    case FileProblem::Missing:
    case FileProblem::Empty:
        break;
    case FileProblem::IsDirectory:
        return fail(OpenError::IsDirectory,
                    tr("\"%1\" is a folder, not a database file. ").arg(shown) + nextSteps());
    case FileProblem::NotRegular:
        return fail(OpenError::NotRegular,
                    tr("\"%1\" is not a regular file (it is a pipe, socket or device), so it was not "
                       "opened. ").arg(shown) + nextSteps());
    case FileProblem::NotReadable:
        return fail(OpenError::NotReadable,
                    tr("\"%1\" cannot be read: permission denied. Ask the file's owner for access, "
                       "or open another file.").arg(shown));
    case FileProblem::ReadOnly:
        return fail(OpenError::ReadOnly,
                    tr("\"%1\" is read-only (no write permission), so changes could not be saved; "
                       "it was left untouched. Copy it to a folder you can write to, or create a "
                       "new demo database.").arg(shown));
    case FileProblem::ReadOnlyFolder:
        return fail(OpenError::ReadOnly,
                    tr("The folder of \"%1\" is read-only: Sales Cockpit keeps its journal and lock "
                       "beside the file, so it was left untouched. Copy the file to a folder you "
                       "can write to.").arg(shown));
    case FileProblem::ReadOnlyVolume:
        return fail(OpenError::ReadOnly,
                    tr("\"%1\" is on a read-only disk, so changes could not be saved; it was left "
                       "untouched. Copy it to a disk you can write to.").arg(shown));
    case FileProblem::DiskFull:
        return fail(OpenError::DiskFull,
                    tr("The disk holding \"%1\" is full (%2 free): nothing was changed. Free some "
                       "space, then open it again.").arg(shown, sizeText(fc.freeBytes)));
    case FileProblem::NotSqlite:
        return fail(OpenError::NotSqlite,
                    tr("\"%1\" is not a Sales Cockpit database (not an SQLite file). ").arg(shown) + nextSteps());
    case FileProblem::Truncated:
        return fail(OpenError::Truncated,
                    tr("\"%1\" is truncated: it is shorter than its header says (%2 bytes). "
                       "It was left untouched. Restore a backup, or create a new demo database.")
                        .arg(shown).arg(fc.size));
    }

    // The lock comes before SQLite opens anything, so a second writer never writes.
    m_lock = std::make_unique<FileLock>();
    int lockErrno = 0;
    switch (m_lock->acquire(m_path, m_lockWaitMs, &lockErrno)) {
    case FileLock::Result::Acquired:
        break;
    case FileLock::Result::Busy:
        m_lock.reset();
        return fail(OpenError::Locked, lockedMessage(m_path, m_lockWaitMs));
    case FileLock::Result::Failed:
        m_lock.reset();
        return lockFailure(lockErrno);
    }

    QString openError;
    openConnection(m_path, m_connectionName, Access::ReadWrite, &openError);
    if (!openError.isEmpty()) {
        if (madeFile)
            QFile::remove(m_path);
        return fail(OpenError::Other, tr("\"%1\" could not be opened. ").arg(shown) + nextSteps(), openError);
    }

    if (!creating) {
        const OpenResult r = inspectContent(check == Check::Now, mode == Mode::CreateHere);
        if (!r.ok())
            return r;
    }
    // Nothing is written before the file's check has passed: a deferred check becomes an
    // immediate one when opening itself must write (an upgrade, a missing index, the journal).
    bool checked = creating || check == Check::Now;
    if (!checked && needsWriteToOpen()) {
        const OpenResult r = runQuickCheckNow();
        if (!r.ok())
            return r;
        checked = true;
    }
    if (creating || m_schemaVersion == 0) {
        QString error;
        if (!storage::createSchema(connection(), &error)) {
            if (madeFile) {
                close();
                QFile::remove(m_path);
            }
            return fail(OpenError::Other, tr("Could not create a new database in \"%1\".").arg(shown), error);
        }
        m_schemaVersion = kSchemaVersion;
        qCInfo(lcStorage) << "created schema version" << kSchemaVersion << "in" << m_path;
    }
    if (m_schemaVersion < kSchemaVersion) {
        QString error;
        if (!migrate(m_schemaVersion, &error))
            return fail(OpenError::MigrationFailed,
                        tr("Upgrading \"%1\" from schema version %2 failed; the file is unchanged "
                           "and a backup was kept next to it.").arg(shown).arg(m_schemaVersion),
                        error);
    }
    ensureIndexes();
    applyPragmas();
    if (!checked) {
        setQueryOnly(true);
        m_writeState = WriteState::AwaitingCheck;
    }
    return {};
}

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

OpenResult Database::lockFailure(int error)
{
    const QString shown = QDir::toNativeSeparators(m_path);
    switch (error) {
    case EACCES:
    case EPERM:
        return fail(OpenError::NotReadable,
                    tr("\"%1\" cannot be read: permission denied. Ask the file's owner for access, "
                       "or open another file.").arg(shown));
    case ENOSPC:
    case EDQUOT:
        return fail(OpenError::DiskFull,
                    tr("The disk holding \"%1\" is full: nothing was changed. Free some space, then "
                       "open it again.").arg(shown));
    case EROFS:
        return fail(OpenError::ReadOnly,
                    tr("\"%1\" is on a read-only disk, so changes could not be saved; it was left "
                       "untouched. Copy it to a disk you can write to.").arg(shown));
    case EINVAL:
        return fail(OpenError::NotRegular,
                    tr("\"%1\" is not a regular file (it is a pipe, socket or device), so it was not "
                       "opened. ").arg(shown) + nextSteps());
    default:
        return fail(OpenError::Other, tr("\"%1\" could not be locked for writing. ").arg(shown) + nextSteps(),
                    QString::fromLocal8Bit(std::strerror(error)));
    }
}

OpenResult Database::openReadOnly(Check check)
{
    // A reader takes no lock: the writer (a window, a command) may keep working meanwhile,
    // and this connection cannot write whatever it runs.
    const QString shown = QDir::toNativeSeparators(m_path);
    if (const QString problem = readProblem(m_path); !problem.isEmpty()) {
        const FileProblem p = checkFile(m_path, false).problem;
        const OpenError e = p == FileProblem::Missing       ? OpenError::NotFound
                            : p == FileProblem::IsDirectory ? OpenError::IsDirectory
                            : p == FileProblem::NotRegular  ? OpenError::NotRegular
                            : p == FileProblem::Empty       ? OpenError::Empty
                            : p == FileProblem::NotReadable ? OpenError::NotReadable
                            : p == FileProblem::Truncated   ? OpenError::Truncated
                                                            : OpenError::NotSqlite;
        return fail(e, problem);
    }
    QString openError;
    openConnection(m_path, m_connectionName, Access::ReadOnly, &openError);
    if (!openError.isEmpty())
        return fail(OpenError::Other, tr("\"%1\" could not be opened. ").arg(shown) + nextSteps(), openError);
    const OpenResult r = inspectContent(check == Check::Now, false);
    if (!r.ok())
        return r;
    if (m_schemaVersion < kSchemaVersion)
        return fail(OpenError::MigrationFailed,
                    tr("\"%1\" was written by an older Sales Cockpit (schema version %2) and must be upgraded "
                       "before it can be read here: open it once in the app (a backup is kept).")
                        .arg(shown).arg(m_schemaVersion));
    m_journalMode = pragma(connection(), QStringLiteral("journal_mode")).toString().toLower();
    m_pragmaSummary = QStringLiteral("read-only journal_mode=%1 foreign_keys=%2 busy_timeout=%3")
                          .arg(m_journalMode, pragma(connection(), QStringLiteral("foreign_keys")).toString(),
                               pragma(connection(), QStringLiteral("busy_timeout")).toString());
    qCInfo(lcStorage).noquote() << "opened" << m_path << "schema" << m_schemaVersion << m_pragmaSummary;
    m_writeState = WriteState::ReadOnly;
    return {};
}

bool Database::needsWriteToOpen()
{
    if (m_schemaVersion < kSchemaVersion)
        return true;
    QSqlDatabase db = connection();
    const QString wanted = walSafe(m_path) ? QStringLiteral("wal") : QStringLiteral("delete");
    if (pragma(db, QStringLiteral("journal_mode")).toString().toLower() != wanted)
        return true;
    QSet<QString> present;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index'")))
        return true;
    while (q.next())
        present.insert(q.value(0).toString());
    static const QRegularExpression name(QStringLiteral("INDEX\\s+IF\\s+NOT\\s+EXISTS\\s+(\\w+)"),
                                         QRegularExpression::CaseInsensitiveOption);
    for (const QString &sql : latestSchemaIndexes()) {
        const auto m = name.match(sql);
        if (m.hasMatch() && !present.contains(m.captured(1)))
            return true;
    }
    return false;
}

OpenResult Database::runQuickCheckNow()
{
    QString integrity;
    QSqlQuery check(connection());
    if (!check.exec(QStringLiteral("PRAGMA quick_check(1)")) || !check.next())
        integrity = check.lastError().text();
    else
        integrity = check.value(0).toString();
    if (integrity == QLatin1String("ok"))
        return {};
    return fail(OpenError::Corrupt,
                tr("\"%1\" is damaged (the integrity check failed). It was left untouched. "
                   "Restore a backup, or create a new demo database.").arg(QDir::toNativeSeparators(m_path)),
                integrity);
}

void Database::setQueryOnly(bool on)
{
    QSqlQuery(connection()).exec(on ? QStringLiteral("PRAGMA query_only = 1") : QStringLiteral("PRAGMA query_only = 0"));
}

void Database::allowWrites()
{
    if (m_writeState != WriteState::AwaitingCheck) // never a damaged or a reader's file
        return;
    setQueryOnly(false);
    m_writeState = WriteState::Writable;
    qCInfo(lcStorage) << "check passed; writes allowed to" << m_path;
    Q_EMIT writeStateChanged(m_writeState);
}

void Database::markDamaged(const QString &findings)
{
    setQueryOnly(true);
    m_writeState = WriteState::Damaged;
    m_damage = findings;
    qCWarning(lcStorage).noquote() << "damaged; kept read-only:" << m_path << findings.left(300);
    Q_EMIT writeStateChanged(m_writeState);
}

QString describeSqlError(const QSqlError &error, const QString &path)
{
    Database probe; // only for its messages: never opened
    return probe.describeError(error, path);
}

QString Database::describeError(const QSqlError &error) const
{
    return describeError(error, m_path);
}

QString Database::describeError(const QSqlError &error, const QString &path) const
{
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    switch (error.nativeErrorCode().toInt() & 0xff) {
    case SQLITE_FULL:
        return tr("The disk holding \"%1\" is full; the change was not saved. Free some space and "
                  "try again.").arg(shown);
    case SQLITE_READONLY:
        switch (m_writeState) {
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

void Database::ensureIndexes()
{
    // Indexes added within a schema version (they are all IF NOT EXISTS) reach files made
    // before them here: a no-op when present, built once otherwise. Failing is not fatal —
    // the queries still answer, only slower.
    QSqlDatabase db = connection();
    auto indexCount = [&db] {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'")) && q.next()
                   ? q.value(0).toInt() : -1;
    };
    const int before = indexCount();
    QElapsedTimer timer;
    timer.start();
    for (const QString &sql : latestSchemaIndexes()) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            qCWarning(lcStorage).noquote() << "could not create an index:" << q.lastError().text() << sql.simplified();
            return;
        }
    }
    const int after = indexCount();
    if (after > before)
        qCInfo(lcStorage) << "built" << after - before << "missing index(es) in" << timer.elapsed() << "ms";
}

OpenResult Database::inspectContent(bool quickCheck, bool allowEmpty)
{
    const QString shown = QDir::toNativeSeparators(m_path);
    QString error;
    int objects = 0, appId = 0, version = 0;
    QString integrity;
    {
        QSqlDatabase db = connection();
        // Reading the schema is the first thing that fails on a corrupt or foreign file.
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
            error = q.lastError().text();
        else
            objects = q.value(0).toInt();
        q.finish();
        if (error.isEmpty()) {
            appId = pragma(db, QStringLiteral("application_id")).toInt();
            version = pragma(db, QStringLiteral("user_version")).toInt();
        }
        // quick_check reads every page: it catches damage the header cannot show.
        integrity = QStringLiteral("ok");
        if (quickCheck && error.isEmpty() && (objects == 0 || appId == kApplicationId)
            && version <= kSchemaVersion) {
            QSqlQuery check(db);
            if (!check.exec(QStringLiteral("PRAGMA quick_check(1)")) || !check.next())
                integrity = check.lastError().text();
            else
                integrity = check.value(0).toString();
        }
    }
    if (!error.isEmpty()) {
        if (error.contains(QLatin1String("not a database"), Qt::CaseInsensitive))
            return fail(OpenError::NotSqlite,
                        tr("\"%1\" is not a Sales Cockpit database (not an SQLite file). ").arg(shown) + nextSteps(), error);
        return fail(OpenError::Corrupt,
                    tr("\"%1\" is damaged and cannot be read. It was left untouched. Restore a "
                       "backup, or create a new demo database.").arg(shown), error);
    }
    if (objects == 0 && !allowEmpty)
        return fail(OpenError::Empty,
                    tr("\"%1\" is an empty SQLite file, not a Sales Cockpit database; it was left "
                       "untouched. ").arg(shown) + nextSteps());
    if (objects > 0 && appId != kApplicationId)
        return fail(OpenError::NotCockpit,
                    tr("\"%1\" is an SQLite database of another program, not a Sales Cockpit "
                       "database. It was left untouched. ").arg(shown) + nextSteps());
    if (version > kSchemaVersion)
        return fail(OpenError::NewerSchema,
                    tr("\"%1\" was written by a newer Sales Cockpit (schema version %2; this "
                       "version knows up to %3). Update the app, or open another file.")
                        .arg(shown).arg(version).arg(kSchemaVersion));
    if (integrity != QLatin1String("ok"))
        return fail(OpenError::Corrupt,
                    tr("\"%1\" is damaged (the integrity check failed). It was left untouched. "
                       "Restore a backup, or create a new demo database.").arg(shown), integrity);
    m_schemaVersion = objects == 0 ? 0 : version;
    return {};
}

bool Database::migrate(int from, QString *error)
{
    const QString backup = backupBeforeMigration(connection(), m_path, from, error);
    if (backup.isEmpty())
        return false;
    qCInfo(lcStorage) << "backed up" << m_path << "to" << backup << "before migrating";
    for (int v = from; v < kSchemaVersion; ++v) {
        if (!migrateTo(connection(), v + 1, error))
            return false;
        m_schemaVersion = v + 1;
        qCInfo(lcStorage) << "migrated" << m_path << "to schema version" << m_schemaVersion;
    }
    return true;
}

void Database::applyPragmas()
{
    QSqlDatabase db = connection();
    // WAL lets the background loader read while the UI writes; DELETE where WAL is unsafe.
    const QString wanted = walSafe(m_path) ? QStringLiteral("WAL") : QStringLiteral("DELETE");
    m_journalMode = pragma(db, QStringLiteral("journal_mode = ") + wanted).toString().toLower();
    // FULL: each commit (an edit plus its outbox entry) is durable once acknowledged (SYNC.md).
    pragma(db, QStringLiteral("synchronous = FULL"));
    m_pragmaSummary = QStringLiteral("journal_mode=%1 synchronous=%2 foreign_keys=%3 busy_timeout=%4")
                          .arg(m_journalMode, pragma(db, QStringLiteral("synchronous")).toString(),
                               pragma(db, QStringLiteral("foreign_keys")).toString(),
                               pragma(db, QStringLiteral("busy_timeout")).toString());
    qCInfo(lcStorage).noquote() << "opened" << m_path << "schema" << m_schemaVersion << m_pragmaSummary;
}

QString Database::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
}

bool Database::setSetting(const QString &key, const QString &value)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    return q.exec();
}

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
    const QString name = QStringLiteral("cockpit-check-%1").arg(++connectionCounter);
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
                report.ok = report.integrity == QLatin1String("ok") && report.isCockpit
                            && report.schemaVersion >= 1 && report.schemaVersion <= kSchemaVersion
                            && report.foreignKeyProblems == 0;
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

namespace {
// Copies the rows of `table` that can still be read: forward by rowid until the first
// unreadable page, then backward from the end until the same. Rows in between are lost.
struct Salvaged
{
    qint64 rows = 0;
    bool gap = false;
    bool cancelled = false;
    QString error;
};

Salvaged salvageTable(QSqlDatabase from, QSqlDatabase to, const QString &table, bool hasRowid,
                      const std::function<bool()> &tick)
{
    Salvaged result;
    QStringList columns;
    {
        QSqlQuery info(from);
        if (!info.exec(QStringLiteral("PRAGMA table_info(\"%1\")").arg(table))) {
            result.error = info.lastError().text();
            return result;
        }
        while (info.next())
            columns << QLatin1Char('"') + info.value(1).toString() + QLatin1Char('"');
    }
    if (columns.isEmpty())
        return result;
    const QString list = columns.join(QLatin1Char(','));
    const QString marks = QStringList(columns.size() + (hasRowid ? 1 : 0), QStringLiteral("?")).join(QLatin1Char(','));
    QSqlQuery insert(to);
    insert.prepare(QStringLiteral("INSERT OR IGNORE INTO \"%1\" (%2%3) VALUES (%4)")
                       .arg(table, hasRowid ? QStringLiteral("rowid,") : QString(), list, marks));
    auto copy = [&](const QString &sql, const QVariant &bound, qint64 *last) {
        QSqlQuery q(from);
        q.setForwardOnly(true);
        q.prepare(sql);
        if (bound.isValid())
            q.addBindValue(bound);
        if (!q.exec())
            return false;
        while (q.next()) {
            const int n = q.record().count();
            for (int c = 0; c < n; ++c)
                insert.addBindValue(q.value(c));
            if (!insert.exec()) {
                result.error = insert.lastError().text();
                return false;
            }
            ++result.rows;
            if (!tick()) {
                result.cancelled = true;
                return false;
            }
            if (last && hasRowid)
                *last = q.value(0).toLongLong();
        }
        return !q.lastError().isValid();
    };
    const QString select = hasRowid ? QStringLiteral("SELECT rowid, %1 FROM \"%2\"").arg(list, table)
                                    : QStringLiteral("SELECT %1 FROM \"%2\"").arg(list, table);
    qint64 last = std::numeric_limits<qint64>::min();
    if (copy(hasRowid ? select + QStringLiteral(" ORDER BY rowid") : select, {}, &last) || !hasRowid
        || result.cancelled || !result.error.isEmpty())
        return result;
    result.gap = true;
    copy(select + QStringLiteral(" WHERE rowid > ? ORDER BY rowid DESC"), last, nullptr);
    return result;
}
} // namespace

QString Database::saveRepairedCopy(const QString &damaged, const QString &target, QString *report,
                                   const std::function<bool(int)> &progress)
{
    const QString shownTarget = QDir::toNativeSeparators(QFileInfo(target).absoluteFilePath());
    if (const QString problem = readProblem(damaged); !problem.isEmpty())
        return problem;
    if (QFileInfo::exists(target))
        return tr("\"%1\" already exists; choose a new file name.").arg(shownTarget);
    // The copy is built under a temporary name and renamed only once it passed its check,
    // so a half-written copy never looks like a database.
    const QString partial = target + QStringLiteral(".partial");
    auto removePartial = [&partial] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(partial + suffix);
    };
    removePartial();
    const QString fromName = QStringLiteral("cockpit-salvage-from-%1").arg(++connectionCounter);
    const QString toName = QStringLiteral("cockpit-salvage-to-%1").arg(connectionCounter);
    QString error;
    bool wasCancelled = false;
    QStringList lines;
    {
        QString openError;
        QSqlDatabase from = openConnection(damaged, fromName, Access::ReadOnly, &openError);
        QSqlDatabase to = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), toName);
        to.setDatabaseName(partial);
        if (!openError.isEmpty()) {
            error = openError;
        } else if (!to.open()) {
            error = to.lastError().text();
        } else {
            // The schema as the damaged file wrote it: tables first, then the rows, then the
            // indexes and triggers (so no trigger fires on a copied row).
            QList<QPair<QString, QString>> tables; // name, sql
            QStringList later;
            QSqlQuery schema(from);
            if (!schema.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC, rowid"))) {
                error = schema.lastError().text();
            }
            while (error.isEmpty() && schema.next()) {
                if (schema.value(0).toString() == QLatin1String("table"))
                    tables.append({schema.value(1).toString(), schema.value(2).toString()});
                else
                    later << schema.value(2).toString();
            }
            QSqlQuery(to).exec(QStringLiteral("PRAGMA journal_mode = OFF"));
            QSqlQuery(to).exec(QStringLiteral("PRAGMA synchronous = OFF"));
            to.transaction();
            for (const auto &[name, sql] : std::as_const(tables)) {
                QSqlQuery create(to);
                if (error.isEmpty() && !create.exec(sql))
                    error = create.lastError().text();
            }
            // Progress by rows, against the row counts ANALYZE left in sqlite_stat1 (a table it
            // does not know counts as 1 000 rows); the copy is 0–90 %, indexes and check the rest.
            QHash<QString, qint64> estimate;
            {
                QSqlQuery stat(from);
                if (stat.exec(QStringLiteral("SELECT tbl, stat FROM sqlite_stat1")))
                    while (stat.next())
                        estimate[stat.value(0).toString()] = qMax(estimate.value(stat.value(0).toString()),
                                                                  stat.value(1).toString().section(QLatin1Char(' '), 0, 0).toLongLong());
            }
            qint64 expected = 0, copied = 0;
            for (const auto &[name, sql] : std::as_const(tables))
                expected += estimate.value(name, 1000);
            int lastPercent = -1;
            bool cancelled = false;
            auto report_ = [&](int percent) {
                if (percent != lastPercent && progress && !progress(percent))
                    cancelled = true;
                lastPercent = percent;
                return !cancelled;
            };
            const std::function<bool()> tick = [&] {
                ++copied;
                return (copied & 0xFFF) != 0 || report_(int(qMin<qint64>(90, copied * 90 / qMax<qint64>(1, expected))));
            };
            report_(0);
            qint64 lost = 0;
            for (const auto &[name, sql] : std::as_const(tables)) {
                if (!error.isEmpty())
                    break;
                const bool rowid = !sql.contains(QLatin1String("WITHOUT ROWID"), Qt::CaseInsensitive);
                const Salvaged s = salvageTable(from, to, name, rowid, tick);
                if (s.cancelled || cancelled) {
                    wasCancelled = true;
                    error = QStringLiteral("cancelled");
                    break;
                }
                if (!s.error.isEmpty() && s.rows == 0 && !s.gap)
                    error = s.error;
                if (s.gap)
                    ++lost;
                lines << (s.gap ? tr("%1: %2 rows (some rows could not be read)") : tr("%1: %2 rows")).arg(name).arg(s.rows);
            }
            if (error.isEmpty() && !report_(90)) {
                wasCancelled = true;
                error = QStringLiteral("cancelled");
            }
            for (const QString &sql : std::as_const(later)) {
                QSqlQuery create(to);
                if (error.isEmpty() && !create.exec(sql))
                    error = create.lastError().text();
            }
            // The identity the app checks: application_id and schema version.
            const int appId = pragma(from, QStringLiteral("application_id")).toInt();
            const int version = pragma(from, QStringLiteral("user_version")).toInt();
            QSqlQuery(to).exec(QStringLiteral("PRAGMA application_id = %1").arg(appId));
            QSqlQuery(to).exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
            if (error.isEmpty() && !to.commit())
                error = to.lastError().text();
            if (error.isEmpty())
                lines.prepend(lost ? tr("%n table(s) had unreadable pages; their other rows were copied.", nullptr, int(lost))
                                   : tr("Every table could be read whole."));
            to.close();
        }
        from.close();
    }
    QSqlDatabase::removeDatabase(fromName);
    QSqlDatabase::removeDatabase(toName);
    if (!error.isEmpty()) {
        removePartial();
        return wasCancelled ? tr("Cancelled: no copy was written.")
                            : tr("No repaired copy could be made: %1").arg(error);
    }
    if (progress && !progress(97)) {
        removePartial();
        return tr("Cancelled: no copy was written.");
    }
    const CheckReport r = check(partial);
    if (r.integrity != QLatin1String("ok") || !r.isCockpit) {
        removePartial();
        return tr("The repaired copy did not pass its own check (%1), so it was not kept.")
            .arg(r.message.isEmpty() ? r.integrity.left(200) : r.message);
    }
    if (r.foreignKeyProblems > 0)
        lines << tr("%n row(s) refer to rows that were lost (sales-cockpit check lists them).", nullptr, r.foreignKeyProblems);
    if (!QFile::rename(partial, target)) {
        removePartial();
        return tr("Could not write \"%1\".").arg(shownTarget);
    }
    if (report)
        *report = lines.join(QLatin1Char('\n'));
    if (progress)
        progress(100);
    return {};
}

} // namespace cockpit::storage
