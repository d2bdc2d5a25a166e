// A new file's first pull by COPY (issue 12 "Scale": ≤ 2× psql \copy + sqlite3 .import).
//
// The paged pull reads the change feed (a UNION of every table) and then each page's rows by
// id: right for a few changes, slow for a whole company. A first pull instead streams each
// table with `COPY (SELECT … WHERE last_xid < horizon) TO STDOUT` (text format) from the
// pull's REPEATABLE READ snapshot straight into one prepared INSERT per table: nothing is held
// but a few batches of rows. A second thread reads the server and parses the rows while this
// one writes them (CopyBatch).
//
// Parents first (cockpit.synced_tables' order), so a reference to another table finds its
// parent's local key in an in-memory index of the referenced tables (uuid → key, 24 bytes a
// parent, sorted once when the children first ask): no query per row. A reference within a
// table asks the file (its uuid index); one to a row not here (the login cannot see it, or a
// later row of the same table) reserves a key, as the paged pull does. The tables' secondary
// indexes are set aside and built once at the end.
//
// Kill-safe and resumable: rows are committed every pageSize rows and at each table's end,
// with the resume point (sync_state first_pull = the table index, first_pull_horizon = the
// horizon of the attempt that started). A killed or cancelled first pull keeps what it
// committed; the next one copies that table again, still below the first attempt's horizon,
// skipping the rows already here (ON CONFLICT (uuid) DO NOTHING), and its cursor becomes that
// horizon: what changed in between arrives through the paged pull that follows, as upserts by
// uuid. Nothing is applied twice, and nothing the file already holds is touched (a local edit
// made after a cancel stays; the paged pull respects its outbox entry).
//
// Why not a fresh file renamed into place when complete: the caller owns the open, locked
// connection to the file (the CLI and the app's sync service), and a killed or cancelled
// first pull of 2.4 M rows would start again from nothing.
#include "sync/syncpullparts.h"
#include "sync/serverschema.h"

#include "storage/logchain.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <libpq-fe.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace cockpit::sync::pull {

namespace {

using Uuid = std::array<unsigned char, 16>;

// A hex digit's value, -1 for any other byte: a table (4-5 % of a first pull's CPU went to
// branching on 32 digits per uuid, two or three uuids per row).
struct HexDigits
{
    signed char value[256];
    constexpr HexDigits() : value()
    {
        for (int c = 0; c < 256; ++c)
            value[c] = (c >= '0' && c <= '9') ? char(c - '0') : (c >= 'a' && c <= 'f') ? char(c - 'a' + 10) : (c >= 'A' && c <= 'F') ? char(c - 'A' + 10) : -1;
    }
};
constexpr HexDigits kHex;
inline int hexValue(char c)
{
    return kHex.value[static_cast<unsigned char>(c)];
}

// 8-4-4-4-12 hex → 16 bytes; false for anything else.
bool parseUuid(const char *text, int size, Uuid *out)
{
    if (size != 36)
        return false;
    int o = 0;
    for (int i = 0; i < 36;) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i++] != '-')
                return false;
            continue;
        }
        const int hi = hexValue(text[i]), lo = hexValue(text[i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        (*out)[o++] = static_cast<unsigned char>(hi << 4 | lo);
        i += 2;
    }
    return true;
}

// uuid → local key of one referenced table: appended as its rows arrive, sorted when first
// asked. A lookup searches only the run of entries whose uuid begins with the same bits
// (uuids are random or hashes, so a run holds a handful; other uuids make longer runs, still
// searched correctly): a binary search over the whole table took 18 probes, each a cache
// miss, and was a tenth of the copy's CPU (memcmp) on the large demo's director, for three
// references a row.
class KeyIndex
{
public:
    void add(const Uuid &u, qint64 key)
    {
        if (!m_entries.empty() && !(m_entries.back().uuid < u))
            m_sorted = false;
        m_entries.push_back({u, key});
    }
    bool find(const Uuid &u, qint64 *key)
    {
        if (!m_sorted) {
            std::sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) { return a.uuid < b.uuid; });
            m_sorted = true;
        }
        if (m_runsFor != m_entries.size())
            buildRuns();
        const std::size_t prefix = (std::size_t(u[0]) << 8 | u[1]) >> (16 - m_bits);
        const auto first = m_entries.begin() + m_runStart[prefix];
        const auto last = m_entries.begin() + m_runStart[prefix + 1];
        const auto it = std::lower_bound(first, last, u, [](const Entry &e, const Uuid &v) { return e.uuid < v; });
        if (it == last || it->uuid != u)
            return false;
        *key = it->key;
        return true;
    }

