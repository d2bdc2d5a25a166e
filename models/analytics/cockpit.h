#pragma once
// The Cockpit screen's figures for one scope (DESIGN.md §6): the five KPI tiles, the pipeline
// list, the funnel with its heat map, and the newest open alerts. Two halves that read
// different things, so FigureService runs them on two read connections at once:
// the facts half (follow-up gaps, effective actions, pipelines, funnel: arithmetic over the
// cached CockpitFacts) and the SQL half (new hires, forecast, stores, alerts feed).
#include "analytics/alertsfeed.h"
#include "analytics/funnel.h"
#include "analytics/kpi.h"
#include "analytics/orgunits.h"
#include "analytics/query.h"

#include <QDateTime>

class QSqlDatabase;

namespace cockpit::analytics {

class CockpitFactsCache;

struct CockpitRequest
{
    Scope scope;
    QString pipelineCode; // empty or unknown: the first pipeline of the scope
    bool english = true;  // pipeline and stage names
    QDateTime nowUtc;
};

// Everything the cockpit shows for one scope.
struct CockpitData
{
    Scope scope;
    QVector<KpiTile> tiles; // follow-up, effective actions, new hires, forecast, stores
    QVector<PipelineInfo> pipelines;
    FunnelResult funnel;
    DataTable alerts;
    int alertsTotal = 0;
    OrgUnits units;
};

// The facts half: sets tiles[0..1], pipelines, funnel and units. `cache` may be null (the
// facts are then loaded for this call alone). Throws QueryError.
void computeCockpitFacts(QSqlDatabase db, const CockpitRequest &request, CockpitFactsCache *cache, CockpitData &out,
                         const Alongside &alongside = {});
// The SQL half: sets tiles[2..4], alerts and alertsTotal. Throws QueryError.
void computeCockpitSql(QSqlDatabase db, const CockpitRequest &request, CockpitData &out);
// Both halves on one connection, one after the other (the reference; the benchmark times it).
CockpitData computeCockpit(QSqlDatabase db, const CockpitRequest &request, CockpitFactsCache *cache = nullptr);

} // namespace cockpit::analytics
