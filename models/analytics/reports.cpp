#include "reports.h"

#include "orgunits.h"
#include "touchpoints.h"

#include <QCoreApplication>

namespace cockpit::analytics {

namespace {
// Each analytics module adds its reports here: {name, description, function}.
QList<ReportInfo> makeReports()
{
    QList<ReportInfo> r;
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