private:
    struct Entry
    {
        Uuid uuid;
        qint64 key;
    };

    // About four entries a run: the uuid's first m_bits bits (at most 16) name its run, and
    // m_runStart[p] is the first entry of run p or above (the entries are sorted).
    void buildRuns()
    {
        m_bits = 0;
        while (m_bits < 16 && (std::size_t(4) << m_bits) < m_entries.size())
            ++m_bits;
        m_runStart.assign((std::size_t(1) << m_bits) + 1, 0);
        for (const Entry &e : m_entries)
            ++m_runStart[((std::size_t(e.uuid[0]) << 8 | e.uuid[1]) >> (16 - m_bits)) + 1];
        for (std::size_t p = 1; p < m_runStart.size(); ++p)
            m_runStart[p] += m_runStart[p - 1];
        m_runsFor = m_entries.size();
    }

    std::vector<Entry> m_entries;
    bool m_sorted = true;
    int m_bits = 0;
    std::vector<quint32> m_runStart{0, 0}; // 2^m_bits + 1 offsets, for m_runsFor entries
    std::size_t m_runsFor = 0;
};

// COPY text rows, each split into fields unescaped into one buffer (each field NUL-ended),
// read and parsed by the thread that reads the server while this one writes the file (the
// first pull is one core's work otherwise, and the server's process used a third of the
// other). A reference its parent's in-memory index knows is resolved there too; the rest
// (a key to reserve, a reference within the table) is left to the writer, which owns the
// file and the keys.
struct CopyBatch
{
    struct Field
    {
        int offset = 0; // in text
        int size = 0;   // -1 = NULL
        bool asKey = false; // `key` is the value to bind: a resolved reference or an integer
        qint64 key = 0;
    };
    struct Row
    {
        int firstField = 0;
        int fields = 0;
        bool idOk = false;
        Uuid id{};
    };
    std::vector<char> text;
    std::vector<Field> fields;
    std::vector<Row> rows;

    void clear()
    {
        text.clear();
        fields.clear();
        rows.clear();
    }
    // Splits and unescapes one row (the COPY text format).
    void append(const char *data, int n)
    {
        if (n > 0 && data[n - 1] == '\n')
            --n;
        Row row;
        row.firstField = int(fields.size());
        const std::size_t base = text.size();
        text.resize(base + std::size_t(n) + 1); // each field ends with a NUL where its tab (or the newline) was
        char *const begin = text.data();
        char *out = begin + base;
        const char *start = out;
        int fieldStart = 0;
        for (int i = 0; i <= n; ++i) {
            if (i == n || data[i] == '\t') {
                // NULL is the raw field \N; a text "\N" arrives as \\N.
                const bool null = i - fieldStart == 2 && data[fieldStart] == '\\' && data[fieldStart + 1] == 'N';
                fields.push_back(Field{int(start - begin), null ? -1 : int(out - start), false, 0});
                *out++ = '\0';
                start = out;
                fieldStart = i + 1;
                continue;
            }
            if (data[i] != '\\' || i + 1 >= n) {
                *out++ = data[i];
                continue;
            }
            switch (const char c = data[++i]) {
            case 'b': *out++ = '\b'; break;
            case 'f': *out++ = '\f'; break;
            case 'n': *out++ = '\n'; break;
            case 'r': *out++ = '\r'; break;
            case 't': *out++ = '\t'; break;
            case 'v': *out++ = '\v'; break;
            default: *out++ = c; // \\ and \N (only ever a whole field)
            }
        }
        text.resize(std::size_t(out - begin)); // unescaping may have shortened it
        row.fields = int(fields.size()) - row.firstField;
        rows.push_back(row);
    }
    const char *value(const Row &r, int field) const { return text.data() + fields[std::size_t(r.firstField + field)].offset; }
    int size(const Row &r, int field) const { return fields[std::size_t(r.firstField + field)].size; }
};

