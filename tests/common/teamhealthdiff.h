#pragma once
// The first difference between two team health computations ("" = identical): every count of
// every rep and team, the figures as the reports print them, the coverage trend. For the
// tests that check a cached path against the SQL path.
#include "analytics/teamhealth.h"
#include "analytics/teamhealthtables.h"

#include <QString>

namespace fixture {

inline QString healthDiff(const cockpit::analytics::TeamHealth &a, const cockpit::analytics::TeamHealth &b)
{
    using namespace cockpit::analytics;
    auto countsDiff = [](const HealthCounts &x, const HealthCounts &y) -> QString {
        if (x.exits != y.exits || x.actionsExpected != y.actionsExpected || x.actionsDone != y.actionsDone)
            return QStringLiteral("exits %1/%2/%3 vs %4/%5/%6")
                .arg(x.exits).arg(x.actionsExpected).arg(x.actionsDone).arg(y.exits).arg(y.actionsExpected).arg(y.actionsDone);
        if (x.byKind.size() != y.byKind.size())
            return QStringLiteral("kinds");
        for (auto it = x.byKind.cbegin(); it != x.byKind.cend(); ++it)
            if (it->expected != y.byKind.value(it.key()).expected || it->done != y.byKind.value(it.key()).done)
                return QStringLiteral("kind ") + it.key();
        if (x.tasksRequired != y.tasksRequired || x.tasksDone != y.tasksDone || x.repWeeks != y.repWeeks)
            return QStringLiteral("tasks");
        if (x.responseMinutes != y.responseMinutes || x.leadsAssigned != y.leadsAssigned
            || x.leadsUnanswered != y.leadsUnanswered)
            return QStringLiteral("responses");
        if (x.customers != y.customers || x.customersScored != y.customersScored
            || x.customersFirstQuarter != y.customersFirstQuarter || x.healthSum != y.healthSum
            || x.dimSum != y.dimSum || x.dimCount != y.dimCount)
            return QStringLiteral("customers %1/%2 %3 vs %4/%5 %6")
                .arg(x.customers).arg(x.customersScored).arg(x.healthSum, 0, 'g', 17)
                .arg(y.customers).arg(y.customersScored).arg(y.healthSum, 0, 'g', 17);
        if (x.wonCents != y.wonCents || x.crossSellCents != y.crossSellCents || x.ratings != y.ratings
            || x.ratingSum != y.ratingSum)
            return QStringLiteral("orders or ratings");
        return {};
    };
    auto rowsDiff = [&](const QVector<HealthRow> &x, const QVector<HealthRow> &y, const char *what) -> QString {
        if (x.size() != y.size())
            return QStringLiteral("%1: %2 rows vs %3").arg(QLatin1String(what)).arg(x.size()).arg(y.size());
        for (int i = 0; i < x.size(); ++i) {
            if (x[i].unit.id != y[i].unit.id)
                return QStringLiteral("%1 %2: unit").arg(QLatin1String(what)).arg(i);
            const QString d = countsDiff(x[i].counts, y[i].counts);
            if (!d.isEmpty())
                return QStringLiteral("%1 %2: %3").arg(QLatin1String(what), x[i].unit.id, d);
        }
        return {};
    };
    QString d = rowsDiff(a.reps, b.reps, "rep");
    if (d.isEmpty())
        d = rowsDiff(a.teams, b.teams, "team");
    if (d.isEmpty())
        d = countsDiff(a.total.counts, b.total.counts);
    if (!d.isEmpty())
        return d;
    for (bool teams : {false, true})
        if (radarTable(a, teams).rows != radarTable(b, teams).rows || healthTable(a, teams).rows != healthTable(b, teams).rows
            || peiTable(a, teams).rows != peiTable(b, teams).rows)
            return QStringLiteral("tables");
    if (a.coverage.size() != b.coverage.size() || a.coverageWarning != b.coverageWarning
        || a.coverageExecuted != b.coverageExecuted || a.coverageJudged != b.coverageJudged)
        return QStringLiteral("coverage");
    for (int i = 0; i < a.coverage.size(); ++i)
        if (a.coverage[i].month != b.coverage[i].month || a.coverage[i].executed != b.coverage[i].executed
            || a.coverage[i].judged != b.coverage[i].judged || a.coverage[i].activeReps != b.coverage[i].activeReps
            || a.coverage[i].pct != b.coverage[i].pct)
            return QStringLiteral("coverage %1: %2/%3 vs %4/%5")
                .arg(a.coverage[i].month.toString(Qt::ISODate))
                .arg(a.coverage[i].executed).arg(a.coverage[i].judged).arg(b.coverage[i].executed).arg(b.coverage[i].judged);
    return {};
}

} // namespace fixture
