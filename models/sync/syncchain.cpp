#include "sync/syncchain.h"

#include "storage/logchain.h"
#include "sync/syncpullparts.h"
#include "sync/syncpush.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QStringList>

#include <sqlite3.h>

namespace cockpit::sync {

Q_LOGGING_CATEGORY(lcSyncChain, "cockpit.sync.chain")

namespace {

PgError chainError(const QString &message, const QString &detail = {})
{
    PgError e;
    e.kind = PgError::Kind::ChainRefused;
    e.message = message;
    e.detail = detail;
    return e;
}

bool localFail(sqlite3 *db, const QString &why, PgError *error)
{
    if (error) {
        error->kind = PgError::Kind::Other;
        error->message = Server::tr("The activity log of the local file could not be read: %1")
                             .arg(why.isEmpty() ? QString::fromUtf8(sqlite3_errmsg(db)) : why);
    }
    return false;
}

// One batch of links in one statement (one round trip, one server transaction): the hashes
// as one bytea of (previous, hash) pairs, the records as one bytea cut at `offsets`. The
// function runs once per row of generate_series, in order; a refused link aborts the batch.
class Batch
{
public:
    void add(const storage::logchain::LogLink &link)
    {
        if (m_count == 0)
            m_first = link.seq;
        m_hashes.append(link.previous).append(link.hash);
        m_offsets << QString::number(m_records.size());
        m_records.append(link.record);
        m_last = link.seq;
        ++m_count;
    }
    int count() const { return m_count; }
    qint64 last() const { return m_last; }
    bool send(PgConnection &server, const QString &client, qint64 *moved, PgError *error)
    {
        QStringList offsets = m_offsets;
        offsets << QString::number(m_records.size());
        PgResult r;
        const bool ok = server.exec(
            QStringLiteral("SELECT count(*) FILTER (WHERE moved), count(*) FROM ("
                           " SELECT cockpit.push_chain_link($1::uuid, $2::bigint + i,"
                           "   substring($3::bytea FROM i * 64 + 1 FOR 32), substring($3::bytea FROM i * 64 + 33 FOR 32),"
                           "   substring($4::bytea FROM o[i + 1] + 1 FOR o[i + 2] - o[i + 1])) AS moved"
                           " FROM generate_series(0, $5::int - 1) AS i, (SELECT $6::int[] AS o) AS offsets) AS links"),
            {client, m_first, m_hashes, m_records, m_count, QStringLiteral("{%1}").arg(offsets.join(QLatin1Char(',')))},
            &r, error);
        if (ok)
            *moved = r.toLongLong(0, 0);
        m_hashes.clear();
        m_records.clear();
        m_offsets.clear();
        m_count = 0;
        return ok;
    }

private:
    QByteArray m_hashes;
    QByteArray m_records;
    QStringList m_offsets;
    qint64 m_first = 0;
    qint64 m_last = -1;
    int m_count = 0;
};

} // namespace

bool readChainAnchor(PgConnection &server, const QString &clientId, ChainAnchor *anchor, PgError *error)
{
    *anchor = {};
    PgResult r;
    if (!server.exec(QStringLiteral("SELECT seq, hash FROM cockpit.chain_head($1::uuid) WHERE seq IS NOT NULL"),
                     {clientId}, &r, error))
        return false;
    if (r.rows() == 1) {
        anchor->seq = r.toLongLong(0, 0);
        anchor->hash = r.bytes(0, 1);
    }
    return true;
}

QString storedClientId(sqlite3 *db)
{
    return pull::stateValue(db, QStringLiteral("client_id"));
}

qint64 anchoredChainSeq(sqlite3 *db)
{
    bool ok = false;
    const qint64 seq = pull::stateValue(db, QString::fromLatin1(kChainAnchoredKey)).toLongLong(&ok);
    return ok ? seq : -1;
}

bool pushChain(PgConnection &server, sqlite3 *db, const ChainPushOptions &options, ChainPushReport *report,
               PgError *error)
{
    QElapsedTimer timer;
    timer.start();
    *report = {};
    const QString where = server.address().display();
    const QString client = syncClientId(db);
    if (client.isEmpty())
        return localFail(db, {}, error);
    storage::LogHead head;
    QString why;
    if (!storage::logchain::readHead(db, &head, &why))
        return localFail(db, why, error);
    report->localHead = head.seq;
    ChainAnchor held;
    if (!readChainAnchor(server, client, &held, error))
        return false;
    report->anchoredSeq = held.seq;

    qint64 start = 0;
    if (held.seq < 0) {
        const QString from = pull::stateValue(db, QString::fromLatin1(kChainFromKey));
        if (!from.isEmpty()) {
            start = from.toLongLong(); // anchored before, on a server since rebuilt: from the same place
        } else {
            // The first anchoring: an empty log from #0 as it grows, a log with records at its head.
            start = std::max<qint64>(head.seq, 0);
            report->anchoredAtHead = head.seq > 0;
            if (!pull::setState(db, QString::fromLatin1(kChainFromKey), QString::number(start)))
                return localFail(db, {}, error);
        }
    } else {
        if (head.seq < held.seq) {
            if (error)
                *error = chainError(Server::tr("The activity log of this file ends at record #%1, but the server %2 "
                                               "anchored it up to record #%3: the log was cut since it was anchored. "
                                               "Your data still syncs; restore the file from a backup, or ask the "
                                               "administrator.")
                                        .arg(head.seq).arg(where).arg(held.seq));
            return false;
        }
        QByteArray mine;
        if (!storage::logchain::readLinks(db, held.seq, held.seq, [&](const storage::logchain::LogLink &l) {
                mine = l.hash;
                return true;
            }, &why)) {
            if (error)
                *error = chainError(Server::tr("The activity log of this file cannot be anchored on %1: %2").arg(where, why));
            return false;
        }
        if (mine != held.hash) {
            if (error)
                *error = chainError(Server::tr("Record #%1 of this file's activity log differs from the link the server %2 "
                                               "anchored: the log was rewritten since it was anchored. Your data still "
                                               "syncs; restore the file from a backup, or ask the administrator.")
                                        .arg(held.seq).arg(where));
            return false;
        }
        start = held.seq + 1;
    }

    Batch batch;
    PgError sendError;
    bool sent = true;
    auto flush = [&]() {
        qint64 moved = 0;
        const int n = batch.count();
        const qint64 last = batch.last();
        if (!batch.send(server, client, &moved, &sendError))
            return sent = false;
        report->pushed += moved;
        report->alreadyHeld += n - moved;
        report->anchoredSeq = last;
        ++report->batches;
        if (!pull::setState(db, QString::fromLatin1(kChainAnchoredKey), QString::number(last))) {
            localFail(db, {}, &sendError);
            return sent = false;
        }
        return true;
    };
    const int batchSize = std::max(1, options.batchSize);
    const bool read = storage::logchain::readLinks(db, start, head.seq, [&](const storage::logchain::LogLink &link) {
        batch.add(link);
        return batch.count() < batchSize || flush();
    }, &why);
    if (sent && read && batch.count() > 0)
        flush();
    report->elapsedMs = timer.elapsed();
    if (!sent) {
        if (error)
            *error = sendError;
        return false;
    }
    if (!read) {
        if (error)
            *error = chainError(Server::tr("The activity log of this file cannot be anchored on %1: %2").arg(where, why));
        return false;
    }
    qCDebug(lcSyncChain) << "chain of" << client << "anchored up to" << report->anchoredSeq << report->pushed << "pushed in"
                         << report->elapsedMs << "ms";
    return true;
}

} // namespace cockpit::sync
