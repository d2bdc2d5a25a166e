#pragma once
// The one owner of a local SQLite store: opens it the same way every time (pragmas chosen
// and logged), holds a lock so two app instances cannot open one file, checks the file
// before touching it, migrates old schemas after a backup, and announces changes.
#include "storage/changes.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>

class QSqlDatabase;

class QSqlError;
struct sqlite3;

namespace cockpit::storage {

class FileLock;
struct FileCheck;

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

enum class OpenError {
    None,
    NotFound,
    IsDirectory,
    NotRegular, // a FIFO, socket or device
    Empty,      // 0 bytes, or an SQLite file with nothing in it
    NotReadable,
    ReadOnly,   // the file, its folder or its volume cannot be written
    DiskFull,
    NotSqlite,
    Truncated,
    Corrupt,
    NotCockpit,
    NewerSchema,
    Locked,
    MigrationFailed,
    Other,
};

struct OpenResult
{
    OpenError error = OpenError::None;
    QString message; // translated, names the file, says what the user can do
    QString detail;  // technical detail for the log (SQLite's own message)
    bool ok() const { return error == OpenError::None; }
};

struct CheckReport
{
    bool ok = false;
    int schemaVersion = -1;
    bool isCockpit = false;
    QString integrity;   // "ok" or SQLite's findings
    QString message;     // a failed OpenResult message when the file could not be read
    int foreignKeyProblems = 0;
    // Stage moves whose stored exit actions disagree with the activities (derived data
    // written behind the app's back); -1 when not compared (an older schema, or unreadable).
    qint64 staleExitActions = -1;
};

// A quick_check that another thread can stop at once (sqlite3_interrupt), so an app that
// quits while the check still runs does not wait for it.
class IntegrityProbe
{
public:
    // Blocking: "ok", SQLite's findings, or "interrupted".
    QString run(const QString &path);
    void cancel();

private:
    std::mutex m_mutex;
    sqlite3 *m_db = nullptr;
    bool m_cancelled = false;
};

// Every connection to a database file is opened here, with the same options; `name` is the
// QSqlDatabase connection name (the caller removes it). ReadOnly connections cannot write
// whatever they run. Mapped is ReadOnly with the file memory-mapped (PRAGMA mmap_size), for
// the figures' workers: their scans then read pages in place instead of copying each one
// out of the OS cache (Team's first refresh on the large demo: 355 → 275 ms). Not for the
// integrity check or the repair, which read damaged files: with a mapping, a disk that fails
// to read stops the process (SIGBUS) instead of returning an error (sqlite.org/mmap.html).
// A ReadWrite connection given a `sink` (Database::changeSink()) announces its committed
// writes through it (changes.h); close it with closeConnection() and the same sink.
enum class Access { ReadOnly, Mapped, ReadWrite };
QSqlDatabase openConnection(const QString &path, const QString &name, Access access, QString *error,
                            const ChangeSink &sink = {});
void closeConnection(const QString &name, const ChangeSink &sink = {});
// A Mapped connection unmaps the file (SQLite maps it again at its next read).
void releaseMapping(const QSqlDatabase &db);
// The sqlite3 handle of a Qt SQLite connection, for bulk reads on its own thread (null when
// it is not open).
sqlite3 *sqliteHandle(const QSqlDatabase &db);

// A translated message for a statement that failed on the file at `path`: a full disk, a
// read-only, busy or damaged file, an I/O error; SQLite's own text otherwise.
QString describeSqlError(const QSqlError &error, const QString &path);

class Database : public QObject
{
    Q_OBJECT
public:
    // OpenExisting: a Sales Cockpit database that is there. CreateIfMissing: also a new one
    // where no file is. CreateHere: the user asked for a new database at this path, so an
    // empty file (0 bytes, or SQLite with nothing in it) may be made into one as well.
    // ReadOnly: a reader (a report) that takes no lock, so it works while a window or a
    // command has the file open, and never writes (not even an upgrade).
    enum class Mode { OpenExisting, CreateIfMissing, CreateHere, ReadOnly };
    // Whether the file may be written now. A file opened with a deferred check is read-only
    // (PRAGMA query_only) until allowWrites() says the check passed; a damaged one stays so.
    enum class WriteState { Writable, AwaitingCheck, Damaged, ReadOnly };
    // quick_check reads every page (about 1 s for a 900 MB file): Now runs it inside open();
    // Deferred leaves it to the caller (the app runs quickCheck() on a worker thread so
    // start-up does not grow with the data).
    enum class Check { Now, Deferred };

    explicit Database(QObject *parent = nullptr);
    ~Database() override;

    OpenResult open(const QString &path, Mode mode = Mode::OpenExisting, Check check = Check::Now);
    // How long open() waits for another process to release the file (the CLI waits a few
    // seconds; the app answers at once). Default 0.
    void setLockWait(int ms) { m_lockWaitMs = ms; }
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QSqlDatabase connection() const;
    // The underlying sqlite3 handle, for bulk reads on the owning thread only.
    sqlite3 *handle() const;
    // Where the committed writes of this file's connections are announced (see changed()).
    ChangeNotifier *changeNotifier() const { return m_changes; }
    // For worker connections that write (openConnection): safe to hold on any thread.
    ChangeSink changeSink() const { return m_changes->sink(); }
    int schemaVersion() const { return m_schemaVersion; }
    QString journalMode() const { return m_journalMode; }
    // PRAGMA values as set at open, e.g. "journal_mode=wal synchronous=2 ...": for the log and tests.
    QString pragmaSummary() const { return m_pragmaSummary; }

