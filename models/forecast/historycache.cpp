#include "forecast/historycache.h"

#include "analytics/factsfile.h"
#include "analytics/query.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <type_traits>

#include <sys/resource.h>
#include <unistd.h>

namespace cockpit::forecast {

Q_LOGGING_CATEGORY(lcHistory, "cockpit.forecast.history")

namespace {
struct Entry
{
    QByteArray fingerprint;
    std::shared_ptr<const History> history;
};
struct Disk
{
    QString dir;
    std::chrono::milliseconds delay{0}; // a write starts this long after the read
    std::future<void> saving; // the last write (a new one starts only once it has ended)
    std::atomic_bool stop{false}; // the app is closing: a write not finished gives up
    std::mutex waiting;
    std::condition_variable stopped;
    void tellStop()
    {
        {
            std::lock_guard<std::mutex> lock(waiting);
            stop = true;
        }
        stopped.notify_all();
    }
    ~Disk()
    {
        tellStop();
        if (saving.valid())
            saving.wait();
    }
};
Disk &disk()
{
    static Disk d;
    return d;
}
QMutex &cacheMutex()
{
    static QMutex m;
    return m;
}
QHash<QString, Entry> &cache()
{
    static QHash<QString, Entry> c;
    return c;
}
} // namespace

// ---- On disk between runs -------------------------------------------------------------
// Every member of a history, as raw arrays in a facts file (analytics/factsfile.h: header,
// fingerprint, SHA-256): the deals' scalars as one record each, their lists flattened into
// one array per member. Reading 100 000 deals back is a few copies, not 1.4 M rows.
namespace {
constexpr quint32 kHistoryMagic = 0x48495354; // "HIST"
constexpr qint32 kHistoryFormat = 2;          // bump when the records below change

// A member added to Deal, DealHistory or History must be written below too: these sizes
// stop the build until it is (and the format is bumped).
static_assert(sizeof(Deal) == 224 && sizeof(DealHistory) == 344 && sizeof(History) == 144,
              "a history member changed: update DealRecord / historyToBytes / historyFromBytes and kHistoryFormat");

enum DealFlag : quint16 {
    AmountEstimated = 1,
    FinalApproverMet = 2,
    DecisionRoleKnown = 4,
    IntentSeal = 8,
    IntentBudget = 16,
    IntentContact = 32,
    IntentNextMeeting = 64,
    DemoHeld = 128,
};

struct DealRecord
{
    qint64 id = 0, amountCents = 0, createdDay = 0, closedDay = -1, expectedCloseDay = -1;
    qint64 createdAt = 0, closedAt = -1, firstDemoAt = -1, customerSinceDay = -1, budgetCents = 0;
    qint32 pipeline = 0, stage = 0, industry = -1, product = -1, customer = 0, owner = 0;
    qint32 recordedProbability = 0, salesActions = 0, customerResponses = 0, seniorityBucket = kNotRecorded;
    qint32 stagesReached = 0, stageFacts = 0, moves = 0, salesAt = 0, customerAt = 0;
    std::array<std::int8_t, FactorCount> bucket{};
    std::int8_t outcome = 0, pad = 0;
    quint16 flags = 0, pad2 = 0; // no padding the compiler adds: the bytes on disk are all set
};
static_assert(sizeof(DealRecord) == 152);
static_assert(std::is_trivially_copyable_v<DealRecord>);

} // namespace

QByteArray historyToBytes(const History &h, const std::atomic_bool *stop)
{
    analytics::factsfile::Writer w;
    w.add(QVector<QString>(h.industries.cbegin(), h.industries.cend()));
    w.add(QVector<QString>(h.stageNames.cbegin(), h.stageNames.cend()));
    w.add(h.stageCloses);
    QVector<qint64> titled;
    QVector<QString> titles;
    for (auto it = h.openTitles.cbegin(); it != h.openTitles.cend(); ++it) {
        titled << it.key();
        titles << it.value();
    }
    w.add(titled);
    w.add(titles);
    std::vector<qint32> payers, paymentCounts;
    std::vector<qint64> due, paid;
    for (auto it = h.payments.cbegin(); it != h.payments.cend(); ++it) {
        payers.push_back(it.key());
        paymentCounts.push_back(qint32(it.value().size()));
        for (const auto &[d, p] : it.value()) {
            due.push_back(d);
            paid.push_back(p);
        }
    }
    w.add(payers);
    w.add(paymentCounts);
    w.add(due);
    w.add(paid);
    w.add(QVector<QString>{h.currency});
    w.add(qint32(h.intentRecorded) | qint32(h.amountLeaks) << 1 | qint32(h.closeDateWritten) << 2);
    w.add(qint32(h.outcomeWritten));

    std::vector<DealRecord> records;
    records.reserve(h.deals.size());
    // Every array at its final size from the start: growing one copies megabytes in one step.
    std::size_t nReached = 0, nFacts = 0, nMoves = 0, nSales = 0, nCustomer = 0;
    for (const DealHistory &r : h.deals) {
        nReached += r.current.stagesReached.size();
        nFacts += r.current.stageFacts.size();
        nMoves += r.moves.size();
        nSales += r.salesAt.size();
        nCustomer += r.customerAt.size();
    }
    w.bytes().reserve(w.bytes().size()
                      + qsizetype(h.deals.size() * sizeof(DealRecord) + nReached * 4 + nFacts * 9 + nMoves * 12
                                  + (nSales + nCustomer) * 8 + 9 * sizeof(qint64)));
    std::vector<qint32> reached, factSales, factResponses, moveStage;
    std::vector<std::int8_t> factDemo;
    std::vector<qint64> moveAt, salesAt, customerAt;
    reached.reserve(nReached);
    factDemo.reserve(nFacts);
    factSales.reserve(nFacts);
    factResponses.reserve(nFacts);
    moveAt.reserve(nMoves);
    moveStage.reserve(nMoves);
    salesAt.reserve(nSales);
    customerAt.reserve(nCustomer);
    for (const DealHistory &r : h.deals) {
        if (stop && records.size() % 256 == 0 && stop->load(std::memory_order_relaxed))
            return {};
        const Deal &d = r.current;
        DealRecord x;
        x.id = d.id;
        x.amountCents = d.amountCents;
        x.createdDay = d.createdDay;
        x.closedDay = d.closedDay;
        x.expectedCloseDay = d.expectedCloseDay;
        x.createdAt = r.createdAt;
        x.closedAt = r.closedAt;
        x.firstDemoAt = r.firstDemoAt;
        x.customerSinceDay = r.customerSinceDay;
        x.budgetCents = r.budgetCents;
        x.pipeline = d.pipeline;
        x.stage = d.stage;
        x.industry = d.industry;
        x.product = d.product;
        x.customer = d.customer;
        x.owner = d.owner;
        x.recordedProbability = d.recordedProbability;
        x.salesActions = d.salesActions;
        x.customerResponses = d.customerResponses;
        x.seniorityBucket = r.seniorityBucket;
        x.stagesReached = qint32(d.stagesReached.size());
        x.stageFacts = qint32(d.stageFacts.size());
        x.moves = qint32(r.moves.size());
        x.salesAt = qint32(r.salesAt.size());
        x.customerAt = qint32(r.customerAt.size());
        x.bucket = d.bucket;
        x.outcome = std::int8_t(d.outcome);
        x.flags = (d.amountEstimated ? AmountEstimated : 0) | (d.finalApproverMet ? FinalApproverMet : 0)
                  | (d.decisionRoleKnown ? DecisionRoleKnown : 0) | (d.intentSeal ? IntentSeal : 0)
                  | (d.intentBudget ? IntentBudget : 0) | (d.intentContact ? IntentContact : 0)
                  | (d.intentNextMeeting ? IntentNextMeeting : 0) | (d.demoHeld ? DemoHeld : 0);
        records.push_back(x);
        reached.insert(reached.end(), d.stagesReached.cbegin(), d.stagesReached.cend());
        for (const Deal::StageFacts &f : d.stageFacts) {
            factDemo.push_back(f.demoHeld);
            factSales.push_back(f.salesActions);
            factResponses.push_back(f.customerResponses);
        }
        for (const auto &[at, stage] : r.moves) {
            moveAt.push_back(at);
            moveStage.push_back(stage);
        }
        salesAt.insert(salesAt.end(), r.salesAt.cbegin(), r.salesAt.cend());
        customerAt.insert(customerAt.end(), r.customerAt.cbegin(), r.customerAt.cend());
    }
    w.add(records);
    w.add(reached);
    w.add(factDemo);
    w.add(factSales);
    w.add(factResponses);
    w.add(moveAt);
    w.add(moveStage);
    w.add(salesAt);
    w.add(customerAt);
    return std::move(w.bytes());
}

std::optional<History> historyFromBytes(QByteArrayView bytes)
{
    using analytics::factsfile::Reader;
    Reader in(bytes);
    History h;
    QVector<QString> industries, stageNames, titles, currency;
    QVector<qint64> titled;
    Reader::Array<qint32> payers, paymentCounts;
    Reader::Array<qint64> due, paid;
    qint32 flags = 0, outcomeWritten = 0;
    in.read(industries);
    in.read(stageNames);
    in.read(h.stageCloses);
    in.read(titled);
    in.read(titles);
    in.read(payers);
    in.read(paymentCounts);
    in.read(due);
    in.read(paid);
    in.read(currency);
    in.read(flags);
    in.read(outcomeWritten);
    if (!in.ok() || titled.size() != titles.size() || payers.size() != paymentCounts.size() || due.size() != paid.size()
        || currency.size() != 1 || stageNames.size() != qsizetype(h.stageCloses.size()))
        return std::nullopt;
    h.industries = QStringList(industries.cbegin(), industries.cend());
    h.stageNames.assign(stageNames.cbegin(), stageNames.cend());
    h.openTitles.reserve(titled.size());
    for (qsizetype i = 0; i < titled.size(); ++i)
        h.openTitles.insert(titled[i], titles[i]);
    std::size_t at = 0;
    h.payments.reserve(qsizetype(payers.size()));
    for (std::size_t i = 0; i < payers.size(); ++i) {
        const qint32 n = paymentCounts.at(i);
        if (n < 0 || std::size_t(n) > due.size() - at)
            return std::nullopt;
        auto &list = h.payments[payers.at(i)];
        list.reserve(list.size() + std::size_t(n));
        for (qint32 k = 0; k < n; ++k, ++at)
            list.emplace_back(due.at(at), paid.at(at));
    }
    if (at != due.size())
        return std::nullopt;
    h.currency = currency.first();
    h.intentRecorded = flags & 1;
    h.amountLeaks = flags & 2;
    h.closeDateWritten = flags & 4;
    h.outcomeWritten = outcomeWritten;

    // The deals' arrays are read where they lie (the file is mapped): each deal copies its
    // own part out once.
    Reader::Array<DealRecord> records;
    Reader::Array<qint32> reached, factSales, factResponses, moveStage;
    Reader::Array<std::int8_t> factDemo;
    Reader::Array<qint64> moveAt, salesAt, customerAt;
    in.read(records);
    in.read(reached);
    in.read(factDemo);
    in.read(factSales);
    in.read(factResponses);
    in.read(moveAt);
    in.read(moveStage);
    in.read(salesAt);
    in.read(customerAt);
    if (!in.ok() || !in.atEnd())
        return std::nullopt;
    if (factDemo.size() != factSales.size() || factDemo.size() != factResponses.size() || moveAt.size() != moveStage.size())
        return std::nullopt;
    // Each deal takes its lists' counts from the flattened arrays, in order; a count that runs
    // past an array's end refuses the whole file.
    std::size_t iReached = 0, iFacts = 0, iMoves = 0, iSales = 0, iCustomer = 0;
    const auto take = [](std::size_t &pos, qint32 n, std::size_t size) {
        if (n < 0 || std::size_t(n) > size - pos)
            return false;
        pos += std::size_t(n);
        return true;
    };
    h.deals.resize(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const DealRecord x = records.at(i);
        DealHistory &r = h.deals[i];
        Deal &d = r.current;
        const std::size_t r0 = iReached, f0 = iFacts, m0 = iMoves, s0 = iSales, c0 = iCustomer;
        if (!take(iReached, x.stagesReached, reached.size()) || !take(iFacts, x.stageFacts, factDemo.size())
            || !take(iMoves, x.moves, moveAt.size()) || !take(iSales, x.salesAt, salesAt.size())
            || !take(iCustomer, x.customerAt, customerAt.size()) || x.outcome < 0 || x.outcome > 2)
            return std::nullopt;
        d.id = x.id;
        d.pipeline = x.pipeline;
        d.stage = x.stage;
        reached.appendTo(d.stagesReached, r0, iReached - r0);
        d.industry = x.industry;
        d.product = x.product;
        d.customer = x.customer;
        d.owner = x.owner;
        d.amountCents = x.amountCents;
        d.amountEstimated = x.flags & AmountEstimated;
        d.createdDay = x.createdDay;
        d.closedDay = x.closedDay;
        d.outcome = Outcome(x.outcome);
        d.expectedCloseDay = x.expectedCloseDay;
        d.recordedProbability = x.recordedProbability;
        d.bucket = x.bucket;
        d.finalApproverMet = x.flags & FinalApproverMet;
        d.decisionRoleKnown = x.flags & DecisionRoleKnown;
        d.intentSeal = x.flags & IntentSeal;
        d.intentBudget = x.flags & IntentBudget;
        d.intentContact = x.flags & IntentContact;
        d.intentNextMeeting = x.flags & IntentNextMeeting;
        d.demoHeld = x.flags & DemoHeld;
        d.salesActions = x.salesActions;
        d.customerResponses = x.customerResponses;
        d.stageFacts.resize(std::size_t(x.stageFacts));
        for (std::size_t k = 0; k < d.stageFacts.size(); ++k)
            d.stageFacts[k] = {factDemo.at(f0 + k) != 0, factSales.at(f0 + k), factResponses.at(f0 + k)};
        r.createdAt = x.createdAt;
        r.closedAt = x.closedAt;
        r.moves.resize(std::size_t(x.moves));
        for (std::size_t k = 0; k < r.moves.size(); ++k)
            r.moves[k] = {moveAt.at(m0 + k), moveStage.at(m0 + k)};
        r.firstDemoAt = x.firstDemoAt;
        salesAt.appendTo(r.salesAt, s0, iSales - s0);
        customerAt.appendTo(r.customerAt, c0, iCustomer - c0);
        r.customerSinceDay = x.customerSinceDay;
        r.budgetCents = x.budgetCents;
        r.seniorityBucket = x.seniorityBucket;
    }
    if (iReached != reached.size() || iFacts != factDemo.size() || iMoves != moveAt.size() || iSales != salesAt.size()
        || iCustomer != customerAt.size())
        return std::nullopt;
    return h;
}

QByteArray historyFingerprint(QSqlDatabase db)
{
    // The live leads counted on idx_leads_live_updated (indexes_v1.sql), not the table (large
    // demo: 5 ms, not 25), as CockpitFacts::fingerprint does.
    const QString sql =
        QStringLiteral("SELECT (SELECT group_concat(value, ',') FROM settings WHERE key IN ('log_head_seq', 'log_head_hash')),"
                       " (SELECT COUNT(*) FROM leads %1 WHERE deleted = 0) || ',' || (SELECT MAX(updated_at) FROM leads WHERE deleted = 0),"
                       " (SELECT COUNT(*) || ',' || MAX(updated_at) FROM payments),"
                       // Cheap guards beside the log's head (each an index's last entry or a
                       // small count): customers edited, activities, moves or contacts added.
                       " (SELECT COUNT(*) || ',' || MAX(updated_at) FROM customers),"
                       " (SELECT MAX(rowid) FROM activities) || ',' || (SELECT MAX(rowid) FROM stage_history)"
                       "   || ',' || (SELECT MAX(rowid) FROM contacts) || ',' || (SELECT MAX(rowid) FROM pipeline_stages),"
                       " (SELECT group_concat(value, ',') FROM settings WHERE key = 'currency')");
    QSqlQuery q;
    try {
        q = analytics::runQuery(db, sql.arg(QStringLiteral("INDEXED BY idx_leads_live_updated")));
    } catch (const analytics::QueryError &) {
        q = analytics::runQuery(db, sql.arg(QString())); // a file without the index
    }
    QByteArray f;
    if (q.next())
        for (int i = 0; i < 6; ++i)
            f += q.value(i).toString().toUtf8() + '|';
    return f;
}

std::shared_ptr<const History> cachedHistory(QSqlDatabase db, HistoryOrigin *origin)
{
    const QString file = db.databaseName();
    // Stage names are loaded in the interface's language: a copy in the other one is another.
    const QByteArray fingerprint =
        historyFingerprint(db) + (QLocale().language() == QLocale::Chinese ? "zh" : "en");
    QString dir;
    {
        QMutexLocker lock(&cacheMutex());
        const auto it = cache().constFind(file);
        if (it != cache().cend() && it->fingerprint == fingerprint) {
            if (origin)
                *origin = HistoryOrigin::Memory;
            return it->history;
        }
        dir = disk().dir;
    }
    QElapsedTimer timer;
    timer.start();
    const QString kept = dir.isEmpty() ? QString() : analytics::factsfile::fileFor(dir, QStringLiteral("history"), fingerprint);
    std::shared_ptr<const History> history;
    if (!kept.isEmpty()) {
        // Mapped, not read: the copy is 28 MB on the large demo, and each copy of that size
        // costs tens of milliseconds in page faults. A writer renames a new file over it,
        // which leaves this one whole while mapped.
        QFile f(kept);
        if (std::optional<QByteArrayView> body = analytics::factsfile::map(f, kHistoryMagic, kHistoryFormat, fingerprint))
            if (std::optional<History> h = historyFromBytes(*body)) {
                history = std::make_shared<const History>(std::move(*h));
                qCInfo(lcHistory) << "read" << history->deals.size() << "deals and their history from" << kept << "in"
                                  << timer.elapsed() << "ms";
            }
    }
    const bool read = !history;
    if (read) {
        history = std::make_shared<const History>(loadHistory(db));
        qCInfo(lcHistory) << "read" << history->deals.size() << "deals and their history in" << timer.elapsed() << "ms";
    }
    if (origin)
        *origin = read ? HistoryOrigin::File : HistoryOrigin::Disk;
    QMutexLocker lock(&cacheMutex());
    cache().insert(file, Entry{fingerprint, history});
    // Written after the figures, one at a time: while an older write runs, this history is not
    // kept and the next run reads the file.
    const bool writing = disk().saving.valid()
                         && disk().saving.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
    if (read && !kept.isEmpty() && !writing) {
        Disk *d = &disk();
        const std::atomic_bool *stop = &d->stop;
        d->saving = std::async(std::launch::async, [history, kept, dir, fingerprint, stop, d, delay = d->delay] {
            // First a pause (2 s in the app): the figures that asked for this history are
            // computed in it, without a writer beside them. Closing the app ends the pause.
            {
                std::unique_lock<std::mutex> lock(d->waiting);
                if (d->stopped.wait_for(lock, delay, [stop] { return stop->load(); }))
                    return;
            }
            // Then at nice 19 (this thread alone), beside what else is computed by then (the
            // learned model). Not SCHED_IDLE: on a machine busy with other work that starves it
            // for tens of seconds, and an unprivileged thread may not leave it again when the
            // app closes. Closing tells it to give up (waitForHistoryDisk(true)); it asks
            // between steps of a few milliseconds.
            setpriority(PRIO_PROCESS, id_t(gettid()), 19);
            QElapsedTimer t;
            t.start();
            const QByteArray bytes = historyToBytes(*history, stop);
            if (!bytes.isEmpty()
                && analytics::factsfile::save(kept, kHistoryMagic, kHistoryFormat, fingerprint, bytes, stop)) {
                qCInfo(lcHistory) << "kept the deals' history in" << kept << "in" << t.elapsed() << "ms";
                analytics::factsfile::prune(dir, QStringLiteral("history"), kept);
            }
        });
    }
    return history;
}

void clearHistoryCache()
{
    QMutexLocker lock(&cacheMutex());
    cache().clear();
}

void setHistoryDiskDirectory(const QString &dir, std::chrono::milliseconds delay)
{
    QMutexLocker lock(&cacheMutex());
    disk().dir = dir;
    disk().delay = delay;
}

void waitForHistoryDisk(bool abandon)
{
    QMutexLocker lock(&cacheMutex());
    if (abandon)
        disk().tellStop();
    if (disk().saving.valid())
        disk().saving.wait();
    disk().stop = false;
}

} // namespace cockpit::forecast
