// Benchmark (prints figures, never fails on time): the cockpit's money tiles (moneytiles.h) on
// a demo file, as the cockpit computes them on a worker: the first refresh (reads every deal's
// history, then caches it), a period change and an org change (history cached; the deals as of
// the moment, the rates, payments and targets again). Best of 3 rounds, the history cache
// emptied before each round. Then the sqlite3 shell's time for the very statements the first
// refresh ran.
// bench_money DB [PERIOD] [NOW]
#include "targets/moneytiles.h"

#include "analytics/orgunits.h"
#include "analytics/query.h"
#include "benchshell.h"
#include "forecast/historycache.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTextStream>

using namespace cockpit;
using namespace cockpit::analytics;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() < 2) {
        out << "usage: bench_money DB [PERIOD] [NOW]\n";
        return 2;
    }
    const QString nowIso = args.value(3, QStringLiteral("2026-11-21T04:00:00Z"));
    qint64 now = 0;
    utcSecs(nowIso, &now);
    QString error;
    const auto period = parsePeriod(args.value(2, QStringLiteral("2026-Q4")), companyDay(nowIso), &error);
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
    const OrgUnits units = loadOrgUnits(db);
    const OrgScope region = units.regions.isEmpty() ? OrgScope::company()
                                                    : OrgScope{OrgLevel::Region, units.regions.first().id};
    QVector<qint64> first, periodChange, orgChange;
    targets::MoneyFigures shown;
    for (int round = 0; round < 3; ++round) {
        forecast::clearHistoryCache();
        QElapsedTimer t;
        t.start();
        shown = targets::computeMoney(db, {*period, OrgScope::company()}, now);
        first << t.elapsed();
        t.start();
        targets::computeMoney(db, {period->previous(), OrgScope::company()}, now);
        periodChange << t.elapsed();
        t.start();
        targets::computeMoney(db, {*period, region}, now);
        orgChange << t.elapsed();
    }
    out << "money tiles, " << period->key() << ", whole company: ";
    for (const targets::MoneyTile &tile : shown.tiles)
        out << tile.key << " " << tile.cents << (tile.pct ? QStringLiteral(" (%1 %)").arg(*tile.pct, 0, 'f', 1) : QString())
            << "; ";
    out << "\n  first refresh (deal history read): " << bench::bestOf(first) << "\n";
    out << "  period change -> " << period->previous().key() << ": " << bench::bestOf(periodChange) << "\n";
    out << "  org change -> first region: " << bench::bestOf(orgChange) << "\n";
    QueryTrace trace;
    forecast::clearHistoryCache();
    targets::computeMoney(db, {*period, OrgScope::company()}, now);
    QTemporaryDir scratch;
    const QList<TracedQuery> traced = trace.queries();
    const qint64 shell = bench::shellTime(QStringLiteral("sqlite3"), args[1], scratch.filePath(QStringLiteral("q.sql")),
                                          bench::inlined(traced));
    out << "  sqlite3 shell, the same " << traced.size() << " statements of the first refresh: " << shell
        << " ms (best of 3, whole process)\n";
    return 0;
}
