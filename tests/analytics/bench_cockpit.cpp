// Benchmark of the Cockpit screen (issue 4): the full computation the page runs for 2026-Q4,
// whole company (best of 3 after a warm-up) against the sqlite3 shell running the very same
// statements (traced, binds inlined), and a period change on the real page (compute + show +
// repaint, offscreen). Prints figures; never fails on timing.
// Usage: bench_cockpit DB [SQLITE3]   (DB is only read; the page part opens it like the app)
#include "cockpitpage.h"
#include "database.h"
#include "query.h"

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
    qint64 best = -1;
    QList<TracedQuery> traced;
    {
        ReadConnection rc(path);
        if (!rc.isOpen()) {
            std::fprintf(stderr, "%s\n", qPrintable(rc.error()));
            return 1;
        }
        ui::computeCockpit(rc.db(), scope, {}, true, now); // warm-up
        for (int i = 0; i < 3; ++i) {
            QueryTrace trace;
            QElapsedTimer t;
            t.start();
            const ui::CockpitData d = ui::computeCockpit(rc.db(), scope, {}, true, now);
            const qint64 ms = t.elapsed();
            best = best < 0 ? ms : std::min(best, ms);
            traced = trace.queries();
        }
        // Where the time goes: each statement alone, slowest first.
        QList<QPair<qint64, QString>> each;
        for (const TracedQuery &q : traced) {
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
    QTemporaryDir dir;
    const QString sqlPath = dir.filePath(QStringLiteral("cockpit.sql"));
    {
        QFile f(sqlPath);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        QTextStream out(&f);
        for (const TracedQuery &q : traced)
            out << q.inlined() << ";\n";
    }
    qint64 shellBest = -1;
    for (int i = 0; i < 4; ++i) {
        QProcess p;
        p.setStandardInputFile(sqlPath);
        p.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer t;
        t.start();
        p.start(shell, {QStringLiteral("-readonly"), path});
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            std::fprintf(stderr, "sqlite3 failed: %s\n", p.readAllStandardError().constData());
            return 1;
        }
        const qint64 ms = t.elapsed();
        if (i > 0) // the first run warms the cache
            shellBest = shellBest < 0 ? ms : std::min(shellBest, ms);
    }
    std::printf("cockpit refresh 2026-Q4, whole company: %lld ms (best of 3), %lld statements\n", best,
                qlonglong(traced.size()));
    std::printf("sqlite3 shell, same statements:          %lld ms (best of 3)  ratio %.2f\n", shellBest,
                shellBest > 0 ? double(best) / double(shellBest) : 0.0);
    std::printf("statements written to %s (kept while this runs)\n", qPrintable(sqlPath));

    // Period change on the real page: compute on its worker, show, repaint.
    storage::Database db;
    if (!db.open(path, storage::Database::Mode::OpenExisting, storage::Database::Check::Deferred).ok()) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        return 1;
    }
    ScopeState state(scope);
    ui::CockpitPage page(db, state);
    page.setNow(now);
    page.resize(1366, 720);
    auto waitRefresh = [&] {
        QEventLoop loop;
        QObject::connect(&page, &ui::AnalyticsPage::refreshed, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
    };
    page.show();
    waitRefresh();
    const QList<Period> periods = {Period::quarter(QDate(2026, 8, 1)), Period::month(QDate(2026, 11, 1)),
                                   Period::quarter(QDate(2026, 11, 1))};
    qint64 worst = 0;
    for (const Period &p : periods) {
        QElapsedTimer t;
        t.start();
        state.setPeriod(p);
        waitRefresh();
        page.repaint();
        const qint64 ms = t.elapsed();
        worst = std::max(worst, ms);
        std::printf("period change to %-10s: %lld ms (compute + show + repaint)\n", qPrintable(p.key()), ms);
    }
    std::printf("period change worst: %lld ms\n", worst);
    return 0;
}
