#include "analytics/figureservice.h"
#include "analytics/reports.h"

#include "analytics/query.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPromise>
#include <QRunnable>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QTimer>

#include <exception>

namespace cockpit::analytics {

Q_LOGGING_CATEGORY(lcFigures, "cockpit.analytics.figures")

struct FigureService::ChannelState
{
    quint64 latest = 0; // token of the newest request
    bool running = false;
    std::shared_ptr<Task> waiting;
};

FigureService::FigureService(storage::Database &db, QObject *parent) : QObject(parent), m_path(db.path())
{
    m_pool.setObjectName(QStringLiteral("figures"));
    m_pool.setMaxThreadCount(2);
    m_pool.setExpiryTimeout(-1); // the threads keep their connections (and page caches) warm
    // One announcement per burst: a bulk move announces every lead, an undo several tables.
    auto *burst = new QTimer(this);
    burst->setSingleShot(true);
    burst->setInterval(0);
    connect(burst, &QTimer::timeout, this, &FigureService::dataChanged);
    connect(&db, &storage::Database::changed, burst, qOverload<>(&QTimer::start));
}

FigureService::~FigureService()
{
    m_pool.waitForDone(); // then ~QThreadPool ends the threads, whose connections close there
}

FigureService::Channel FigureService::newChannel()
{
    QMutexLocker lock(&m_mutex);
    const Channel c = ++m_lastChannel;
    m_channels.insert(c, std::make_shared<ChannelState>());
    return c;
}

void FigureService::clearCaches()
{
    m_cockpitFacts.clear();
    m_teamFacts.clear();
}

ReadConnection &FigureService::threadConnection()
{
    if (!m_connections.hasLocalData() || !m_connections.localData()->isOpen())
        m_connections.setLocalData(new ReadConnection(m_path)); // deletes a failed one
    return *m_connections.localData();
}

void FigureService::submit(Channel channel, std::shared_ptr<Task> task)
{
    std::shared_ptr<Task> dropped;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_channels.constFind(channel);
        if (it != m_channels.cend()) {
            ChannelState &st = **it;
            task->token = ++st.latest;
            if (st.running) {
                dropped = std::exchange(st.waiting, task);
                task.reset();
            } else {
                st.running = true;
            }
        }
    }
    if (dropped)
        dropped->cancel();
    if (task)
        startTask(task);
}

void FigureService::startTask(const std::shared_ptr<Task> &task)
{
    m_pool.start([this, task] {
        if (superseded(*task))
            task->cancel();
        else {
            ReadConnection &c = threadConnection();
            task->work(c);
            c.releaseMapping(); // the file's pages leave the process between figures
        }
        finished(task->channel);
    });
}

bool FigureService::superseded(const Task &task)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_channels.constFind(task.channel);
    return it != m_channels.cend() && (*it)->latest != task.token;
}

void FigureService::finished(Channel channel)
{
    std::shared_ptr<Task> next;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_channels.constFind(channel);
        if (it == m_channels.cend())
            return;
        ChannelState &st = **it;
        next = std::exchange(st.waiting, nullptr);
        st.running = bool(next);
    }
    if (next)
        startTask(next);
}

void FigureService::callWithDb(ReadConnection &connection, const std::function<void(const QSqlDatabase &)> &work)
{
    if (!connection.isOpen())
        throw QueryError(connection.error());
    work(connection.db());
}

// Runs `mine` on `here` while `other` runs on another worker with that worker's connection;
// when no worker was free by the time `mine` ended, `other` runs here too. Rethrows the
// first failure. (The Alongside of every computation the service runs.)
void FigureService::alongside(QSqlDatabase here, const Half &mine, const Half &other)
{
    QThreadPool &pool = m_pool;
    std::exception_ptr otherFailure, mineFailure;
    QSemaphore done;
    std::unique_ptr<QRunnable> helper(QRunnable::create([&] {
        try {
            ReadConnection &c = threadConnection();
            if (!c.isOpen())
                throw QueryError(c.error());
            other(c.db());
            c.releaseMapping();
        } catch (...) {
            otherFailure = std::current_exception();
        }
        done.release();
    }));
    helper->setAutoDelete(false);
    pool.start(helper.get());
    try {
        mine(here);
    } catch (...) {
        mineFailure = std::current_exception();
    }
    if (pool.tryTake(helper.get())) {
        try {
            other(here);
        } catch (...) {
            otherFailure = std::current_exception();
        }
    } else {
        done.acquire();
    }
    if (mineFailure)
        std::rethrow_exception(mineFailure);
    if (otherFailure)
        std::rethrow_exception(otherFailure);
}

Alongside FigureService::alongsideHere()
{
    return [this](QSqlDatabase here, const Half &mine, const Half &other) { alongside(here, mine, other); };
}

QFuture<CockpitData> FigureService::cockpit(const CockpitRequest &request, Channel channel)
{
    return compute<CockpitData>(channel, [this, request](QSqlDatabase db) {
        CockpitData d;
        CockpitData sql;
        // Two cores, two connections: the small SQL figures (new hires, forecast, stores,
        // alerts) on a second worker while this one brings the cockpit's facts up to date and
        // counts the follow-up gaps, the effective actions, the pipelines and the funnel.
        alongside(
            db, [&](QSqlDatabase on) { computeCockpitFacts(on, request, &m_cockpitFacts, d, alongsideHere()); },
            [&](QSqlDatabase on) { computeCockpitSql(on, request, sql); });
        for (int i = 2; i < 5; ++i)
            d.tiles[i] = sql.tiles[i];
        d.alerts = std::move(sql.alerts);
        d.alertsTotal = sql.alertsTotal;
        return d;
    });
}

