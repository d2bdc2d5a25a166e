#include "forecast/forecastview.h"
#include "forecast/historycache.h"
#include "forecast/forecastassembly.h"
#include "forecast/forecasttext.h"
#include "analytics/cockpitfacts.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QLoggingCategory>

#include <cmath>
#include <future>

namespace cockpit::forecast {

Q_LOGGING_CATEGORY(lcForecastView, "cockpit.forecast.view")

// One file version's deals, rates and model, as of one day with one seed.
struct ForecastCache::Base
{
    QString path;
    QByteArray fingerprint;
    qint64 asOfSecs = 0;
    quint64 seed = 0;
    std::shared_ptr<const History> historyPtr; // shared with the cockpit's money tiles (historycache.h)
    const History &history() const { return *historyPtr; }
    DealSet set;
    WinRates rates;
    WinModel model;
    ModelEvaluation evaluation;
    analytics::OrgUnits units;
    int closedDeals = 0;
    bool modelDone = false; // trained (or nothing to train on): the deal tables carry it
    qint64 trainMs = 0;
    // The company's backtest, started as soon as the history is read (buildBase); buildOrg
    // takes it for the company's unit.
    std::shared_future<std::vector<BacktestMonth>> companyPast;
    QHash<QString, std::shared_ptr<Org>> orgs; // by "level:id"
};

// One org unit's deals and what does not depend on the period.
struct ForecastCache::Org
{
    QSet<int> owners;  // empty: the company
    DealSet ownSet;    // the unit's deals (unused for the company: Base::set)
    std::vector<BacktestMonth> past;
    analytics::DataTable deals;
    bool dealsWithModel = false; // the table's learned column is filled
    std::vector<FanMonth> coming; // this month and the next kFanMonthsAhead
    int openDeals = 0;
};

namespace {
QString orgKey(const analytics::OrgScope &org) { return QString::number(int(org.level)) + QLatin1Char(':') + org.id; }

qint64 monthStart(qint64 day, int addMonths = 0)
{
    const QDate d = analytics::dayDate(day);
    return analytics::dayNumber(QDate(d.year(), d.month(), 1).addMonths(addMonths));
}
} // namespace

ForecastCache::ForecastCache() = default;
ForecastCache::~ForecastCache() = default;

bool ForecastCache::warm() const
{
    return m_warm.load();
}

void ForecastCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_base.reset();
    m_warm = false;
}

