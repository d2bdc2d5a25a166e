// computeTeamHealth(): seven queries over the scope (stages, exits over the period and the
// coverage months, task weeks, responses, customers, orders, ratings), then per-rep sums.
// With TeamHealthOptions::cache, the exits and customers come from a per-database facts
// cache (company-wide month slabs and customer rows) and only what is missing is queried.
#include "analytics/teamhealth.h"
#include "analytics/teamhealthsql.h"
#include "analytics/teamhealthfacts.h"
#include "analytics/factsfile.h"

#include "analytics/query.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlQuery>

#include <algorithm>
#include <deque>
#include <utility>
#include <vector>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>

namespace cockpit::analytics {

Q_LOGGING_CATEGORY(lcTeamFacts, "cockpit.analytics.teamfacts")

QString effectiveEndUtc(const Period &period, const QString &asOfIso)
{
    return times::isoFromSecs(detail::effectiveEndSecs(period, detail::asOfSecs(asOfIso)));
}

namespace {
struct Employment
{
    QDate hired, left; // left invalid = still employed
    bool activeDuring(QDate first, QDate last) const
    {
        return (!hired.isValid() || hired <= last) && (!left.isValid() || left >= first);
    }
    // Employed on every day of [first, last] (the leave date is the last day employed).
    bool employedThroughout(QDate first, QDate last) const
    {
        return (!hired.isValid() || hired <= first) && (!left.isValid() || left >= last);
    }
};

// ---- the facts cache -------------------------------------------------------------------
using detail::CustomerRow;
using detail::ExitGroup;
using detail::ExitSlab;
using detail::CustomerRows;
using FactsCache = detail::TeamFacts;

QString fileStamp(const QString &path)
{
    std::error_code ec;
    const std::filesystem::path p(QFile::encodeName(path).toStdString());
    const auto size = std::filesystem::file_size(p, ec);
    if (ec)
        return QStringLiteral("-");
    const auto time = std::filesystem::last_write_time(p, ec);
    return QStringLiteral("%1@%2").arg(size).arg(qint64(ec ? 0 : time.time_since_epoch().count()));
}

// Changes whenever the data may have: the file or its WAL written, or the activity log moved.
// Empty for a database without a file (no caching).
QString dataFingerprint(QSqlDatabase db)
{
    const QString path = db.databaseName();
    if (path.isEmpty() || path.startsWith(QLatin1String(":memory:")) || path.contains(QLatin1String("mode=memory")))
        return {};
    return fileStamp(path) + QLatin1Char('|') + fileStamp(path + QStringLiteral("-wal")) + QLatin1Char('|')
           + scalar(db, QStringLiteral("SELECT value FROM settings WHERE key = 'log_head_hash'"), {}, QString())
                 .toString();
}

} // namespace

TeamHealthCache::TeamHealthCache() : m_data(std::make_unique<Data>()) {}
TeamHealthCache::~TeamHealthCache()
{
    waitForDisk();
}

void TeamHealthCache::clear()
{
    QMutexLocker lock(&m_data->mutex);
    m_data->files.clear();
}

void TeamHealthCache::setDiskDirectory(const QString &dir)
{
    QMutexLocker lock(&m_data->mutex);
    m_data->diskDir = dir;
}

void TeamHealthCache::waitForDisk()
{
    std::future<void> saving;
    {
        QMutexLocker lock(&m_data->mutex);
        saving = std::move(m_data->saving);
    }
    if (saving.valid())
        saving.wait();
}

namespace {
// The cache of `path`, emptied when the fingerprint moved. Call with the cache's mutex locked.
FactsCache &cacheFor(TeamHealthCache::Data &d, const QString &path, const QString &fingerprint)
{
    FactsCache &c = d.files[path];
    if (c.fingerprint != fingerprint) {
        c = FactsCache{};
        c.fingerprint = fingerprint;
    }
    return c;
}

using Job = std::function<void(QSqlDatabase)>;

// The jobs of one computation, taken in order by whichever connection is free; a job may put
// more in front (what it found missing). A failure empties it, so the other connection stops
// after its current job.
class JobQueue
{
public:
    explicit JobQueue(QVector<Job> jobs) : m_jobs(jobs.begin(), jobs.end()) {}
    void putFirst(const QVector<Job> &jobs)
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.insert(m_jobs.begin(), jobs.begin(), jobs.end());
    }
    std::optional<Job> take()
    {
        QMutexLocker lock(&m_mutex);
        if (m_jobs.empty())
            return std::nullopt;
        Job j = std::move(m_jobs.front());
        m_jobs.pop_front();
        return j;
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.clear();
    }
    size_t size()
    {
        QMutexLocker lock(&m_mutex);
        return m_jobs.size();
    }

private:
    QMutex m_mutex;
    std::deque<Job> m_jobs;
};

// Runs the queue on the calling connection and, with `parallel`, on a second connection to
// the same file at the same time (each job takes the connection it runs on).
void runJobs(QSqlDatabase db, JobQueue &queue, bool parallel, const Alongside &alongside)
{
    auto drain = [&queue](QSqlDatabase on) {
        try {
            while (std::optional<Job> job = queue.take())
                (*job)(on);
        } catch (...) {
            queue.clear();
            throw;
        }
    };
    if (!parallel || queue.size() < 2 || db.databaseName().isEmpty()) {
        drain(db);
        return;
    }
    runAlongside(alongside, db, drain, drain);
}

void runJobs(QSqlDatabase db, const QVector<Job> &jobs, bool parallel, const Alongside &alongside)
{
    JobQueue queue(jobs);
    runJobs(db, queue, parallel, alongside);
}

QHash<QString, Employment> loadEmployment(QSqlDatabase db)
{
    QHash<QString, Employment> out;
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT id, hire_date, left_date FROM users"
                                              " WHERE role = 'sales' AND deleted = 0"));
    while (q.next())
        out.insert(q.value(0).toString(), {times::dateOf(q.value(1)), times::dateOf(q.value(2))});
    return out;
}
} // namespace

