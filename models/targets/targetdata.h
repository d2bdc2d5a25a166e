#pragma once
// What the targets figures read from a file: the reps and who counts, collections per rep and
// company month, the targets rows as a tree, and the targets view (tree, proposal,
// attainment, rolling forecast, capacity gap) the screen and `report targets` show. One
// grouped query per figure over the whole company, never one per rep. Throws QueryError.
#include "analytics/orgunits.h"
#include "analytics/teamhealth.h"
#include "targets/rollingforecast.h"
#include "targets/targettree.h"

#include <QHash>

class QSqlDatabase;

namespace cockpit::targets {

struct RepRecord
{
    analytics::OrgUnit unit;
    QDate hired, left;
    analytics::RepStanding standing = analytics::RepStanding::Ranked;
};
// Sales reps employed at some time in `period`, each with its standing (teamhealth.h's
// repStanding(), on employment alone: who left, or was employed on too few working days up
// to `lastDay`, is shown apart, never ranked with the active team).
QVector<RepRecord> loadReps(QSqlDatabase db, const analytics::OrgUnits &units, const analytics::Period &period,
                            QDate lastDay);

// Collections (payments by paid_on) per rep and company month, months [first, first + count),
// up to `lastDay`.
struct MonthlyCollections
{
    QDate firstMonth;
    int months = 0;
    QHash<QString, QVector<qint64>> byRep;
    int monthIndex(QDate day) const; // may lie outside [0, months)
    // The rep's collections over [fromMonth, fromMonth + count) months.
    qint64 sum(const QString &rep, QDate fromMonth, int count) const;
};
MonthlyCollections loadMonthlyCollections(QSqlDatabase db, QDate firstMonth, int months, QDate lastDay);
// Collections per rep over [first, last].
QHash<QString, qint64> loadCollections(QSqlDatabase db, QDate first, QDate last);

// The targets rows of one period (kind Month, Quarter or Year starting on `start`) on the org
// tree: the company, every region, city and the reps given (under their city); a node
// without a row has 0 and rowId 0.
TargetTree loadTargetTree(QSqlDatabase db, analytics::PeriodKind kind, QDate start, const analytics::OrgUnits &units,
                          const QVector<RepRecord> &reps);

struct TargetRow
{
    int node = -1;
    qint64 targetCents = 0, proposalCents = 0, collectedCents = 0, lastYearCents = 0, trailing12Cents = 0;
    qint64 baseCents = 0; // what the proposal grows from (TargetsView::base; = lastYearCents when sameLastYear)
    std::optional<Tier> proposedTier, rankedTier; // the proposal's (saved terms first); by trailing 12 months
    int proposedGrowthBp = 0;
    std::optional<double> attainmentPct;
    analytics::Rag colour = analytics::Rag::Grey;
    bool mismatch = false;
    qint64 forecast6Cents = 0, target6Cents = 0; // the next 6 months: rolling forecast, month targets
    // The same month by month (TargetsView::forecastMonths), and the 6 complete months of
    // collections the forecast starts from (oldest first), for the screen's chart.
    QVector<qint64> forecastByMonth, targetByMonth, history6;
    CapacityGap gap;                             // the quarter holding asOf
    int activeReps = 0;
};
struct TargetsView
{
    analytics::Period period;
    TargetTree tree, proposal;
    ProposalBase base;       // the window the proposals grow from (targetmath.h)
    QVector<TargetRow> rows; // one per tree node, same order
    QVector<QDate> forecastMonths;
    QVector<RepRecord> reps;
};
// Each node's proposal base (TargetRow::baseCents), in node order, for the target math.
QVector<qint64> proposalBases(const TargetsView &view);
// The base window's months as shown: "2026年7月 – 2026年9月" (Period::label()), one month alone.
QString baseWindowText(const ProposalBase &base);

// period: a month, quarter or year (else QueryError); asOfDay: today (the forecast starts in
// its month; the capacity gap looks at its quarter).
TargetsView computeTargets(QSqlDatabase db, const analytics::Period &period, QDate asOfDay,
                           const analytics::OrgUnits &units, const TargetSettings &s = {});

// The node indices of `tree` inside `scope` (the scope's node and everything under it; a team
// scope: its reps).
QVector<int> nodesWithin(const TargetTree &tree, const analytics::OrgScope &scope, const analytics::OrgUnits &units);

} // namespace cockpit::targets
