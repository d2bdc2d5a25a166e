#pragma once
// Rep and team health as tables: the `report` outputs (radar, health, pei, coverage, steps),
// and the drill-downs behind each number (the stage exits with their missing actions, the
// tasks, the responses, the customers with their 8 health dimensions, the orders, the
// ratings). Every table is restricted by the scope's period and org (use a rep or team org
// for one row's drill-down).
#include "analytics/datatable.h"
#include "analytics/teamhealth.h"

class QSqlDatabase;


namespace cockpit::analytics {

// ---- summaries (pure, from a computed TeamHealth) --------------------------------------
// One row per rep (teams = false) or team: raw and normalised radar values.
DataTable radarTable(const TeamHealth &th, bool teams);
// Light, completion (done / expected), top-3 missing actions.
DataTable healthTable(const TeamHealth &th, bool teams);
// Tasks done / required, rep-weeks.
DataTable peiTable(const TeamHealth &th, bool teams);
// The six coverage months, the period's figure and the warning.
DataTable coverageTable(const TeamHealth &th);
// Expected / done / completion per action kind of one row.
DataTable keyActionsTable(const HealthRow &row, const Scope &scope);

// ---- drill-downs (query the rows) ------------------------------------------------------
DataTable stageExitsTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units,
                          bool onlyWithMissing = false);
DataTable tasksTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units);
DataTable responsesTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units);
DataTable customerHealthTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units,
                              const TeamHealthSettings &s = {});
DataTable ordersTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units);
DataTable ratingsTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units);

// ---- rep drill-down: time between the steps of a sale ----------------------------------
// assignment (leads.assigned_at) → first touch (first sales action) → needs confirmed
// (first entry into the pipeline's 2nd stage, position 1) → demo (first demo activity) →
// objection handled (first entry into the 4th stage, position 3: 报价谈判 / 谈判 / 方案报价)
// → signed (closed_at of a won lead) → paid (first paid_on of the lead's orders). A step is
// counted when both its ends exist, the end is not before the start and the end falls in the
// period (before now); durations in hours.
enum class SalesStep { FirstTouch, NeedsConfirmed, Demo, ObjectionHandled, Signed, Paid };
inline constexpr int kSalesSteps = 6;
QString salesStepKey(SalesStep s);
QString salesStepLabel(SalesStep s); // translated "Assignment → first touch" …

struct StepTimes
{
    std::array<QVector<double>, kSalesSteps> hours;
    void add(const StepTimes &o);
};
// The step ends of one lead → the durations that count in [from, to), all in epoch seconds.
// Pure: `ends` = {assigned, touch, needs, demo, objection, signed, paid}; nullopt = missing.
// The paid end is a date: its 00:00 company time.
using StepEnds = std::array<std::optional<qint64>, kSalesSteps + 1>;
StepTimes stepDurations(const StepEnds &ends, qint64 from, qint64 to);
// Per rep of the scope.
QHash<QString, StepTimes> loadStepTimes(QSqlDatabase db, const Scope &scope, const QString &asOfIso);
// One row per rep (and one for the whole scope): the median hours and count of each step.
DataTable stepsTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units);

} // namespace cockpit::analytics
