#include "reports.h"

namespace cockpit::analytics {

namespace {
// Each analytics module adds its reports here: {name, description, function}.
QList<ReportInfo> makeReports()
{
    QList<ReportInfo> r;
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
