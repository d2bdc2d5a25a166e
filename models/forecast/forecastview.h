#pragma once
// What the Forecast tab of the Targets & Forecast screen shows for one scope (period and org
// unit), assembled from the pure parts the `report winprob|winmodel|forecast|backtest`
// commands use (forecastassembly.h), with what is slow kept between calls:
//
// * once per file version (the cockpit's fingerprint: log head, lead and user edits) and
//   day: the deals' history, the pipeline as of today, the explainable rates and the learned
//   model trained and measured on a time split (~4 s + ~3 s on the large demo);
// * once per org unit on top of that: its deals, its backtest (the 12 months before this
//   month, whose error ratios also widen its forecast), its open deals' probabilities and the
//   forecasts of this month and the next two;
// * per period: the period's forecast and its target (one Monte-Carlo, one small query).
//
// Rates and the learned model are the company's (more closed deals than any unit has); an org
// unit's forecast, backtest and table use the deals its reps own.
#include "analytics/datatable.h"
#include "analytics/figureservice.h"
#include "analytics/orgunits.h"
#include "analytics/scope.h"
#include "forecast/evaluation.h"
#include "forecast/forecast.h"
#include "forecast/revisions.h"

#include <QMutex>

#include <atomic>
#include <memory>

class QSqlDatabase;

namespace cockpit::forecast {

// One month of the fan chart: a past month's actual and its backtest band, or this or a
// coming month's forecast.
struct FanMonth
{
    qint64 firstDay = 0, lastDay = 0;
    bool past = false;
    qint64 actualCents = -1; // won in the month (past months; this month: won so far)
    qint64 p10 = 0, p50 = 0, p90 = 0;
    qint64 targetCents = -1; // -1: no target row for the month
};

struct ForecastView
{
    analytics::Scope scope;
    QString orgName, currency;
    qint64 asOfDay = 0;
    // The deals end more than kStaleDays before now (history.h): asOfDay is the day after
    // their last event (lastEventDay), not today.
    bool historical = false;
    qint64 lastEventDay = 0;
    quint64 seed = 1;
    bool trainedNow = false; // this call trained the learned model
    qint64 trainMs = 0;      // how long that took (0 when cached)
    bool modelPending = false; // asked without the model, which is not trained yet: no learned column
    int closedDeals = 0;     // closed deals known today (0: no learned model, no backtest)
    int openDeals = 0;       // of the scope
    // The period.
    qint64 alreadyWonCents = 0;
    SimResult sim;            // totals dropped
    qint64 targetCents = -1;  // -1: no target for the scope's period
    QStringList reasons;      // why the confidence is lower, largest share first
    int errorRatios = 0;      // past months' errors that widen the band
    bool closeDateWritten = false; // open deals timed by their age (DealSet::closeDateWritten)
    // The chart, the tables.
    std::vector<FanMonth> fan;
    std::vector<BacktestMonth> backtest;
    double coverage = 0, meanAccuracy = 0; // NaN without counted months / actuals
    int coveredMonths = 0;                 // months with something to forecast (forecast.h)
    analytics::DataTable backtestTable, dealsTable;
    ModelEvaluation evaluation;
    bool modelTrained = false;
    analytics::OrgUnits units;
    // Manual revisions of the fan's months (the unit and those inside it), and the reasons
    // offered for a new one.
    RevisionHeat revisions;
    QStringList revisionReasons;
    QStringList uneditedReasons; // what "Restore defaults" of the reason list gives
};

// Training the learned model takes longer than everything else together (~1.5 s on the
// large demo): a screen asks for the figures without it first, then with it.
enum class ForecastParts { WithoutModel, WithModel };

// What is kept between calls (thread-safe; one computation at a time holds it).
class ForecastCache
{
public:
    ForecastCache();
    ~ForecastCache();
    // Whether a file's deals and trained model are held (else the next call trains).
    bool warm() const;
    void clear();

    // What is held (defined in forecastview.cpp).
    struct Base;
    struct Org;

private:
    friend ForecastView computeForecastView(QSqlDatabase, ForecastCache &, const analytics::Scope &, qint64, quint64,
                                            ForecastParts);
    mutable QMutex m_mutex;
    std::shared_ptr<Base> m_base;
    std::atomic<bool> m_warm{false}; // read by the window without waiting for a computation
};

inline constexpr int kForecastDraws = 10000;
inline constexpr int kFanDraws = 2000;
inline constexpr int kFanMonthsAhead = 2; // after the current month

// The Forecast tab's figures for `scope` as of `nowSecs` (epoch seconds) with `seed`.
// WithoutModel leaves the learned column and the evaluation empty (modelPending) until a call
// WithModel has trained it. Throws analytics::QueryError.
ForecastView computeForecastView(QSqlDatabase db, ForecastCache &cache, const analytics::Scope &scope, qint64 nowSecs,
                                 quint64 seed = 1, ForecastParts parts = ForecastParts::WithModel);
// The same on a worker of `figures`, on `channel` (the screen names no connection).
QFuture<ForecastView> requestForecastView(analytics::FigureService &figures, analytics::FigureService::Channel channel,
                                          std::shared_ptr<ForecastCache> cache, analytics::Scope scope, qint64 nowSecs,
                                          quint64 seed, ForecastParts parts = ForecastParts::WithModel);
// The process's one cache: the cockpit's forecast tile and the Forecast tab share the deals,
// the rates and the company's backtest (whichever comes first computes them).
std::shared_ptr<ForecastCache> sharedForecastCache();

} // namespace cockpit::forecast
