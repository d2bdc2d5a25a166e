#pragma once
// The explainable win probability of DESIGN §5, every part a pure function.
//
//   p = clamp(base × customer × deal × rep, 0, 1), then the intent-letter cap.
//
// * base: the win rate of the org's closed deals that reached the deal's stage, in its industry.
//   A cell with few deals is shrunk towards the stage's rate (which is shrunk towards the
//   overall rate): rate = (won + k × prior) / (closed + k), k = kShrink = 10 deals, so a cell
//   of 3 deals moves about a quarter of the way from the stage's rate, one of 90 nine tenths.
//   No closed deal at all: the rep's own probability (leads.probability) with that reason.
// * customer = punctuality × tenure × budget share; deal = contact seniority × competitor ×
//   technical validation (a demo held is its first step): each a lift learned from the same
//   closed deals, lift = shrunk rate of the deals in the bucket / rate of all deals with the
//   factor recorded. A factor no closed deal records, or records with one value only, is 1.0
//   "no data"; a deal without a value for it gets 1.0 "not recorded".
// * rep = the rep's shrunk win rate on closed deals of the same pipeline over the 365 days
//   before the moment, divided by the pipeline's rate ("attainment on similar deals": the data
//   holds no per-deal quota, so the rep's win rate is what is measured).
// * intent cap: when the file records intent letters at all, a deal whose letter lacks any of
//   seal, budget range, named contact and next meeting date is capped at 35 %. A file with no
//   intent fact anywhere gets no cap ("no data").
#include "forecast/deal.h"

#include <QHash>

namespace cockpit::forecast {

inline constexpr double kShrink = 10.0;
inline constexpr double kIntentCap = 0.35;

// (won + k × prior) / (n + k); prior when n + k is 0.
double shrunkRate(double won, double n, double prior, double k = kShrink);
// Shrunk rate of the bucket over the rate of all; 1.0 when `allRate` is 0.
double lift(double wonIn, double nIn, double allRate, double k = kShrink);

struct Count
{
    double won = 0, n = 0;
    double rate() const { return n > 0 ? won / n : 0.0; }
};

// What the explainable model learns from the closed deals (won or lost before the moment).
struct WinRates
{
    Count all;
    QHash<int, Count> stage;                  // stage id → closed deals that reached it
    QHash<qint64, Count> industryStage;        // (industry << 32 | stage)
    QHash<qint64, Count> pipelineRep;          // (pipeline << 32 | owner), last 365 days
    QHash<int, Count> pipeline;                // last 365 days
    std::array<Count, FactorCount> recorded{}; // per factor: deals with a value
    std::array<QHash<int, Count>, FactorCount> buckets;
    bool intentRecorded = false;
};
// `asOfDay`: deals closed on or after it are not counted (they were not known then).
WinRates learnRates(const std::vector<Deal> &deals, qint64 asOfDay, bool intentRecorded);

struct FactorValue
{
    QString name;   // "base", "customer.punctuality", … (machine name)
    double value = 1.0;
    QString reason; // translated, short
};

struct WinProbability
{
    double probability = 0;       // final, in [0, 1]
    double uncapped = 0;          // before the intent cap
    bool capped = false;
    QList<FactorValue> factors;   // base, 3 customer, 3 deal, rep, cap — in that order
};

WinProbability explainWin(const Deal &deal, const WinRates &rates, const DealSet &set);
// Just the number (no reasons), for the simulation and the backtest.
double winProbability(const Deal &deal, const WinRates &rates);

// The buckets of each factor, for the reasons (untranslated machine words are not shown).
QString bucketLabel(Factor f, int bucket);
QString factorName(Factor f);

} // namespace cockpit::forecast
