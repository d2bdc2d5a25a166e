#pragma once
// The cockpit's money tiles (issue 14, DESIGN.md §5 "Targets", "Forecast"): for one scope
// (period × org unit), what was won, what was collected, the open pipeline unweighted and
// weighted by each deal's win probability, and attainment against the target. The pure
// arithmetic is moneyTiles() over facts the loader gathers (computeMoney()); a drill-down
// lists the deals or payments behind a tile.
//
// Definitions (the tooltips say the same):
// - Won: the amount of deals closed won with their close day inside the period; the deal's
//   owner in the org unit.
// - Collected: payments with paid_on inside the period, by the payment's rep in the unit.
// - Open pipeline: deals open at the period's end (or now, while it runs), as rebuilt from
//   their history (forecast/history.h: which deals existed and were open then; amounts as they
//   stand now); weighted: each × its explainable win probability (forecast/winprob.h) learned
//   from the deals closed before that moment.
// - Attainment: collected ÷ the unit's target for the period (month, quarter or year only);
//   ≥ 90 % green, 70–89 % yellow, < 70 % red (targetmath.h).
// A closed period's figures do not change when later deals arrive: every figure reads only
// what happened up to the period's end (the amounts of deals open then excepted, see above).
#include "analytics/datatable.h"
#include "analytics/kpi.h"
#include "analytics/scope.h"

#include <QString>
#include <QVector>

#include <functional>
#include <optional>

class QSqlDatabase;

namespace cockpit::targets {

struct MoneyFacts
{
    qint64 wonCents = 0;
    int wonDeals = 0;
    qint64 collectedCents = 0;
    int payments = 0;
    qint64 pipelineCents = 0;
    double weightedCents = 0;
    int openDeals = 0;
    int estimatedDeals = 0;  // open deals whose amount is an estimate (forecast/history.h)
    qint64 targetCents = -1; // -1: no target for the unit and period
    bool targetPeriod = true; // false: a week or custom period (targets are per month, quarter, year)
    qint64 momentSecs = 0;    // the pipeline's moment: the period's end, or now while it runs
};

struct MoneyTile
{
    QString key;   // won, collected, pipeline, weighted, attainment
    QString label; // translated
    bool hasData = false;
    qint64 cents = 0;            // the tile's amount (attainment: collected)
    std::optional<double> pct;   // attainment, or weighted ÷ unweighted
    qint64 targetCents = -1;     // attainment: the target
    analytics::Rag colour = analytics::Rag::Grey;
    int count = 0;               // deals or payments behind it
    QString countLabel;          // translated: "deals", "payments"
    QString definition;          // translated, the exact rule
    QString note;                // why no data
};

struct MoneyFigures
{
    analytics::Scope scope;
    QString currency = QStringLiteral("CNY");
    MoneyFacts facts;
    QVector<MoneyTile> tiles; // won, collected, pipeline, weighted, attainment
};

// Pure: the tiles of `facts`.
QVector<MoneyTile> moneyTiles(const MoneyFacts &facts);

// Reads the facts of `scope` as of `nowSecs` (throws analytics::QueryError).
MoneyFigures computeMoney(QSqlDatabase db, const analytics::Scope &scope, qint64 nowSecs);
// The rows behind a tile: the won deals, the payments, or the open deals with amount and
// probability (keyKind "lead" where rows are deals).
analytics::DataTable moneyDrillDown(QSqlDatabase db, const analytics::Scope &scope, qint64 nowSecs, const QString &key);

// The tiles as a table (`report money`, the cockpit's PDF report): tile key, label, amount,
// percent, target, what it rests on, colour key and word, note.
analytics::DataTable moneyTable(const MoneyFigures &m);

// For FigureService::compute.
std::function<MoneyFigures(const QSqlDatabase &)> moneyFigures(const analytics::Scope &scope, qint64 nowSecs);
std::function<analytics::DataTable(const QSqlDatabase &)> moneyDrillDownFigure(const analytics::Scope &scope,
                                                                              qint64 nowSecs, const QString &key);

} // namespace cockpit::targets
