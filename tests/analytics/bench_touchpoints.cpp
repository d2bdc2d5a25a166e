// Benchmark (not a test): the touchpoint heat map on a demo database, read-only.
//   bench_touchpoints DB [PERIOD]   (default PERIOD 2026-Q4, "now" 2026-11-21T10:00:00Z)
// Prints, in ms: one lead's grid and a cell's drill-down (the lead with the most activities
// and the median of 50 leads), each region's portfolio over the period, the whole company,
// the busiest rep, and a region's busiest cell drill-down. The first run of each figure also
// pays for reading the pages from disk; the figure printed is the best of 3 runs (warm).
#include "analytics/orgunits.h"
#include "analytics/query.h"
#include "analytics/touchpoints.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include "benchshell.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace cockpit::analytics;

namespace {
template<typename Fn>
double bestOf(int runs, Fn fn, double *first = nullptr)
{
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (i == 0 && first)
            *first = ms;
        best = std::min(best, ms);
    }
    return best;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_touchpoints DB [PERIOD]\n");
        return 2;
    }
    const QString now = QStringLiteral("2026-11-21T10:00:00Z");
    const auto period = parsePeriod(argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("2026-Q4"), QDate(2026, 11, 21));
    if (!period) {
        std::fprintf(stderr, "bad period\n");
        return 2;
    }
    ReadConnection c(QString::fromLocal8Bit(argv[1]));
    if (!c.isOpen()) {
        std::fprintf(stderr, "%s\n", qPrintable(c.error()));
        return 1;
    }
    QSqlDatabase db = c.db();
    try {
        const OrgUnits units = loadOrgUnits(db);
        // One lead: the one with the most activities, then 50 spread over the id range.
        const QString busiest = scalar(db, QStringLiteral("SELECT lead_id FROM activities WHERE lead_id IS NOT NULL"
                                                          " GROUP BY lead_id ORDER BY COUNT(*) DESC LIMIT 1")).toString();
        double first = 0;
        TouchpointGrid g;
        const double lead = bestOf(3, [&] { g = computeTouchpoints(db, TouchpointSubject::lead(busiest, now)); }, &first);
        int n = 0;
        for (const TouchBucket &b : g.buckets)
            n += b.counts[0] + b.counts[1] + b.counts[2];
        std::printf("lead %s (%d activities, %d buckets): first %.1f ms, best %.2f ms\n", qPrintable(busiest), n,
                    int(g.buckets.size()), first, lead);
        const double drill = bestOf(3, [&] {
            touchpointActivities(db, TouchpointSubject::lead(busiest, now), 0, g.first, g.last);
        });
        std::printf("  its sales actions drill-down (all days): %.2f ms\n", drill);
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT id FROM leads WHERE rowid % 2000 = 7 LIMIT 50"));
        QList<double> times;
        while (q.next()) {
            const QString id = q.value(0).toString();
            times << bestOf(1, [&] { computeTouchpoints(db, TouchpointSubject::lead(id, now)); });
        }
        std::sort(times.begin(), times.end());
        if (!times.isEmpty())
            std::printf("50 leads (cold cache): median %.2f ms, max %.2f ms\n", times.at(times.size() / 2), times.last());
        // Portfolios.
        QTemporaryDir scratch;
        auto portfolio = [&](const OrgScope &org, const QString &name) {
            double cold = 0;
            TouchpointGrid grid;
            const double warm = bestOf(3, [&] { grid = computeTouchpoints(db, TouchpointSubject::portfolio({*period, org}, now)); }, &cold);
            const int total = grid.total(0) + grid.total(1) + grid.total(2);
            // The sqlite3 shell running the very statements (binds inlined), whole process.
            QueryTrace trace;
            computeTouchpoints(db, TouchpointSubject::portfolio({*period, org}, now));
            const qint64 shell = bench::shellTime(QStringLiteral("sqlite3"), QString::fromLocal8Bit(argv[1]),
                                                  scratch.filePath(QStringLiteral("q.sql")), bench::inlined(trace.queries()));
            std::printf("%-28s %s: %7d activities, %2d buckets, %d cold zones: first %.0f ms, best %.0f ms; sqlite3 shell %lld ms\n",
                        qPrintable(name), qPrintable(period->key()), total, int(grid.buckets.size()), int(grid.coldZones.size()),
                        cold, warm, shell);
            return grid;
        };
        TouchpointGrid regionGrid;
        OrgScope region;
        for (const OrgUnit &r : units.regions) {
            const OrgScope org{OrgLevel::Region, r.id};
            TouchpointGrid grid = portfolio(org, QStringLiteral("region ") + r.name);
            if (grid.total(0) > regionGrid.total(0)) {
                regionGrid = grid;
                region = org;
            }
        }
        portfolio(OrgScope::company(), QStringLiteral("whole company"));
        const QString rep = scalar(db, QStringLiteral("SELECT owner_id FROM leads GROUP BY owner_id ORDER BY COUNT(*) DESC LIMIT 1")).toString();
        portfolio(OrgScope{OrgLevel::Rep, rep}, QStringLiteral("rep ") + units.name(OrgLevel::Rep, rep));
        // The busiest region's busiest sales cell.
        int best = 0;
        for (int b = 1; b < regionGrid.buckets.size(); ++b)
            if (regionGrid.buckets.at(b).counts[0] > regionGrid.buckets.at(best).counts[0])
                best = b;
        if (!regionGrid.buckets.isEmpty()) {
            DataTable t;
            const TouchBucket &b = regionGrid.buckets.at(best);
            const double ms = bestOf(3, [&] { t = touchpointActivities(db, TouchpointSubject::portfolio({*period, region}, now), 0, b.first, b.last); });
            std::printf("region drill-down %s..%s sales: %d rows in %.0f ms\n", qPrintable(b.first.toString(Qt::ISODate)),
                        qPrintable(b.last.toString(Qt::ISODate)), int(t.rows.size()), ms);
        }
    } catch (const QueryError &e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message()));
        return 1;
    }
    return 0;
}
