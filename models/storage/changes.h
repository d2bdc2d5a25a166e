#pragma once
// The change notifier (issue 10 §3): every committed write to the file, on any connection the
// app opened for writing, is announced once it is committed: which tables, which rows
// (SQLite row ids: today's integer rowid of the row; with schema v3 the row's local key),
// and whether they were inserted, updated or deleted. Item models, caches and screens listen
// to this alone.
//
// How: SQLite's update hook records every row a statement changes on that connection, the
// rollback hook forgets them, and the commit hook hands them over; the notifier announces
// them on its own thread (the GUI's) once control returns to the event loop, or at once when
// the writer calls flush() after its commit (the app's edits do, so a model shows an edit
// before the edit call returns). Commits announced together are merged into one set. A commit that
// fails after its hook ran is announced anyway: a spurious "changed" only makes a screen
// recompute. Rows removed by SQLite's truncate optimisation or by REPLACE carry no row
// event; their commit is announced with `unknownRows` set. A write transaction that changed
// no row at all (an UPDATE that matched nothing: sqlite3_total_changes64 did not move) is not
// announced.
#include <QHash>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

struct sqlite3;

namespace cockpit::storage {

enum class ChangeKind { Inserted, Updated, Deleted };

struct TableChange
{
    QString table;
    ChangeKind kind = ChangeKind::Updated;
    QVector<qint64> rows; // row ids, in the order written, each once
};

struct ChangeSet
{
    QVector<TableChange> changes;
    bool unknownRows = false; // a commit changed rows the hooks did not name

    bool isEmpty() const { return changes.isEmpty() && !unknownRows; }
    // The set touches `table` (or may: unknownRows).
    bool touches(const QString &table) const;
    QStringList tables() const;
    // Merges `other` into this set (the same table and kind become one entry).
    void merge(const ChangeSet &other);
};

class ChangeNotifier;

// The thread-safe side of the notifier, shared by it and by the worker connections it
// watches: a worker holds it (a ChangeSink) until its connection closes, so the hooks never
// reach a notifier that is gone. Once the notifier is gone, changes are dropped.
class ChangeHub
{
public:
    // Installs the hooks on a connection that writes (any thread). `unwatch` before the
    // connection closes.
    void watch(sqlite3 *connection);
    void unwatch(sqlite3 *connection);
    // Called by the commit hook (any thread): queues `set` for the notifier's thread.
    void post(ChangeSet set);

    struct Watch; // one per watched connection (changes.cpp)

private:
    friend class ChangeNotifier;
    QMutex m_mutex;
    ChangeNotifier *m_notifier = nullptr;
    QHash<sqlite3 *, std::shared_ptr<Watch>> m_watches;
    ChangeSet m_queued;
    bool m_flushPosted = false;
};
using ChangeSink = std::shared_ptr<ChangeHub>;

class ChangeNotifier : public QObject
{
    Q_OBJECT
public:
    explicit ChangeNotifier(QObject *parent = nullptr);
    ~ChangeNotifier() override;

    // What worker connections are opened with (openConnection), kept until they close.
    const ChangeSink &sink() const { return m_hub; }
    void watch(sqlite3 *connection) { m_hub->watch(connection); }
    void unwatch(sqlite3 *connection) { m_hub->unwatch(connection); }
    // The notifier's thread: announces what is queued now (one merged set), if anything.
    void flush();

Q_SIGNALS:
    void changed(const cockpit::storage::ChangeSet &changes);

private:
    ChangeSink m_hub;
};

} // namespace cockpit::storage

Q_DECLARE_METATYPE(cockpit::storage::ChangeSet)
