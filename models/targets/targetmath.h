#pragma once
// Target setting and attainment (DESIGN.md §5 "Targets"): A/B/C tiers, growth bands, the
// external correction, the proposal, exact splits in cents and the attainment colour. Pure
// functions over integers: money is cents, rates are basis points (1 % = 100 bp).
//
// Choices where §5 leaves one (the tooltips say them):
// - Tiers rank the nodes of one level (all regions, all cities, all active reps) by their
//   trailing-12-month collections, highest first: the first round(20 % of n) are A, the last
//   round(30 % of n) are C, the rest B (round half up; n = 1 → B, n = 2 → B, C; n = 3 →
//   A, B, C). Equal collections never split across tiers: a tie takes the better tier of its
//   members. A node with no collections at all is C (there is nothing to rank it by).
// - The default growth of a tier is the middle of its band (A 10 %, B 15 %, C 21.5 %); a
//   growth outside the band and a correction outside ±5 % (or a non-zero one without a
//   reason) are refused with a message.
// - Proposal = base × (1 + growth + correction), rounded half up to the cent. The base is last
//   year's collections of the same period when the file's collections cover it whole
//   (proposalBase below); a node without any collections in the base gets 0 and says so.
#include "analytics/rag.h"

#include <QDate>
#include <QString>
#include <QVector>

#include <optional>

namespace cockpit::targets {

enum class Tier { A, B, C };
QString tierKey(Tier t); // "A", "B", "C"
std::optional<Tier> parseTier(const QString &key);

// Tiers of `collections` (cents, one per node, any order): same order as the input.
QVector<Tier> assignTiers(const QVector<qint64> &collections);

struct GrowthBand
{
    int lowBp = 0, highBp = 0;
    int defaultBp() const { return (lowBp + highBp) / 2; }
};
struct TargetSettings
{
    GrowthBand a{800, 1200}, b{1200, 1800}, c{1800, 2500};
    int maxCorrectionBp = 500;
    const GrowthBand &band(Tier t) const { return t == Tier::A ? a : (t == Tier::B ? b : c); }
};

// "" when `growthBp` lies in the tier's band, else a translated message naming the band.
QString checkGrowth(Tier tier, int growthBp, const TargetSettings &s = {});
// "" when |correctionBp| <= maxCorrectionBp and a non-zero correction has a reason.
QString checkCorrection(int correctionBp, const QString &reason, const TargetSettings &s = {});

// round(base × (10000 + growthBp + correctionBp) / 10000), half up; base >= 0.
qint64 proposal(qint64 lastYearCents, int growthBp, int correctionBp);

// The collections a proposal grows from (§5 leaves the base open; the tooltip says it): the same
// period a year before when the file's collections cover it whole, i.e. begin no later than its
// first day's month (a first collection on the 1st covers that month, a later day only from the
// next month on). Otherwise (a young company, an import, the demo's first year) the latest
// complete months before the period and before today's month, as many as the period has where
// the history holds that many, scaled to the period's length: "Jul–Sep 2026" for Q4 2026 seen
// on 6 Dec 2026 with collections from 2 Oct 2025; two months × 6 for a year when only two
// complete months precede it. With no such month (or no collections at all) the same period
// last year stays the base.
struct ProposalBase
{
    QDate first;              // the base window's first month (day 1)
    int months = 0;           // its length in months
    int periodMonths = 0;     // the period's length: the base is the window's sum × periodMonths / months
    bool sameLastYear = true; // false: the fallback window
    qint64 scaled(qint64 windowCents) const; // round half up; the window's sum when months == periodMonths
};
ProposalBase proposalBase(QDate periodFirst, int periodMonths, QDate asOfDay, std::optional<QDate> firstCollectionDay);

// `total` split in proportion to `weights` (each >= 0), the parts summing to `total` exactly:
// each part floor(total × w / Σw), the cents left over going one each to the largest
// remainders (ties: the earlier part). All weights 0 → equal weights. total >= 0.
QVector<qint64> splitLargestRemainder(qint64 total, const QVector<qint64> &weights);

// Attainment = collected / target × 100; nullopt when the target is 0 or less.
std::optional<double> attainmentPct(qint64 collectedCents, qint64 targetCents);
// >= 90 % green, >= 70 % yellow, below red, compared exactly in integers (89.99 % is yellow);
// Grey without a target.
analytics::Rag attainmentColour(qint64 collectedCents, qint64 targetCents);

// Basis points as a percentage in the current locale: "12 %", "12.5 %", "12.25 %".
QString bpText(int bp);

// "¥1,234.50" in the current locale, exact (no floating point).
QString moneyText(qint64 cents);

} // namespace cockpit::targets
