#include "reports.h"

#include "storecodes.h"

namespace cockpit::analytics {

namespace {
// Each analytics module adds its reports here: {name, description, function}.
QList<ReportInfo> makeReports()
{
    QList<ReportInfo> r;
    r << ReportInfo{QStringLiteral("stores"),
                    QStringLiteral("four-colour health code per store as of the period's last day with data "
                                   "(team/rep: the stores of its city)"),
                    [](QSqlDatabase db, const ReportRequest &req) {
                        return storeCodesTable(computeStoreCodes(db, req.scope, loadStoreThresholds(db)));
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
