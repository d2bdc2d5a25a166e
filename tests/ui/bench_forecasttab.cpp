// bench_forecasttab DB [NOW]: the Forecast tab's refreshes on a file (e.g. the large demo),
// from request to painted result (AnalyticsPage::lastRefreshMs): the first (reading the deals,
// training the model, the company's backtest), a period change, another period, an org unit
// (its backtest, once), a period change inside it, back to the company. Prints figures; never
// fails on time (not part of ctest).
#include "forecasttab.h"
#include "storage/database.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSqlDatabase>

#include <cstdio>

using namespace cockpit;
using namespace cockpit::analytics;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::printf("usage: bench_forecasttab DB [NOW ISO-8601]\n");
        return 2;
    }
    const QDateTime now = QDateTime::fromString(argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("2026-12-05T00:00:00Z"),
                                                Qt::ISODate);
    storage::Database db;
    if (!db.open(QString::fromLocal8Bit(argv[1]), storage::Database::Mode::OpenExisting).ok()) {
        std::printf("cannot open %s\n", argv[1]);
        return 1;
    }
    const QDate today = now.date();
    ScopeState scope({Period::quarter(today), OrgScope::company()});
    FigureService figures(db);
    ui::ForecastTab tab(figures, scope, [now] { return now; });
    tab.resize(1366, 700);
    const auto measure = [&](const char *what, const std::function<void()> &change) {
        QSignalSpy refreshed(&tab, &ui::AnalyticsPage::refreshed);
        change();
        if (!refreshed.wait(600000)) {
            std::printf("%s: no result\n", what);
            return;
        }
        std::printf("%-48s %6lld ms  (P50 %lld, %d open deals)\n", what, tab.lastRefreshMs(),
                    tab.result() ? tab.result()->sim.p50 : -1, tab.result() ? tab.result()->openDeals : 0);
        std::fflush(stdout);
    };
    measure("first refresh (read, train, company backtest)", [&] { tab.show(); });
    measure("period change: this month", [&] { scope.setPeriod(Period::month(today)); });
    measure("period change: next quarter", [&] { scope.setPeriod(Period::quarter(today).next()); });
    measure("period change: this quarter", [&] { scope.setPeriod(Period::quarter(today)); });
    const OrgUnits units = loadOrgUnits(db.connection());
    if (!units.regions.isEmpty()) {
        measure("org change: first region (its backtest, once)", [&] { scope.setOrg({OrgLevel::Region, units.regions.first().id}); });
        measure("period change inside the region", [&] { scope.setPeriod(Period::month(today)); });
        measure("org change: back to the company", [&] { scope.setOrg(OrgScope::company()); });
    }
    if (!units.cities.isEmpty())
        measure("org change: first city (its backtest, once)", [&] { scope.setOrg({OrgLevel::City, units.cities.first().id}); });
    return 0;
}
