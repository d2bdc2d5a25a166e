#include "analytics/reports.h"
#include "storage/keys.h"

#include "analytics/funnel.h"
#include "analytics/kpi.h"
#include "analytics/orgunits.h"
#include "analytics/outcomes.h"
#include "analytics/storecodes.h"
#include "analytics/teamhealthtables.h"
#include "analytics/touchpoints.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

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
    addTeamHealthReports(r);
    // Imports (issue 11): closed deals per unit.
    r << ReportInfo{QStringLiteral("outcomes"),
                    QStringLiteral("won, lost, win rate, won amount and median days from engagement to close of the deals "
                                   "closed in --period (all: every period), --by region|city|team|rep|customer|product"),
                    [](QSqlDatabase db, const ReportRequest &req) { return outcomesTable(db, req); }};
    return r;
}
} // namespace

const QList<ReportInfo> &reports()
{
    static const QList<ReportInfo> all = makeReports();
    return all;
}

QHash<int, QHash<QString, QString>> globalIdsOf(const DataTable &table, QSqlDatabase db, GroupBy by)
{
    QHash<int, QHash<QString, QString>> out;
    for (int c = 0; c < table.columns.size(); ++c) {
        const QString &column = table.columns.at(c);
        // A bare "id" is the key column's: its kind says what it names.
        const bool keyColumn = column == QLatin1String("id") && c == table.keyColumn;
        if (!column.endsWith(QLatin1String("_id")) && !keyColumn)
            continue;
        const QString kind = keyColumn ? table.keyKind : column.chopped(3);
        QString target;
        if (kind == QLatin1String("org")) {
            target = by == GroupBy::Region ? QStringLiteral("regions")
                     : by == GroupBy::City ? QStringLiteral("cities")
                     : by == GroupBy::Team ? QStringLiteral("teams") : QStringLiteral("users");
        } else if (kind == QLatin1String("lead") || kind == QLatin1String("store") || kind == QLatin1String("customer")
                   || kind == QLatin1String("team") || kind == QLatin1String("region")
                   || kind == QLatin1String("product")) {
            target = kind + QLatin1Char('s');
        } else if (kind == QLatin1String("city")) {
            target = QStringLiteral("cities");
        } else if (kind == QLatin1String("user") || kind == QLatin1String("rep") || kind == QLatin1String("owner")) {
            target = QStringLiteral("users");
        } else if (kind == QLatin1String("activity")) {
            target = QStringLiteral("activities");
        } else {
            continue;
        }
        QStringList keys;
        for (const QVariantList &row : table.rows)
            keys << row.value(c).toString();
        out.insert(c, storage::uuidsForKeys(db, target, keys));
    }
    return out;
}

void attachGlobalIds(DataTable &table, QSqlDatabase db, GroupBy by)
{
    table.exportIds = globalIdsOf(table, db, by);
}

void useGlobalIds(DataTable &table, QSqlDatabase db, GroupBy by)
{
    const auto ids = globalIdsOf(table, db, by);
    for (auto it = ids.cbegin(); it != ids.cend(); ++it)
        for (QVariantList &row : table.rows)
            if (it.key() < row.size() && !row.at(it.key()).isNull())
                row[it.key()] = it.value().value(row.at(it.key()).toString());
    table.exportIds.clear();
}

const ReportInfo *findReport(const QString &name)
{
    for (const ReportInfo &r : reports())
        if (r.name == name)
            return &r;
    return nullptr;
}

} // namespace cockpit::analytics
