// Benchmark (prints figures, never fails on time): the Correlation tab of the Targets &
// Forecast screen, the real tab offscreen at 1366×768, from the request to the painted
// scatter, line and list, best of 3 rounds, each with a new FigureService (benchtab.h):
// - first refresh: the current quarter, whole company (the tab shown);
// - period change → the previous quarter;
// - org change → the first region;
// - metric change: X → PEI (a refit of the figures in hand, no computation).
// bench_correlationtab DB [NOW]
#include "benchtab.h"
#include "correlationtab.h"

using namespace cockpit;
using namespace cockpit::analytics;
using Step = bench::TabStep<ui::CorrelationTab>;

int main(int argc, char **argv)
{
    const auto steps = [](QDate today) {
        return QVector<Step>{
            {QStringLiteral("first refresh (quarter, company)"), nullptr},
            {QStringLiteral("period change → previous quarter"),
             [today](ScopeState &s, ui::CorrelationTab &) { s.setPeriod(Period::quarter(today).previous()); }},
            {QStringLiteral("org change → first region"),
             [](ScopeState &s, ui::CorrelationTab &t) {
                 s.setOrg(OrgScope{OrgLevel::Region, t.result()->units.regions.value(0).id});
             }},
            {QStringLiteral("metric change → X = PEI (refit)"),
             [](ScopeState &, ui::CorrelationTab &t) { t.setMetrics(targets::CorrMetric::Pei, targets::CorrMetric::WinRate); },
             false},
        };
    };
    return bench::runTabBench<ui::CorrelationTab>(argc, argv, QStringLiteral("bench_correlationtab"), steps,
                                                  [](ui::CorrelationTab &t) {
        return QStringLiteral("Correlation tab (offscreen, %1 points in the first region, PEI against the win rate)")
            .arg(t.points().points.size());
    });
}
