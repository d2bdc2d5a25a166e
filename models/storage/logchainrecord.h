#pragma once
// The log chain's record format and its readers, shared by logchain.cpp (building and appending)
// and logverify.cpp (verifying and exporting): private to cockpit_logchain, not an API.
#include "storage/logchain.h"
#include "storage/uuidcolumn.h"
#include "domain/times.h"
#include "storage/sqlitestatement.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <openssl/evp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <array>
#include <limits>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <deque>
#include <vector>

namespace cockpit::storage::logchain_detail {

constexpr char kDomain[] = "cockpit-log-v1";
constexpr int kDomainLen = int(sizeof(kDomain) - 1);
constexpr int kHashLen = 32;
constexpr int kPrefixLen = kDomainLen + kHashLen;

// Content columns in canonical order; the integer ones are listed in intMask, the global
// ids (schema v5's uuid blobs, formatted as the canonical text they were before) in uuidMask.
// Schema v5 keys rows by integers: its record reads each reference's uuid, so the canonical
// record, and with it every hash, is byte for byte the one v4 and earlier wrote. A reference
// to no row (possible only with foreign keys off) hashes as "#<key>", never as NULL, so
// pointing a logged record somewhere else behind the app's back still breaks its link.
struct TableSpec
{
    const char *table;
    const char *columns;
    int columnCount;
    unsigned intMask; // bit i set: column i is an integer
    char tag;
    unsigned uuidMask = 0; // bit i set: column i is a uuid column value
    const char *idColumn = "id"; // the global id, for ordering and for naming a record
    // Schema v5: column i is an integer key of refs[i]; the record holds that row's uuid.
    std::array<const char *, 12> refs{};
    // Time columns: an INTEGER (schema v6, storage/TIMES_V6.md) is hashed as the ISO text
    // it stands for, so the record stays byte for byte what earlier schemas hashed.
    unsigned timeMask = 0;
    // A tombstone's record_id: column i is the key of a row of the table that column
    // recordKindColumn's text names (tombstoneKindCode()); the record holds that row's uuid.
    unsigned recordRefMask = 0;
    int recordKindColumn = -1;
};
constexpr TableSpec kActivitiesV4{
    "activities",
    "id, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, quote_version,"
    " reply_to, tags, text",
    12, (1u << 7) | (1u << 8), 'a'};
constexpr TableSpec kStageMovesV4{
    "stage_history", "id, lead_id, from_stage_id, to_stage_id, at, by_user_id, reason", 7, 0u, 's'};
constexpr TableSpec kActivitiesV5{
    "activities",
    "uuid, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, quote_version, reply_to, tags, text",
    12, (1u << 7) | (1u << 8), 'a', 1u, "uuid",
    {nullptr, "leads", "customers", "users", nullptr, nullptr, nullptr, nullptr, nullptr, "activities"}, 1u << 6};
constexpr TableSpec kStageMovesV5{
    "stage_history", "uuid, lead_id, from_stage_id, to_stage_id, at, by_user_id, reason", 7, 0u, 's', 1u, "uuid",
    {nullptr, "leads", "pipeline_stages", "pipeline_stages", nullptr, "users"}, 1u << 4};
// A logged soft delete or restore (schema v6's log_deletions; no older schema has one).
constexpr TableSpec kDeletions{
    "log_deletions", "uuid, record_kind, record_id, deleted, at, by_user_id, reason", 7, 1u << 3, 'd', 1u, "uuid",
    {nullptr, nullptr, nullptr, nullptr, nullptr, "users"}, 1u << 4, 1u << 2, 1};

// The table of the record a tombstone names, from its record_kind; nullptr for any other text.
inline const char *recordTable(const unsigned char *kind, int size)
{
    const std::string_view k(reinterpret_cast<const char *>(kind), kind ? std::size_t(size) : 0);
    if (k == "activity")
        return "activities";
    if (k == "stage_move")
        return "stage_history";
    return nullptr;
}

// The uuid of a referenced row, as the record holds it (schema v5). The org, customers and
// leads are read once, whole (verify reads every record: a query per reference cost a third
// of its time); activities and stage moves, which only replies and tombstones name, are
// looked up one by one.
class UuidResolver
{
public:
    explicit UuidResolver(sqlite3 *db) : m_db(db) {}
    // What a reference to no row (or a tombstone's to no kind of record) holds.
    static QByteArray missing(qint64 key) { return '#' + QByteArray::number(key); }
    // The canonical text of `table`'s row `key` (36 bytes for a UUID); a key that names no
    // row gives "#<key>", so pointing a logged record at nothing behind the app's back still
    // changes its hash. Valid until the next call.
    std::string_view text(const char *table, qint64 key)
    {
        if (std::strcmp(table, "activities") == 0)
            return one(m_activity, "SELECT uuid FROM activities WHERE id = ?", key);
        if (std::strcmp(table, "stage_history") == 0)
            return one(m_stageMove, "SELECT uuid FROM stage_history WHERE id = ?", key);
        Table *map = nullptr;
        for (Table &t : m_tables) // a handful, named by the specs' static strings
            if (std::strcmp(t.name, table) == 0)
                map = &t;
        if (!map) {
            map = &m_tables.emplace_back();
            map->name = table;
            const QByteArray sql = QByteArray("SELECT id, uuid FROM ") + table + " ORDER BY id";
            sql::Statement st(m_db, std::string_view(sql.constData(), std::size_t(sql.size())));
            while (st.next()) {
                const QByteArray raw = st.raw(1);
                Entry e{st.int64(0), {}, kLong};
                if (raw.size() == qsizetype(sizeof e.uuid)) {
                    std::memcpy(e.uuid, raw.constData(), sizeof e.uuid);
                    e.kind = kUuid;
                } else if (st.isNull(1)) {
                    e.kind = kNull;
                } else {
                    map->other.emplace(e.key, QByteArray(raw.constData(), raw.size())); // a copy: raw is the row's; anything but a uuid blob is hashed as it is
                }
                map->values.push_back(e);
            }
        }
        const Entry *e = map->find(key);
        if (!e)
            return missingText(key);
        if (e->kind == kUuid)
            return uuidText(e->uuid);
        if (e->kind == kNull)
            return kEmpty; // as an empty text, never as a NULL
        return view(map->other.at(key));
    }

private:
    // 32 bytes a row, sorted by key (the org, customers and leads of a large company: 150 000
    // rows, 5 MB; a hash map of texts took four times that): a first pull's chain reads them
    // for each of its 1.3 M records.
    enum Kind : std::uint8_t { kUuid, kNull, kLong };
    struct Entry
    {
        qint64 key;
        unsigned char uuid[16];
        Kind kind;
    };
    struct Table
    {
        const char *name = nullptr;
        std::vector<Entry> values;
        std::unordered_map<qint64, QByteArray> other; // values that are not uuid blobs
        const Entry *find(qint64 key) const
        {
            if (values.empty())
                return nullptr;
            // Keys are mostly dense (a pull or the generator numbers rows 1, 2, 3 …): the
            // entry at key's distance from the first is tried before a binary search.
            const qint64 at = key - values.front().key;
            if (at >= 0 && at < qint64(values.size()) && values[std::size_t(at)].key == key)
                return &values[std::size_t(at)];
            const auto it = std::lower_bound(values.begin(), values.end(), key, [](const Entry &e, qint64 k) { return e.key < k; });
            return it != values.end() && it->key == key ? &*it : nullptr;
        }
    };
    static constexpr std::string_view kEmpty{"", 0};
    static std::string_view view(const QByteArray &v)
    {
        return v.isEmpty() ? kEmpty : std::string_view(v.constData(), std::size_t(v.size()));
    }
    std::string_view uuidText(const unsigned char *uuid)
    {
        const int n = formatUuid(uuid, 16, m_text);
        return {m_text, std::size_t(std::max(n, 0))};
    }
    std::string_view missingText(qint64 key)
    {
        m_scratch = missing(key);
        return view(m_scratch);
    }
    std::string_view one(sql::Statement &st, std::string_view sql, qint64 key)
    {
        if (!st.isValid())
            st.prepare(m_db, sql);
        st.reset();
        st.bind(1, key);
        if (!st.next())
            return missingText(key);
        const QByteArray raw = st.raw(0);
        if (raw.size() == 16)
            return uuidText(reinterpret_cast<const unsigned char *>(raw.constData()));
        m_scratch = QByteArray(raw.constData(), raw.size());
        return view(m_scratch);
    }
    sqlite3 *m_db;
    std::deque<Table> m_tables;
    sql::Statement m_activity, m_stageMove;
    char m_text[36];
    QByteArray m_scratch;
};

// Schema v5 and later key rows by integers and keep each row's global id in `uuid`.
inline bool keyedByInteger(sqlite3 *db)
{
    sql::Statement st(db, std::string_view("SELECT 1 FROM pragma_table_info('activities') WHERE name = 'uuid'"));
    return st.next();
}

inline const TableSpec &specOf(LogRecordKind kind, bool v5)
{
    switch (kind) {
    case LogRecordKind::Activity:
        return v5 ? kActivitiesV5 : kActivitiesV4;
    case LogRecordKind::StageMove:
        return v5 ? kStageMovesV5 : kStageMovesV4;
    case LogRecordKind::Deletion:
        break;
    }
    return kDeletions;
}

// The kinds of record the file's chain can hold: tombstones only where log_deletions exists
// (schema v6; a file of an older schema, or an early v6 one, is a log without deletions).
inline std::vector<LogRecordKind> chainedKinds(sqlite3 *db)
{
    std::vector<LogRecordKind> kinds{LogRecordKind::Activity, LogRecordKind::StageMove};
    sql::Statement st(db, std::string_view("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                           " AND name = 'log_deletions'"));
    if (st.next())
        kinds.push_back(LogRecordKind::Deletion);
    return kinds;
}

// OpenSSL's SHA-256 (SHA-NI where the CPU has it); the context is reused across records.
class Sha256
{
public:
    Sha256() : m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr)), m_ctx(EVP_MD_CTX_new()) {}
    ~Sha256()
    {
        EVP_MD_CTX_free(m_ctx);
        EVP_MD_free(m_md);
    }
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    bool digest(const char *data, std::size_t size, unsigned char *out)
    {
        unsigned int n = 0;
        return m_md && m_ctx && EVP_DigestInit_ex2(m_ctx, m_md, nullptr) == 1
               && EVP_DigestUpdate(m_ctx, data, size) == 1 && EVP_DigestFinal_ex(m_ctx, out, &n) == 1
               && n == kHashLen;
    }

private:
    EVP_MD *m_md;
    EVP_MD_CTX *m_ctx;
};

// The message of one record: "cockpit-log-v1" || previous hash || canonical(record).
// A plain growing buffer written through a pointer: this runs once per record in verify.
class Message
{
public:
    Message() : m_buf(4096)
    {
        std::memcpy(m_buf.data(), kDomain, kDomainLen);
        m_size = kPrefixLen;
    }
    void start(const unsigned char *previous, char tag)
    {
        std::memcpy(m_buf.data() + kDomainLen, previous, kHashLen);
        m_buf[kPrefixLen] = tag;
        m_size = kPrefixLen + 1;
    }
    void addText(const unsigned char *text, int size)
    {
        reserve(4 + std::size_t(size));
        putU32(text ? quint32(size) : 0xFFFFFFFFu);
        if (text && size > 0) {
            std::memcpy(m_buf.data() + m_size, text, std::size_t(size));
            m_size += std::size_t(size);
        }
    }
    void addInt(qint64 v)
    {
        reserve(8);
        const auto u = quint64(v);
        char *p = m_buf.data() + m_size;
        for (int i = 0; i < 8; ++i)
            p[i] = char((u >> (56 - 8 * i)) & 0xFF);
        m_size += 8;
    }
    // Columns first..first+spec.columnCount-1 of the current row of `st`.
    void addRow(sqlite3_stmt *st, int first, const TableSpec &spec, UuidResolver *refs = nullptr)
    {
        for (int i = 0; i < spec.columnCount; ++i) {
            const int c = first + i;
            if (spec.refs[std::size_t(i)] && refs && sqlite3_column_type(st, c) != SQLITE_NULL) {
                const std::string_view t = refs->text(spec.refs[std::size_t(i)], sqlite3_column_int64(st, c));
                addText(reinterpret_cast<const unsigned char *>(t.data()), int(t.size()));
            } else if ((spec.recordRefMask & (1u << i)) && refs && sqlite3_column_type(st, c) != SQLITE_NULL) {
                const int k = first + spec.recordKindColumn;
                const char *table = recordTable(sqlite3_column_text(st, k), sqlite3_column_bytes(st, k));
                const qint64 key = sqlite3_column_int64(st, c);
                const QByteArray m = table ? QByteArray() : UuidResolver::missing(key);
                const std::string_view t = table ? refs->text(table, key) : std::string_view(m.constData(), std::size_t(m.size()));
                addText(reinterpret_cast<const unsigned char *>(t.data()), int(t.size()));
            } else if ((spec.timeMask & (1u << i)) && sqlite3_column_type(st, c) == SQLITE_INTEGER) {
                char iso[20];
                addText(reinterpret_cast<const unsigned char *>(iso),
                        times::formatIsoTime(sqlite3_column_int64(st, c), iso));
            } else if (spec.intMask & (1u << i)) {
                addInt(sqlite3_column_int64(st, c));
            } else if ((spec.uuidMask & (1u << i)) && sqlite3_column_type(st, c) == SQLITE_BLOB) {
                char text[36];
                const int n = formatUuid(static_cast<const unsigned char *>(sqlite3_column_blob(st, c)),
                                         sqlite3_column_bytes(st, c), text);
                if (n >= 0) {
                    addText(reinterpret_cast<const unsigned char *>(text), n);
                } else {
                    addText(static_cast<const unsigned char *>(sqlite3_column_blob(st, c)),
                            sqlite3_column_bytes(st, c));
                }
            } else if (sqlite3_column_type(st, c) == SQLITE_NULL) {
                addText(nullptr, 0);
            } else {
                const unsigned char *t = sqlite3_column_text(st, c);
                addText(t ? t : reinterpret_cast<const unsigned char *>(""), sqlite3_column_bytes(st, c));
            }
        }
    }
    // Column i of `spec` given by value (logchain.h, LogValue): encoded as addRow() encodes the
    // stored column (a reference as the uuid it reads through the key). false when the value
    // does not fit the column.
    bool addValue(const TableSpec &spec, int i, const logchain::LogValue &v)
    {
        const unsigned bit = 1u << i;
        const bool isRef = spec.refs[std::size_t(i)] != nullptr || (spec.recordRefMask & bit) != 0;
        switch (v.type) {
        case logchain::LogValue::Type::Null:
            if (spec.uuidMask & bit)
                return false;
            if (spec.intMask & bit)
                addInt(0);
            else
                addText(nullptr, 0);
            return true;
        case logchain::LogValue::Type::Integer:
            if (spec.timeMask & bit) {
                char iso[20];
                addText(reinterpret_cast<const unsigned char *>(iso), times::formatIsoTime(v.integer, iso));
                return true;
            }
            if (!(spec.intMask & bit))
                return false;
            addInt(v.integer);
            return true;
        case logchain::LogValue::Type::Text:
            if (((spec.intMask | spec.timeMask | spec.uuidMask) & bit) != 0 || isRef || !v.data)
                return false;
            addText(reinterpret_cast<const unsigned char *>(v.data), v.size);
            return true;
        case logchain::LogValue::Type::Uuid: {
            if (!((spec.uuidMask & bit) || isRef) || !v.data)
                return false;
            char text[36];
            const int n = formatUuid(reinterpret_cast<const unsigned char *>(v.data), v.size, text);
            if (n < 0)
                return false;
            addText(reinterpret_cast<const unsigned char *>(text), n);
            return true;
        }
        }
        return false;
    }
    const char *data() const { return m_buf.data(); }
    std::size_t size() const { return m_size; }

private:
    void reserve(std::size_t more)
    {
        if (m_size + more > m_buf.size())
            m_buf.resize(std::max(m_buf.size() * 2, m_size + more));
    }
    void putU32(quint32 v)
    {
        char *p = m_buf.data() + m_size;
        for (int i = 0; i < 4; ++i)
            p[i] = char((v >> (24 - 8 * i)) & 0xFF);
        m_size += 4;
    }
    std::vector<char> m_buf;
    std::size_t m_size = 0;
};

using Stmt = sql::Statement;

inline bool fail(sqlite3 *db, QString *error)
{
    if (error)
        *error = QString::fromUtf8(sqlite3_errmsg(db));
    return false;
}

inline QString columnString(sqlite3_stmt *st, int c)
{
    if (sqlite3_column_type(st, c) == SQLITE_BLOB)
        return uuidText(QByteArray(static_cast<const char *>(sqlite3_column_blob(st, c)),
                                   sqlite3_column_bytes(st, c)));
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, c)),
                             sqlite3_column_bytes(st, c));
}

