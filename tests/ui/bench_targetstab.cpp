// Benchmark (prints figures, never fails on time): the Targets tab of the Targets & Forecast
// screen (issue 14: first refresh <= 1 s, a period or org change <= 300 ms on the large demo),
// the real tab offscreen at 1366×768, from the request to the painted tree, gauges and chart,
// best of 3 rounds, each with a new FigureService (benchtab.h):
// - first refresh: the current quarter, whole company (the tab shown);
// - period change → the previous quarter; → a month; → the year;
// - org change → the first region (re-filters the figures in hand), then → its first city.
// bench_targetstab DB [NOW]
#include "benchtab.h"
#include "targetstab.h"

using namespace cockpit;
using namespace cockpit::analytics;
using Step = bench::TabStep<ui::TargetsTab>;

int main(int argc, char **argv)
{
    auto unitOf = [](const ui::TargetsTab &tab, OrgLevel level) {
        const targets::TargetsFigures *f = tab.result();
        for (const targets::TargetNode &n : f->view.tree.nodes)
            if (n.level == level)
                return OrgScope{level, n.orgId};
        return OrgScope::company();
    };
    const auto steps = [unitOf](QDate today) {
        return QVector<Step>{
            {QStringLiteral("first refresh (quarter, company)"), nullptr},
            {QStringLiteral("period change → previous quarter"),
             [today](ScopeState &s, ui::TargetsTab &) { s.setPeriod(Period::quarter(today).previous()); }},
            {QStringLiteral("period change → month"), [today](ScopeState &s, ui::TargetsTab &) { s.setPeriod(Period::month(today)); }},
            {QStringLiteral("period change → year"), [today](ScopeState &s, ui::TargetsTab &) { s.setPeriod(Period::year(today)); }},
            {QStringLiteral("org change → first region"),
             [unitOf](ScopeState &s, ui::TargetsTab &t) { s.setOrg(unitOf(t, OrgLevel::Region)); }},
            {QStringLiteral("org change → first city"),
             [unitOf](ScopeState &s, ui::TargetsTab &t) { s.setOrg(unitOf(t, OrgLevel::City)); }},
        };
    };
    return bench::runTabBench<ui::TargetsTab>(argc, argv, QStringLiteral("bench_targetstab"), steps, [](ui::TargetsTab &t) {
        return QStringLiteral("Targets tab (offscreen, %1 nodes in the tree)").arg(t.result()->view.tree.nodes.size());
    });
}