namespace {
// companyNext: the company's figures are asked for next (its backtest is started early).
std::shared_ptr<ForecastCache::Base> buildBase(QSqlDatabase db, const QByteArray &fingerprint, qint64 nowSecs, quint64 seed,
                                               std::shared_ptr<const History> history, bool companyNext)
{
    QElapsedTimer timer;
    timer.start();
    auto b = std::make_shared<ForecastCache::Base>();
    b->path = db.databaseName();
    b->fingerprint = fingerprint;
    b->asOfSecs = nowSecs;
    b->seed = seed;
    b->historyPtr = history ? std::move(history) : cachedHistory(db);
    const qint64 readMs = timer.elapsed();
    // The settled deals' records (history.h), for today's pipeline and the company's backtest.
    auto settled = std::make_shared<const SettledDeals>(settledDeals(b->history()));
    // The company's backtest needs the history alone: it starts here, on every core, while
    // this thread works out today's pipeline and rates on one (large demo: 30–40 ms). Not for
    // a unit's figures: the company's would then compete with the unit's own.
    if (companyNext)
        b->companyPast = std::async(std::launch::async, [h = b->historyPtr, day = analytics::companyDayNumber(nowSecs), seed, settled] {
                         return pastYear(*h, day, seed, settled);
                     }).share();
    b->units = analytics::loadOrgUnits(db);
    b->set = asOf(b->history(), nowSecs, settled.get());
    b->rates = learnRates(b->set.deals, b->set.asOfDay, b->set.intentRecorded);
    const qint64 ratesMs = timer.elapsed();
    for (const Deal &d : b->set.deals)
        b->closedDeals += d.closed();
    b->modelDone = b->closedDeals == 0; // nothing to learn from
    qCInfo(lcForecastView) << "read" << b->history().deals.size() << "deals in" << readMs << "ms, rates after" << ratesMs << "ms";
    return b;
}

void train(ForecastCache::Base &b)
{
    QElapsedTimer timer;
    timer.start();
    b.evaluation = evaluateSplit(b.set, splitDay(b.set.deals), b.model);
    b.modelDone = true;
    b.trainMs = timer.elapsed();
    qCInfo(lcForecastView) << "trained the win model on" << b.closedDeals << "closed deals in" << b.trainMs << "ms";
}

std::shared_ptr<ForecastCache::Org> buildOrg(const ForecastCache::Base &b, const analytics::OrgScope &scope)
{
    QElapsedTimer timer;
    timer.start();
    auto o = std::make_shared<ForecastCache::Org>();
    o->owners = repsWithin(scope, b.units);
    const bool company = o->owners.isEmpty();
    const History own = company ? History() : historyOf(b.history(), o->owners); // the company reads b.history()
    if (!company)
        o->ownSet = asOf(own, b.asOfSecs);
    const DealSet &set = company ? b.set : o->ownSet;
    // The open deals' table on a thread of its own beside the backtest, which needs nothing
    // of it: the backtest's months leave a core idle now and then (large demo: the table's
    // 100–160 ms went into the backtest's 350 ms, 50–100 ms off the first figures).
    std::future<analytics::DataTable> table = std::async(std::launch::async, [&b, owners = o->owners] {
        return winprobTable(b.set, b.rates, b.model, owners);
    });
    if (company && b.companyPast.valid()) {
        std::vector<BacktestMonth> past = b.companyPast.get();
        if (b.closedDeals > 0)
            o->past = std::move(past);
    } else if (b.closedDeals > 0) {
        o->past = pastYear(company ? b.history() : own, b.set.asOfDay, b.seed);
    }
    const qint64 backtestMs = timer.elapsed();
    o->deals = table.get();
    o->dealsWithModel = b.modelDone;
    const qint64 tableMs = timer.elapsed();
    o->deals.currency = b.history().currency;
    o->openDeals = int(o->deals.rows.size());
    // This month and the coming ones, on two threads (each month's draws on one: the same
    // draws, as each has its own seed). One after the other they took 60-70 ms (large demo).
    o->coming.resize(kFanMonthsAhead + 1);
    const auto comingMonth = [&](int i) {
        FanMonth &m = o->coming[std::size_t(i)];
        m.firstDay = monthStart(b.set.asOfDay, i);
        m.lastDay = monthStart(b.set.asOfDay, i + 1) - 1;
        SimOptions opt;
        opt.draws = kFanDraws;
        opt.seed = b.seed;
        opt.threads = 1;
        const PeriodForecast f = forecastPeriod(set, b.rates, m.firstDay, m.lastDay, withErrors(opt, o->past));
        m.actualCents = i == 0 ? f.alreadyWonCents : -1;
        m.p10 = f.sim.p10;
        m.p50 = f.sim.p50;
        m.p90 = f.sim.p90;
    };
    std::future<void> odd = std::async(std::launch::async, [&] {
        for (int i = 1; i <= kFanMonthsAhead; i += 2)
            comingMonth(i);
    });
    for (int i = 0; i <= kFanMonthsAhead; i += 2)
        comingMonth(i);
    odd.get();
    qCInfo(lcForecastView) << "org" << scope.id << "backtest" << backtestMs << "ms, deal table" << tableMs - backtestMs
                           << "ms, coming months" << timer.elapsed() - tableMs << "ms";
    return o;
}
} // namespace

