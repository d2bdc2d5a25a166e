#pragma once
// The shell of the Targets & Forecast tabs' benchmarks (bench_targetstab, bench_correlationtab):
// `bench_X DB [NOW]`, the real tab offscreen in its room of the window at 1366×768, best of 3
// rounds, each with a new FigureService; each step from the request (or the metric change) to
// the painted tab. Prints figures, never fails on time.
#include "analytics/figureservice.h"
#include "analytics/scope.h"
#include "analyticspage.h"
#include "benchshell.h"
#include "storage/database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTextStream>

#include <functional>

namespace bench {

template<class Tab>
struct TabStep
{
    QString name;
    // Nothing for the first step: the tab is shown.
    std::function<void(cockpit::analytics::ScopeState &, Tab &)> change;
    bool computes = true; // false: the tab repaints from the figures in hand, no refresh
};

// Runs the steps `makeSteps(today)` on `Tab` for DB and NOW of argv; `summary` names what the
// last round's tab showed in the title line. The process's exit code.
template<class Tab>
int runTabBench(int argc, char **argv, const QString &name,
                const std::function<QVector<TabStep<Tab>>(QDate today)> &makeSteps,
                const std::function<QString(Tab &)> &summary)
{
    using namespace cockpit;
    using namespace cockpit::analytics;
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() < 2) {
        out << "usage: " << name << " DB [NOW]\n";
        return 2;
    }
    const QString now = args.value(2, QStringLiteral("2026-11-20T04:00:00Z"));
    const QDate today = companyDay(now);
    storage::Database db;
    const auto opened = db.open(args[1], storage::Database::Mode::OpenExisting, storage::Database::Check::Deferred);
    if (!opened.ok()) {
        out << "could not open " << args[1] << "\n";
        return 1;
    }
    const QVector<TabStep<Tab>> steps = makeSteps(today);
    QVector<QVector<qint64>> times(steps.size());
    QString shown;
    for (int round = 0; round < 3; ++round) {
        FigureService figures(db);
        ScopeState state({Period::quarter(today), OrgScope::company()});
        Tab tab(figures, state, [now] { return QDateTime::fromString(now, Qt::ISODate); });
        tab.resize(1366 - 176, 768 - 90); // the tab's room in the window at 1366×768
        for (int i = 0; i < steps.size(); ++i) {
            QSignalSpy refreshed(&tab, &ui::AnalyticsPage::refreshed);
            QElapsedTimer timer;
            timer.start();
            if (i == 0)
                tab.show();
            else
                steps[i].change(state, tab);
            if (steps[i].computes && (!refreshed.wait(60000) || !tab.result())) {
                out << steps[i].name << ": the tab did not refresh\n";
                return 1;
            }
            tab.repaint(); // paint now, not at the next turn of the event loop
            times[i] << timer.elapsed();
        }
        shown = summary(tab);
    }
    out << shown << ", request → painted, best of 3:\n";
    for (int i = 0; i < steps.size(); ++i)
        out << "  " << steps[i].name << ": " << bestOf(times[i]) << "\n";
    return 0;
}

} // namespace bench
