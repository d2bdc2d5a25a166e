// Prints how long the whole store grid takes on a database (default: the large demo):
// bench_storecodes FILE [PERIOD]. Median of 7 runs of computeStoreCodes (2 SQL statements +
// in-memory colours), and of the same statements in the sqlite3 shell for comparison.
#include "analytics/query.h"
#include "analytics/storecodes.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>

#include <algorithm>
#include <cstdio>

using namespace cockpit::analytics;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_storecodes FILE [PERIOD, default 2026-Q4]\n");
        return 2;
    }
    ReadConnection c(args.at(1));
    if (!c.isOpen()) {
        std::fprintf(stderr, "%s\n", qPrintable(c.error()));
        return 1;
    }
    const auto period = parsePeriod(args.value(2, QStringLiteral("2026-Q4")), QDate(2026, 11, 22));
    const Scope scope{*period, OrgScope::company()};
    const StoreThresholds t = loadStoreThresholds(c.db());
    QList<qint64> ms;
    QList<TracedQuery> traced;
    int stores = 0;
    for (int i = 0; i < 7; ++i) {
        QueryTrace trace;
        QElapsedTimer timer;
        timer.start();
        const StoreCodes codes = computeStoreCodes(c.db(), scope, t);
        ms << timer.nsecsElapsed() / 1000;
        stores = int(codes.stores.size());
        traced = trace.queries();
    }
    std::sort(ms.begin(), ms.end());
    QString script;
    for (const TracedQuery &q : traced)
        script += q.inlined() + QStringLiteral(";\n");
    QList<qint64> shell;
    for (int i = 0; i < 5; ++i) {
        QProcess p;
        QElapsedTimer timer;
        timer.start();
        p.start(QStringLiteral("sqlite3"), {QStringLiteral("-readonly"), args.at(1)});
        p.write(script.toUtf8());
        p.closeWriteChannel();
        p.waitForFinished(60000);
        shell << timer.nsecsElapsed() / 1000;
    }
    std::sort(shell.begin(), shell.end());
    std::printf("store grid, %s, %d stores: median %.1f ms (min %.1f) over %d statements; sqlite3 shell "
                "(process included) median %.1f ms\n",
                qPrintable(period->key()), stores, ms.at(3) / 1000.0, ms.first() / 1000.0, int(traced.size()),
                shell.at(2) / 1000.0);
    return 0;
}