// The batches between the reading thread and the writer: at most kQueued waiting (memory
// stays flat), emptied ones handed back for reuse.
class BatchQueue
{
public:
    static constexpr std::size_t kQueued = 4;
    static constexpr std::size_t kRows = 2048;         // rows a batch, at most
    static constexpr std::size_t kBytes = 4u << 20;    // or this much text (a long cell)

    // The reader: a batch to fill.
    CopyBatch fresh()
    {
        std::lock_guard lock(m_mutex);
        if (m_spare.empty())
            return {};
        CopyBatch b = std::move(m_spare.back());
        m_spare.pop_back();
        b.clear();
        return b;
    }
    // The reader: false when the writer has stopped (the batch is dropped).
    bool push(CopyBatch &&b)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_full.size() < kQueued || m_halted; });
        if (m_halted)
            return false;
        m_full.push_back(std::move(b));
        m_changed.notify_all();
        return true;
    }
    // The reader: no more batches.
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }
    bool halted() const { return m_halted; }

    // The writer: the next batch, or false once the reader has finished and all are taken.
    bool pop(CopyBatch *out)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_full.empty() || m_finished; });
        if (m_full.empty())
            return false;
        if (!out->rows.empty() || !out->text.empty())
            m_spare.push_back(std::move(*out)); // the one it is done with
        *out = std::move(m_full.front());
        m_full.pop_front();
        m_changed.notify_all();
        return true;
    }
    // The writer: stop (a failure or a cancel); the reader's next push fails.
    void halt()
    {
        std::lock_guard lock(m_mutex);
        m_halted = true;
        m_full.clear();
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<CopyBatch> m_full;
    std::vector<CopyBatch> m_spare;
    bool m_finished = false;
    std::atomic<bool> m_halted{false}; // set under the mutex; the reader also looks without it
};

// The tables another table references by a foreign key: their uuid → key indexes, filled from
// the file (a resumed pull) and then as their rows arrive.
bool loadIndexes(sqlite3 *db, const QList<TableMap> &tables, std::map<QString, KeyIndex> *indexes)
{
    for (const auto &t : tables)
        for (const auto &c : t.cols)
            if (!c.refTable.isEmpty() && c.refTable != t.name) // a table's references to itself ask the file
                (*indexes)[c.refTable];
    for (auto &[table, index] : *indexes) {
        sql::Statement st(db, QStringLiteral("SELECT uuid, id FROM %1 WHERE length(uuid) = 16").arg(table).toStdString());
        if (!st.isValid())
            return false;
        while (sqlite3_step(st.handle()) == SQLITE_ROW) {
            Uuid u;
            std::memcpy(u.data(), sqlite3_column_blob(st.handle(), 0), 16);
            index.add(u, sqlite3_column_int64(st.handle(), 1));
        }
    }
    return true;
}

// A literal the COPY text may carry (COPY takes no parameters): a uuid or an xid8, checked.
bool safeLiteral(const QString &text)
{
    for (const QChar c : text)
        if (!(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f')) || c == QLatin1Char('-')))
            return false;
    return !text.isEmpty();
}

} // namespace

bool firstPullPending(sqlite3 *db)
{
    return !stateValue(db, QStringLiteral("first_pull")).isEmpty();
}

bool startFirstPull(sqlite3 *db, const QList<TableMap> &tables, const QString &horizon)
{
    if (!setState(db, QStringLiteral("first_pull"), QStringLiteral("0")) || !setState(db, QStringLiteral("first_pull_horizon"), horizon))
        return false;
    // The synced tables' secondary indexes are built once at the end (a sort) instead of row by
    // row: their text waits in sync_state with the pull (a killed pull still builds them).
    // Unique ones stay: they are constraints. Except the activity log's unique log_seq
    // indexes: the pull's own chain gives each record its number (buildChain, one after
    // another), and their build at the end checks uniqueness all the same. Kept, each of the
    // chain's 1.3 M writes put a number into them at random (1.5-2.8 s of the director's pull).
    QStringList names;
    for (const auto &t : tables)
        names << QLatin1Char('\'') + t.name + QLatin1Char('\'');
    QList<QPair<QString, QString>> indexes;
    {
        sql::Statement st(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                             "AND (sql NOT LIKE 'CREATE UNIQUE%' OR sql LIKE '%(log_seq) WHERE log_seq IS NOT NULL') AND tbl_name IN (%1)")
                                  .arg(names.join(QLatin1Char(',')))
                                  .toStdString());
        while (sqlite3_step(st.handle()) == SQLITE_ROW)
            indexes.append({QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st.handle(), 0))),
                            QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st.handle(), 1)))});
    }
    for (const auto &[name, sql] : std::as_const(indexes))
        if (!setState(db, QStringLiteral("first_pull_index:") + name, sql)
            || !sqlExec(db, QStringLiteral("DROP INDEX \"%1\"").arg(name).toUtf8().constData()))
            return false;
    return true;
}

