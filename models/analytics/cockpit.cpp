#include "analytics/cockpit.h"

#include "analytics/cockpitfacts.h"

#include <QSqlDatabase>

namespace cockpit::analytics {

void computeCockpitFacts(QSqlDatabase db, const CockpitRequest &request, CockpitFactsCache *cache, CockpitData &out,
                         const Alongside &alongside)
{
    const KpiRequest kpi{request.scope, request.nowUtc, KpiSettings::load(db)};
    const FunnelSettings funnelSettings = FunnelSettings::load(db);
    out.scope = request.scope;
    out.units = loadOrgUnits(db);
    const std::shared_ptr<const CockpitFacts> facts =
        cache ? cache->get(db, kpi.settings, nullptr, alongside) : CockpitFacts::load(db, kpi.settings, alongside);
    if (out.tiles.size() < 5)
        out.tiles.resize(5);
    out.tiles[0] = followUpTile(db, kpi, facts.get());
    out.tiles[1] = effectiveActionsTile(db, kpi, facts.get());
    out.pipelines = pipelines(db, request.scope.org, request.english, facts.get());
    QString code = request.pipelineCode;
    bool known = false;
    for (const PipelineInfo &p : std::as_const(out.pipelines))
        known = known || p.code == code;
    if (!known)
        code = out.pipelines.isEmpty() ? QString() : out.pipelines.first().code;
    out.funnel = computeFunnel(db, FunnelRequest{request.scope, code, childGroup(request.scope.org), request.english, funnelSettings},
                               out.units, facts.get());
}

void computeCockpitSql(QSqlDatabase db, const CockpitRequest &request, CockpitData &out)
{
    const KpiRequest kpi{request.scope, request.nowUtc, KpiSettings::load(db)};
    if (out.tiles.size() < 5)
        out.tiles.resize(5);
    out.tiles[2] = newHireTile(db, kpi);
    out.tiles[3] = forecastTile(db, kpi);
    out.tiles[4] = storeTile(db, kpi);
    out.alerts = openAlertsFeed(db, request.scope.org, 50, &out.alertsTotal);
}

CockpitData computeCockpit(QSqlDatabase db, const CockpitRequest &request, CockpitFactsCache *cache)
{
    CockpitData d;
    computeCockpitFacts(db, request, cache, d);
    computeCockpitSql(db, request, d);
    return d;
}

} // namespace cockpit::analytics
