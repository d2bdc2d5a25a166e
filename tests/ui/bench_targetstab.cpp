// Benchmark (prints figures, never fails on time): the Targets tab of the Targets & Forecast
// screen (issue 14: first refresh <= 1 s, a period or org change <= 300 ms on the large demo),
// the real tab offscreen at 1366×768, from the request to the painted tree, gauges and chart,
// best of 3 rounds, each with a new FigureService:
// - first refresh: the current quarter, whole company (the tab shown);
// - period change → the previous quarter; → a month; → the year;
// - org change → the first region (re-filters the figures in hand), then → its first city.
// bench_targetstab DB [NOW]
#include "analytics/figureservice.h"
#include "benchshell.h"
#include "storage/database.h"
#include "targetstab.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTextStream>

using namespace cockpit;
using namespace cockpit::analytics;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() < 2) {
        out << "usage: bench_targetstab DB [NOW]\n";
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
    struct Step
    {
        QString name;
        std::function<void(ScopeState &, const ui::TargetsTab &)> change;
    };
    auto unitOf = [](const ui::TargetsTab &tab, OrgLevel level) {
        const targets::TargetsFigures *f = tab.result();
        for (const targets::TargetNode &n : f->view.tree.nodes)
            if (n.level == level)
                return OrgScope{level, n.orgId};
        return OrgScope::company();
    };
    const QVector<Step> steps{
        {QStringLiteral("first refresh (quarter, company)"), nullptr},
        {QStringLiteral("period change → previous quarter"),
         [today](ScopeState &s, const ui::TargetsTab &) { s.setPeriod(Period::quarter(today).previous()); }},
        {QStringLiteral("period change → month"), [today](ScopeState &s, const ui::TargetsTab &) { s.setPeriod(Period::month(today)); }},
        {QStringLiteral("period change → year"), [today](ScopeState &s, const ui::TargetsTab &) { s.setPeriod(Period::year(today)); }},
        {QStringLiteral("org change → first region"),
         [unitOf](ScopeState &s, const ui::TargetsTab &t) { s.setOrg(unitOf(t, OrgLevel::Region)); }},
        {QStringLiteral("org change → first city"),
         [unitOf](ScopeState &s, const ui::TargetsTab &t) { s.setOrg(unitOf(t, OrgLevel::City)); }},
    };
    QVector<QVector<qint64>> times(steps.size());
    int nodes = 0;
    for (int round = 0; round < 3; ++round) {
        FigureService figures(db);
        ScopeState state({Period::quarter(today), OrgScope::company()});
        ui::TargetsTab tab(figures, state, [now] { return QDateTime::fromString(now, Qt::ISODate); });
        tab.resize(1366 - 176, 768 - 90); // the tab's room in the window at 1366×768
        for (int i = 0; i < steps.size(); ++i) {
            QSignalSpy refreshed(&tab, &ui::AnalyticsPage::refreshed);
            QElapsedTimer timer;
            timer.start();
            if (i == 0)
                tab.show();
            else
                steps[i].change(state, tab);
            if (!refreshed.wait(60000) || !tab.result()) {
                out << steps[i].name << ": the tab did not refresh\n";
                return 1;
            }
            tab.repaint(); // paint now, not at the next turn of the event loop
            times[i] << timer.elapsed();
        }
        nodes = int(tab.result()->view.tree.nodes.size());
    }
    out << "Targets tab (offscreen, " << nodes << " nodes in the tree), request → painted, best of 3:\n";
    for (int i = 0; i < steps.size(); ++i)
        out << "  " << steps[i].name << ": " << bench::bestOf(times[i]) << "\n";
    return 0;
}
