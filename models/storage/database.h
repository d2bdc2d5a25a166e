#pragma once
// The one owner of a local SQLite store: opens it the same way every time (pragmas chosen
// and logged), holds a lock so two app instances cannot open one file, checks the file
// before touching it, migrates old schemas after a backup, and announces changes.
#include <QLockFile>
#include <QLoggingCategory>
#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>
#include <mutex>

struct sqlite3;

namespace cockpit::storage {

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

enum class OpenError {
    None,
    NotFound,
    IsDirectory,
    NotReadable,
    ReadOnly,
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

class Database : public QObject
{
    Q_OBJECT
public:
    enum class Mode { OpenExisting, CreateIfMissing };
    // quick_check reads every page (about 1 s for a 900 MB file): Now runs it inside open();
    // Deferred leaves it to the caller (the app runs quickCheck() on a worker thread so
    // start-up does not grow with the data).
    enum class Check { Now, Deferred };

    explicit Database(QObject *parent = nullptr);
    ~Database() override;

    OpenResult open(const QString &path, Mode mode = Mode::OpenExisting, Check check = Check::Now);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QSqlDatabase connection() const;
    // The underlying sqlite3 handle, for bulk reads on the owning thread only.
    sqlite3 *handle() const;
    int schemaVersion() const { return m_schemaVersion; }
    QString journalMode() const { return m_journalMode; }
    // PRAGMA values as set at open, e.g. "journal_mode=wal synchronous=2 ...": for the log and tests.
    QString pragmaSummary() const { return m_pragmaSummary; }

    QString setting(const QString &key, const QString &fallback = {}) const;
    bool setSetting(const QString &key, const QString &value);
    bool isDemo() const { return setting(QStringLiteral("demo")) == QLatin1String("1"); }
    QString currentUserId() const { return setting(QStringLiteral("current_user_id")); }

    // Integrity check without opening for writing (the `check` command): never modifies the file.
    static CheckReport check(const QString &path);
    // PRAGMA quick_check on a read-only connection of its own: "ok" or SQLite's findings.
    // Safe to call from any thread.
    static QString quickCheck(const QString &path);

    // Change announcements, emitted after a commit. Models update only what changed.
    void notifyLeadChanged(const QString &id) { Q_EMIT leadChanged(id); }
    void notifyCustomerAdded(const QString &id) { Q_EMIT customerAdded(id); }
    void notifyCustomerChanged(const QString &id) { Q_EMIT customerChanged(id); }
    void notifyPipelinesChanged() { Q_EMIT pipelinesChanged(); }

Q_SIGNALS:
    void leadChanged(const QString &id);
    void customerAdded(const QString &id);
    void customerChanged(const QString &id);
    // A pipeline version was saved (and open leads may have moved to it).
    void pipelinesChanged();

private:
    OpenResult fail(OpenError error, const QString &message, const QString &detail = {});
    void ensureIndexes();
    OpenResult inspectContent(bool quickCheck);
    bool migrate(int from, QString *error);
    void applyPragmas();

    QString m_path;
    QString m_connectionName;
    std::unique_ptr<QLockFile> m_lock;
    int m_schemaVersion = 0;
    QString m_journalMode;
    QString m_pragmaSummary;
};

} // namespace cockpit::storage
