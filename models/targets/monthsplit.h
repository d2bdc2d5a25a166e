#pragma once
// A quarter's targets saved down to its three months (issue 14: "lower levels always sum to
// the level above" — in time as in the org tree). Each leaf of the quarter's tree (a rep, or
// a unit with no rep below it) is split over the months in proportion to what it collected in
// the same months a year before (equal thirds when it collected nothing then); cents are
// shared out by the largest remainder, so a leaf's three months sum to its quarter exactly;
// every parent's month is the sum of its children's, so each month's tree sums as the
// quarter's does (a quarter that does not sum is refused: approve-able months need sums).
#include "targets/targetdata.h"

#include <array>

namespace cockpit::storage {
class Database;
}

namespace cockpit::targets {

// Pure: the three months' amounts of every node of `quarter` (same indexes), from each
// node's weights (collections of the same three months a year before; only leaves' are used).
std::array<QVector<qint64>, 3> splitQuarter(const TargetTree &quarter, const QVector<std::array<qint64, 3>> &weights);

struct MonthSplitPlan
{
    QString error;                  // translated; nothing to do then
    std::array<TargetTree, 3> before; // the months as in the file (same nodes as the quarter)
    std::array<TargetCommand, 3> commands; // the changes that give each month its share
    int changed() const;            // months with a change
};
// Reads the months' rows and last year's collections and plans the split of `quarter` (a
// quarter's view, as the Targets tab shows it). Throws analytics::QueryError.
MonthSplitPlan planMonthSplit(storage::Database &db, const TargetsView &quarter, const analytics::OrgUnits &units);

} // namespace cockpit::targets
