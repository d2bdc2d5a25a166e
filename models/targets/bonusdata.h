#pragma once
// The bonus simulator's starting point read from a file (performance.h has the rule): each
// rep of the scope with its target for a month, quarter or year (the targets table), its
// collections so far and its open deals (leads open now whose expected close falls in the
// period, amount_cents) as SimDeals, unmarked, each with its chance of being won inside the
// period as the forecast computes it (forecast/forecast.h). The screen then changes targets and marks deals
// won or lost and calls simulateBonus() again. Throws QueryError.
#include "targets/performance.h"
#include "targets/targetdata.h"

namespace cockpit::targets {

struct BonusInputs
{
    QVector<SimRep> reps;
    QVector<SimDeal> deals;
};
BonusInputs loadBonusInputs(QSqlDatabase db, const analytics::Scope &scope, QDate asOfDay, const analytics::OrgUnits &units);

} // namespace cockpit::targets