    WriteState writeState() const { return m_writeState; }
    bool isWritable() const { return m_writeState == WriteState::Writable; }
    // The deferred check passed: writes may begin.
    void allowWrites();
    // The deferred check found damage: the file stays read-only for this session.
    void markDamaged(const QString &findings);
    QString damageFindings() const { return m_damage; }
    // A translated message for a failed statement, naming the file and what to do: a full
    // disk, a read-only or damaged file, a file still being checked, a busy file.
    QString describeError(const QSqlError &error) const;
    static QString describeError(const QSqlError &error, const QString &path, WriteState state);

    QString setting(const QString &key, const QString &fallback = {}) const;
    bool setSetting(const QString &key, const QString &value);
    bool isDemo() const { return setting(QStringLiteral("demo")) == QLatin1String("1"); }
    QString currentUserId() const { return setting(QStringLiteral("current_user_id")); }
    // The name of a user who is not deleted; empty when there is none with that id.
    QString userName(const QString &userId) const;

    // Why `path` cannot even be read as a database (missing, a folder, a FIFO, empty, not
    // SQLite, truncated, no permission), or empty when a reader may try it.
    static QString readProblem(const QString &path);
    // The schema version of a Sales Cockpit file, read without writing or locking (a regular,
    // readable SQLite file with our application id); -1 for anything else. Lets the GUI tell
    // the user before an open that will migrate the file.
    static int peekSchemaVersion(const QString &path);
    // Integrity check without opening for writing (the `check` command): never modifies the file.
    static CheckReport check(const QString &path);
    // PRAGMA quick_check on a read-only connection of its own: "ok" or SQLite's findings.
    // Safe to call from any thread.
    static QString quickCheck(const QString &path);
    // Salvages what can be read from a damaged file into a new file `target`: the schema,
    // then each table's rows forward until an unreadable page and backward from the end,
    // then indexes and triggers; the copy must pass the integrity check to be kept. The
    // damaged file is only read. Returns an empty string on success, else a translated message.
    // Why `path` cannot be locked now, naming the process that holds it where it can.
    static QString lockedMessage(const QString &path, int waitedMs = 0);
    // `progress` hears 0–100 and may return false to cancel (nothing is then written).
    static QString saveRepairedCopy(const QString &damaged, const QString &target, QString *report = nullptr,
                                    const std::function<bool(int)> &progress = {});

    // A writer on this thread calls it after its commit: what was committed is announced
    // (changed()) before the call returns, so the models show an edit when the edit returns.
    // Writes nobody announces this way are announced from the event loop.
    void announceChanges();
    // The `id` of each of `rows` (SQLite row ids of `table`) that still exists; for the
    // listeners of changed() until schema v3 makes the row id the key.
    QStringList idsOfRows(const QString &table, const QVector<qint64> &rows) const;
    // The `column` values (e.g. lead_id) of those rows, each once.
    QStringList valuesOfRows(const QString &table, const QString &column, const QVector<qint64> &rows) const;

Q_SIGNALS:
    void writeStateChanged(cockpit::storage::Database::WriteState state);
    // Every committed write to the file by this process's connections (changes.h), once
    // committed: the one channel screens, caches and models listen to.
    void changed(const cockpit::storage::ChangeSet &changes);

private:
    // Announces `set` (the notifier's) once the commits it names have landed (database.cpp).
    void announceWhenCommitted(const ChangeSet &set);
    bool writerStillCommitting();
    OpenResult fail(OpenError error, const QString &message, const QString &detail = {});
    void ensureIndexes();
    OpenResult inspectContent(bool quickCheck, bool allowEmpty);
    QString quickCheckNow(); // on the open connection: "ok" or SQLite's findings
    OpenResult runQuickCheckNow();
    OpenResult openReadOnly(Check check);
    bool needsWriteToOpen();
    bool exitActionsRuleCurrent(); // the stored exit actions follow kExitActionsRule
    bool migrate(int from, QString *error);
    void applyPragmas();
    void setQueryOnly(bool on);
    OpenResult lockFailure(int error);
    // The refusal (and its message) for a file problem found before SQLite opens anything.
    OpenResult refuse(const FileCheck &fc);

    QString m_path;
    QString m_connectionName;
    std::unique_ptr<FileLock> m_lock;
    ChangeNotifier *m_changes = nullptr;
    ChangeSet m_landing;      // announced by a worker's commit hook, not yet seen landed
    QElapsedTimer m_landingSince; // since the first check of what waits
    bool m_landingPosted = false; // a check is due
    bool m_ownFlush = false;  // announceChanges(): the writer has committed on this thread
    int m_lockWaitMs = 0;
    WriteState m_writeState = WriteState::Writable;
    QString m_damage;
    int m_schemaVersion = 0;
    QString m_journalMode;
    QString m_pragmaSummary;
};

} // namespace cockpit::storage
