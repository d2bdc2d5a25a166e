#include "storage/database.h"
#include "storage/keys.h"

#include "storage/filecheck.h"
#include "storage/filelock.h"
#include "storage/migrations.h"
#include "storage/databaseinternal.h"
#include "storage/exitactions.h"
#include "storage/schema.h"
#include "storage/sqlitestatement.h"

#include <QSqlDatabase>
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

#include <atomic>
#include <cerrno>
#include <cstring>
#include <limits>

namespace cockpit::storage {

Q_LOGGING_CATEGORY(lcStorage, "cockpit.storage")
// Every statement a connection runs, with its time (debug, off by default): what the index
// audit reads. QT_LOGGING_RULES="cockpit.sql.debug=true".
Q_LOGGING_CATEGORY(lcSql, "cockpit.sql", QtInfoMsg)

namespace detail {
QVariant pragma(QSqlDatabase db, const QString &name, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return {};
    }
    return q.value(0);
}

QString nextSteps()
{
    return Database::tr("Open another file, or create a new demo database.");
}

QString connectionName(const char *prefix)
{
    static std::atomic_int counter{0};
    return QStringLiteral("%1-%2").arg(QLatin1String(prefix)).arg(++counter);
}
} // namespace detail

using detail::nextSteps;
using detail::openErrorOf;
using detail::pragma;

namespace {

// Network and FAT volumes cannot hold WAL's shared memory reliably.
bool walSafe(const QString &path)
{
    const QByteArray fs = QStorageInfo(QFileInfo(path).absolutePath()).fileSystemType().toLower();
    static const QList<QByteArray> unsafe = {"nfs", "nfs4", "cifs", "smb", "smb2", "smbfs",
                                             "vfat", "msdos", "exfat", "fuseblk", "9p"};
    return !unsafe.contains(fs);
}

} // namespace

namespace {
// SQLite clamps it to its build's SQLITE_MAX_MMAP_SIZE (Debian: 2 GB); past it, reads copy.
constexpr qint64 kMappedBytes = qint64(2) << 30;

int traceStatement(unsigned type, void *, void *stmt, void *nanos)
{
    if (type == SQLITE_TRACE_PROFILE) {
        auto *st = static_cast<sqlite3_stmt *>(stmt);
        qCDebug(lcSql, "%.3f ms %s", double(*static_cast<sqlite3_int64 *>(nanos)) / 1e6, sqlite3_sql(st));
    }
    return 0;
}
} // namespace

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant v = db.isValid() && db.driver() ? db.driver()->handle() : QVariant();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.data());
    return nullptr;
}

QSqlDatabase openConnection(const QString &path, const QString &name, Access access, QString *error,
                            const ChangeSink &sink)
{
    if (access == Access::ReadWrite && path != QLatin1String(":memory:") && !path.isEmpty())
        sql::createPrivateFile(path); // a failure shows as the open's own error below
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    // Another connection of this process or the app's main one may be writing: wait for it
    // rather than fail at once.
    db.setConnectOptions(access != Access::ReadWrite ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                                    : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return db;
    }
    if (lcSql().isDebugEnabled())
        sqlite3_trace_v2(sqliteHandle(db), SQLITE_TRACE_PROFILE, traceStatement, nullptr);
    QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size = -16000")); // 16 MB page cache
    if (access == Access::Mapped)
        QSqlQuery(db).exec(QStringLiteral("PRAGMA mmap_size = %1").arg(kMappedBytes));
    registerKeyFunctions(sqliteHandle(db)); // cockpit_uuid(), cockpit_uuid_text() (keys.h)
    // FULL: a commit (an edit plus its outbox entry) is durable once acknowledged (SYNC.md),
    // on every connection that writes, not only the app's main one.
    if (access == Access::ReadWrite)
        QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = FULL"));
    if (sink && access == Access::ReadWrite)
        sink->watch(sqliteHandle(db));
    return db;
}

void releaseMapping(const QSqlDatabase &db)
{
    // Setting the limit to 0 unmaps at once (no statement holds a page now); the limit back
    // maps again lazily, at the next read transaction.
    QSqlQuery(db).exec(QStringLiteral("PRAGMA mmap_size = 0"));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA mmap_size = %1").arg(kMappedBytes));
}

