#pragma once
// The rolling 6-month forecast (DESIGN.md §5 "Targets") and the capacity gap ("Forecast").
//
// Rolling forecast, the choices §5 leaves:
// - Window: the last 6 complete months of collections (fewer when the history is shorter;
//   none → no forecast).
// - Outliers: a month outside median ± 3 × MAD of the window (MAD = median absolute
//   deviation from the median) is clipped to that bound (winsorised). MAD 0 (most months
//   equal) clips nothing.
// - Weights: linear, newest heaviest: 1, 2, …, 6 over 21 for a full window.
// - Each of the next 6 months is the weighted mean of the (smoothed) window; the forecast
//   month then joins the window for the month after it (a recursive moving average).
//
// Capacity gap: pace = collected so far / elapsed days × days of the quarter; gap = target −
// pace; average per-active-rep pace = pace / active reps; N = ceil(gap / that). Shown from
// 45 days before the quarter's end (daysLeft <= 45).
#include <QString>
#include <QVector>

#include <optional>

namespace cockpit::targets {

struct ForecastSettings
{
    int window = 6, horizon = 6;
    double madMultiplier = 3.0;
};

// The window clipped to median ± k × MAD (same order as the input).
QVector<double> winsorise(const QVector<double> &values, double k);
// Forecasts for the next `horizon` months from monthly collections (oldest first, cents);
// empty when `history` is.
QVector<qint64> rollingForecast(const QVector<qint64> &history, const ForecastSettings &s = {});

struct CapacityGap
{
    bool enoughData = false; // false: no elapsed day or no target
    bool applies = false;    // within 45 days of the quarter's end
    qint64 collectedCents = 0, targetCents = 0, paceCents = 0, gapCents = 0, perRepPaceCents = 0;
    int elapsedDays = 0, totalDays = 0, daysLeft = 0, activeReps = 0;
    std::optional<int> moreReps; // nullopt when on track or there is no active rep
    QString text;       // "At the current pace the quarter misses by ¥X; about N more reps' worth of pipeline."
    QString arithmetic; // the tooltip: every number of the formula
};
CapacityGap capacityGap(qint64 collectedCents, int elapsedDays, int totalDays, qint64 targetCents, int activeReps,
                        int showDaysBefore = 45);

} // namespace cockpit::targets
