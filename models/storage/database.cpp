#include "database.h"

#include "filecheck.h"
#include "migrations.h"
#include "schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>

#include <sqlite3.h>

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
} // namespace

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
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
    m_schemaVersion = 0;
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

    FileCheck fc = checkFile(m_path, true);
    bool creating = false;
    switch (fc.problem) {
    case FileProblem::None:
        break;
    case FileProblem::Missing:
        if (mode != Mode::CreateIfMissing)
            return fail(OpenError::NotFound, tr("The database \"%1\" does not exist. ").arg(shown) + nextSteps());
        if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
            return fail(OpenError::ReadOnly,
                        tr("Cannot create the folder for \"%1\". Choose a folder you can write to.").arg(shown));
        creating = true;
        break;
    case FileProblem::IsDirectory:
        return fail(OpenError::IsDirectory,
                    tr("\"%1\" is a folder, not a database file. ").arg(shown) + nextSteps());
    case FileProblem::NotReadable:
        return fail(OpenError::NotReadable,
                    tr("\"%1\" cannot be read (no permission). ").arg(shown) + nextSteps());
    case FileProblem::ReadOnly:
        return fail(OpenError::ReadOnly,
                    tr("\"%1\" (or its folder) is read-only, so changes could not be saved. "
                       "Copy it to a folder you can write to, or create a new demo database.").arg(shown));
    case FileProblem::NotSqlite:
        return fail(OpenError::NotSqlite,
                    tr("\"%1\" is not a Sales Cockpit database (not an SQLite file). ").arg(shown) + nextSteps());
    case FileProblem::Truncated:
        return fail(OpenError::Truncated,
                    tr("\"%1\" is truncated: it is shorter than its header says (%2 bytes). "
                       "It was left untouched. Restore a backup, or create a new demo database.")
                        .arg(shown).arg(fc.size));
    }

    // The lock comes before SQLite opens anything, so a second instance never writes.
    m_lock = std::make_unique<QLockFile>(m_path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        m_lock.reset();
        return fail(OpenError::Locked,
                    tr("\"%1\" is already open in another Sales Cockpit window (process %2). "
                       "Switch to that window, or open another file.").arg(shown).arg(pid));
    }

    QString openError;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            openError = db.lastError().text();
    } // no handle may outlive a failed open: close() removes the connection
    if (!openError.isEmpty())
        return fail(OpenError::Other, tr("\"%1\" could not be opened. ").arg(shown) + nextSteps(), openError);

    if (!creating) {
        const OpenResult r = inspectContent(check == Check::Now);
        if (!r.ok())
            return r;
    }
    if (creating || m_schemaVersion == 0) {
        QString error;
        if (!storage::createSchema(connection(), &error))
            return fail(OpenError::Other, tr("Could not create a new database in \"%1\".").arg(shown), error);
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
    return {};
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

OpenResult Database::inspectContent(bool quickCheck)
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
    QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size = -16000")); // 16 MB page cache
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
    sqlite3 *db = nullptr;
    QString result;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        result = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return result;
    }
    {
        const std::lock_guard lock(m_mutex);
        if (m_cancelled) {
            sqlite3_close(db);
            return QStringLiteral("interrupted");
        }
        m_db = db;
    }
    sqlite3_busy_timeout(db, 5000);
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

CheckReport Database::check(const QString &path)
{
    CheckReport report;
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    const FileCheck fc = checkFile(path, false);
    switch (fc.problem) {
    case FileProblem::None:
    case FileProblem::ReadOnly:
        break;
    case FileProblem::Missing:
        report.message = tr("\"%1\" does not exist.").arg(shown);
        return report;
    case FileProblem::IsDirectory:
        report.message = tr("\"%1\" is a folder, not a database file.").arg(shown);
        return report;
    case FileProblem::NotReadable:
        report.message = tr("\"%1\" cannot be read (no permission).").arg(shown);
        return report;
    case FileProblem::NotSqlite:
        report.message = tr("\"%1\" is not an SQLite file.").arg(shown);
        return report;
    case FileProblem::Truncated:
        report.message = tr("\"%1\" is truncated (%2 bytes).").arg(shown).arg(fc.size);
        return report;
    }
    const QString name = QStringLiteral("cockpit-check-%1").arg(++connectionCounter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            report.message = tr("\"%1\" could not be opened: %2").arg(shown, db.lastError().text());
        } else {
            QString error;
            report.schemaVersion = pragma(db, QStringLiteral("user_version"), &error).toInt();
            report.isCockpit = pragma(db, QStringLiteral("application_id"), &error).toInt() == kApplicationId;
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
    QSqlDatabase::removeDatabase(name);
    return report;
}

} // namespace cockpit::storage