void closeConnection(const QString &name, const ChangeSink &sink)
{
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (sink)
            sink->unwatch(sqliteHandle(db));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Database::Database(QObject *parent) : QObject(parent), m_changes(new ChangeNotifier(this))
{
    m_connectionName = detail::connectionName("cockpit");
    connect(m_changes, &ChangeNotifier::changed, this, &Database::announceWhenCommitted);
}

void Database::announceChanges()
{
    m_ownFlush = true;
    m_changes->flush();
    m_ownFlush = false;
}

// SQLite calls the commit hook (changes.cpp) before the commit lands. A worker's commit (a
// pull's page, an import) is announced from the event loop, which may run before its commit
// has reached the file: a listener reading at once on this connection then missed the new
// rows (a lead a background pull brought never reached the Leads screen). So a worker's set
// is announced once no writer holds the write lock (the commit has landed, or the writer is
// already in its next transaction, which its previous commit precedes), checked without
// blocking at each turn of the event loop, for one second at most.
void Database::announceWhenCommitted(const ChangeSet &set)
{
    m_landing.merge(set);
    if (m_landing.isEmpty())
        return;
    if (!m_ownFlush) {
        if (m_landingPosted)
            return; // the check due announces this too
        if (!m_landingSince.isValid())
            m_landingSince.start();
        if (m_landingSince.elapsed() < 1000 && writerStillCommitting()) {
            m_landingPosted = true;
            QMetaObject::invokeMethod(this, [this] {
                m_landingPosted = false;
                announceWhenCommitted({});
            }, Qt::QueuedConnection);
            return;
        }
    }
    m_landingSince.invalidate();
    Q_EMIT changed(std::exchange(m_landing, {}));
}

bool Database::writerStillCommitting()
{
    sqlite3 *h = handle();
    if (!h || !sqlite3_get_autocommit(h))
        return false; // this connection is inside a transaction: nothing to learn
    sqlite3_busy_timeout(h, 0);
    const int rc = sqlite3_exec(h, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
        sqlite3_exec(h, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_busy_timeout(h, 5000); // as openConnection sets it (QSQLITE_BUSY_TIMEOUT)
    return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

Database::~Database()
{
    close();
}

QString Database::userName(const QString &userId) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT name FROM users WHERE id = ? AND deleted = 0"));
    q.addBindValue(userId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QStringList Database::idsOfRows(const QString &table, const QVector<qint64> &rows) const
{
    return valuesOfRows(table, QStringLiteral("id"), rows);
}

QStringList Database::valuesOfRows(const QString &table, const QString &column, const QVector<qint64> &rows) const
{
    QStringList out;
    sqlite3 *h = handle();
    if (!h || rows.isEmpty())
        return out;
    QSet<QString> seen;
    // In chunks of bound row ids: 500 keeps each statement small.
    constexpr int kChunk = 500;
    for (qsizetype from = 0; from < rows.size(); from += kChunk) {
        const qsizetype n = std::min<qsizetype>(kChunk, rows.size() - from);
        QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE rowid IN (").arg(column, table);
        for (qsizetype i = 0; i < n; ++i)
            sql += i ? QStringLiteral(",?") : QStringLiteral("?");
        sql += QLatin1Char(')');
        const QByteArray utf8 = sql.toUtf8();
        sql::Statement st(h, std::string_view(utf8.constData(), size_t(utf8.size())));
        if (!st.isValid())
            return out;
        for (qsizetype i = 0; i < n; ++i)
            st.bind(int(i + 1), rows[from + i]);
        while (st.next()) {
            const QString v = st.text(0);
            if (!v.isEmpty() && !seen.contains(v)) {
                seen.insert(v);
                out << v;
            }
        }
    }
    return out;
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
    return sqliteHandle(connection());
}

void Database::close()
{
    closeConnection(m_connectionName, m_changes->sink());
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
            return refuse(fc);
        if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
            return fail(OpenError::ReadOnly,
                        tr("Cannot create the folder for \"%1\". Choose a folder you can write to.").arg(shown));
        fc.problem = writeProblem(m_path);
        if (fc.problem != FileProblem::None)
            return refuse(fc);
        {
            QFile file(m_path);
            // 0600: the company's data (and its -wal and -shm, which SQLite creates with the
            // database's mode) is its owner's to read.
            if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
                return fail(OpenError::ReadOnly,
                            tr("Cannot create \"%1\": %2. Choose a folder you can write to.").arg(shown, file.errorString()));
        }
        creating = madeFile = true;
        break;
    case FileProblem::Empty:
        if (mode != Mode::CreateHere)
            return refuse(fc);
        creating = true;
        break;
    default:
        return refuse(fc);
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
    openConnection(m_path, m_connectionName, Access::ReadWrite, &openError, m_changes->sink());
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
        const int from = m_schemaVersion;
        if (!migrate(from, &error)) {
            // Each step is one transaction: a failed step leaves the file at the version the
            // steps before it reached.
            if (m_schemaVersion == from)
                return fail(OpenError::MigrationFailed,
                            tr("Upgrading \"%1\" from schema version %2 failed; the file is unchanged "
                               "and a backup was kept next to it.").arg(shown).arg(from),
                            error);
            return fail(OpenError::MigrationFailed,
                        tr("Upgrading \"%1\" from schema version %2 stopped at version %3: the next step "
                           "failed. The file stays at version %3; the original (version %2) was kept next to "
                           "it as a backup.").arg(shown).arg(from).arg(m_schemaVersion),
                        error);
        }
    }
    ensureIndexes();
    applyPragmas();
    if (!checked) {
        setQueryOnly(true);
        m_writeState = WriteState::AwaitingCheck;
    }
    return {};
}

OpenResult Database::openReadOnly(Check check)
{
    // A reader takes no lock: the writer (a window, a command) may keep working meanwhile,
    // and this connection cannot write whatever it runs.
    const QString shown = QDir::toNativeSeparators(m_path);
    if (const QString problem = readProblem(m_path); !problem.isEmpty())
        return fail(openErrorOf(checkFile(m_path, false).problem), problem);
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
    return !exitActionsRuleCurrent();
}

QString Database::quickCheckNow()
{
    QSqlQuery check(connection());
    if (!check.exec(QStringLiteral("PRAGMA quick_check(1)")) || !check.next())
        return check.lastError().text();
    return check.value(0).toString();
}

OpenResult Database::runQuickCheckNow()
{
    const QString integrity = quickCheckNow();
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
    // The stage moves' exit actions of a file written under an older rule (a customer's own
    // call counted as the rep's, exitactions.h) are recomputed once. A failure is logged and
    // retried at the next open; the figures read the masks as they are meanwhile.
    if (!exitActionsRuleCurrent()) {
        timer.restart();
        QString error;
        const qint64 written = refreshExitActions(sqliteHandle(db), {}, &error);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
        q.addBindValue(QString::fromLatin1(kExitActionsRuleKey));
        q.addBindValue(QString::number(kExitActionsRule));
        if (written < 0 || !q.exec())
            qCWarning(lcStorage).noquote() << "could not bring the exit actions to rule" << kExitActionsRule << ":"
                                           << (written < 0 ? error : q.lastError().text());
        else
            qCInfo(lcStorage) << "exit actions brought to rule" << kExitActionsRule << ":" << written
                              << "stage moves rewritten in" << timer.elapsed() << "ms";
    }
}

bool Database::exitActionsRuleCurrent()
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(QString::fromLatin1(kExitActionsRuleKey));
    return q.exec() && q.next() && q.value(0).toInt() == kExitActionsRule;
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
            && version <= kSchemaVersion)
            integrity = quickCheckNow();
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
    // Versions 5 and 6 rebuild every table: the old ones' pages are free inside the file
    // (half of it). VACUUM gives them back (large demo, v4 to v5: 1 265 -> 622 MB in about
    // 5 s); a failure only leaves the file larger than it needs to be.
    if (from < 6) {
        QElapsedTimer timer;
        timer.start();
        QSqlQuery vacuum(connection());
        if (vacuum.exec(QStringLiteral("VACUUM")))
            qCInfo(lcStorage) << "compacted" << m_path << "after the migration in" << timer.elapsed() << "ms";
        else
            qCWarning(lcStorage) << "could not compact" << m_path << "after the migration:" << vacuum.lastError().text();
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

} // namespace cockpit::storage