QFuture<DataTable> FigureService::kpiDrillDown(const Scope &scope, const QDateTime &nowUtc, const QString &tileKey)
{
    return compute<DataTable>(0, [scope, nowUtc, tileKey](QSqlDatabase db) {
        DataTable t = analytics::kpiDrillDown(db, KpiRequest{scope, nowUtc, KpiSettings::load(db)}, tileKey);
        attachGlobalIds(t, db, childGroup(scope.org));
        return t;
    });
}

QFuture<DataTable> FigureService::funnelDrillDown(const Scope &scope, const QString &pipelineCode, bool english,
                                                  int stage, const QString &orgId)
{
    return compute<DataTable>(0, [scope, pipelineCode, english, stage, orgId](QSqlDatabase db) {
        const FunnelRequest request{scope, pipelineCode, childGroup(scope.org), english, FunnelSettings::load(db)};
        DataTable t = analytics::funnelDrillDown(db, request, stage, orgId);
        attachGlobalIds(t, db, request.by);
        return t;
    });
}

QFuture<TeamHealth> FigureService::teamHealth(const Scope &scope, const QString &asOfIso,
                                              const TeamHealthSettings &settings, Channel channel)
{
    // The facts cache makes a period or org change query only what it has not seen; a cold
    // start loads the missing months and customers on two connections at once.
    return compute<TeamHealth>(channel, [this, scope, asOfIso, settings](QSqlDatabase db) {
        return computeTeamHealth(db, scope, asOfIso, settings, TeamHealthOptions{&m_teamFacts, true, alongsideHere()});
    });
}

QFuture<StepTimes> FigureService::stepTimes(const Scope &scope, const QString &asOfIso, Channel channel)
{
    return compute<StepTimes>(channel, [scope, asOfIso](QSqlDatabase db) {
        StepTimes all;
        for (const StepTimes &t : loadStepTimes(db, scope, asOfIso))
            all.add(t);
        return all;
    });
}

namespace {
DataTable teamTableOf(QSqlDatabase db, TeamTable table, const Scope &scope, const QString &asOfIso,
                      const OrgUnits &units)
{
    switch (table) {
    case TeamTable::Lights: return stageExitsTable(db, scope, asOfIso, units, true);
    case TeamTable::StageExits: return stageExitsTable(db, scope, asOfIso, units);
    case TeamTable::Tasks: return tasksTable(db, scope, asOfIso, units);
    case TeamTable::Responses: return responsesTable(db, scope, asOfIso, units);
    case TeamTable::CustomerHealth: return customerHealthTable(db, scope, asOfIso, units);
    case TeamTable::Orders: return ordersTable(db, scope, asOfIso, units);
    case TeamTable::Ratings: return ratingsTable(db, scope, asOfIso, units);
    }
    return DataTable{};
}
} // namespace

QFuture<DataTable> FigureService::teamTable(TeamTable table, const Scope &scope, const QString &asOfIso,
                                            const OrgUnits &units)
{
    return compute<DataTable>(0, [table, scope, asOfIso, units](QSqlDatabase db) {
        DataTable t = teamTableOf(db, table, scope, asOfIso, units);
        attachGlobalIds(t, db, childGroup(scope.org));
        return t;
    });
}

QFuture<StoreFigures> FigureService::storeCodes(const Scope &scope, Channel channel)
{
    return compute<StoreFigures>(channel, [scope](QSqlDatabase db) {
        StoreFigures f;
        f.codes = std::make_shared<const StoreCodes>(computeStoreCodes(db, scope, loadStoreThresholds(db)));
        f.units = loadOrgUnits(db);
        return f;
    });
}

QFuture<DataTable> FigureService::storeDays(const QString &storeId, QDate from, QDate to,
                                            const StoreThresholds &thresholds)
{
    return compute<DataTable>(0, [storeId, from, to, thresholds](QSqlDatabase db) {
        DataTable t = storeDaysTable(db, storeId, from, to, thresholds);
        attachGlobalIds(t, db, GroupBy::Region);
        return t;
    });
}

QFuture<TouchpointFigures> FigureService::touchpoints(const TouchpointSubject &subject, Channel channel)
{
    return compute<TouchpointFigures>(channel, [subject](QSqlDatabase db) {
        QElapsedTimer t;
        t.start();
        TouchpointFigures f;
        f.grid = computeTouchpoints(db, subject);
        if (!subject.scope.org.isCompany())
            f.orgName = loadOrgUnits(db).name(subject.scope.org);
        f.computeMs = t.elapsed();
        return f;
    });
}

QFuture<DataTable> FigureService::touchpointActivities(const TouchpointSubject &subject, int row, QDate first,
                                                       QDate last)
{
    return compute<DataTable>(0, [subject, row, first, last](QSqlDatabase db) {
        DataTable t = analytics::touchpointActivities(db, subject, row, first, last);
        attachGlobalIds(t, db, GroupBy::Rep);
        return t;
    });
}

} // namespace cockpit::analytics
