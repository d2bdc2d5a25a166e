#pragma once
// Outcomes of closed deals per unit (issue 11, `report outcomes`): for each region, city,
// team, rep, customer or product, the deals won and lost in the period, the win rate
// won / (won + lost), the amount won (in the company's currency) and the median days from
// engagement to close.
//
// Definitions. A deal counts in the period that holds its close (closed_at, company days),
// so a closed period never changes. "Engagement" is the deal's first move out of a stage into
// another open stage (for the Maven CRM data: entering Engaging); a deal with no such move
// counts from its creation. Days are (close - start) / 86 400, not rounded; the median of an
// even count is the mean of the middle two.
#include "analytics/datatable.h"
#include "analytics/reports.h"

#include <QString>

#include <cmath>
#include <vector>

class QSqlDatabase;

namespace cockpit::analytics {

struct OutcomeDeal
{
    QString unitId;   // the unit's key ("" = none: a lead with no product, no team …)
    QString unitName;
    bool won = false;
    qint64 amountCents = 0;
    qint64 startedAt = 0, closedAt = 0; // epoch seconds
};

struct OutcomeRow
{
    QString unitId, unitName;
    qint64 won = 0, lost = 0, wonCents = 0;
    double winRate = NAN;    // 0..1; NaN without closed deals
    double medianDays = NAN;
};

// Pure: one row per unit in order of first appearance, then the total over all deals (unitId
// and unitName empty) as the last row.
std::vector<OutcomeRow> computeOutcomes(const std::vector<OutcomeDeal> &deals);

// The report: `by` is region, city, team, rep, customer or product.
DataTable outcomesTable(QSqlDatabase db, const ReportRequest &request);

} // namespace cockpit::analytics
