#include "reports.h"

#include "funnel.h"
#include "kpi.h"
#include "orgunits.h"
#include "storecodes.h"
#include "touchpoints.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace cockpit::analytics {

namespace {
// Each analytics module adds its reports here: {name, description, function}.
QList<ReportInfo> makeReports()
{
    QList<ReportInfo> r;
    // Cockpit (kpi.h, funnel.h).
    r << ReportInfo{QStringLiteral("kpi"), QStringLiteral("the five KPI baseline tiles: value, healthy, industry mean, status"),
                    [](QSqlDatabase db, const ReportRequest &req) {
                        const KpiRequest k{req.scope, QDateTime::fromString(req.asOfIso, Qt::ISODate), KpiSettings::load(db)};
                        return kpiTable(computeKpis(db, k), QStringLiteral("KPI baseline"));
                    }};
    auto funnelOf = [](QSqlDatabase db, const ReportRequest &req) {
        const FunnelRequest f{req.scope, {}, req.byGiven ? req.by : childGroup(req.scope.org),
                              !QLocale().name().startsWith(QLatin1String("zh")), FunnelSettings::load(db)};
        return computeFunnel(db, f, loadOrgUnits(db));
    };
    r << ReportInfo{QStringLiteral("funnel"), QStringLiteral("the funnel of the pipeline with most leads: entered per stage, conversion to the next"),
                    [funnelOf](QSqlDatabase db, const ReportRequest &req) { return funnelTable(funnelOf(db, req)); }};
    r << ReportInfo{QStringLiteral("conversion"), QStringLiteral("the funnel heat map: org unit x stage transition, entered, converted, rate, flagged"),
                    [funnelOf](QSqlDatabase db, const ReportRequest &req) { return conversionTable(funnelOf(db, req)); }};
    r << ReportInfo{QStringLiteral("stores"),
                    QStringLiteral("four-colour health code per store as of the period's last day with data "
                                   "(team/rep: the stores of its city)"),
                    [](QSqlDatabase db, const ReportRequest &req) {
                        return storeCodesTable(computeStoreCodes(db, req.scope, loadStoreThresholds(db)));
                    }};
    r << ReportInfo{QStringLiteral("touchpoints"),
                    QStringLiteral("touchpoint heat map of the leads in --org over --period: activities per day/week by "
                                   "direction, cold zones (no sales or customer activity for touchpoints.cold_days days)"),
                    [](QSqlDatabase db, const ReportRequest &req) {
                        const TouchpointGrid grid = computeTouchpoints(db, TouchpointSubject::portfolio(req.scope, req.asOfIso));
                        const QString title = QCoreApplication::translate("cockpit::analytics::Touchpoints", "Touchpoints, %1, %2")
                                                  .arg(req.scope.period.label(), loadOrgUnits(db).name(req.scope.org));
                        return touchpointTable(grid, title);
                    }};
    return r;
}
} // namespace

const QList<ReportInfo> &reports()
{
    static const QList<ReportInfo> all = makeReports();
    return all;
}

const ReportInfo *findReport(const QString &name)
{
    for (const ReportInfo &r : reports())
        if (r.name == name)
            return &r;
    return nullptr;
}

} // namespace cockpit::analytics