TeamHealth computeTeamHealth(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const TeamHealthSettings &s)
{
    return computeTeamHealth(db, scope, asOfIso, s, TeamHealthOptions{});
}


namespace {
// The exit groups and customer rows of `scope` from the facts cache, querying what is missing
// (see TeamHealthOptions), and runs `scopeQueries` alongside. The groups are by company day; `month` and `inPeriod` are set as
// loadExitGroups() sets them, and only the exits loadExitGroups() would return are kept.
void cachedFacts(TeamHealthCache::Data &store, QSqlDatabase db, const QString &fingerprint, const Scope &scope,
                 std::optional<qint64> asOf, qint64 end, QDate firstMonth, QDate lastMonth, const QStringList &kinds, bool parallel,
                 bool coverage, const Alongside &alongside,
                 const QVector<std::function<void(QSqlDatabase)>> &scopeQueries, QVector<ExitGroup> &groups,
                 CustomerRows &customers)
{
    const Period &period = scope.period;
    const QString path = db.databaseName();
    const QString kindKey = kinds.join(QLatin1Char(','));
    struct Need
    {
        QString key;
        qint64 from = 0, to = 0;
        std::optional<qint64> staleEnd; // a cached slab with another end, to validate
        ExitSlab slab;
    };
    QVector<Need> needs;
    std::optional<qint64> earlierCustomers;
    CustomerRows earlier;
    const QDate periodMonth(period.first.year(), period.first.month(), 1);
    // What the cache lacks for this request, as jobs: the customers (in two halves, or their
    // rows of an earlier "now" revalidated) and the missing month slabs.
    QVector<CustomerRow> customerBase;
    QHash<qint64, CustomerFacts> customerAggregates;
    // The company months of the customers' 90-day interaction window, each with its customers'
    // last sales actions when the cache has them (`loaded`: read by this request).
    struct ActionMonth
    {
        QDate month;
        qint64 to = 0;
        std::shared_ptr<const detail::LastActions> latest;
        bool loaded = false;
    };
    QVector<ActionMonth> actionMonths;
    bool customerHalves = false;
    std::vector<char> loaded; // written by both connections' jobs
    // Whether the period cuts month `m` (then its exits count by day, else by the month's sums).
    const auto cutsMonth = [&period](QDate m) {
        const QDate monthLast = m.addMonths(1).addDays(-1);
        return m <= period.last && !(monthLast <= period.last && (m >= period.first || monthLast < period.first));
    };
    auto plan = [&]() -> QVector<Job> {
        QMutexLocker lock(&store.mutex);
        FactsCache &cache = cacheFor(store, path, fingerprint);
        for (QDate m = std::min(periodMonth, firstMonth); m <= lastMonth; m = m.addMonths(1)) {
            Need n;
            n.key = m.toString(Qt::ISODate) + QLatin1Char('|') + kindKey;
            n.from = companyDayStart(m);
            const qint64 monthEnd = companyDayStart(m.addMonths(1));
            n.to = asOf && *asOf < monthEnd ? *asOf : monthEnd;
            if (n.from >= n.to)
                continue; // a month after "now"
            const auto it = cache.slabs.constFind(n.key);
            // A slab of sums alone serves a period that holds or leaves its month whole.
            if (it != cache.slabs.cend() && (it->groups->hasDays || !cutsMonth(m))) {
                n.slab = it->groups;
                if (it->end != n.to)
                    n.staleEnd = it->end;
            }
            needs.append(n);
        }
        // Without the coverage trend, the months before the period are not needed; they are
        // loaded only beside a missing month of the period (see TeamHealthOptions::coverage).
        const auto beforePeriod = [periodMonth](const Need &n) { return companyDayOf(n.from) < periodMonth; };
        if (!coverage && std::all_of(needs.cbegin(), needs.cend(), [&](const Need &n) {
                return beforePeriod(n) || (n.slab && !n.staleEnd);
            }))
            needs.removeIf(beforePeriod);
        customers = cache.customers.value(end);
        if (const qint64 recentFrom = detail::recentActionsFrom(end); !customers && recentFrom < end) {
            const QDate first = companyDayOf(recentFrom), last = companyDayOf(end - 1);
            for (QDate m(first.year(), first.month(), 1); m <= last; m = m.addMonths(1)) {
                ActionMonth a;
                a.month = m;
                a.to = std::min(companyDayStart(m.addMonths(1)), end);
                const auto it = cache.lastActions.constFind(m);
                if (it != cache.lastActions.cend() && it->end == a.to)
                    a.latest = it->latest;
                actionMonths.append(a);
            }
        }
        // Rows of an earlier "now" of the same company day (the live clock moves on between
        // refreshes): every window but the last interaction's is by whole days.
        if (!customers)
            for (auto it = cache.customers.cbegin(); it != cache.customers.cend(); ++it)
                if (it.key() < end && companyDayOf(it.key()) == companyDayOf(end)
                    && (!earlierCustomers || it.key() > *earlierCustomers)) {
                    earlierCustomers = it.key();
                    earlier = it.value();
                }
        lock.unlock();
        QVector<Job> jobs;
        // Without rows of an earlier "now" to revalidate, the customers load in two halves, one
        // per connection (merged after the jobs).
        customerHalves = !customers && !earlier;
        if (customerHalves) {
            jobs.append([&customerBase, &actionMonths, end](QSqlDatabase on) {
                const qint64 from = detail::recentActionsFrom(end);
                detail::LastActions latest;
                for (ActionMonth &a : actionMonths) {
                    if (!a.latest) {
                        a.latest = std::make_shared<const detail::LastActions>(
                            detail::loadLastSalesActions(on, companyDayStart(a.month), a.to));
                        a.loaded = true;
                    }
                    // A month's last action before the window's start says that the month
                    // has none in the window.
                    for (const auto &[customer, at] : *a.latest)
                        if (at >= from) {
                            qint64 &l = latest.try_emplace(customer, at).first->second;
                            l = std::max(l, at);
                        }
                }
                customerBase = detail::loadCustomerBase(on, OrgScope::company(), end, &latest);
            });
            jobs.append([&customerAggregates, end](QSqlDatabase on) {
                customerAggregates = detail::loadCustomerAggregates(on, end);
            });
        } else if (!customers)
            jobs.append([&customers, &earlier, &earlierCustomers, end](QSqlDatabase on) {
                // They still hold when nothing the customer query reads by time happened in
                // between: only the days since the last interaction move on.
                const QVariant from = times::instantParam(earlierCustomers.value_or(end)), to = times::instantParam(end);
                if (earlier
                    && scalar(on,
                              QStringLiteral("SELECT EXISTS (SELECT 1 FROM activities WHERE direction = 'sales'"
                                             " AND deleted = 0 AND at >= ? AND at < ?)"
                                             " OR EXISTS (SELECT 1 FROM surveys WHERE at >= ? AND at < ?)"
                                             " OR EXISTS (SELECT 1 FROM tickets WHERE opened_at >= ? AND opened_at < ?)"),
                              {from, to, from, to, from, to}, 1)
                               .toInt()
                           == 0) {
                    // The same Julian day the load computes (times::julianDay), without a query.
                    const double asOfJd = times::julianDay(end);
                    auto rows = std::make_shared<QVector<CustomerRow>>(*earlier);
                    for (CustomerRow &r : *rows) {
                        r.asOfJd = asOfJd;
                        r.facts.daysSinceInteraction = std::min(90.0, r.lastActionJd ? asOfJd - *r.lastActionJd : 90.0);
                    }
                    customers = rows;
                    return;
                }
                customers = std::make_shared<const QVector<CustomerRow>>(
                    detail::loadCustomers(on, OrgScope::company(), end));
            });
        // The missing month slabs in one job: the leads' owners read once for all of them.
        loaded.assign(size_t(needs.size()), 0);
        if (std::any_of(needs.cbegin(), needs.cend(), [](const Need &n) { return !n.slab || n.staleEnd; }))
            jobs.append([&needs, &kinds, &loaded](QSqlDatabase on) {
                QVector<int> load;
                QVector<QPair<qint64, qint64>> ranges;
                for (int i = 0; i < needs.size(); ++i) {
                    const Need &n = needs[i];
                    if (n.slab && !n.staleEnd)
                        continue;
                    // A slab cut at another "now" still holds when no stage moved in between.
                    if (n.slab) {
                        const qint64 lo = std::min(*n.staleEnd, n.to), hi = std::max(*n.staleEnd, n.to);
                        if (scalar(on, QStringLiteral("SELECT EXISTS (SELECT 1 FROM stage_history WHERE at >= ? AND at < ?)"),
                                   {times::instantParam(lo), times::instantParam(hi)}, 1)
                                .toInt()
                            == 0)
                            continue;
                    }
                    load << i;
                    ranges.append({n.from, n.to});
                }
                QVector<detail::ExitSlabGroups> slabs = detail::loadExitDaySlabs(on, ranges, kinds);
                for (qsizetype j = 0; j < load.size(); ++j) {
                    needs[load[j]].slab = std::make_shared<const detail::ExitSlabGroups>(std::move(slabs[j]));
                    loaded[size_t(load[j])] = 1;
                }
            });
        return jobs;
    };

    // The first refresh on this file (or after it was written): the facts of an earlier run
    // on the same data, when the user's cache folder has them. Their fingerprint and reading
    // them back run as the first job, beside the scope's own queries (which need no facts);
    // then what is still missing goes to the front of the queue. The fingerprint is taken
    // before any fact is read, so that facts kept under it are never newer than it says.
    QByteArray contentPrint;
    QString diskFile;
    QString dir;
    bool empty = false;
    {
        QMutexLocker lock(&store.mutex);
        const FactsCache &cache = cacheFor(store, path, fingerprint);
        empty = cache.slabs.isEmpty() && cache.customers.isEmpty();
        dir = store.diskDir;
    }
    JobQueue queue({});
    // The two connections take the jobs in this order, each the next one when it is free:
    // the heaviest first (the scope's responses, then the customers), the light ones last,
    // so both finish at about the same time.
    if (empty && !dir.isEmpty()) {
        queue.putFirst(scopeQueries);
        queue.putFirst({[&](QSqlDatabase on) {
            QElapsedTimer timer;
            timer.start();
            contentPrint = detail::teamFactsFingerprint(on);
            diskFile = factsfile::fileFor(dir, QStringLiteral("team-facts"), contentPrint);
            if (std::optional<FactsCache> restored = detail::restoreTeamFacts(diskFile, contentPrint)) {
                QMutexLocker lock(&store.mutex);
                FactsCache &cache = cacheFor(store, path, fingerprint);
                if (cache.slabs.isEmpty() && cache.customers.isEmpty()) {
                    cache.slabs = std::move(restored->slabs);
                    cache.customers = std::move(restored->customers);
                }
                store.saved.insert(contentPrint);
                qCInfo(lcTeamFacts) << "read Team's facts from" << diskFile << "in" << timer.elapsed() << "ms";
            }
            queue.putFirst(plan());
        }});
    } else {
        QVector<Job> jobs;
        if (!scopeQueries.isEmpty())
            jobs << scopeQueries.first();
        jobs << plan();
        jobs << scopeQueries.mid(1); // the light ones last, to even out the two connections
        queue.putFirst(jobs);
    }
    runJobs(db, queue, parallel, alongside);
    if (customerHalves) {
        detail::mergeCustomerAggregates(customerBase, customerAggregates);
        customers = std::make_shared<const QVector<CustomerRow>>(std::move(customerBase));
    }
    {
        QMutexLocker lock(&store.mutex);
        FactsCache &cache = cacheFor(store, path, fingerprint);
        for (int i = 0; i < needs.size(); ++i)
            if (loaded[size_t(i)])
                cache.slabs.insert(needs[i].key, {needs[i].to, needs[i].slab});
        if (customerHalves) {
            if (cache.lastActions.size() >= 24) // two years of months are plenty
                cache.lastActions.clear();
            for (const ActionMonth &a : std::as_const(actionMonths))
                if (a.loaded)
                    cache.lastActions.insert(a.month, {a.to, a.latest});
        }
        if (cache.customers.size() >= 16) // a few effective ends are plenty
            cache.customers.clear();
        cache.customers.insert(end, customers);
        // Kept on disk for the next run on the same data, beside the figures (not before them).
        const bool busy = store.saving.valid()
                          && store.saving.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
        if (!contentPrint.isEmpty() && !store.saved.contains(contentPrint) && !busy) {
            store.saved.insert(contentPrint);
            FactsCache snapshot;
            snapshot.slabs = cache.slabs;
            snapshot.customers = cache.customers;
            store.saving = std::async(std::launch::async, [snapshot = std::move(snapshot), contentPrint, diskFile,
                                                           dir = store.diskDir] {
                QElapsedTimer timer;
                timer.start();
                if (detail::saveTeamFacts(diskFile, contentPrint, snapshot)) {
                    qCInfo(lcTeamFacts) << "kept Team's facts in" << diskFile << "in" << timer.elapsed() << "ms";
                    factsfile::prune(dir, QStringLiteral("team-facts"), diskFile);
                }
            });
        }
    }
    for (const Need &n : needs) {
        const QDate month = companyDayOf(n.from); // the slab's month, its first day
        if (month > period.last || (!coverage && month < periodMonth))
            continue; // every exit after the period, or before it without the trend
        // A month the period holds whole, or leaves whole, counts its sums (a quarter's or a
        // month's period); one it cuts counts its days.
        if (!cutsMonth(month)) {
            for (ExitGroup g : n.slab->total) {
                g.month = month;
                g.inPeriod = month >= period.first;
                groups.append(g);
            }
            continue;
        }
        for (ExitGroup g : n.slab->days) {
            // The exits up to the effective end (the slab is cut at "now" already).
            if (g.day > period.last || (!coverage && g.day < period.first))
                continue;
            g.month = month;
            g.inPeriod = g.day >= period.first;
            groups.append(g);
        }
    }
}
} // namespace

