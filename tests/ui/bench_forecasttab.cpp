// bench_forecasttab DB [NOW]: the Forecast tab's refreshes on a file (e.g. the large demo),
// from request to painted result (AnalyticsPage::lastRefreshMs): the first with nothing cached
// (reading the deals, the company's backtest) and the learned model after it; the first again
// as the app's next run meets it (the deal history read back from the copy on disk the first
// run kept); the same after the cockpit's forecast tile (which shares the cache); then a period
// change, another period, an org unit (its backtest, once), a period change inside it, back to
// the company. Prints figures; never fails on time (not part of ctest).
#include "forecasttab.h"
#include "forecast/forecastview.h"
#include "forecast/historycache.h"
#include "targets/forecasttile.h"
#include "storage/database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>

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
    ui::ForecastTab cold(figures, scope, [now] { return now; });
    ui::ForecastTab later(figures, scope, [now] { return now; });
    ui::ForecastTab tab(figures, scope, [now] { return now; });
    // The deal history kept on disk as the app keeps it (in a folder of this run's own).
    QTemporaryDir kept;
    forecast::setHistoryDiskDirectory(kept.path(), std::chrono::seconds(2));
    for (ui::ForecastTab *t : {&cold, &later, &tab})
        t->resize(1366, 700);
    ui::ForecastTab *shown = &cold;
    const auto measure = [&](const char *what, const std::function<void()> &change) {
        QSignalSpy refreshed(shown, &ui::AnalyticsPage::refreshed);
        change();
        if (!refreshed.wait(600000)) {
            std::printf("%s: no result\n", what);
            return;
        }
        std::printf("%-52s %6lld ms  (P50 %lld, %d open deals)\n", what, shown->lastRefreshMs(),
                    shown->result() ? shown->result()->sim.p50 : -1, shown->result() ? shown->result()->openDeals : 0);
        std::fflush(stdout);
    };
    const auto waitModel = [&](const char *what) {
        QElapsedTimer timer;
        timer.start();
        QSignalSpy modelShown(shown, &ui::ForecastTab::modelShown);
        if (shown->modelPending() && !modelShown.wait(600000))
            std::printf("%s: no model\n", what);
        std::printf("%-52s %6lld ms  (training %lld ms)\n", what, timer.elapsed(), shown->result() ? shown->result()->trainMs : -1);
        std::fflush(stdout);
    };
    // 1. Opened first thing, nothing cached: read the deals, the company's backtest; then the model.
    measure("cold: first figures (read, company backtest)", [&] { cold.show(); });
    waitModel("cold: then the learned model, after the figures");
    cold.hide();
    // 1b. The app's next run on the same file: nothing in memory, the history read back from
    // the copy the first run kept.
    forecast::waitForHistoryDisk();
    forecast::sharedForecastCache()->clear();
    forecast::clearHistoryCache();
    shown = &later;
    measure("cold, a later run: first figures (history from disk)", [&] { later.show(); });
    waitModel("cold, a later run: then the learned model");
    later.hide();
    forecast::setHistoryDiskDirectory(QString());
    // 2. As a user meets it: the cockpit's forecast tile computed first (it shares the cache).
    forecast::sharedForecastCache()->clear();
    forecast::clearHistoryCache();
    {
        QElapsedTimer timer;
        timer.start();
        const targets::MoneyTile tile = targets::computeForecastTile(db.connection(), scope.scope(), now.toSecsSinceEpoch());
        std::printf("%-52s %6lld ms  (P50 %lld)\n", "cockpit forecast tile, nothing cached", timer.elapsed(), tile.cents);
    }
    shown = &tab;
    measure("after the cockpit: first figures", [&] { tab.show(); });
    waitModel("after the cockpit: then the learned model");
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
