#include "storage/logchain.h"
#include "storage/logchainrecord.h"

#include "storage/uuidcolumn.h"
#include "domain/times.h"
#include "storage/sqlitestatement.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <openssl/evp.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <limits>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <deque>
#include <vector>

namespace cockpit::storage {

using namespace logchain_detail;

QString logRecordKindName(LogRecordKind kind)
{
    switch (kind) {
    case LogRecordKind::Activity:
        return ActivityLog::tr("activity");
    case LogRecordKind::StageMove:
        return ActivityLog::tr("stage move");
    case LogRecordKind::Deletion:
        break;
    }
    return ActivityLog::tr("deletion record");
}

const char *tombstoneKindCode(LogRecordKind kind)
{
    switch (kind) {
    case LogRecordKind::Activity:
        return "activity";
    case LogRecordKind::StageMove:
        return "stage_move";
    case LogRecordKind::Deletion:
        break;
    }
    return nullptr;
}

bool tombstoneKindOf(QStringView code, LogRecordKind *kind)
{
    for (const LogRecordKind k : {LogRecordKind::Activity, LogRecordKind::StageMove}) {
        if (code == QLatin1String(tombstoneKindCode(k))) {
            *kind = k;
            return true;
        }
    }
    return false;
}

namespace logchain {

QByteArray chainHash(const QByteArray &previous, const QByteArray &canonical)
{
    QByteArray msg(kDomain, kDomainLen);
    msg.append(previous).append(canonical);
    unsigned char h[kHashLen];
    Sha256 sha;
    if (!sha.digest(msg.constData(), std::size_t(msg.size()), h))
        return {};
    return QByteArray(reinterpret_cast<const char *>(h), kHashLen);
}

bool readHead(sqlite3 *db, LogHead *head, QString *error)
{
    *head = LogHead{};
    Stmt q;
    if (!q.prepare(db, "SELECT key, value FROM settings WHERE key IN ('log_head_seq', 'log_head_hash')", error))
        return false;
    QString seqText, hashText;
    int rc;
    while ((rc = sqlite3_step(q.handle())) == SQLITE_ROW) {
        const QString key = columnString(q.handle(), 0);
        (key == QLatin1String(kLogHeadSeqKey) ? seqText : hashText) = columnString(q.handle(), 1);
    }
    if (rc != SQLITE_DONE)
        return fail(db, error);
    if (seqText.isEmpty() && hashText.isEmpty())
        return true;
    bool ok = false;
    const qint64 seq = seqText.toLongLong(&ok);
    const QByteArray hash = QByteArray::fromHex(hashText.toLatin1());
    if (!ok || seq < -1 || hash.size() != kHashLen || hashText.size() != 2 * kHashLen) {
        if (error)
            *error = ActivityLog::tr("The log head in the settings is malformed (log_head_seq \"%1\", "
                                     "log_head_hash \"%2\").")
                         .arg(seqText, hashText);
        return false;
    }
    head->seq = seq;
    head->hash = hash;
    return true;
}

bool append(sqlite3 *db, LogRecordKind kind, const QString &id, QString *error)
{
    LogHead head;
    if (!readHead(db, &head, error))
        return false;
    const TableSpec &spec = specOf(kind, keyedByInteger(db));
    Stmt q;
    if (!q.prepare(db, QByteArray("SELECT rowid, log_seq, ") + spec.columns + " FROM " + spec.table + " WHERE id = ?",
                   error))
        return false;
    const QByteArray key = id.toUtf8();
    sqlite3_bind_text(q.handle(), 1, key.constData(), int(key.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(q.handle());
    if (rc == SQLITE_DONE) {
        if (error)
            *error = ActivityLog::tr("Cannot log %1: no such record.").arg(describe(kind, id));
        return false;
    }
    if (rc != SQLITE_ROW)
        return fail(db, error);
    if (sqlite3_column_type(q.handle(), 1) != SQLITE_NULL) {
        if (error)
            *error = ActivityLog::tr("%1 is already in the log (index %2).")
                         .arg(describe(kind, id))
                         .arg(sqlite3_column_int64(q.handle(), 1));
        return false;
    }
    Appender app(db, head);
    return app.chain(kind, q.handle(), 2, sqlite3_column_int64(q.handle(), 0), error) && app.finish(error);
}

namespace {
// SQLite's order of two values of one column (NULL, then numbers, then text and blobs by
// their bytes: the BINARY collation), for merging the streams of buildChain().
int compareColumn(sqlite3_stmt *a, sqlite3_stmt *b, int col)
{
    const int ta = sqlite3_column_type(a, col), tb = sqlite3_column_type(b, col);
    auto rank = [](int t) { return t == SQLITE_NULL ? 0 : (t == SQLITE_INTEGER || t == SQLITE_FLOAT) ? 1 : 2; };
    if (rank(ta) != rank(tb))
        return rank(ta) < rank(tb) ? -1 : 1;
    if (ta == SQLITE_NULL)
        return 0;
    if (rank(ta) == 1) {
        if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER) {
            const sqlite3_int64 x = sqlite3_column_int64(a, col), y = sqlite3_column_int64(b, col);
            return x < y ? -1 : x > y ? 1 : 0;
        }
        const double x = sqlite3_column_double(a, col), y = sqlite3_column_double(b, col);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    const void *x = ta == SQLITE_TEXT ? static_cast<const void *>(sqlite3_column_text(a, col)) : sqlite3_column_blob(a, col);
    const void *y = tb == SQLITE_TEXT ? static_cast<const void *>(sqlite3_column_text(b, col)) : sqlite3_column_blob(b, col);
    const int nx = sqlite3_column_bytes(a, col), ny = sqlite3_column_bytes(b, col);
    const int c = std::memcmp(x, y, std::size_t(std::min(nx, ny)));
    return c != 0 ? c : (nx < ny ? -1 : nx > ny ? 1 : 0);
}
} // namespace

qint64 buildChain(sqlite3 *db, QString *error, const std::function<void(qint64, qint64)> &progress, std::size_t linksInMemory)
{
    LogHead head;
    if (!readHead(db, &head, error))
        return -1;
    const bool v5 = keyedByInteger(db);
    const std::vector<LogRecordKind> kinds = chainedKinds(db);
    qint64 total = 0;
    std::array<qint64, 3> counts{}; // by LogRecordKind
    for (const LogRecordKind kind : kinds) { // the partial "unchained" indexes count these
        Stmt count;
        if (!count.prepare(db, QByteArray("SELECT count(*) FROM ") + specOf(kind, v5).table + " WHERE log_seq IS NULL", error))
            return -1;
        if (sqlite3_step(count.handle()) != SQLITE_ROW)
            return fail(db, error), -1;
        counts[std::size_t(kind)] = sqlite3_column_int64(count.handle(), 0);
        total += counts[std::size_t(kind)];
    }
    if (total == 0)
        return 0;
    // One stream per table in (at, global id) order, whole records, merged by (at, kind): the
    // order (at, kind, global id), where a v5 uuid blob sorts as its lowercase text did and
    // the kind is LogRecordKind's number. chainedBefore() (logchain.h) is this order for
    // ValueChain: change both or neither. Each table is read once in its own order and
    // sorted by SQLite; reading records one by one in chain order was a random lookup per
    // record (a third of a first pull's chaining of 1.3 M records on the large demo).
    struct Stream
    {
        LogRecordKind kind;
        Stmt stmt;
        bool has = false;
    };
    std::deque<Stream> streams; // a deque: the prepared statements never move
    const QByteArray id = v5 ? "uuid" : "id";
    auto step = [&](Stream &s) {
        const int rc = sqlite3_step(s.stmt.handle());
        s.has = rc == SQLITE_ROW;
        return rc == SQLITE_ROW || rc == SQLITE_DONE || fail(db, error);
    };
    for (const LogRecordKind kind : kinds) {
        const TableSpec &spec = specOf(kind, v5);
        Stream &s = streams.emplace_back(Stream{kind, {}, false});
        if (!s.stmt.prepare(db, QByteArray("SELECT rowid, at, ") + spec.columns + " FROM " + spec.table
                                    + " WHERE log_seq IS NULL ORDER BY at, " + id,
                            error)
            || !step(s))
            return -1;
    }
    // The writes wait until every record is read (48 bytes each, in memory up to
    // linksInMemory, then in a temporary file): the streams then never see a row they
    // changed, and the rows are written in rowid order.
    Appender app(db, head);
    app.deferWrites(counts, linksInMemory);
    qint64 done = 0;
    for (;;) {
        Stream *next = nullptr; // the earliest time; on a tie the lower kind
        for (Stream &s : streams) {
            if (!s.has)
                continue;
            const int c = next ? compareColumn(s.stmt.handle(), next->stmt.handle(), 1) : -1;
            if (c < 0 || (c == 0 && int(s.kind) < int(next->kind)))
                next = &s;
        }
        if (!next)
            break;
        if (progress && (done & 4095) == 0)
            progress(done, total);
        ++done;
        if (!app.chain(next->kind, next->stmt.handle(), 2, sqlite3_column_int64(next->stmt.handle(), 0), error)
            || !step(*next))
            return -1;
    }
    for (Stream &s : streams) // the reads end before the writes
        sqlite3_reset(s.stmt.handle());
    if (!app.finish(error))
        return -1;

    return done;
}

struct ValueChain::Impl
{
    qint64 seq = -1;
    unsigned char hash[kHashLen] = {};
    Sha256 sha;
    Message msg;
};

ValueChain::ValueChain() : d(std::make_unique<Impl>()) {}
ValueChain::ValueChain(const LogHead &start) : d(std::make_unique<Impl>())
{
    d->seq = start.seq;
    if (start.hash.size() == kHashLen)
        std::memcpy(d->hash, start.hash.constData(), kHashLen);
}
ValueChain::~ValueChain() = default;

LogHead ValueChain::head() const
{
    LogHead h;
    h.seq = d->seq;
    h.hash = QByteArray(reinterpret_cast<const char *>(d->hash), kHashLen);
    return h;
}

qint64 ValueChain::append(LogRecordKind kind, const LogValue *columns, int count, unsigned char *hash,
                          QString *error)
{
    const TableSpec &spec = specOf(kind, true);
    if (count != spec.columnCount) {
        if (error)
            *error = QStringLiteral("%1: %2 columns given, %3 expected").arg(logRecordKindName(kind)).arg(count).arg(spec.columnCount);
        return -1;
    }
    d->msg.start(d->hash, spec.tag);
    for (int i = 0; i < count; ++i) {
        if (!d->msg.addValue(spec, i, columns[i])) {
            if (error)
                *error = QStringLiteral("%1: the value of column %2 does not fit it").arg(logRecordKindName(kind)).arg(i);
            return -1;
        }
    }
    if (!d->sha.digest(d->msg.data(), d->msg.size(), hash)) {
        if (error)
            *error = QStringLiteral("SHA-256 is not available");
        return -1;
    }
    std::memcpy(d->hash, hash, kHashLen);
    return ++d->seq;
}

bool storeHead(sqlite3 *db, const LogHead &head, QString *error)
{
    return writeHead(db, head, error);
}

} // namespace logchain
} // namespace cockpit::storage
