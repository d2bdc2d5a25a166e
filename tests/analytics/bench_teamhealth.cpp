// Benchmark: rep and team health over a demo database (default: this quarter, whole company).
// Prints, best of 3 (each round starts with empty caches):
// - the plain SQL path (the reference, what `report radar` runs) and its queries one by one;
// - the cached path as the Team screen runs it: the first refresh (cold caches), a period
//   change (this quarter → the previous quarter → the current month), an org change (the
//   first region) and the same scope again;
// - the real Team page (offscreen): request to painted result for the same steps.
// bench_teamhealth DB [PERIOD] [NOW]   (open DB once with the app first so its indexes exist)
#include "analytics/figureservice.h"
#include "storage/database.h"
#include "analytics/query.h"
#include "benchshell.h"
#include "analytics/teamhealth.h"
#include "analytics/teamhealthtables.h"
#include "teampage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>

using namespace cockpit;
using namespace cockpit::analytics;

namespace {
struct Step
{
    QString name;
    Scope scope;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
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
    const OrgUnits units = loadOrgUnits(connection.db());
    const QVector<OrgUnit> regions = units.unitsWithin(OrgScope::company(), GroupBy::Region);
    const OrgScope region = regions.isEmpty() ? OrgScope::company() : OrgScope{OrgLevel::Region, regions.first().id};
    const QDate today = companyDay(now);
    const Period previous = Period::quarter(period->first.addDays(-1));
    const Period month = Period::month(QDate(today.year(), today.month(), 1));
    const QVector<Step> steps{{QStringLiteral("first refresh, cold caches (") + period->key() + QStringLiteral(")"), scope},
                              {QStringLiteral("period change → ") + previous.key(), {previous, scope.org}},
                              {QStringLiteral("period change → ") + month.key(), {month, scope.org}},
                              {QStringLiteral("org change → region ") + units.name(region), {month, region}},
                              {QStringLiteral("back to ") + period->key() + QStringLiteral(", company"), scope}};

    // The reference: the plain SQL path.
    QVector<qint64> times;
    TeamHealth th;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        th = computeTeamHealth(connection.db(), scope, now);
        times << t.elapsed();
    }
    out << "SQL path (reference), team health " << period->key() << ", whole company: " << th.reps.size()
        << " reps, " << th.teams.size() << " teams: " << bench::bestOf(times) << "\n";
    {
        QueryTrace trace;
        computeTeamHealth(connection.db(), scope, now);
        QTemporaryDir scratch;
        const qint64 shell = bench::shellTime(QStringLiteral("sqlite3"), args[1], scratch.filePath(QStringLiteral("q.sql")),
                                              bench::inlined(trace.queries()));
        out << "  sqlite3 shell, the same " << trace.queries().size() << " statements: " << shell
            << " ms (best of 3, whole process)\n";
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

    // The cached path as the page runs it (cache + two connections).
    TeamHealthCache cache;
    const TeamHealthOptions options{&cache, true, {}};
    QVector<QVector<qint64>> stepTimes(steps.size());
    bool identical = true;
    for (int round = 0; round < 3; ++round) {
        cache.clear();
        for (int i = 0; i < steps.size(); ++i) {
            QElapsedTimer t;
            t.start();
            const TeamHealth cached = computeTeamHealth(connection.db(), steps[i].scope, now, {}, options);
            stepTimes[i] << t.elapsed();
            if (round == 0) { // the same figures as the reference
                const TeamHealth ref = computeTeamHealth(connection.db(), steps[i].scope, now);
                identical = identical && radarTable(cached, false).rows == radarTable(ref, false).rows
                            && healthTable(cached, true).rows == healthTable(ref, true).rows
                            && peiTable(cached, false).rows == peiTable(ref, false).rows;
            }
        }
    }
    out << "cached path (cache + 2 connections), best of 3 rounds from empty caches; figures "
        << (identical ? "identical to" : "DIFFERENT from") << " the SQL path:\n";
    for (int i = 0; i < steps.size(); ++i)
        out << "  " << steps[i].name << ": " << bench::bestOf(stepTimes[i]) << "\n";

    // The real page, offscreen: from the scope change to the painted table, radar and trend.
    {
        storage::Database db;
        const auto opened = db.open(args[1], storage::Database::Mode::OpenExisting, storage::Database::Check::Deferred);
        if (!opened.ok()) {
            out << "could not open " << args[1] << " for the page\n";
            return 1;
        }
        QVector<QVector<qint64>> pageTimes(steps.size());
        for (int round = 0; round < 3; ++round) {
            FigureService figures(db); // empty caches each round
            ScopeState state(steps.first().scope);
            ui::TeamPage page(figures, state, [now] { return QDateTime::fromString(now, Qt::ISODate); });
            page.resize(1366, 768);
            for (int i = 0; i < steps.size(); ++i) {
                QSignalSpy refreshed(&page, &ui::AnalyticsPage::refreshed);
                QElapsedTimer timer;
                timer.start();
                if (i == 0)
                    page.show();
                else
                    state.setScope(steps[i].scope);
                if (!refreshed.wait(60000)) {
                    out << "the page did not refresh\n";
                    return 1;
                }
                page.repaint(); // paint now, not at the next event loop turn
                pageTimes[i] << timer.elapsed();
            }
        }
        out << "Team page (offscreen, 1366×768), request → painted, best of 3:\n";
        for (int i = 0; i < steps.size(); ++i)
            out << "  " << steps[i].name << ": " << bench::bestOf(pageTimes[i]) << "\n";
    }

    QElapsedTimer t;
    t.start();
    const DataTable stepsTable_ = stepsTable(connection.db(), scope, now, th.units);
    out << "steps table (all reps): " << t.elapsed() << " ms, " << stepsTable_.rows.size() << " rows\n";
    const HealthFigures &f = th.total.figures;
    out << "company: compliance " << f.compliancePct.value_or(-1) << " %, customer health "
        << f.customerHealth.value_or(-1) << ", cross-sell " << f.crossSellPct.value_or(-1) << " %, collaboration "
        << f.collaboration.value_or(-1) << ", PEI " << f.peiPct.value_or(-1) << " %, response median "
        << f.responseMedianMin.value_or(-1) << " min, composite " << f.composite.value_or(-1) << ", light "
        << ragKey(f.light) << ", coverage " << th.coveragePct.value_or(-1) << " %\n";
    for (const CoverageMonth &m : th.coverage)
        out << "  coverage " << m.month.toString(QStringLiteral("yyyy-MM")) << ": " << m.executed << "/" << m.judged
            << " (" << m.activeReps << " active)\n";
    return identical ? 0 : 1;
}
