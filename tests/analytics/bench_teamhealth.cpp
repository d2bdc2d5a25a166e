// Benchmark: rep and team health for one period over a demo database (default: this
// quarter, whole company). Prints the time of each run and a few figures to eyeball.
// bench_teamhealth DB [PERIOD] [NOW]
#include "query.h"
#include "teamhealth.h"
#include "teamhealthtables.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>

using namespace cockpit::analytics;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() < 2) {
        out << "usage: bench_teamhealth DB [PERIOD] [NOW]\n";
        return 2;
    }
    const QString now = args.value(3, QStringLiteral("2026-11-21T10:00:00Z"));
    QString error;
    const auto period = parsePeriod(args.value(2, QStringLiteral("2026-Q4")), companyDay(now), &error);
    if (!period) {
        out << error << "\n";
        return 2;
    }
    ReadConnection connection(args[1]);
    if (!connection.isOpen()) {
        out << connection.error() << "\n";
        return 1;
    }
    const Scope scope{*period, OrgScope::company()};
    QVector<qint64> times;
    TeamHealth th;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        th = computeTeamHealth(connection.db(), scope, now);
        times << t.elapsed();
    }
    std::sort(times.begin(), times.end());
    out << "team health " << period->key() << ", whole company: " << th.reps.size() << " reps, " << th.teams.size()
        << " teams; runs (ms):";
    for (qint64 t : times)
        out << " " << t;
    out << "; median " << times[times.size() / 2] << " ms\n";
    {
        QueryTrace trace;
        computeTeamHealth(connection.db(), scope, now);
        for (const TracedQuery &q : trace.queries()) {
            QElapsedTimer t;
            t.start();
            QSqlQuery rows = runQuery(connection.db(), q.sql, q.binds);
            int n = 0;
            while (rows.next())
                ++n;
            out << "  " << t.elapsed() << " ms  " << n << " rows  " << q.sql.simplified().left(90) << "\n";
        }
    }
    QElapsedTimer t;
    t.start();
    const DataTable steps = stepsTable(connection.db(), scope, now, th.units);
    out << "steps table (all reps): " << t.elapsed() << " ms, " << steps.rows.size() << " rows\n";
    const HealthFigures &f = th.total.figures;
    out << "company: compliance " << f.compliancePct.value_or(-1) << " %, customer health "
        << f.customerHealth.value_or(-1) << ", cross-sell " << f.crossSellPct.value_or(-1) << " %, collaboration "
        << f.collaboration.value_or(-1) << ", PEI " << f.peiPct.value_or(-1) << " %, response median "
        << f.responseMedianMin.value_or(-1) << " min, composite " << f.composite.value_or(-1) << ", light "
        << ragKey(f.light) << ", coverage " << th.coveragePct.value_or(-1) << " %\n";
    for (const CoverageMonth &m : th.coverage)
        out << "  coverage " << m.month.toString(QStringLiteral("yyyy-MM")) << ": " << m.executed << "/" << m.judged
            << " (" << m.activeReps << " active)\n";
    return 0;
}
