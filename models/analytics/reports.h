#pragma once
// The registry behind `sales-cockpit report NAME`: every cockpit figure as a DataTable, for
// scripts, for checking a number against SQL and as the CSV export. Each analytics module
// registers its reports in reports.cpp.
#include "analytics/datatable.h"
#include "analytics/scope.h"

#include <functional>

class QSqlDatabase;

namespace cockpit::analytics {

struct ReportRequest
{
    Scope scope;
    GroupBy by = GroupBy::Region;
    bool byGiven = false; // --by given explicitly; otherwise a report picks its natural grouping
    bool periodGiven = false; // --period given explicitly (the backtest's default looks back)
    QString byName;       // --by as given (outcomes also groups by customer or product)
    QString asOfIso;      // "now" as UTC ISO-8601 (the clock), for figures that need it
    quint64 seed = 1;          // --seed: simulations (forecast, backtest)
    qint64 targetCents = -1;   // --target: the forecast's target (-1: the company's own)
};

struct ReportInfo
{
    QString name;        // "kpi", "funnel", …
    QString description; // one line, English (the CLI's help)
    std::function<DataTable(QSqlDatabase, const ReportRequest &)> run; // throws QueryError
};

const QList<ReportInfo> &reports();
const ReportInfo *findReport(const QString &name);

// What leaves the file names rows by their global ids (storage/keys.h): for every `*_id`
// column of `table` (lead_id, store_id, customer_id, rep_id, team_id, org_id: the unit of
// `by`; a bare "id" key column by its keyKind), the UUID of each local key in it.
QHash<int, QHash<QString, QString>> globalIdsOf(const DataTable &table, QSqlDatabase db, GroupBy by);
// Fills table.exportIds (the CSV and JSON exports write the UUIDs; the screen keeps keys).
void attachGlobalIds(DataTable &table, QSqlDatabase db, GroupBy by);
// Replaces the keys themselves (the command line's `report`, whose every format leaves).
void useGlobalIds(DataTable &table, QSqlDatabase db, GroupBy by);

} // namespace cockpit::analytics