ForecastView computeForecastView(QSqlDatabase db, ForecastCache &cache, const analytics::Scope &scope, qint64 nowSecs,
                                 quint64 seed, ForecastParts parts)
{
    QMutexLocker lock(&cache.m_mutex);
    ForecastView v;
    v.scope = scope;
    v.seed = seed;
    const QByteArray print = analytics::CockpitFacts::fingerprint(db, analytics::KpiSettings{});
    std::shared_ptr<ForecastCache::Base> b = cache.m_base;
    if (b && (b->path != db.databaseName() || b->fingerprint != print))
        b.reset();
    // An imported history that ended long ago is forecast as of its end (history.h). Without
    // a base, the history read here is the one it is built on.
    std::shared_ptr<const History> fresh = b ? nullptr : cachedHistory(db);
    const qint64 lastEvent = lastEventSecs(b ? b->history() : *fresh);
    const qint64 moment = forecastMoment(lastEvent, nowSecs);
    if (!b || b->seed != seed || analytics::companyDayNumber(b->asOfSecs) != analytics::companyDayNumber(moment)) {
        cache.m_base.reset(); // the old file's deals go before the new ones load
        b = buildBase(db, print, moment, seed, std::move(fresh), scope.org.isCompany());
        cache.m_base = b;
        cache.m_warm = true;
    }
    if (parts == ForecastParts::WithModel && !b->modelDone) {
        train(*b);
        v.trainedNow = true;
        v.trainMs = b->trainMs;
    }
    const QString key = orgKey(scope.org);
    std::shared_ptr<ForecastCache::Org> o = b->orgs.value(key);
    if (!o) {
        o = buildOrg(*b, scope.org);
        b->orgs.insert(key, o);
    } else if (b->modelDone && !o->dealsWithModel) {
        o->deals = winprobTable(b->set, b->rates, b->model, o->owners);
        o->deals.currency = b->history().currency;
        o->dealsWithModel = true;
    }
    const DealSet &set = o->owners.isEmpty() ? b->set : o->ownSet;
    v.units = b->units;
    v.orgName = b->units.name(scope.org);
    v.currency = b->history().currency;
    v.asOfDay = b->set.asOfDay;
    v.closeDateWritten = b->set.closeDateWritten;
    v.historical = moment != nowSecs;
    v.lastEventDay = analytics::companyDayNumber(lastEvent);
    v.closedDeals = b->closedDeals;
    v.openDeals = o->openDeals;
    v.modelTrained = b->model.trained();
    v.modelPending = !b->modelDone;
    v.evaluation = b->evaluation;
    v.dealsTable = o->deals;

    // The period.
    const qint64 first = analytics::dayNumber(scope.period.first), last = analytics::dayNumber(scope.period.last);
    SimOptions opt;
    opt.draws = kForecastDraws;
    opt.seed = seed;
    opt.targetCents = scopeTarget(db, first, last, scope.org, b->units);
    opt = withErrors(opt, o->past);
    v.errorRatios = int(opt.errorRatios.size());
    const PeriodForecast f = forecastPeriod(set, b->rates, first, last, opt);
    v.alreadyWonCents = f.alreadyWonCents;
    v.sim = f.sim;
    v.sim.totals.clear();
    v.sim.totals.shrink_to_fit();
    v.targetCents = opt.targetCents;
    for (const DoubtReason &r : f.sim.reasons)
        v.reasons << doubtText(r, v.currency);

    // The fan: the backtest's months, then this month and the coming ones, with their targets.
    v.backtest = o->past;
    v.coverage = bandCoverage(o->past);
    v.coveredMonths = countedMonths(o->past);
    v.meanAccuracy = meanAccuracy(o->past);
    v.backtestTable = backtestTable(o->past, v.currency);
    for (const BacktestMonth &m : o->past)
        v.fan.push_back(FanMonth{m.firstDay, m.lastDay, true, m.actualCents, m.p10, m.p50, m.p90, -1});
    v.fan.insert(v.fan.end(), o->coming.begin(), o->coming.end());
    if (!v.fan.empty()) {
        const QHash<qint64, qint64> targets = monthTargets(db, v.fan.front().firstDay, v.fan.back().firstDay, scope.org, b->units);
        for (FanMonth &m : v.fan)
            m.targetCents = targets.value(m.firstDay, -1);
        v.revisions = loadRevisionHeat(db, v.fan.front().firstDay, v.fan.back().lastDay, scope.org, b->units);
    }
    v.uneditedReasons = uneditedRevisionReasons(db);
    v.revisionReasons = editedRevisionReasons(db).value_or(v.uneditedReasons);
    return v;
}

QFuture<ForecastView> requestForecastView(analytics::FigureService &figures, analytics::FigureService::Channel channel,
                                          std::shared_ptr<ForecastCache> cache, analytics::Scope scope, qint64 nowSecs,
                                          quint64 seed, ForecastParts parts)
{
    return figures.compute<ForecastView>(channel, [cache = std::move(cache), scope = std::move(scope), nowSecs, seed,
                                                   parts](QSqlDatabase db) {
        return computeForecastView(db, *cache, scope, nowSecs, seed, parts);
    });
}

std::shared_ptr<ForecastCache> sharedForecastCache()
{
    static const std::shared_ptr<ForecastCache> cache = std::make_shared<ForecastCache>();
    return cache;
}

} // namespace cockpit::forecast
