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

qint64 buildChain(sqlite3 *db, QString *error, const std::function<void(qint64, qint64)> &progress)
{
    LogHead head;
    if (!readHead(db, &head, error))
        return -1;
    // The order first (two small columns per record), then each record read and chained.
    struct Item { sqlite3_int64 rowid; int kind; };
    std::vector<Item> order;
    const bool v5 = keyedByInteger(db);
    const std::vector<LogRecordKind> kinds = chainedKinds(db);
    {
        // (at, kind, global id): a v5 uuid blob sorts as its lowercase text did; the kind is
        // LogRecordKind's number. chainedBefore() (logchain.h) is this order for ValueChain:
        // change both or neither.
        const QByteArray id = v5 ? "uuid" : "id";
        QByteArrayList parts;
        for (const LogRecordKind kind : kinds)
            parts << "SELECT " + QByteArray::number(int(kind)) + " AS k, rowid, at, " + id + " FROM "
                         + specOf(kind, v5).table + " WHERE log_seq IS NULL";
        Stmt q;
        if (!q.prepare(db, parts.join(" UNION ALL ") + " ORDER BY 3, 1, 4", error))
            return -1;
        int rc;
        while ((rc = sqlite3_step(q.handle())) == SQLITE_ROW)
            order.push_back({sqlite3_column_int64(q.handle(), 1), sqlite3_column_int(q.handle(), 0)});
        if (rc != SQLITE_DONE)
            return fail(db, error), -1;
    }
    if (order.empty())
        return 0;
    std::array<Stmt, 3> read; // by LogRecordKind
    for (const LogRecordKind kind : kinds) {
        const TableSpec &spec = specOf(kind, v5);
        if (!read[std::size_t(kind)].prepare(db, QByteArray("SELECT ") + spec.columns + " FROM " + spec.table
                                                     + " WHERE rowid = ?", error))
            return -1;
    }
    Appender app(db, head);
    const qint64 total = qint64(order.size());
    qint64 done = 0;
    for (const Item &it : order) {
        if (progress && (done++ & 4095) == 0)
            progress(done - 1, total);
        Stmt &r = read[std::size_t(it.kind)];
        sqlite3_reset(r.handle());
        sqlite3_bind_int64(r.handle(), 1, it.rowid);
        if (sqlite3_step(r.handle()) != SQLITE_ROW)
            return fail(db, error), -1;
        if (!app.chain(LogRecordKind(it.kind), r.handle(), 0, it.rowid, error))
            return -1;
    }
    if (!app.finish(error))
        return -1;
    return qint64(order.size());
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