// The indexes the first pull set aside, built again (in the caller's transaction).
bool rebuildIndexes(sqlite3 *db)
{
    QStringList sqls;
    {
        sql::Statement st(db, "SELECT value FROM sync_state WHERE key LIKE 'first_pull_index:%'");
        while (sqlite3_step(st.handle()) == SQLITE_ROW)
            sqls << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st.handle(), 0)));
    }
    // The file may have them already: opening a file builds the schema's missing indexes
    // (storage), so a cancelled first pull is never used without them.
    static const QRegularExpression create(QStringLiteral("^CREATE (UNIQUE )?INDEX "), QRegularExpression::CaseInsensitiveOption);
    for (QString sql : std::as_const(sqls))
        if (!sqlExec(db, sql.replace(create, QStringLiteral("CREATE \\1INDEX IF NOT EXISTS ")).toUtf8().constData()))
            return false;
    return sqlExec(db, "DELETE FROM sync_state WHERE key LIKE 'first_pull_index:%'");
}

bool abandonFirstPull(sqlite3 *db)
{
    return rebuildIndexes(db) && sqlExec(db, "DELETE FROM sync_state WHERE key IN ('first_pull', 'first_pull_horizon')");
}

namespace {
// The first pull's batches are committed with synchronous=NORMAL (in WAL mode the file stays
// consistent through a crash and may only lose the last batches, which the next pull fetches
// again), checkpointed every 64 MB rather than 4 MB, with a 64 MB page cache (the uuid
// indexes take rows in random order); the file's own settings come back at the end.
class BulkWrite
{
public:
    explicit BulkWrite(sqlite3 *db) : m_db(db)
    {
        m_synchronous = value("PRAGMA synchronous");
        m_checkpoint = value("PRAGMA wal_autocheckpoint");
        m_cache = value("PRAGMA cache_size");
        // A rollback journal while the file grows: pages past the file's end are written once,
        // where WAL writes each page twice (log, then checkpoint). Only when no other
        // connection has the file open (else WAL stays, and the pull is merely slower).
        m_wal = text("PRAGMA journal_mode") == "wal" && text("PRAGMA journal_mode = DELETE") == "delete";
        sqlExec(db, "PRAGMA synchronous = NORMAL");
        sqlExec(db, "PRAGMA wal_autocheckpoint = 16384");
        sqlExec(db, "PRAGMA cache_size = -65536");
    }
    ~BulkWrite()
    {
        sqlExec(m_db, QStringLiteral("PRAGMA synchronous = %1").arg(m_synchronous).toUtf8().constData());
        sqlExec(m_db, QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(m_checkpoint).toUtf8().constData());
        sqlExec(m_db, QStringLiteral("PRAGMA cache_size = %1").arg(m_cache).toUtf8().constData());
        if (m_wal)
            sqlExec(m_db, "PRAGMA journal_mode = WAL");
    }

private:
    qint64 value(const char *pragma)
    {
        sql::Statement st(m_db, pragma);
        return sqlite3_step(st.handle()) == SQLITE_ROW ? sqlite3_column_int64(st.handle(), 0) : 0;
    }
    QByteArray text(const char *pragma)
    {
        sql::Statement st(m_db, pragma);
        return sqlite3_step(st.handle()) == SQLITE_ROW ? QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(st.handle(), 0))) : QByteArray();
    }
    sqlite3 *m_db;
    qint64 m_synchronous = 2, m_checkpoint = 1000, m_cache = -2000;
    bool m_wal = false;
};
} // namespace

