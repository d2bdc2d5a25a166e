// Benchmark (prints figures, never fails on time): the Targets & Forecast screen's numbers on
// a demo file, as the screen would compute them (one read connection, the team health facts
// cache kept between refreshes, customer scores kept across a period change since they
// depend on asOf alone). Steps, best of 3 rounds from empty caches:
// - first refresh: org units, the targets view, the performance view (the ranking) and the
//   customer scores of the whole base; then "most improved" (the previous period scored),
//   which the screen adds after the first paint;
// - period change → the previous quarter (targets + performance; then most improved);
// - org change → the first region (targets + performance + the customers re-filtered; then
//   most improved).
// Then the sqlite3 shell's time for the very statements the first refresh ran.
// bench_targets DB [PERIOD] [NOW]   (open DB once with the app first so its indexes exist)
#include "targets/customerdata.h"
#include "targets/performancedata.h"
#include "targets/targetdata.h"

#include "analytics/query.h"
#include "benchshell.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace cockpit;
using namespace cockpit::analytics;
using namespace cockpit::targets;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() < 2) {
        out << "usage: bench_targets DB [PERIOD] [NOW]\n";
        return 2;
    }
    const QString now = args.value(3, QStringLiteral("2026-11-21T04:00:00Z"));
    const QDate today = companyDay(now);
    QString error;
    const auto period = parsePeriod(args.value(2, QStringLiteral("2026-Q4")), today, &error);
    if (!period) {
        out << error << "\n";
        return 2;
    }
    ReadConnection connection(args[1]);
    if (!connection.isOpen()) {
        out << connection.error() << "\n";
        return 1;
    }
    QSqlDatabase db = connection.db();
    const Period previous = period->previous();
    int nodes = 0, reps = 0, customers = 0;
    OrgScope region;
    QVector<qint64> first, phases[4], improvedFirst, periodChange, improvedPeriod, orgChange, improvedOrg;
    for (int round = 0; round < 3; ++round) {
        TeamHealthCache cache;
        QElapsedTimer t, phase;
        t.start();
        phase.start();
        const OrgUnits units = loadOrgUnits(db);
        phases[0] << phase.restart();
        const TargetsView tv = computeTargets(db, *period, today, units);
        phases[1] << phase.restart();
        PerformanceView pv = computePerformance(db, {*period, OrgScope::company()}, now, {}, &cache, false);
        phases[2] << phase.restart();
        const CustomerScoresView all = computeCustomerScores(db, now);
        const CustomerScoresView cv = customerScoresWithin(all, OrgScope::company(), units);
        phases[3] << phase.restart();
        first << t.elapsed();
        t.restart();
        addPrevious(pv, db, now, {}, &cache);
        improvedFirst << t.elapsed();
        nodes = int(tv.tree.nodes.size());
        reps = int(pv.scores.size());
        customers = int(cv.rows.size());
        const QVector<OrgUnit> regions = units.unitsWithin(OrgScope::company(), GroupBy::Region);
        region = regions.isEmpty() ? OrgScope::company() : OrgScope{OrgLevel::Region, regions.first().id};

        t.restart();
        computeTargets(db, previous, today, units);
        PerformanceView pp = computePerformance(db, {previous, OrgScope::company()}, now, {}, &cache, false);
        periodChange << t.elapsed();
        t.restart();
        addPrevious(pp, db, now, {}, &cache);
        improvedPeriod << t.elapsed();

        t.restart();
        const TargetsView rv = computeTargets(db, previous, today, units);
        nodesWithin(rv.tree, region, units);
        PerformanceView pr = computePerformance(db, {previous, region}, now, {}, &cache, false);
        customerScoresWithin(all, region, units);
        orgChange << t.elapsed();
        t.restart();
        addPrevious(pr, db, now, {}, &cache);
        improvedOrg << t.elapsed();
    }
    out << "Targets & Forecast figures, " << period->key() << ", whole company, as of " << now << ": " << nodes
        << " target nodes, " << reps << " ranked reps, " << customers << " customers\n";
    out << "  first refresh (targets + performance + customer scores): " << bench::bestOf(first) << "\n";
    const char *names[4] = {"org units", "targets view", "performance (ranking)", "customer scores"};
    for (int i = 0; i < 4; ++i)
        out << "    " << names[i] << ": " << bench::bestOf(phases[i]) << "\n";
    out << "    then most improved (previous period scored): " << bench::bestOf(improvedFirst) << "\n";
    out << "  period change -> " << previous.key() << ": " << bench::bestOf(periodChange) << "; then most improved "
        << bench::bestOf(improvedPeriod) << "\n";
    out << "  org change -> first region: " << bench::bestOf(orgChange) << "; then most improved " << bench::bestOf(improvedOrg) << "\n";

    QueryTrace trace;
    {
        TeamHealthCache cache;
        const OrgUnits units = loadOrgUnits(db);
        computeTargets(db, *period, today, units);
        computePerformance(db, {*period, OrgScope::company()}, now, {}, &cache, false);
        computeCustomerScores(db, now);
    }
    QTemporaryDir scratch;
    const QList<TracedQuery> traced = trace.queries();
    const qint64 shell = bench::shellTime(QStringLiteral("sqlite3"), args[1], scratch.filePath(QStringLiteral("q.sql")),
                                          bench::inlined(traced));
    out << "  sqlite3 shell, the same " << traced.size() << " statements of the first refresh: " << shell
        << " ms (best of 3, whole process)\n";
    for (const TracedQuery &q : traced) {
        QElapsedTimer t;
        t.start();
        QSqlQuery rows = runQuery(db, q.sql, q.binds);
        int n = 0;
        while (rows.next())
            ++n;
        out << "    " << t.elapsed() << " ms  " << n << " rows  " << q.sql.simplified().left(90) << "\n";
    }
    return 0;
}