inline bool writeHead(sqlite3 *db, const LogHead &head, QString *error)
{
    Stmt up;
    if (!up.prepare(db, "INSERT INTO settings (key, value) VALUES (?, ?), (?, ?)"
                        " ON CONFLICT(key) DO UPDATE SET value = excluded.value", error))
        return false;
    const QByteArray seq = QByteArray::number(head.seq);
    const QByteArray hex = head.hash.toHex();
    sqlite3_bind_text(up.handle(), 1, kLogHeadSeqKey, -1, SQLITE_STATIC);
    sqlite3_bind_text(up.handle(), 2, seq.constData(), int(seq.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(up.handle(), 3, kLogHeadHashKey, -1, SQLITE_STATIC);
    sqlite3_bind_text(up.handle(), 4, hex.constData(), int(hex.size()), SQLITE_TRANSIENT);
    return sqlite3_step(up.handle()) == SQLITE_DONE || fail(db, error);
}

// The links a long chain defers (Appender::deferWrites), handed back in rowid order per
// table: in memory up to `run` links in all (logchain::kChainLinksInMemory: 12 MB), beyond that in sorted runs in an
// anonymous temporary file, merged when drained. A whole company's first pull chains 1.3 M
// records: holding them all took 63 MB, a pull's memory then grew with the company.
struct PendingLink
{
    sqlite3_int64 rowid;
    qint64 seq;
    unsigned char hash[kHashLen];
};
class PendingLinks
{
public:
    explicit PendingLinks(std::size_t run) : m_run(std::max<std::size_t>(run, 1)) {}
    PendingLinks(const PendingLinks &) = delete;
    PendingLinks &operator=(const PendingLinks &) = delete;
    ~PendingLinks()
    {
        for (std::FILE *f : m_files)
            if (f)
                std::fclose(f);
    }
    void reserve(const std::array<qint64, 3> &expected)
    {
        for (std::size_t k = 0; k < expected.size(); ++k)
            m_memory[k].reserve(std::min(std::size_t(std::max<qint64>(expected[k], 0)), m_run));
    }
    // false when a full run could not be written out (errno says why).
    bool add(std::size_t kind, sqlite3_int64 rowid, qint64 seq, const unsigned char *hash)
    {
        PendingLink p{rowid, seq, {}};
        std::memcpy(p.hash, hash, kHashLen);
        m_memory[kind].push_back(p);
        if (++m_held < m_run)
            return true;
        for (std::size_t k = 0; k < m_memory.size(); ++k) // m_run links in all, whatever their tables
            if (!m_memory[k].empty() && !spill(k))
                return false;
        m_held = 0;
        return true;
    }
    // Every link of `kind` in rowid order to `write` (false stops); false when the temporary
    // file could not be read back.
    template<typename Write>
    bool drain(std::size_t kind, Write write)
    {
        std::vector<PendingLink> &rest = m_memory[kind];
        std::sort(rest.begin(), rest.end(), byRowid);
        std::vector<Run> &runs = m_runs[kind];
        if (runs.empty()) {
            for (const PendingLink &p : rest)
                if (!write(p))
                    break;
            rest = {};
            return true;
        }
        // A k-way merge of the runs on file and the rest in memory, a block of each at a time.
        constexpr std::size_t kBlock = 4096;
        struct Cursor
        {
            const Run *run = nullptr; // nullptr: the rest in memory
            std::vector<PendingLink> block;
            std::size_t next = 0, read = 0;
        };
        std::vector<Cursor> cursors(runs.size() + 1);
        auto refill = [&](Cursor &c) {
            if (!c.run || c.next < c.block.size() || c.read == c.run->count)
                return true;
            const std::size_t n = std::min(kBlock, c.run->count - c.read);
            c.block.resize(n);
            if (std::fseek(m_files[kind], long((c.run->first + c.read) * sizeof(PendingLink)), SEEK_SET) != 0
                || std::fread(c.block.data(), sizeof(PendingLink), n, m_files[kind]) != n)
                return false;
            c.read += n;
            c.next = 0;
            return true;
        };
        for (std::size_t i = 0; i < runs.size(); ++i) {
            cursors[i].run = &runs[i];
            if (!refill(cursors[i]))
                return false;
        }
        cursors.back().block.swap(rest);
        for (;;) {
            Cursor *least = nullptr;
            for (Cursor &c : cursors)
                if (c.next < c.block.size() && (!least || c.block[c.next].rowid < least->block[least->next].rowid))
                    least = &c;
            if (!least)
                break;
            if (!write(least->block[least->next++]))
                break;
            if (!refill(*least))
                return false;
        }
        runs.clear();
        return true;
    }

private:
    struct Run
    {
        std::size_t first; // in links from the file's start
        std::size_t count;
    };
    static bool byRowid(const PendingLink &a, const PendingLink &b) { return a.rowid < b.rowid; }
    bool spill(std::size_t kind)
    {
        std::vector<PendingLink> &links = m_memory[kind];
        std::sort(links.begin(), links.end(), byRowid);
        if (!m_files[kind] && !(m_files[kind] = std::tmpfile()))
            return false;
        std::vector<Run> &runs = m_runs[kind];
        const std::size_t first = runs.empty() ? 0 : runs.back().first + runs.back().count;
        if (std::fseek(m_files[kind], long(first * sizeof(PendingLink)), SEEK_SET) != 0
            || std::fwrite(links.data(), sizeof(PendingLink), links.size(), m_files[kind]) != links.size())
            return false;
        runs.push_back({first, links.size()});
        links.clear(); // the memory is kept for the next run
        return true;
    }
    std::array<std::vector<PendingLink>, 3> m_memory; // by LogRecordKind
    std::array<std::vector<Run>, 3> m_runs;
    std::array<std::FILE *, 3> m_files{};
    std::size_t m_run;
    std::size_t m_held = 0; // links in m_memory
};

// Appends records one after another, the head kept in memory and written once at the end.
class Appender
{
public:
    Appender(sqlite3 *db, LogHead head) : m_db(db), m_head(std::move(head)), m_v5(keyedByInteger(db)), m_refs(db) {}
    // `st` has a row whose columns from `first` are the canonical columns of `kind`.
    bool chain(LogRecordKind kind, sqlite3_stmt *st, int first, sqlite3_int64 rowid, QString *error)
    {
        const TableSpec &spec = specOf(kind, m_v5);
        Stmt &up = m_up[std::size_t(kind)];
        if (!up.handle() && !up.prepare(m_db, QByteArray("UPDATE ") + spec.table
                                            + " SET log_seq = ?, log_hash = ? WHERE rowid = ?", error))
            return false;
        m_msg.start(reinterpret_cast<const unsigned char *>(m_head.hash.constData()), spec.tag);
        m_msg.addRow(st, first, spec, &m_refs);
        unsigned char h[kHashLen];
        if (!m_sha.digest(m_msg.data(), m_msg.size(), h)) {
            if (error)
                *error = ActivityLog::tr("SHA-256 is not available.");
            return false;
        }
        if (m_deferred) {
            if (!m_links->add(std::size_t(kind), rowid, m_head.seq + 1, h)) {
                if (error)
                    *error = ActivityLog::tr("Could not write the activity log's links to a temporary file: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno)));
                return false;
            }
        } else if (!write(up, rowid, m_head.seq + 1, h, error)) {
            return false;
        }
        ++m_head.seq;
        m_head.hash = QByteArray(reinterpret_cast<const char *>(h), kHashLen);
        return true;
    }
    bool finish(QString *error) { return flush(error) && writeHead(m_db, m_head, error); }
    // Holds the links and writes them at finish(), in rowid order per table: a long chain
    // in time order rewrites rows all over each table, a page write per record; sorted, the
    // rows of one page are written together (12 s of 20 s chaining 1.3 M records, now 4 s).
    // `expected`: the records of each LogRecordKind to come.
    // `inMemory`: links held before they go to a temporary file.
    void deferWrites(const std::array<qint64, 3> &expected, std::size_t inMemory)
    {
        m_deferred = true;
        m_links = std::make_unique<PendingLinks>(inMemory);
        m_links->reserve(expected);
    }

private:
    bool write(Stmt &up, sqlite3_int64 rowid, qint64 seq, const unsigned char *hash, QString *error)
    {
        sqlite3_reset(up.handle());
        sqlite3_bind_int64(up.handle(), 1, seq);
        sqlite3_bind_blob(up.handle(), 2, hash, kHashLen, SQLITE_STATIC);
        sqlite3_bind_int64(up.handle(), 3, rowid);
        return sqlite3_step(up.handle()) == SQLITE_DONE || fail(m_db, error);
    }
    bool flush(QString *error)
    {
        if (!m_deferred)
            return true;
        for (std::size_t k = 0; k < 3; ++k) {
            bool ok = true;
            const bool read = m_links->drain(k, [&](const PendingLink &p) {
                ok = write(m_up[k], p.rowid, p.seq, p.hash, error);
                return ok;
            });
            if (!ok)
                return false;
            if (!read) {
                if (error)
                    *error = ActivityLog::tr("Could not read the activity log's links back from a temporary file: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno)));
                return false;
            }
        }
        return true;
    }
    bool m_deferred = false;
    std::unique_ptr<PendingLinks> m_links;

    sqlite3 *m_db;
    LogHead m_head;
    Sha256 m_sha;
    Message m_msg;
    std::array<Stmt, 3> m_up; // by LogRecordKind
    bool m_v5;
    UuidResolver m_refs;
};

// One ordered scan of a table's chained records: log_seq, log_hash, then the content.
struct Cursor
{
    const TableSpec *spec;
    LogRecordKind kind;
    Stmt stmt;
    bool has = false;
    qint64 seq = 0;
    bool open(sqlite3 *db, QString *error, qint64 from = 0)
    {
        if (!stmt.prepare(db, QByteArray("SELECT log_seq, log_hash, ") + spec->columns + " FROM "
                                  + spec->table + " WHERE log_seq IS NOT NULL AND log_seq >= ? ORDER BY log_seq",
                          error))
            return false;
        sqlite3_bind_int64(stmt.handle(), 1, from);
        return true;
    }
    int step(sqlite3 *db, QString *error)
    {
        const int rc = sqlite3_step(stmt.handle());
        has = rc == SQLITE_ROW;
        if (has)
            seq = sqlite3_column_int64(stmt.handle(), 0);
        else if (rc != SQLITE_DONE)
            fail(db, error);
        return rc;
    }
};

// Walks the chained tables in log_seq order (from index `from` on), calling visit(cursor) per
// record; visit returns false to stop. Returns false on a read error.
template <typename Visit>
bool mergeScan(sqlite3 *db, Visit &&visit, QString *error, qint64 from = 0)
{
    const bool v5 = keyedByInteger(db);
    const std::vector<LogRecordKind> kinds = chainedKinds(db);
    std::deque<Cursor> cursors; // a deque: the prepared statements never move
    for (const LogRecordKind kind : kinds) {
        Cursor &c = cursors.emplace_back(Cursor{&specOf(kind, v5), kind, {}});
        if (!c.open(db, error, from))
            return false;
        const int rc = c.step(db, error);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return false;
    }
    for (;;) {
        Cursor *next = nullptr; // the lowest index; on a tie the earlier table, as before
        for (Cursor &c : cursors)
            if (c.has && (!next || c.seq < next->seq))
                next = &c;
        if (!next)
            return true;
        if (!visit(*next))
            return true;
        const int rc = next->step(db, error);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return false;
    }
}

inline QString describe(LogRecordKind kind, const QString &id)
{
    return ActivityLog::tr("%1 %2").arg(logRecordKindName(kind), id);
}

} // namespace cockpit::storage::logchain_detail
