#pragma once
// What the performance score, its rankings and the correlation sandbox read from a file,
// per rep of the scope and period (one grouped query per figure; never one per rep):
// collections (payments paid in the period), gross margin (orders ordered in it), new
// customers (customer_since in it), satisfaction (mean NPS of the surveys of the rep's
// customers taken in it), compliance and the other process figures (team health's, for the
// same scope and period), won and lost deals (closed in it). The previous period is scored
// the same way for "most improved". Throws QueryError.
#include "analytics/teamhealth.h"
#include "targets/performance.h"
#include "targets/targetdata.h"

class QSqlDatabase;

namespace cockpit::targets {

struct RepFigures
{
    RepRecord rep;
    RepInputs inputs;
    analytics::HealthFigures health; // process figures of team health; empty when it had none
    int won = 0, lost = 0;
    std::optional<double> winRatePct() const
    {
        return won + lost > 0 ? std::optional<double>(100.0 * won / (won + lost)) : std::nullopt;
    }
};

struct PerformanceView
{
    analytics::Scope scope;
    QVector<RepFigures> reps;       // the scope's reps employed in the period, ranked ones first
    QVector<RepScore> scores;       // the ranked (active) reps, best first
    QVector<RepScore> previous;     // the same reps' scores in the previous period
    QVector<Improvement> improved;  // most improved first
    QVector<RepInputs> byMargin;    // highest margin first
    const RepFigures *figures(const QString &repId) const;
};

// withPrevious = false leaves previous and improved empty: the screen paints the ranking
// first and adds "most improved" with addPrevious() right after.
PerformanceView computePerformance(QSqlDatabase db, const analytics::Scope &scope, const QString &asOfIso,
                                   const PerformanceWeights &w = {}, analytics::TeamHealthCache *cache = nullptr,
                                   bool withPrevious = true);

void addPrevious(PerformanceView &view, QSqlDatabase db, const QString &asOfIso, const PerformanceWeights &w = {},
                 analytics::TeamHealthCache *cache = nullptr);

} // namespace cockpit::targets
