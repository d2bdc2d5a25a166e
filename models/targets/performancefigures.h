#pragma once
// What the Performance tab of the Targets & Forecast screen shows for one scope, computed on a
// figure worker (FigureService::compute): the performance view with its previous period (most
// improved) and the bonus simulator's starting point (performancedata.h, bonusdata.h).
#include "analytics/orgunits.h"
#include "targets/performance.h"
#include "targets/performancedata.h"

#include <QHash>
#include <QVector>

#include <functional>

class QSqlDatabase;

namespace cockpit::targets {

struct PerformanceFigures
{
    analytics::Scope scope;
    QString currency = QStringLiteral("CNY");
    analytics::OrgUnits units;
    QVector<RepScore> scores;      // ranked reps, best first
    QVector<RepInputs> inputs;     // every rep of the scope employed in the period (ranked and apart)
    QHash<QString, int> standing;  // rep id → analytics::RepStanding
    QVector<Improvement> improved; // most improved first
    QVector<RepInputs> byMargin;   // highest margin first
    QVector<SimRep> bonusReps;     // the bonus simulator's start
    QVector<SimDeal> bonusDeals;
    QHash<QString, QString> dealTitles; // deal id → lead title
    bool targetPeriod = true;      // a month, quarter or year (the bonus needs targets)
};

// `cache`: the team health facts to read through (FigureService::teamHealthCache(), shared
// with the Team screen and the Correlation tab); it must outlive the function's run.
std::function<PerformanceFigures(const QSqlDatabase &)> performanceFigures(const analytics::Scope &scope,
                                                                          const QString &asOfIso,
                                                                          analytics::TeamHealthCache *cache = nullptr);

// What the Correlation tab shows for one scope: every rep's figures of the period (no
// previous period: the sandbox compares reps, not periods) and the org tree for the scope bar.
// The points and the line are made from it on the window's thread (correlationview.h), so a
// change of metric needs no new computation.
struct CorrelationFigures
{
    analytics::OrgUnits units;
    PerformanceView view;
};

// `cache`: the team health facts to read through (FigureService::teamHealthCache()); it must
// outlive the function's run.
std::function<CorrelationFigures(const QSqlDatabase &)> correlationFigures(const analytics::Scope &scope,
                                                                          const QString &asOfIso,
                                                                          analytics::TeamHealthCache *cache = nullptr);

} // namespace cockpit::targets
