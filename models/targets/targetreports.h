#pragma once
// `sales-cockpit report targets|performance|correlation|customerscores|bonus` (issue 14): the
// tables of targets/ in the form of analytics/reports.h. The command line lists them after
// the analytics reports.
#include "analytics/reports.h"
#include "targets/bonusdata.h"
#include "targets/customerdata.h"
#include "targets/moneytiles.h"
#include "targets/performancedata.h"
#include "targets/targetdata.h"

namespace cockpit::targets {

const QList<analytics::ReportInfo> &targetReports();

// The tables themselves (the screen's CSV export uses the same). `deepest`: the finest level
// shown (Region, City or Rep; Team counts as Rep).
analytics::DataTable targetsTable(const TargetsView &v, const QVector<int> &nodes, analytics::OrgLevel deepest);
analytics::DataTable performanceTable(const PerformanceView &v);
analytics::DataTable correlationTable(const PerformanceView &v);
analytics::DataTable customerScoresTable(const CustomerScoresView &v);
// One row per rep and a last row "team" with the totals.
analytics::DataTable bonusTable(const BonusSimulation &sim, const BonusInputs &in, const QString &title);

} // namespace cockpit::targets
