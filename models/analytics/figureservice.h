#pragma once
// Every figure and drill-down table the screens show, answered as typed futures (issue 10 §3).
// The one owner of the analytics' worker threads, their read connections (one per worker
// thread, opened through storage::openConnection, so they share the main connection's
// pragmas), the per-file caches (the cockpit's facts, the team health facts) and the
// newest-wins tokens of each screen. Built in app/ for the open database and handed to the
// pages; ui/ runs no query and holds no connection.
//
// Futures end with the value, or with the exception the computation threw (QueryError names
// the statement), or canceled: a request on a channel that a newer request on the same
// channel superseded. Results are delivered through QFutureWatcher on the caller's thread.
#include "analytics/cockpit.h"
#include "analytics/cockpitfacts.h"
#include "analytics/query.h"
#include "analytics/storecodes.h"
#include "analytics/teamhealth.h"
#include "analytics/teamhealthtables.h"
#include "analytics/touchpoints.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QLoggingCategory>
#include <QPromise>
#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QThreadStorage>

#include <functional>
#include <memory>
#include <optional>

namespace cockpit::storage {
class Database;
}

namespace cockpit::analytics {

Q_DECLARE_LOGGING_CATEGORY(lcFigures)

class ReadConnection;

// How a figure future ended, read without throwing. Qt marks a future that ended with an
// exception as canceled too: this tells the two apart.
template<class T>
struct FigureOutcome
{
    enum class State { Value, Superseded, Failed } state = State::Failed;
    T value{};
    QString error; // Failed: the QueryError's message (names the statement), or what()

    bool superseded() const { return state == State::Superseded; }
    bool failed() const { return state == State::Failed; }

    static FigureOutcome of(QFuture<T> future)
    {
        FigureOutcome o;
        try {
            future.waitForFinished(); // rethrows the computation's exception
            if (future.isCanceled()) {
                o.state = State::Superseded;
                return o;
            }
            o.value = future.result();
            o.state = State::Value;
        } catch (const QueryError &e) {
            o.error = e.message();
        } catch (const std::exception &e) {
            o.error = QString::fromLocal8Bit(e.what());
        }
        return o;
    }
};

// The store screen's figures: the codes of the scope's stores and the org tree for the names.
struct StoreFigures
{
    std::shared_ptr<const StoreCodes> codes;
    OrgUnits units;
};

// A touchpoint heat map with the name of its org unit ("" for the company).
struct TouchpointFigures
{
    TouchpointGrid grid;
    QString orgName;
    qint64 computeMs = 0;
};

// The row tables behind the Team screen's columns.
enum class TeamTable { Lights, StageExits, Tasks, Responses, CustomerHealth, Orders, Ratings };

class FigureService : public QObject
{
    Q_OBJECT
public:
    // A stream of requests of which only the newest matters (one screen's refresh, the steps
    // of the selected row). A request waits while an older one of its channel runs; a newer
    // request replaces the waiting one, whose future ends canceled, and the result of a
    // request superseded while it ran is dropped (canceled too). 0: no channel.
    using Channel = int;
    Channel newChannel();

    explicit FigureService(storage::Database &db, QObject *parent = nullptr);
    ~FigureService() override;
    // Where the cockpit's and Team's facts are kept between runs (CockpitFactsCache::
    // setDiskDirectory, TeamHealthCache::setDiskDirectory);
    // the app gives the user's cache folder. Unset: kept in memory only.
    void setFactsCacheDirectory(const QString &dir)
    {
        m_cockpitFacts.setDiskDirectory(dir);
        m_teamFacts.setDiskDirectory(dir);
    }

    QString path() const { return m_path; }
    // Worker threads (2 by default: the machine the cockpit is measured on has 2 cores).
    int workers() const { return m_pool.maxThreadCount(); }

    // The cockpit: its facts half and its SQL half run on two workers at once.
    QFuture<CockpitData> cockpit(const CockpitRequest &request, Channel channel = 0);
    QFuture<DataTable> kpiDrillDown(const Scope &scope, const QDateTime &nowUtc, const QString &tileKey);
    // A funnel stage's leads (orgId empty) or a heat map cell's (stage transition × org unit).
    QFuture<DataTable> funnelDrillDown(const Scope &scope, const QString &pipelineCode, bool english, int stage,
                                       const QString &orgId = {});

