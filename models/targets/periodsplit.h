#pragma once
// A quarter's targets saved down to its three months, a year's down to its four quarters
// (issue 14: "lower levels always sum to the level above" — in time as in the org tree). Each
// leaf of the period's tree (a rep, or a unit with no rep below it) is split over the parts in
// proportion to what it collected in the same parts a year before (equal shares when it
// collected nothing then); cents are shared out by the largest remainder (targetmath.h
// splitLargestRemainder), so a leaf's parts sum to its period exactly; every parent's part is
// the sum of its children's, so each part's tree sums as the period's does (a period that does
// not sum is refused: approve-able parts need sums).
#include "targets/targetdata.h"

namespace cockpit::storage {
class Database;
}

namespace cockpit::targets {

// Pure: out[part][node], the parts' amounts of every node of `whole` (same indexes), from each
// node's weights (weights[node][part]: collections of the same part a year before; only
// leaves' are used). `parts` >= 1.
QVector<QVector<qint64>> splitIntoParts(const TargetTree &whole, const QVector<QVector<qint64>> &weights, int parts);

// The periods a period is split into: a quarter's months, a year's quarters; none for a month.
QVector<analytics::Period> splitParts(const analytics::Period &period);

struct PeriodSplitPlan
{
    QString error;                      // translated; nothing to do then
    QVector<analytics::Period> parts;   // the months or quarters
    QVector<TargetTree> before;         // the parts as in the file (same nodes as the period)
    QVector<TargetCommand> commands;    // the changes that give each part its share
    int changed() const;                // parts with a change
};
// Reads the parts' rows and last year's collections and plans the split of `whole` (a quarter's
// or a year's view, as the Targets tab shows it). Throws analytics::QueryError.
PeriodSplitPlan planPeriodSplit(storage::Database &db, const TargetsView &whole, const analytics::OrgUnits &units);

} // namespace cockpit::targets
