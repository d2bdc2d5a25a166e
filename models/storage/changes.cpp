#include "storage/changes.h"

#include <QSet>

#include <algorithm>
#include <array>
#include <functional>

#include <sqlite3.h>

namespace cockpit::storage {

bool ChangeSet::touches(const QString &table) const
{
    if (unknownRows)
        return true;
    for (const TableChange &c : changes)
        if (c.table == table)
            return true;
    return false;
}

QStringList ChangeSet::tables() const
{
    QStringList out;
    for (const TableChange &c : changes)
        if (!out.contains(c.table))
            out << c.table;
    return out;
}

namespace {
// Appends the rows of `add` (each once) that `rows` does not hold, in their order. Sets queue
// up while nobody takes them (the command line's pull: 2.4 M rows in a hundred commits), so
// the cost is a pass over `rows` with a look into a set of `add`, not a set of all of `rows`.
void appendNew(QVector<qint64> *rows, const QVector<qint64> &add)
{
    if (add.isEmpty())
        return;
    const auto [low, high] = std::minmax_element(add.cbegin(), add.cend());
    if (rows->isEmpty() || *std::max_element(rows->cbegin(), rows->cend()) < *low) {
        rows->append(add); // a bulk write's next rows: all above the ones listed
        return;
    }
    QSet<qint64> fresh(add.cbegin(), add.cend());
    for (const qint64 r : std::as_const(*rows))
        if (r >= *low && r <= *high)
            fresh.remove(r);
    for (const qint64 r : add)
        if (fresh.contains(r))
            rows->append(r);
}
} // namespace

void ChangeSet::merge(const ChangeSet &other)
{
    if (isEmpty()) {
        *this = other;
        return;
    }
    unknownRows = unknownRows || other.unknownRows;
    for (const TableChange &o : other.changes) {
        TableChange *same = nullptr;
        for (TableChange &c : changes)
            if (c.table == o.table && c.kind == o.kind)
                same = &c;
        if (!same) {
            changes.append(o);
            continue;
        }
        appendNew(&same->rows, o.rows);
    }
}

// What one connection wrote in its open transaction. Touched only on that connection's
// thread (SQLite calls the hooks there); handed to the notifier at commit.
struct ChangeHub::Watch
{
    ChangeHub *hub = nullptr; // alive while the watch is: unwatch() comes first
    QHash<QString, int> index; // table + kind → position in pending.changes
    ChangeSet pending;
    bool wrote = false;        // the transaction wrote a row the update hook saw
    // Telling "changed nothing" from "changed rows the hook cannot name" (a commit without a
    // row event): sqlite3_total_changes64 counts every row change once its statement has
    // finished. `expectedTotal` is what it reads when every change so far was seen by the
    // hook; a transaction's first row event reads the count of everything before it
    // (`txnBase`), and its events are counted in `txnRows`.
    sqlite3 *connection = nullptr;
    sqlite3_int64 expectedTotal = 0;
    sqlite3_int64 txnBase = 0;
    sqlite3_int64 txnRows = 0;
    // The entries of the last events: a bulk write reports rows of a few tables in turn (an
    // import: a lead, its stage moves, the next lead …), so most events find their entry here
    // without building its key. Slot `next` is the one replaced next.
    struct Recent
    {
        QByteArray table;
        int op = -1;
        int index = -1;
    };
    std::array<Recent, 4> recent;
    int next = 0;
};

namespace {
int entryOf(ChangeHub::Watch *w, int op, const char *table);

void onUpdate(void *data, int op, const char *, const char *table, sqlite3_int64 row)
{
    auto *w = static_cast<ChangeHub::Watch *>(data);
    if (!w->wrote) {
        w->txnBase = sqlite3_total_changes64(w->connection);
        w->txnRows = 0;
    }
    w->wrote = true;
    ++w->txnRows;
    int index = -1;
    for (const ChangeHub::Watch::Recent &r : w->recent)
        if (r.index >= 0 && r.op == op && qstrcmp(r.table.constData(), table) == 0) {
            index = r.index;
            break;
        }
    if (index < 0) {
        index = entryOf(w, op, table);
        w->recent[w->next] = {QByteArray(table), op, index};
        w->next = (w->next + 1) % int(w->recent.size());
    }
    QVector<qint64> &rows = w->pending.changes[index].rows;
    // Rows are few per entry in an edit and appended in order in bulk: the last one is the
    // usual repeat (several statements on one row).
    if (rows.isEmpty() || rows.constLast() != row)
        rows.append(row);
}

int entryOf(ChangeHub::Watch *w, int op, const char *table)
{
    const ChangeKind kind = op == SQLITE_INSERT ? ChangeKind::Inserted
                            : op == SQLITE_DELETE ? ChangeKind::Deleted : ChangeKind::Updated;
    const QString name = QString::fromUtf8(table);
    const QString key = name + QLatin1Char('/') + QString::number(int(kind));
    auto it = w->index.find(key);
    if (it == w->index.end()) {
        it = w->index.insert(key, int(w->pending.changes.size()));
        w->pending.changes.append(TableChange{name, kind, {}});
    }
    return *it;
}

void forget(ChangeHub::Watch *w)
{
    w->pending = {};
    w->index.clear();
    w->wrote = false;
    w->recent = {};
}

int onCommit(void *data)
{
    auto *w = static_cast<ChangeHub::Watch *>(data);
    ChangeSet set = std::move(w->pending);
    if (w->wrote) {
        w->expectedTotal = w->txnBase + w->txnRows;
    } else {
        const sqlite3_int64 total = sqlite3_total_changes64(w->connection);
        const bool changedRows = total != w->expectedTotal;
        w->expectedTotal = total;
        if (!changedRows) {
            forget(w); // nothing changed: an empty transaction, an UPDATE that matched no row
            return 0;
        }
        set.unknownRows = true; // rows changed that the update hook does not report
    }
    forget(w);
    for (TableChange &c : set.changes) { // the same row twice (not in a row) appears once
        if (std::is_sorted(c.rows.cbegin(), c.rows.cend(), std::less_equal<qint64>()))
            continue; // ascending without repeats (a bulk insert): nothing to drop
        QVector<qint64> unique;
        unique.reserve(c.rows.size());
        QSet<qint64> seen;
        for (qint64 r : std::as_const(c.rows))
            if (!seen.contains(r)) {
                seen.insert(r);
                unique.append(r);
            }
        c.rows = std::move(unique);
    }
    w->hub->post(std::move(set));
    return 0; // let the commit go on
}

void onRollback(void *data)
{
    auto *w = static_cast<ChangeHub::Watch *>(data);
    if (w->wrote)
        w->expectedTotal = w->txnBase + w->txnRows; // rolled-back changes stay counted
    forget(w);
}
} // namespace

ChangeNotifier::ChangeNotifier(QObject *parent) : QObject(parent), m_hub(std::make_shared<ChangeHub>())
{
    qRegisterMetaType<ChangeSet>();
    m_hub->m_notifier = this;
}

ChangeNotifier::~ChangeNotifier()
{
    // Workers that still hold the hub keep writing safely; what they post is dropped.
    QMutexLocker lock(&m_hub->m_mutex);
    m_hub->m_notifier = nullptr;
}

void ChangeHub::watch(sqlite3 *connection)
{
    if (!connection)
        return;
    auto w = std::make_shared<Watch>();
    w->hub = this;
    w->connection = connection;
    w->expectedTotal = sqlite3_total_changes64(connection);
    {
        QMutexLocker lock(&m_mutex);
        m_watches.insert(connection, w);
    }
    sqlite3_update_hook(connection, onUpdate, w.get());
    sqlite3_commit_hook(connection, onCommit, w.get());
    sqlite3_rollback_hook(connection, onRollback, w.get());
}

void ChangeHub::unwatch(sqlite3 *connection)
{
    if (!connection)
        return;
    sqlite3_update_hook(connection, nullptr, nullptr);
    sqlite3_commit_hook(connection, nullptr, nullptr);
    sqlite3_rollback_hook(connection, nullptr, nullptr);
    QMutexLocker lock(&m_mutex);
    m_watches.remove(connection);
}

void ChangeHub::post(ChangeSet set)
{
    QMutexLocker lock(&m_mutex);
    if (!m_notifier)
        return; // the notifier is gone (the app is closing): nobody listens
    m_queued.merge(set);
    if (!std::exchange(m_flushPosted, true))
        QMetaObject::invokeMethod(m_notifier, &ChangeNotifier::flush, Qt::QueuedConnection);
}

void ChangeNotifier::flush()
{
    ChangeSet set;
    {
        QMutexLocker lock(&m_hub->m_mutex);
        set = std::exchange(m_hub->m_queued, {});
        m_hub->m_flushPosted = false;
    }
    if (!set.isEmpty())
        Q_EMIT changed(set);
}

} // namespace cockpit::storage
