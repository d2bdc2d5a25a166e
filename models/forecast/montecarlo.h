#pragma once
// The interval forecast: a Monte-Carlo over the open pipeline. Each deal is won with its win
// probability and, independently, closes on its expected close day moved by a slip drawn
// from history (closed deals' actual − expected close); it counts when it is won and closes
// inside the period. Because the two draws are independent, a deal's contribution is exactly
// Bernoulli(p × P(close in period)) × amount, and P(close in period) is computed from the whole
// empirical slip distribution (closeInPeriod) instead of being drawn — same distribution of
// the total, less noise. The total adds what is already won in the period and, when given,
// one draw of "new business" (what deals created inside a past period won inside it).
//
// Reproducible: draw d uses its own generator seeded from (seed, d), so the result depends on
// the seed and the draw count only — not on the thread count.
//
// Deals are independent, so on its own the simulation knows only the luck of each deal, not
// the model's own error (a stale pipeline, a win rate that moved): with errorRatios (past
// months' actual ÷ forecast) each draw is scaled by a draw of the next month's ratio
// (errorSpread), so the band also holds what the model got wrong before.
#include <QString>

#include <cstdint>
#include <vector>

namespace cockpit::forecast {

// Share of `slipDays` (ascending) for which max(expectedDay + slip, today) falls in
// [first, last]. With no history, the slip is 0.
double closeInPeriod(qint64 expectedDay, const std::vector<qint64> &slipDays, qint64 today, qint64 first, qint64 last);
// For a deal with no expected close day: among historical creation→close durations
// (ascending) that are at least the deal's age, the share that ends in [first, last]. A deal older
// than every won deal ever was is stale: 0 (history says such deals do not close as won).
double closeInPeriodByAge(qint64 createdDay, const std::vector<qint64> &durationDays, qint64 today, qint64 first,
                          qint64 last);

// Why the band is wide: a group of deals and its share of the total's variance.
enum class Doubt { ApproverNotMet, IntentIncomplete, Competitor, CloseDateEstimated, AmountEstimated, LargestDeals };
QString doubtCode(Doubt d); // "final_approver_not_met", …

// The model's own error as a distribution of the next month's actual ÷ forecast, from n past
// months' ratios: with m and s the mean and the standard deviation (n − 1) of their logarithms,
// the log of the next ratio is m + s·√(1 + 1/n)·T with T ~ Student-t(n − 1) — the textbook
// prediction interval for one more observation of a normal sample, which widens when there are
// few past months. Resampling the ratios themselves treated a handful of months as the whole
// spread: its 80 % band held 5 of the large demo's 12 months.
struct ErrorSpread
{
    double meanLog = 0;
    double scale = 0; // s·√(1 + 1/n)
    int df = 0;       // n − 1; 0: no ratios to scale by (fewer than 2)
};
ErrorSpread errorSpread(const std::vector<double> &ratios);
// Ratios drawn (and ratios given) are kept inside [1/kMaxRatio, kMaxRatio].
inline constexpr double kMaxRatio = 3.0;
// Draw `draw`'s multiplier: exp(meanLog + scale·T), T from its own generator seeded by
// (seed, draw), clamped to [1/kMaxRatio, kMaxRatio]; 1 when spread.df is 0.
double errorMultiplier(const ErrorSpread &spread, quint64 seed, int draw);
// The 10 %, 50 % and 90 % quantiles of the multipliers draws 0 … draws − 1 use (all 1 when
// spread.df is 0): what the band's tooltip says of the model's own error. simulate() keeps the
// same for the multipliers it drew (SimResult::errorBand).
struct ErrorBand
{
    double p10 = 1, p50 = 1, p90 = 1;
};
ErrorBand errorBand(const ErrorSpread &spread, int draws, quint64 seed);

struct SimDeal
{
    qint64 id = 0;
    qint64 amountCents = 0;
    double winProbability = 0;
    double inPeriod = 0; // P(close in the period)
    bool approverNotMet = false, intentIncomplete = false, competitor = false, closeEstimated = false,
         amountEstimated = false;
};

struct SimOptions
{
    int draws = 10000;
    quint64 seed = 1;
    int threads = 0;              // 0: std::thread::hardware_concurrency()
    qint64 alreadyWonCents = 0;   // won inside the period before today
    qint64 targetCents = -1;      // -1: none
    std::vector<qint64> newBusinessCents; // one of these (uniformly) is added to each draw
    // The model's own error: actual ÷ P50 of the past months' backtest (forecast.h,
    // errorRatios); a draw of their errorSpread multiplies each draw's pipeline part and new
    // business.
    std::vector<double> errorRatios;
    bool keepUnscaled = false; // SimResult::unscaled, for rescale()
};

struct DoubtReason
{
    Doubt doubt;
    int deals = 0;
    qint64 amountCents = 0;    // their amounts
    double varianceShare = 0;  // of the pipeline part's variance
};

struct SimResult
{
    int draws = 0;
    quint64 seed = 0;
    qint64 p10 = 0, p50 = 0, p90 = 0;
    double mean = 0;
    double probabilityOfTarget = -1; // share of draws ≥ target; -1 without a target
    double confidence = 0;           // share of draws within ±20 % of P50 (P50 = 0: draws at 0)
    int dealsInPeriod = 0;           // deals with p × P(in period) > 0
    std::vector<DoubtReason> reasons; // by variance share, largest first; empty groups left out
    std::vector<qint64> totals;       // every draw's total, ascending
    // With SimOptions::keepUnscaled: each draw's pipeline part and new business before its error
    // multiplier (without what is already won), in draw order.
    std::vector<qint64> unscaled;
    ErrorBand errorBand; // of the error multipliers the draws used (all 1 without error ratios)
};

// The q-quantile of ascending values: the value at index ceil(q × n) − 1 (nearest rank).
qint64 quantile(const std::vector<qint64> &ascending, double q);
SimResult simulate(const std::vector<SimDeal> &deals, const SimOptions &options);
// What simulate(deals, options) gives, from `raw` = simulate(deals, the same options without
// error ratios, keepUnscaled): each draw's deals and new business are the same (the error
// multiplier has a stream of its own), so only the multipliers are drawn — a backtest month's
// band costs no second pass over its deals. `raw`'s doubt reasons are kept.
SimResult rescale(const SimResult &raw, const SimOptions &options);

} // namespace cockpit::forecast
