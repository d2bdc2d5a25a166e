#pragma once
// The period forecast and its honest backtest, composed from the pure parts: win rates
// (winprob.h), close-date history and the Monte-Carlo (montecarlo.h), the as-of pipeline
// (history.h).
//
// What is forecast: the amount of deals won (closed won) inside the period — what the open
// pipeline can deliver — not collections (payments follow orders on their own schedule).
// Total = already won in the period + the simulated pipeline + one draw of "new business":
// what deals created after the moment won before the period's end, drawn from the 6 most
// recent past windows of the same length.
#include "forecast/history.h"
#include "forecast/montecarlo.h"
#include "forecast/winprob.h"
#include <memory>

namespace cockpit::forecast {

// Won deals closed before `beforeDay`: actual − expected close day (those with an expected
// day), and creation → close in days; both ascending.
std::vector<qint64> slipHistory(const std::vector<Deal> &deals, qint64 beforeDay);
std::vector<qint64> durationHistory(const std::vector<Deal> &deals, qint64 beforeDay);
// For each of `windows` windows of `lengthDays` ending the day before `today` (back to back):
// the amount won in the window's last `wonDays` days (all of it when wonDays < 0) by deals
// created inside it. Windows before the first deal are left out. A period that starts after
// today asks for the windows from today to its end, won in its own days: a month two months
// ahead also wins deals created before it starts.
std::vector<qint64> newBusinessHistory(const std::vector<Deal> &deals, qint64 today, qint64 lengthDays, int windows = 6,
                                       qint64 wonDays = -1);

struct PeriodForecast
{
    qint64 firstDay = 0, lastDay = 0, today = 0;
    qint64 alreadyWonCents = 0;
    SimResult sim;
    std::vector<SimDeal> deals; // the open deals with their probability and P(in period)
};

// The forecast of [firstDay, lastDay] made on `set.asOfDay` with `rates`.
PeriodForecast forecastPeriod(const DealSet &set, const WinRates &rates, qint64 firstDay, qint64 lastDay,
                              SimOptions options);

struct BacktestMonth
{
    qint64 firstDay = 0, lastDay = 0;
    qint64 actualCents = 0, p10 = 0, p50 = 0, p90 = 0;
    qint64 rawP50 = 0; // the P50 without the error ratios
    int ratios = 0;    // error ratios the band used (earlier months')
    int openDeals = 0;
    int closedKnown = 0; // deals closed before the month's start: what the rates learned from
    // Past windows of the month's length its new business was drawn from (forecast.cpp): 0 when
    // the file's deals began less than a month before it.
    int newBusinessWindows = 0;
    double accuracy = 0; // 1 − |actual − P50| / actual; NaN when actual is 0
    bool inBand = false; // P10 ≤ actual ≤ P90
    // Coverage counts a month only when there was something to forecast (an open deal at its
    // start or something won in it) and something to learn from (a deal closed before it):
    // a "band" 0–0 holding a 0, or made with no rates at all, says nothing of the band.
    bool counted() const { return closedKnown > 0 && (openDeals > 0 || actualCents > 0); }
    // Its forecast had all the method uses: rates (a deal closed before it), a raw P50 above 0
    // and new business from at least one past window. A month at the very start of a file's
    // history misses the new business (the deals created and won inside it) and would report a
    // "forecast error" of 3× that says nothing of later months.
    bool taught() const { return closedKnown > 0 && rawP50 > 0 && newBusinessWindows > 0; }
};
// 1 − |actual − forecast| / actual (DESIGN §5); NaN when actual is 0.
double forecastAccuracy(qint64 actualCents, qint64 forecastCents);
// Each month whose first day is in [firstDay, lastDay]: the forecast made at 00:00 of its first
// day from what was known then, against what was won in it. A month's band is scaled by the
// error ratios of the months before it (from kWarmupMonths before firstDay; at least kMinRatios
// of them, else none): only what was known at its start. `settled`: settledDeals(h), when the
// caller has it (else made here).
std::vector<BacktestMonth> backtest(const History &h, qint64 firstDay, qint64 lastDay, int draws, quint64 seed,
                                    std::shared_ptr<const SettledDeals> settled = nullptr);
inline constexpr int kMinRatios = 3;
inline constexpr int kWarmupMonths = 6;
// actual ÷ raw P50 of each taught() month, the latest kRatioWindow, each clamped to
// [1/kMaxRatio, kMaxRatio] (one wild month would otherwise stretch every later band).
std::vector<double> errorRatios(const std::vector<BacktestMonth> &months);
inline constexpr int kRatioWindow = 12;
// Share of the counted months with the actual inside P10–P90 (NaN without counted months).
double bandCoverage(const std::vector<BacktestMonth> &months);
int countedMonths(const std::vector<BacktestMonth> &months);

} // namespace cockpit::forecast
