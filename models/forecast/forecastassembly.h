#pragma once
// The pieces both `report winprob|forecast|backtest` (forecastreports.cpp) and the Forecast tab
// (forecastview.h) assemble their figures from, so the two always show the same numbers.
#include "analytics/datatable.h"
#include "analytics/orgunits.h"
#include "forecast/forecast.h"
#include "forecast/logistic.h"

#include <QHash>
#include <QSet>

class QSqlDatabase;

namespace cockpit::forecast {

// The org_level column's word for `level` ("company", "region", "city", "team", "rep").
QString orgLevelKey(analytics::OrgLevel level);
// The target of [first, last] for `org`: a target row of that org starting on `first` that is
// not a month's, else the sum of its month targets starting inside. A team (no rows of its
// own) sums its reps'. -1 when there is none.
qint64 scopeTarget(QSqlDatabase db, qint64 first, qint64 last, const analytics::OrgScope &org,
                   const analytics::OrgUnits &units);
// The month targets of `org` starting in [first, last]: month's first day → cents.
QHash<qint64, qint64> monthTargets(QSqlDatabase db, qint64 first, qint64 last, const analytics::OrgScope &org,
                                   const analytics::OrgUnits &units);
// The owner ids (users.id) of the sales reps inside `org`; empty for the company (everyone).
QSet<int> repsWithin(const analytics::OrgScope &org, const analytics::OrgUnits &units);
// The deals owned by `owners` (all when empty), with the file's other facts.
History historyOf(const History &h, const QSet<int> &owners);

// The backtest the forecast's band learns its errors from: the 12 months before the month of
// `asOfDay`, forecast at each month's start with 2 000 draws (`settled`: as backtest()'s).
std::vector<BacktestMonth> pastYear(const History &h, qint64 asOfDay, quint64 seed,
                                    std::shared_ptr<const SettledDeals> settled = nullptr);
// Options for a forecast made with `past`'s error ratios (when there are kMinRatios of them).
SimOptions withErrors(SimOptions o, const std::vector<BacktestMonth> &past);
// Mean accuracy of the months with an actual (NaN when none).
double meanAccuracy(const std::vector<BacktestMonth> &months);

// A DataTable's ratio (4 decimals) and percent (one decimal) values; empty for NaN.
QVariant ratioValue(double x);
QVariant pctValue(double x);
// Money in a reason or headline: in Chinese, CNY in 亿 from 1亿 ("¥7.76亿"), whole 万 from 100万,
// else formatCnyWan; elsewhere a million and more in millions ("¥776.28M"), less in whole units.
QString shortMoney(qint64 cents, const QString &currency);
// "final approver not met on 3 deals worth ¥120万".
QString doubtText(const DoubtReason &r, const QString &currency);
// What `ratios` past months' actual ÷ forecast say of a forecast's error: "from 11 past months'
// actual ÷ forecast: the outcome is drawn at ×0.93 of the simulation's, 8 in 10 between ×0.85
// and ×1.02 (a Student-t prediction interval: wider with fewer months)"; without ratios, that the
// band holds only each deal's luck.
QString errorBandText(const ErrorBand &band, int ratios);

// The translated column header of a factor ("customer.punctuality" → "× Payment punctuality").
QString factorHeader(const QString &name);
// One row per open deal of `set` owned by `owners` (all when empty): id, stage, amount, the
// explainable probability, the learned one (empty when untrained), each factor's value and
// the reasons. Display headers translated; column names as `report winprob` prints them.
analytics::DataTable winprobTable(const DealSet &set, const WinRates &rates, const WinModel &model,
                                  const QSet<int> &owners = {});
// One row per month: open deals, actual, P10, P50, P90, accuracy, in band, raw P50, ratios.
analytics::DataTable backtestTable(const std::vector<BacktestMonth> &months, const QString &currency);

} // namespace cockpit::forecast
