#pragma once
// The funnel of one pipeline and the funnel heat map (org unit × stage transition), DESIGN.md §5.
//
// Pipelines are versioned (pipelines.code + version): stages of every version are grouped by
// stage code, in the order of the newest version, so history written under an old version
// still counts.
// - Entered stage k in the period: distinct leads (of the scope's org, by the lead's region /
//   city / team / owner) with a stage_history row into a stage of code k whose `at` is in the
//   period. A lead that entered the same stage twice counts once.
// - Converted k → k+1: of those leads, the ones with a stage_history row into k+1 later than
//   their first entry into k in the period — at any time up to now, also after the period.
//   Conversion % = converted / entered.
// - Open in k: of those leads, the ones not converted, not closed and whose latest stage move
//   is into k (they still sit in k). A cohort with more than a third of its leads open is
//   "maturing": its conversion is not final yet, it is shown with its open count and never
//   flagged (DESIGN.md §5).
// - Heat map cell (org unit, k → k+1) = the same restricted to the unit's leads; flagged when
//   its conversion is below `funnel.flag_below_pct` (30), it has at least
//   `funnel.min_cohort` (5) leads and is not maturing; a smaller cohort is "too few" (grey,
//   never flagged).
// - The funnel's bar of stage k is the cohort of k, its arrow to k+1 the share of that same
//   cohort that reached k+1 ("converted of entered"): bar and arrow describe one cohort.
#include "analytics/datatable.h"
#include "analytics/orgunits.h"
#include "analytics/scope.h"

#include <QVector>

#include <cmath>

class QSqlDatabase;

namespace cockpit::analytics {

struct FunnelSettings
{
    double flagBelowPct = 30.0;
    int minCohort = 5;
    // `funnel.flag_below_pct`, `funnel.min_cohort` from the settings table.
    static FunnelSettings load(QSqlDatabase db);
};

struct PipelineInfo
{
    QString code, name; // name of the newest version (English name when `english`)
    int leads = 0;      // leads of the scope's org in any version
};

// Every pipeline code with its lead count in `org`, most leads first.
class CockpitFacts;
// With `facts` (usable) the leads are counted in memory.
QVector<PipelineInfo> pipelines(QSqlDatabase db, const OrgScope &org, bool english, const CockpitFacts *facts = nullptr);

// More than a third of the cohort still open in its stage: its conversion is not final yet.
inline bool isMaturing(int entered, int open)
{
    return entered > 0 && 3 * open > entered;
}

struct FunnelStage
{
    QString code, name;
    int entered = 0;
    int converted = 0; // entered the next stage later (0 for the last stage)
    int open = 0;      // not converted, still open in this stage (0 for the last stage)
    bool last = false;
    double ratePct() const { return entered > 0 && !last ? 100.0 * converted / entered : NAN; }
    bool maturing() const { return !last && isMaturing(entered, open); }
};

struct HeatCell
{
    int entered = 0, converted = 0, open = 0;
    bool flagged = false, tooFew = false, maturing = false;
    double ratePct() const { return entered > 0 ? 100.0 * converted / entered : NAN; }
};

struct HeatRow
{
    QString orgId, orgName;
    QVector<HeatCell> cells; // one per transition k → k+1
};

struct FunnelResult
{
    Scope scope;
    QString pipelineCode, pipelineName;
    QVector<FunnelStage> stages;
    GroupBy by = GroupBy::Region;
    QVector<HeatRow> rows;
    FunnelSettings settings;
    // "方案演示 → 报价谈判" per transition.
    QStringList transitionLabels() const;
    int flaggedCells() const;
};

struct FunnelRequest
{
    Scope scope;
    QString pipelineCode; // empty: the pipeline with most leads in the scope's org
    GroupBy by = GroupBy::Region;
    bool english = false; // stage and pipeline names in English
    FunnelSettings settings;
};

// Throws QueryError. `units` names the heat-map rows (all units of `by` within the scope,
// also those without leads; leads whose unit is unknown go to a row "(none)").
// With `facts` (cockpitfacts.h, usable) the cohort is counted in memory, same numbers.
FunnelResult computeFunnel(QSqlDatabase db, const FunnelRequest &req, const OrgUnits &units,
                           const CockpitFacts *facts = nullptr);

// The leads behind a stage (transition from stage k to k+1), optionally of one org unit of
// `req.by` (empty `orgId` = the whole scope): lead id (key, "lead"), title, customer, owner,
// entered at (first in the period), reached the next stage yes/no, current stage.
DataTable funnelDrillDown(QSqlDatabase db, const FunnelRequest &req, int stage, const QString &orgId = {});

// `report funnel`: one row per stage. `report conversion`: one row per org unit × transition.
DataTable funnelTable(const FunnelResult &result);
DataTable conversionTable(const FunnelResult &result);

} // namespace cockpit::analytics
