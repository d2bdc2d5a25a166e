#pragma once
// The performance score (DESIGN.md §5 "Reps and teams") and the bonus simulator.
//
// Score = Σ weight × dimension over five dimensions, each 0–100 over the active reps ranked in
// the period (analytics::repStanding(): reps who left or were employed on too few working
// days are shown apart, never scaled or ranked with the team):
// - collections, gross margin, new customers: the rep's value as a share of the best active
//   rep's (best = 100, nothing = 0; negative margin counts 0; all 0 → 0 for everyone);
// - satisfaction: the mean NPS (0–10) of the surveys of the rep's customers in the period × 10;
// - compliance: the process compliance (key-action completion) % of the period.
// A rep without surveys or without stage exits has no satisfaction or compliance: that
// dimension is left out and the other weights renormalise (the breakdown says so).
// Weights are settings (default 40/25/15/10/10) and must sum to 100.
//
// Bonus rule (simulator): each rep has a target bonus (setting, default ¥20,000); the payout
// is target bonus × multiplier(attainment): 0 below 70 %, 50 % at 70 % rising linearly to
// 100 % at 100 %, then 2 % per point above 100 %, capped at 150 % (125 % attainment).
// Attainment = collections / target. The range: low = collected + deals marked won + P10 of
// the rep's other open deals, high = the same + their P90, where P10/P90 come from a seeded
// Monte-Carlo (forecast/montecarlo.h, kBonusDraws draws) with each deal won with its
// probability (won inside the period, from the forecast). Without probabilities: low adds
// nothing, high every open deal not marked lost. Given p10Cents/p90Cents override both.
// Everything in integer cents.
#include <QHash>
#include <QString>
#include <QVector>

#include <array>
#include <optional>

namespace cockpit::targets {

enum class PerfDim { Collections, Margin, NewCustomers, Satisfaction, Compliance };
inline constexpr int kPerfDims = 5;
QString perfDimKey(PerfDim d);       // "collections", "margin", "new_customers", "satisfaction", "compliance"
QString perfDimLabel(PerfDim d);     // translated
QString suggestedTraining(PerfDim d); // the fixed, translated training table

struct PerformanceWeights
{
    std::array<int, kPerfDims> pct{40, 25, 15, 10, 10};
};
// "" when every weight is 0..100 and they sum to 100; else a translated message.
QString checkWeights(const PerformanceWeights &w);

struct RepInputs
{
    QString repId, name;
    qint64 collectionsCents = 0, marginCents = 0;
    int newCustomers = 0;
    std::optional<double> npsMean;       // 0–10
    std::optional<double> compliancePct; // 0–100
};

struct RepScore
{
    QString repId, name;
    std::array<std::optional<double>, kPerfDims> dims; // 0–100, nullopt = left out
    std::optional<double> score;
    int rank = 0; // 1 = best
    std::optional<PerfDim> weakest;
    QString breakdown; // "collections 100 × 40 % …; satisfaction left out (no surveys), weights renormalised"
};

// Scores and ranks (score desc, then name) of the active reps given.
QVector<RepScore> scoreReps(const QVector<RepInputs> &reps, const PerformanceWeights &w = {});

struct Improvement
{
    QString repId, name;
    double now = 0, before = 0, delta = 0;
};
// Reps scored in both periods, largest rise first (ties by name).
QVector<Improvement> mostImproved(const QVector<RepScore> &now, const QVector<RepScore> &previous);
// Reps by gross margin, highest first (ties by name).
QVector<RepInputs> highestMargin(QVector<RepInputs> reps);

// ---- bonus simulator --------------------------------------------------------------------
struct BonusRule
{
    qint64 targetBonusCents = 2000000; // ¥20,000
    int floorAttainmentBp = 7000, floorMultiplierBp = 5000, capMultiplierBp = 15000;
    int slopeAbove = 2; // multiplier bp per attainment bp above 100 %
};
// Payout multiplier (bp) at an attainment (bp).
int bonusMultiplierBp(qint64 attainmentBp, const BonusRule &r = {});
qint64 bonusCents(qint64 collectedCents, qint64 targetCents, const BonusRule &r = {});

enum class DealMark { Open, Won, Lost };
struct SimDeal
{
    QString id, repId;
    qint64 amountCents = 0;
    DealMark mark = DealMark::Open;
    double probability = -1; // P(won inside the period) from the forecast; < 0: not known
};
inline constexpr int kBonusDraws = 2000;
struct SimRep
{
    QString repId, name;
    qint64 targetCents = 0, collectedCents = 0;
    std::optional<qint64> p10Cents, p90Cents; // the open pipeline's interval, when forecast gives it
};
struct BonusRange
{
    QString repId, name;
    qint64 lowCollectedCents = 0, highCollectedCents = 0, lowBonusCents = 0, highBonusCents = 0;
};
struct BonusSimulation
{
    QVector<BonusRange> reps;
    qint64 teamLowCents = 0, teamHighCents = 0;
};
BonusSimulation simulateBonus(const QVector<SimRep> &reps, const QVector<SimDeal> &deals, const BonusRule &r = {});

} // namespace cockpit::targets