    QFuture<TeamHealth> teamHealth(const Scope &scope, const QString &asOfIso, const TeamHealthSettings &settings,
                                   Channel channel = 0);
    // The median hours between the steps of a sale, summed over the scope's reps.
    QFuture<StepTimes> stepTimes(const Scope &scope, const QString &asOfIso, Channel channel = 0);
    QFuture<DataTable> teamTable(TeamTable table, const Scope &scope, const QString &asOfIso, const OrgUnits &units);

    QFuture<StoreFigures> storeCodes(const Scope &scope, Channel channel = 0);
    QFuture<DataTable> storeDays(const QString &storeId, QDate from, QDate to, const StoreThresholds &thresholds);

    QFuture<TouchpointFigures> touchpoints(const TouchpointSubject &subject, Channel channel = 0);
    QFuture<DataTable> touchpointActivities(const TouchpointSubject &subject, int row, QDate first, QDate last);

    // Any other figure: `fn(QSqlDatabase) -> T` runs on a worker with its read connection, on
    // `channel` like the figures above (0: no channel). The libraries built on analytics
    // (targets/, forecast/) hand their computations to the screens this way; ui/ passes the
    // function a models/ library made and never names a connection.
    // (The function takes the connection by const reference: a file of ui/ that hands one on
    // never needs QSqlDatabase's definition.)
    template<class T>
    using DbFigure = std::function<T(const QSqlDatabase &)>;
    template<class T>
    QFuture<T> compute(Channel channel, DbFigure<T> fn);

    // The team health facts teamHealth() keeps per file (thread-safe), for a figure of another
    // library that computes team health on its way (the Correlation tab's rep figures), so a
    // period or org change there reads only what Team has not read yet.
    TeamHealthCache *teamHealthCache() { return &m_teamFacts; }

    // Forget the cached facts (the benchmark's cold run).
    void clearCaches();

Q_SIGNALS:
    // Something the figures read was written (an edit, an undo, an import, the alert rules
    // ran): screens showing figures recompute. Announced once per burst of changes.
    void dataChanged();

private:
    struct ChannelState;
    struct Task
    {
        Channel channel = 0;
        quint64 token = 0;
        std::function<void(ReadConnection &)> work; // computes, then ends the future
        std::function<void()> cancel;               // ends the future canceled
    };
    // Runs `work` on a worker with that worker's read connection; queued per channel.
    void submit(Channel channel, std::shared_ptr<Task> task);
    // Opens nothing: checks `connection` (QueryError naming the file when it is not open) and
    // calls `work` with its database (here, where QSqlDatabase is a complete type).
    static void callWithDb(ReadConnection &connection, const std::function<void(const QSqlDatabase &)> &work);
    void startTask(const std::shared_ptr<Task> &task);
    void finished(Channel channel);
    bool superseded(const Task &task); // a newer request of its channel came since
    ReadConnection &threadConnection();
    void alongside(QSqlDatabase here, const Half &mine, const Half &other);
    Alongside alongsideHere(); // alongside() as the computations take it

    QString m_path;
    CockpitFactsCache m_cockpitFacts;
    TeamHealthCache m_teamFacts;
    QMutex m_mutex;
    QHash<Channel, std::shared_ptr<ChannelState>> m_channels;
    Channel m_lastChannel = 0;
    QThreadStorage<ReadConnection *> m_connections;
    QThreadPool m_pool; // last: its threads end (closing their connections) before the rest goes
};

template<class T>
QFuture<T> FigureService::compute(Channel channel, DbFigure<T> fn)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    auto task = std::make_shared<Task>();
    task->channel = channel;
    task->cancel = [promise] {
        promise->future().cancel();
        promise->finish();
    };
    Task *self = task.get();
    task->work = [this, promise, fn = std::move(fn), self](ReadConnection &connection) {
        QElapsedTimer timer;
        timer.start();
        try {
            std::optional<T> value;
            callWithDb(connection, [&value, &fn](const QSqlDatabase &db) { value.emplace(fn(db)); });
            qCDebug(lcFigures) << "channel" << self->channel << "request" << self->token << "computed in"
                               << timer.elapsed() << "ms";
            if (superseded(*self)) {
                qCDebug(lcFigures) << "channel" << self->channel << "request" << self->token << "superseded: dropped";
                promise->future().cancel(); // a newer request of the channel is on its way
            }
            else
                promise->addResult(std::move(*value));
        } catch (...) {
            promise->setException(std::current_exception());
        }
        promise->finish();
    };
    submit(channel, std::move(task));
    return future;
}

} // namespace cockpit::analytics