TeamHealth computeTeamHealth(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const TeamHealthSettings &s,
                             const TeamHealthOptions &options)
{
    using namespace detail;
    TeamHealth th;
    th.scope = scope;
    th.asOfIso = asOfIso;
    th.units = loadOrgUnits(db);
    const Period &period = scope.period;
    const std::optional<qint64> asOf = asOfSecs(asOfIso);
    const qint64 end = effectiveEndSecs(period, asOf);
    const QDate lastDay = std::min(period.last, companyDayOf(end));
    const QHash<QString, Employment> employment = loadEmployment(db);

    // The reps listed: in the scope and employed at some time in the period.
    QHash<QString, int> repIndex;
    for (const OrgUnit &u : th.units.unitsWithin(scope.org, GroupBy::Rep)) {
        const Employment e = employment.value(u.id);
        if (!e.activeDuring(period.first, period.last))
            continue;
        repIndex.insert(u.id, int(th.reps.size()));
        HealthRow row;
        row.unit = u;
        th.reps.append(row);
    }
    auto repCounts = [&](const QString &rep) -> HealthCounts * {
        const int i = repIndex.value(rep, -1);
        return i < 0 ? nullptr : &th.reps[i].counts;
    };

    // Stage exits over the coverage months and the period at once.
    const QHash<QString, StageInfo> stages = loadStages(db);
    QStringList kinds;
    for (const StageInfo &st : stages)
        for (const QString &k : st.actions)
            if (!kinds.contains(k))
                kinds.append(k);
    std::sort(kinds.begin(), kinds.end());
    const QDate lastMonth(lastDay.year(), lastDay.month(), 1);
    const QDate firstMonth = lastMonth.addMonths(-5);
    const qint64 periodStart = period.startSecs();
    const qint64 exitsFrom = options.coverage ? std::min(periodStart, companyDayStart(firstMonth)) : periodStart;
    const qint64 exitsTo = end; // the last coverage month ends with the period (or now)
    // The queries of the scope itself (never cached: cheap, and they depend on the period).
    // PEI's weeks: those whose Monday is in the period, once they have ended by now.
    const qint64 now = asOf.value_or(std::numeric_limits<qint64>::max());
    const QVector<QDate> weeks = judgedWeeks(period, now);
    QVector<TaskWeek> taskWeeks;
    QVector<Response> responses;
    QHash<QString, OrderSums> orders;
    QHash<QString, QPair<int, qint64>> ratings;
    // The responses first: the heaviest of them (a seek per lead assigned in the period).
    const QVector<std::function<void(QSqlDatabase)>> scopeQueries{
        [&](QSqlDatabase on) { responses = loadResponses(on, scope.org, period, asOf, ResponseColumns::MinutesOnly); },
        [&](QSqlDatabase on) {
            if (!weeks.isEmpty())
                taskWeeks = loadTaskWeeks(on, scope.org, weeks.first(), weeks.last(), now);
        },
        [&](QSqlDatabase on) { orders = loadOrderSums(on, scope.org, period, end); },
        [&](QSqlDatabase on) { ratings = loadRatings(on, scope.org, periodStart, end); }};
    QVector<ExitGroup> exitGroups;
    CustomerRows customerRows;
    const QString fingerprint = options.cache ? dataFingerprint(db) : QString();
    if (fingerprint.isEmpty()) {
        exitGroups = loadExitGroups(db, scope.org, exitsFrom, exitsTo, periodStart, end, kinds);
        customerRows = std::make_shared<const QVector<CustomerRow>>(loadCustomers(db, scope.org, end));
        runJobs(db, scopeQueries, false, {});
    } else {
        cachedFacts(options.cache->data(), db, fingerprint, scope, asOf, end, firstMonth, lastMonth, kinds, options.parallel, options.coverage, options.alongside,
                    scopeQueries, exitGroups, customerRows);
    }
    QHash<QString, QVector<HealthCounts>> monthly; // rep → 6 months
    // The groups come a rep and a stage at a time more often than not: their look-ups are
    // kept from one group to the next (57 000 groups on the large demo).
    const QString *lastRep = nullptr, *lastStage = nullptr;
    HealthCounts *repC = nullptr;
    QVector<HealthCounts> *repMonths = nullptr;
    const StageInfo *st = nullptr;
    QDate groupMonth;
    int m = -1;
    for (const ExitGroup &g : std::as_const(exitGroups)) {
        if (!lastStage || g.stage != *lastStage) {
            const auto stIt = stages.constFind(g.stage);
            st = stIt == stages.cend() ? nullptr : &stIt.value();
            lastStage = &g.stage;
        }
        if (!lastRep || g.rep != *lastRep) {
            repC = repCounts(g.rep);
            repMonths = nullptr;
            lastRep = &g.rep;
        }
        if (g.inPeriod && repC)
            countExitGroup(g, st, *repC);
        if (g.month != groupMonth) { // QDate's year() and month() convert from the day number
            groupMonth = g.month;
            m = (g.month.year() - firstMonth.year()) * 12 + g.month.month() - firstMonth.month();
        }
        if (options.coverage && m >= 0 && m < 6) {
            if (!repMonths) {
                repMonths = &monthly[g.rep]; // QHash: stable until the next insert, which resets it
                if (repMonths->isEmpty())
                    repMonths->resize(6);
            }
            countExitGroup(g, st, (*repMonths)[m]);
        }
    }

    // Tasks: every judged rep-week requires max(12, tasks).
    if (!weeks.isEmpty()) {
        QHash<QString, QHash<QDate, TaskWeek>> byRep;
        for (const TaskWeek &t : std::as_const(taskWeeks))
            byRep[t.rep].insert(t.weekStart, t);
        for (HealthRow &r : th.reps) {
            const Employment e = employment.value(r.unit.id);
            for (const QDate &w : weeks) {
                if (!e.employedThroughout(w, w.addDays(4))) // the week's five working days
                    continue;
                const TaskWeek t = byRep.value(r.unit.id).value(w);
                ++r.counts.repWeeks;
                r.counts.tasksListed += t.listed;
                r.counts.tasksDone += t.done;
                r.counts.tasksRequired += requiredTasks(t.listed, s);
            }
        }
    }

    for (const Response &r : std::as_const(responses))
        if (HealthCounts *c = repCounts(r.rep)) {
            ++c->leadsAssigned;
            if (r.minutes)
                c->responseMinutes.append(*r.minutes);
            else
                ++c->leadsUnanswered;
        }

    for (const CustomerRow &row : *customerRows)
        if (HealthCounts *c = repCounts(row.owner)) {
            ++c->customers;
            if (row.firstQuarter)
                ++c->customersFirstQuarter;
            const CustomerHealth h = customerHealth(row.facts, s);
            if (h.score) {
                ++c->customersScored;
                c->healthSum += *h.score;
            }
            for (int i = 0; i < kHealthDims; ++i)
                if (h.dims[i]) {
                    c->dimSum[i] += *h.dims[i];
                    ++c->dimCount[i];
                }
        }

    for (auto it = orders.cbegin(); it != orders.cend(); ++it)
        if (HealthCounts *c = repCounts(it.key())) {
            c->wonCents = it.value().won;
            c->crossSellCents = it.value().cross;
            c->orders = it.value().orders;
        }
    for (auto it = ratings.cbegin(); it != ratings.cend(); ++it)
        if (HealthCounts *c = repCounts(it.key())) {
            c->ratings = it.value().first;
            c->ratingSum = it.value().second;
        }

    // Figures per rep, per team (its reps pooled) and for the scope.
    QHash<QString, int> teamIndex;
    th.total.unit.level = scope.org.level;
    th.total.unit.id = scope.org.id;
    th.total.unit.name = th.units.name(scope.org);
    for (HealthRow &r : th.reps) {
        r.figures = healthFigures(r.counts, s);
        // Who counts: ranked, or shown apart (left, too little data); see RepStanding.
        const Employment e = employment.value(r.unit.id);
        r.left = e.left;
        r.standing = repStanding(e.hired, e.left, period, lastDay, r.counts.exits, s);
        r.workingDaysInPeriod = workingDays(period.first, lastDay);
        r.workingDaysEmployed = workingDays(e.hired.isValid() ? std::max(e.hired, period.first) : period.first,
                                            e.left.isValid() ? std::min(e.left, lastDay) : lastDay);
        if (r.standing == RepStanding::Left)
            continue; // pooled nowhere: the team's figures are its active reps'
        int t = teamIndex.value(r.unit.teamId, -1);
        if (t < 0) {
            const OrgUnit *team = th.units.find(OrgLevel::Team, r.unit.teamId);
            HealthRow row;
            if (team)
                row.unit = *team;
            else
                row.unit = {OrgLevel::Team, r.unit.teamId, r.unit.teamId, r.unit.cityId, r.unit.regionId,
                            r.unit.cityId, r.unit.teamId, true, QString()};
            t = int(th.teams.size());
            teamIndex.insert(r.unit.teamId, t);
            th.teams.append(row);
        }
        th.teams[t].counts.add(r.counts);
        th.total.counts.add(r.counts);
        if (r.figures.light != Rag::Grey) {
            ++th.coverageJudged;
            if (r.figures.light == Rag::Green)
                ++th.coverageExecuted;
        }
    }
    std::sort(th.teams.begin(), th.teams.end(),
              [](const HealthRow &a, const HealthRow &b) { return a.unit.name < b.unit.name; });
    for (HealthRow &t : th.teams)
        t.figures = healthFigures(t.counts, s);
    th.total.figures = healthFigures(th.total.counts, s);
    if (th.coverageJudged > 0)
        th.coveragePct = 100.0 * th.coverageExecuted / th.coverageJudged;

    // Coverage trend: the scope's reps (employed in the month) month by month.
    QVector<std::optional<double>> trend;
    for (int m = 0; options.coverage && m < 6; ++m) {
        CoverageMonth cm;
        cm.month = firstMonth.addMonths(m);
        const QDate monthLast = cm.month.addMonths(1).addDays(-1);
        const QDate monthCounted = std::min(monthLast, lastDay);
        for (const OrgUnit &u : th.units.unitsWithin(scope.org, GroupBy::Rep)) {
            // Active reps: employed in the month and not left before its end (or before today).
            const Employment e = employment.value(u.id);
            if (!e.activeDuring(cm.month, monthLast) || (e.left.isValid() && e.left < monthCounted))
                continue;
            ++cm.activeReps;
            const auto it = monthly.constFind(u.id);
            if (it == monthly.cend())
                continue;
            const HealthCounts &c = it.value()[m];
            const Rag light = processLight(c.actionsExpected ? 100.0 * c.actionsDone / c.actionsExpected : 0,
                                           c.actionsExpected, s);
            if (light == Rag::Grey)
                continue;
            ++cm.judged;
            if (light == Rag::Green)
                ++cm.executed;
        }
        if (cm.judged > 0)
            cm.pct = 100.0 * cm.executed / cm.judged;
        trend.append(cm.pct);
        th.coverage.append(cm);
    }
    th.coverageWarning = twoDeclines(trend);
    return th;
}

} // namespace cockpit::analytics