bool copyFirstPull(PgConnection &server, sqlite3 *db, const QList<TableMap> &tables, Applier &keys, const PullOptions &options,
                   PullReport *report, bool *cancelled, PgError *error)
{
    *cancelled = false;
    const int first = stateValue(db, QStringLiteral("first_pull")).toInt();
    const QString horizon = stateValue(db, QStringLiteral("first_pull_horizon"));
    if (!safeLiteral(horizon)) {
        error->kind = PgError::Kind::Other;
        error->message = Server::tr("The local file's first pull state is damaged (first_pull_horizon %1).").arg(horizon);
        return false;
    }
    // Planning a COPY of a whole table would JIT-compile its filters: more than it saves here.
    if (!server.exec(QStringLiteral("SET LOCAL jit = off"), error))
        return false;
    BulkWrite bulk(db);
    std::map<QString, KeyIndex> indexes;
    if (!loadIndexes(db, tables, &indexes))
        return fileFail(db, QStringLiteral("keys"), error);
    const int batch = std::max(1, options.pageSize);    // rows between progress calls
    const qint64 commitEvery = qint64(batch) * 10;     // rows between commits
    qint64 uncommitted = 0;   // rows applied since the last commit
    qint64 sinceProgress = 0; // rows since the last progress call (a table's end commits too)
    auto commit = [&](int table) {
        if (!keys.flushMaxima() || !setState(db, QStringLiteral("first_pull"), QString::number(table)) || !sqlExec(db, "COMMIT"))
            return false;
        report->rowsApplied += uncommitted;
        uncommitted = 0;
        return true;
    };
    auto localFail = [&](const QString &what) {
        fileFail(db, what, error);
        sqlExec(db, "ROLLBACK");
        return false;
    };

    for (int ti = first; ti < tables.size(); ++ti) {
        const TableMap &t = tables.at(ti);
        const bool logDeletions = t.name == QLatin1String("log_deletions");
        QStringList names;
        for (const auto &c : t.cols)
            names << c.local;
        if (!logDeletions)
            names << QStringLiteral("deleted");
        // A row already here (the part of this table a killed pull committed) is skipped.
        sql::Statement insert(db, QStringLiteral("INSERT INTO %1 (%2, uuid, id) VALUES (%3?, ?) ON CONFLICT (uuid) DO NOTHING")
                                      .arg(t.name, names.join(QStringLiteral(", ")), QStringLiteral("?, ").repeated(names.size()))
                                      .toStdString());
        if (!insert.isValid())
            return fileFail(db, t.name, error);
        sqlite3_stmt *const st = insert.handle();
        KeyIndex *const own = indexes.count(t.name) ? &indexes[t.name] : nullptr;
        std::vector<KeyIndex *> refIndex;
        for (const auto &c : t.cols) // a reference within the table asks the file (its rows arrive in any order)
            refIndex.push_back(c.refTable.isEmpty() || c.refTable == t.name ? nullptr : &indexes[c.refTable]);
        const int deletedField = int(t.cols.size()) + 1;
        const Applier::Reservations *const reserved = keys.reservations(t.name);

        if (!sqlExec(db, "BEGIN IMMEDIATE"))
            return fileFail(db, QStringLiteral("begin"), error);
        bool localFailed = false;
        QString failedWhat;
        // The reading thread's part of a row: split, the id read, integers and the references
        // the parents' indexes know resolved. It reads only the indexes of other tables, which
        // the writer no longer changes (parents first: they are complete).
        // The table a column's value references ('' when none) and that table's in-memory
        // index, if it has one. Both threads ask; it only reads.
        auto referenceOf = [&](const CopyBatch &b, const CopyBatch::Row &row, int c, KeyIndex **index) {
            const auto &col = t.cols.at(c);
            QString target = col.refTable;
            if (col.polymorphic && t.kindCol >= 0 && b.size(row, t.kindCol + 1) >= 0)
                target = polymorphicTable(t.name, QString::fromUtf8(b.value(row, t.kindCol + 1), b.size(row, t.kindCol + 1)));
            *index = refIndex[c];
            if (!*index && col.polymorphic && !target.isEmpty() && target != t.name) {
                const auto it = indexes.find(target);
                *index = it == indexes.end() ? nullptr : &it->second;
            }
            return target;
        };
        auto parse = [&](CopyBatch &b, const char *data, int n) {
            b.append(data, n);
            CopyBatch::Row &row = b.rows.back();
            if (row.fields != deletedField + 1)
                return; // the writer reports it
            row.idOk = parseUuid(b.value(row, 0), b.size(row, 0), &row.id);
            for (int c = 0; c < t.cols.size(); ++c) {
                CopyBatch::Field &f = b.fields[std::size_t(row.firstField + c + 1)];
                if (f.size < 0)
                    continue;
                const auto &col = t.cols.at(c);
                const char *value = b.text.data() + f.offset;
                KeyIndex *index = nullptr;
                if (!referenceOf(b, row, c, &index).isEmpty()) {
                    Uuid u;
                    f.asKey = index && parseUuid(value, f.size, &u) && index->find(u, &f.key);
                } else if (!col.polymorphic && col.integer) {
                    long long number = 0; // as strtoll: 0 for text that is not a number
                    std::from_chars(value, value + f.size, number);
                    f.key = number;
                    f.asKey = true;
                }
            }
        };
        // The writer's part, on this thread: keys, the insert, commits and progress.
        auto apply = [&](const CopyBatch &b, const CopyBatch::Row &r) -> bool {
            if (r.fields != deletedField + 1) {
                failedWhat = t.name + QStringLiteral(" (COPY row)");
                localFailed = true;
                return false;
            }
            if (!r.idOk) {
                failedWhat = t.name + QStringLiteral(" (id)");
                localFailed = true;
                return false;
            }
            const Uuid &id = r.id;
            const bool deleted = b.size(r, deletedField) == 1 && b.value(r, deletedField)[0] == '1';
            if (!(logDeletions && deleted)) { // a deleted log_deletions row is not content
                qint64 key = 0;
                if (!reserved->isEmpty()) {
                    key = keys.takeReserved(t.name, QByteArrayView(b.value(r, 0), 36));
                    if (key < 0) {
                        failedWhat = t.name;
                        localFailed = true;
                        return false;
                    }
                }
                if (key == 0)
                    key = keys.nextKey(t.name);
                sqlite3_reset(st);
                int p = 1;
                for (int c = 0; c < t.cols.size(); ++c) {
                    const auto &col = t.cols.at(c);
                    const CopyBatch::Field &f = b.fields[std::size_t(r.firstField + c + 1)];
                    const char *value = b.text.data() + f.offset;
                    const int size = f.size;
                    if (size < 0) {
                        sqlite3_bind_null(st, p++);
                        continue;
                    }
                    if (f.asKey) { // an integer, or a reference the reader resolved
                        sqlite3_bind_int64(st, p++, f.key);
                        continue;
                    }
                    KeyIndex *index = nullptr;
                    const QString target = referenceOf(b, r, c, &index);
                    if (!target.isEmpty()) {
                        // Not in the parent's index (the reader asked it) or a reference
                        // within the table: a key reserved for it (an index holds every row of
                        // its table that is here; without one, the file is asked).
                        qint64 ref = 0;
                        const QString text = QString::fromLatin1(value, size);
                        if (!(index ? keys.reserveKey(target, text, &ref) : keys.localKey(target, text, &ref))) {
                            failedWhat = t.name;
                            localFailed = true;
                            return false;
                        }
                        sqlite3_bind_int64(st, p++, ref);
                    } else if (col.polymorphic) {
                        sqlite3_bind_null(st, p++); // a kind this file does not key ('company')
                    } else {
                        sqlite3_bind_text(st, p++, value, size, SQLITE_STATIC);
                    }
                }
                if (!logDeletions)
                    sqlite3_bind_int64(st, p++, deleted ? 1 : 0);
                sqlite3_bind_blob(st, p++, id.data(), 16, SQLITE_STATIC);
                sqlite3_bind_int64(st, p, key);
                if (sqlite3_step(st) != SQLITE_DONE) {
                    failedWhat = t.name;
                    localFailed = true;
                    return false;
                }
                if (sqlite3_changes(db) == 1) { // else already here
                    if (own)
                        own->add(id, key);
                    ++uncommitted;
                    ++sinceProgress;
                }
            }
            if (sinceProgress < batch)
                return true;
            sinceProgress = 0;
            ++report->pages;
            const bool stop = options.progress && !options.progress(report->rowsApplied + uncommitted);
            if (!stop && uncommitted < commitEvery)
                return true;
            // Committed every commitEvery rows (each commit rewrites the uuid index pages the
            // batch touched: 10 000-row batches wrote 2.6× the file), and before a cancel.
            if (!commit(ti) || (!stop && !sqlExec(db, "BEGIN IMMEDIATE"))) {
                failedWhat = QStringLiteral("commit");
                localFailed = true;
                return false;
            }
            if (stop) {
                *cancelled = true;
                return false;
            }
            return true;
        };
        // In the table's own order: ORDER BY id (an index scan) took 15 s for 华东's activities
        // where the sequential scan takes 3.7 s.
        const QString copy = QStringLiteral("COPY (SELECT %1 FROM cockpit.%2 WHERE last_xid < '%3'::xid8) TO STDOUT").arg(t.select, t.name, horizon);
        PgError e;
        bool copied = false;
        BatchQueue queue;
        std::thread reader([&] {
            CopyBatch filling = queue.fresh();
            copied = server.copyOut(copy, [&](const char *data, int n) {
                if (queue.halted())
                    return false; // the rest is read and dropped (copyOut)
                parse(filling, data, n);
                if (filling.rows.size() < BatchQueue::kRows && filling.text.size() < BatchQueue::kBytes)
                    return true;
                if (!queue.push(std::move(filling)))
                    return false;
                filling = queue.fresh();
                return true;
            }, &e);
            if (!filling.rows.empty())
                queue.push(std::move(filling));
            queue.finish();
        });
        CopyBatch applying;
        bool applied = true;
        while (applied && queue.pop(&applying))
            for (const CopyBatch::Row &r : applying.rows)
                if (!(applied = apply(applying, r)))
                    break;
        if (!applied)
            queue.halt();
        while (queue.pop(&applying)) {} // after a halt: until the reader has finished
        reader.join();
        if (*cancelled)
            return true; // the batch before the cancel is committed; nothing is open
        if (localFailed)
            return localFail(failedWhat);
        if (!copied) {
            sqlExec(db, "ROLLBACK");
            uncommitted = 0; // the open batch is gone with the rollback
            *error = e;
            return false;
        }
        // The table is complete: a resumed pull starts at the next one.
        if (!commit(ti + 1))
            return localFail(QStringLiteral("commit"));
    }
    if (!sqlExec(db, "BEGIN IMMEDIATE"))
        return fileFail(db, QStringLiteral("begin"), error);
    // The pulled activities, stage moves and logged deletions join the file's log (syncpull.cpp
    // says why) here, while the bulk settings hold and the indexes that log_seq would update
    // are still set aside: on the large demo's whole company (1.3 M records) 29 s at the end
    // of the pull with the file's 16 MB cache, 11 s here (both beside two builds).
    // The chain's sorts and the indexes' builds each take as much memory as the page cache
    // may: 16 MB from here, not the copy's 64 MB, so a company's pull takes no more memory
    // than a region's.
    sqlExec(db, "PRAGMA cache_size = -16384");
#ifdef __GLIBC__
    malloc_trim(0); // the pages the cache let go of, back to the system: the sorts take new ones
#endif
    QElapsedTimer chaining;
    chaining.start();
    QString chainWhy;
    const qint64 chained = storage::logchain::buildChain(db, &chainWhy);
    if (chained < 0)
        return localFail(QStringLiteral("activity log: %1").arg(chainWhy));
    report->logChained += chained;
    report->logChainMs += chaining.elapsed();
    if (!abandonFirstPull(db) || !setState(db, QStringLiteral("cursor_xid"), horizon) || !setState(db, QStringLiteral("cursor_id"), kNilUuid)
        || !sqlExec(db, "COMMIT"))
        return localFail(QStringLiteral("cursor"));
    return true;
}

} // namespace cockpit::sync::pull
