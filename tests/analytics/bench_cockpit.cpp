// Benchmark of the Cockpit screen (issue 4): the first refresh (the cockpit's facts loaded,
// cockpitfacts.h), then refreshes with the facts in memory for 2026-Q4, 2026-Q3, a month and
// an org change (best of 3), each against the sqlite3 shell running the very same statements
// (traced, binds inlined; for the first refresh also the facts' load scans), and period and
// org changes on the real page (compute + show + repaint, offscreen). Prints figures; never
// fails on timing.
// Usage: bench_cockpit DB [SQLITE3]   (DB is only read; the page part opens it like the app)
#include "analytics/cockpit.h"
#include "analytics/cockpitfacts.h"
#include "analytics/figureservice.h"
#include "cockpitpage.h"
#include "storage/database.h"
#include "analytics/orgunits.h"
#include "analytics/query.h"
#include "benchshell.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace cockpit;
using namespace cockpit::analytics;

using bench::inlined;
using bench::shellTime;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_cockpit DB [SQLITE3]\n");
        return 2;
    }
    const QString path = args[1];
    const QString shell = args.value(2, QStringLiteral("sqlite3"));
    const Scope scope{Period::quarter(QDate(2026, 11, 1)), OrgScope::company()};
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-21T10:00:00Z"), Qt::ISODate);
    QTemporaryDir dir;
    const QString sqlPath = dir.filePath(QStringLiteral("cockpit.sql"));
    OrgScope region;
    {
        ReadConnection rc(path);
        if (!rc.isOpen()) {
            std::fprintf(stderr, "%s\n", qPrintable(rc.error()));
            return 1;
        }
        const OrgUnits units = loadOrgUnits(rc.db());
        const QVector<OrgUnit> regions = units.unitsWithin(OrgScope::company(), GroupBy::Region);
        if (!regions.isEmpty())
            region = OrgScope{OrgLevel::Region, regions.first().id};
        const KpiSettings settings = KpiSettings::load(rc.db());

        // The first refresh: the facts are loaded (best of 3, each from scratch). Both halves
        // on this one connection (the page runs them on two workers: see "page first refresh").
        CockpitFactsCache cache;
        qint64 first = -1, load = -1;
        QList<TracedQuery> firstTraced;
        for (int i = 0; i < 3; ++i) {
            cache.clear();
            QueryTrace trace;
            QElapsedTimer t;
            t.start();
            computeCockpit(rc.db(), CockpitRequest{scope, {}, true, now}, &cache);
            const qint64 ms = t.elapsed();
            first = first < 0 ? ms : std::min(first, ms);
            firstTraced = trace.queries();
            t.restart();
            const auto facts = CockpitFacts::load(rc.db(), settings);
            const qint64 l = t.elapsed();
            load = load < 0 ? l : std::min(load, l);
            if (i == 0)
                std::printf("cockpit facts: %d leads, %d sales actions, %d stage moves, %d effective actions; %.1f MB\n",
                            facts->leadCount(), facts->actionCount(), facts->historyCount(), facts->effectiveCount(),
                            double(facts->bytes()) / 1e6);
        }
        std::printf("facts load alone:                          %5lld ms (best of 3)\n", load);
        const qint64 firstShell = shellTime(shell, path, sqlPath, inlined(firstTraced)); // the load's scans are traced too
        std::printf("first refresh 2026-Q4, company (load incl.): %5lld ms (best of 3); sqlite3 shell, same statements "
                    "(load scans incl.): %lld ms, ratio %.2f\n",
                    first, firstShell, firstShell > 0 ? double(first) / double(firstShell) : 0.0);

        // Refreshes with the facts in memory.
        struct Case
        {
            const char *name;
            Scope scope;
        };
        const QList<Case> cases = {{"2026-Q4, company", scope},
                                   {"2026-Q3, company", {Period::quarter(QDate(2026, 8, 1)), OrgScope::company()}},
                                   {"2026-11, company", {Period::month(QDate(2026, 11, 1)), OrgScope::company()}},
                                   {"2026-Q4, first region", {scope.period, region}}};
        QList<TracedQuery> q4Traced;
        for (const Case &c : cases) {
            qint64 best = -1;
            QList<TracedQuery> traced;
            for (int i = 0; i < 3; ++i) {
                QueryTrace trace;
                QElapsedTimer t;
                t.start();
                computeCockpit(rc.db(), CockpitRequest{c.scope, {}, true, now}, &cache);
                const qint64 ms = t.elapsed();
                best = best < 0 ? ms : std::min(best, ms);
                traced = trace.queries();
            }
            if (q4Traced.isEmpty())
                q4Traced = traced;
            const qint64 sh = shellTime(shell, path, sqlPath, inlined(traced));
            std::printf("refresh %-22s (facts in memory): %4lld ms (best of 3), %lld statements; sqlite3 shell %lld ms, "
                        "ratio %.2f\n",
                        c.name, best, qlonglong(traced.size()), sh, sh > 0 ? double(best) / double(sh) : 0.0);
        }
        // Where the time goes: each statement of the Q4 refresh alone, slowest first.
        QList<QPair<qint64, QString>> each;
        for (const TracedQuery &q : q4Traced) {
            QElapsedTimer t;
            t.start();
            QSqlQuery r = runQuery(rc.db(), q.sql, q.binds);
            while (r.next()) {
            }
            each.append({t.nsecsElapsed() / 1000, q.sql.simplified().left(110)});
        }
        std::sort(each.begin(), each.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        for (int i = 0; i < std::min<qsizetype>(6, each.size()); ++i)
            std::printf("  %7.1f ms  %s\n", each[i].first / 1000.0, qPrintable(each[i].second));
    }

    // The real page: its first refresh (facts loaded), then period and org changes: compute on
    // its worker, show, repaint.
    storage::Database db;
    if (!db.open(path, storage::Database::Mode::OpenExisting, storage::Database::Check::Deferred).ok()) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        return 1;
    }
    ScopeState state(scope);
    FigureService figures(db); // its facts cache starts empty
    ui::CockpitPage page(figures, state);
    page.setNow(now);
    page.resize(1366, 720);
    auto waitRefresh = [&] {
        QEventLoop loop;
        QObject::connect(&page, &ui::AnalyticsPage::refreshed, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
    };
    {
        QElapsedTimer t;
        t.start();
        page.show();
        waitRefresh();
        page.repaint();
        std::printf("page first refresh (facts loaded): %lld ms (compute + show + repaint)\n", qlonglong(t.elapsed()));
    }
    const QList<Period> periods = {Period::quarter(QDate(2026, 8, 1)), Period::month(QDate(2026, 11, 1)),
                                   Period::week(QDate(2026, 11, 16)), Period::quarter(QDate(2026, 11, 1))};
    qint64 worst = 0;
    auto change = [&](const QString &what, const std::function<void()> &apply) {
        QElapsedTimer t;
        t.start();
        apply();
        waitRefresh();
        page.repaint();
        const qint64 ms = t.elapsed();
        worst = std::max(worst, ms);
        std::printf("page change to %-24s: %lld ms (compute + show + repaint)\n", qPrintable(what), ms);
    };
    for (const Period &p : periods)
        change(p.key(), [&] { state.setPeriod(p); });
    if (!region.id.isEmpty()) {
        change(QStringLiteral("region ") + region.id, [&] { state.setOrg(region); });
        change(QStringLiteral("company"), [&] { state.setOrg(OrgScope::company()); });
    }
    std::printf("page period/org change worst: %lld ms\n", worst);
    return 0;
}
