#pragma once
// The correlation sandbox's figures (DESIGN.md §5 "Process", issue 14), pure over a
// PerformanceView: the metrics a rep can be compared on (team health's process figures, new
// customers and the win rate), one point per ranked rep for a pair of them, and the
// least-squares line through the points (correlation.h). The `report correlation` table and
// the Correlation tab both read the metric list from here.
#include "analytics/datatable.h"
#include "targets/correlation.h"
#include "targets/performancedata.h"

#include <QVector>

#include <optional>

namespace cockpit::targets {

enum class CorrMetric { Compliance, CustomerHealth, CrossSell, Collaboration, Pei, ResponseMedian, NewCustomers, WinRate };

// Every metric, in the order the combos offer them (the win rate last).
const QVector<CorrMetric> &corrMetrics();
// The process metrics the report sets against the win rate: every metric but the win rate.
QVector<CorrMetric> processMetrics();
// Machine name ("compliance_pct"; the report's and the export's column names).
QString corrMetricKey(CorrMetric m);
// Translated name with its unit ("Key-action completion (%)").
QString corrMetricLabel(CorrMetric m);
// A value as the tooltips and the table show it, with its unit ("45.2 %", "12.5 min", "3").
QString corrMetricText(CorrMetric m, double v);
// The rep's value; nullopt when the rep has none (no closed deal for the win rate, no stage
// exit for the completion, …).
std::optional<double> corrMetricValue(const RepFigures &f, CorrMetric m);

struct CorrPoint
{
    QString repId, name;
    std::optional<double> x, y;
};

struct CorrelationPoints
{
    CorrMetric x = CorrMetric::Compliance, y = CorrMetric::WinRate;
    QVector<CorrPoint> points;  // ranked reps with both values, in the view's order
    QVector<CorrPoint> leftOut; // ranked reps missing either value (not in the fit)
    LineFit fit;                // over `points`
};

// One point per ranked rep of the view (reps who left or have too little data are never
// compared, as in the ranking).
CorrelationPoints correlationPoints(const PerformanceView &v, CorrMetric x, CorrMetric y);

// "n = 14 · R² = 0.42 · y = 0.8x + 12", or fitLine's "not enough data" reason; then how many
// reps were left out for a missing value, if any. Numbers in the current locale.
QString correlationCaption(const CorrelationPoints &p);
// A number as the caption writes it: 3 significant digits, no exponent ("0.0123", "12.3", "1 234").
QString correlationNumber(double v);

// The export of the tab: one row per ranked rep (points, then those left out), its two
// values, the line's value at its x, and whether it is in the fit.
analytics::DataTable correlationPointsTable(const CorrelationPoints &p, const analytics::Period &period);

} // namespace cockpit::targets
