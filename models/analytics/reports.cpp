#include "reports.h"

#include "teamhealthtables.h"

namespace cockpit::analytics {

namespace {
// Rep and team health (teamhealth.h): --by team|rep (default rep), --org rep:NAME for one rep.
void addTeamHealthReports(QList<ReportInfo> &r)
{
    auto teams = [](const ReportRequest &req) { return req.byGiven && req.by != GroupBy::Rep; };
    r << ReportInfo{QStringLiteral("radar"), QStringLiteral("team health radar per rep or team: raw and 0-100 values"),
                    [teams](QSqlDatabase db, const ReportRequest &req) {
                        return radarTable(computeTeamHealth(db, req.scope, req.asOfIso), teams(req));
                    }};
    r << ReportInfo{QStringLiteral("health"), QStringLiteral("process-health light, key-action completion, top-3 missing"),
                    [teams](QSqlDatabase db, const ReportRequest &req) {
                        return healthTable(computeTeamHealth(db, req.scope, req.asOfIso), teams(req));
                    }};
    r << ReportInfo{QStringLiteral("pei"), QStringLiteral("process execution index: must-do tasks done / required"),
                    [teams](QSqlDatabase db, const ReportRequest &req) {
                        return peiTable(computeTeamHealth(db, req.scope, req.asOfIso), teams(req));
                    }};
    r << ReportInfo{QStringLiteral("coverage"), QStringLiteral("standard-action coverage: 6-month trend and warning"),
                    [](QSqlDatabase db, const ReportRequest &req) {
                        return coverageTable(computeTeamHealth(db, req.scope, req.asOfIso));
                    }};
    r << ReportInfo{QStringLiteral("steps"), QStringLiteral("median hours between the steps of a sale, per rep"),
                    [](QSqlDatabase db, const ReportRequest &req) {
                        return stepsTable(db, req.scope, req.asOfIso, loadOrgUnits(db));
                    }};
}

// Each analytics module adds its reports here: {name, description, function}.
QList<ReportInfo> makeReports()
{
    QList<ReportInfo> r;
    addTeamHealthReports(r);
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
