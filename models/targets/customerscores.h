#pragma once
// Customer value and health (DESIGN.md §5 "Customers") and the morning pick.
//
// Value score = 0.4 × purchases + 0.3 × satisfaction + 0.3 × trials, each 0–100 over the
// customer base:
// - purchases (orders of the last 3 months, cents) and trials (new-product trials started in
//   the last 12 months) as a percentile rank: 100 × (customers below + half the others with
//   the same value) / (n − 1) (n = 1 → 100); nothing (0) scores 0;
// - satisfaction: the mean NPS (0–10) of the last 12 months × 10.
// A customer without surveys has no satisfaction: that part is left out and the other two
// weights renormalise (0.4 / 0.7 and 0.3 / 0.7), which the breakdown says.
//
// Health: the 8 dimensions and scales of analytics::customerHealth() (teamhealth.h), equal
// weights by default (12.5 % each); a dimension without data is left out and the weights of
// the others renormalise; healthBreakdown() lists each dimension with its value, its weight
// as used and its share of the score.
//
// Morning pick: per rep, the 3 customers with the highest priority = 0.6 × value + 0.4 ×
// (100 − health) (no health: 50), ties by name; the "why" names the value, the health and
// its weakest dimension.
#include "analytics/teamhealth.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <optional>

namespace cockpit::targets {

// Percentile ranks as above, same order as the input.
QVector<double> percentileScores(const QVector<qint64> &values);

struct ValueInputs
{
    QString customerId;
    qint64 purchasesCents = 0;       // last 3 months
    std::optional<double> npsMean;   // 0–10, last 12 months
    int trials = 0;                  // last 12 months
};
struct ValueScore
{
    QString customerId;
    double purchases = 0, trials = 0;
    std::optional<double> satisfaction;
    double score = 0;
};
QVector<ValueScore> valueScores(const QVector<ValueInputs> &customers);
// "purchases 100 × 40.0 %; trials 89 × 30.0 %; satisfaction …" (built on demand: 50 000
// customers' texts would cost more than their scores).
QString valueBreakdownText(const ValueScore &v);

struct HealthPart
{
    analytics::HealthDim dim;
    std::optional<double> value; // 0–100
    double weightPct = 0;        // as used (renormalised); 0 when left out
    double points = 0;           // value × weight: its share of the score
};
struct HealthBreakdown
{
    std::optional<double> score;
    QVector<HealthPart> parts; // all 8, in HealthDim order
};
HealthBreakdown healthBreakdown(const analytics::CustomerFacts &facts, const analytics::TeamHealthSettings &s = {});
// "NPS 80 × 33.3 %; …; left out (no data): Service response, …, the other weights renormalised"
QString healthBreakdownText(const HealthBreakdown &b);

struct PickInput
{
    QString customerId, name, ownerId;
    double value = 0;
    HealthBreakdown health;
};
struct Pick
{
    QString customerId, name, ownerId;
    double priority = 0;
    QString why;
};
// Up to `perRep` picks per owner, each owner's best first; owners in first-seen order.
QVector<Pick> morningPicks(const QVector<PickInput> &customers, int perRep = 3);

} // namespace cockpit::targets
