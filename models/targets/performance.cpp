#include "targets/performance.h"
#include "targets/targetstext.h"
#include "forecast/montecarlo.h"

#include <QLocale>

#include <algorithm>

namespace cockpit::targets {

QString perfDimKey(PerfDim d)
{
    switch (d) {
    case PerfDim::Collections: return QStringLiteral("collections");
    case PerfDim::Margin: return QStringLiteral("margin");
    case PerfDim::NewCustomers: return QStringLiteral("new_customers");
    case PerfDim::Satisfaction: return QStringLiteral("satisfaction");
    case PerfDim::Compliance: return QStringLiteral("compliance");
    }
    return {};
}

QString perfDimLabel(PerfDim d)
{
    switch (d) {
    case PerfDim::Collections: return tr("Collections");
    case PerfDim::Margin: return tr("Gross margin");
    case PerfDim::NewCustomers: return tr("New customers");
    case PerfDim::Satisfaction: return tr("Satisfaction");
    case PerfDim::Compliance: return tr("Compliance");
    }
    return {};
}

QString suggestedTraining(PerfDim d)
{
    switch (d) {
    case PerfDim::Collections: return tr("Collections follow-up: payment terms, invoicing and dunning");
    case PerfDim::Margin: return tr("Value selling and discount discipline");
    case PerfDim::NewCustomers: return tr("Prospecting and opening new accounts");
    case PerfDim::Satisfaction: return tr("Customer care: expectations, response and follow-through");
    case PerfDim::Compliance: return tr("The standard sales process: the key actions of each stage");
    }
    return {};
}

QString checkWeights(const PerformanceWeights &w)
{
    int sum = 0;
    for (int i = 0; i < kPerfDims; ++i) {
        if (w.pct[i] < 0 || w.pct[i] > 100)
            return tr("The weight of %1 must lie between 0 and 100 %, not %2 %.").arg(perfDimLabel(PerfDim(i))).arg(w.pct[i]);
        sum += w.pct[i];
    }
    if (sum != 100)
        return tr("The performance weights must sum to 100 %; they sum to %1 %.").arg(sum);
    return {};
}

namespace {
double shareOfBest(double value, double best)
{
    return best > 0 ? std::max(0.0, value) / best * 100.0 : 0.0;
}
} // namespace

QVector<RepScore> scoreReps(const QVector<RepInputs> &reps, const PerformanceWeights &w)
{
    qint64 bestCollections = 0, bestMargin = 0;
    int bestNew = 0;
    for (const RepInputs &r : reps) {
        bestCollections = std::max(bestCollections, r.collectionsCents);
        bestMargin = std::max(bestMargin, r.marginCents);
        bestNew = std::max(bestNew, r.newCustomers);
    }
    const QLocale locale;
    QVector<RepScore> out;
    for (const RepInputs &r : reps) {
        RepScore s{r.repId, r.name, {}, {}, 0, {}, {}};
        s.dims[0] = shareOfBest(double(r.collectionsCents), double(bestCollections));
        s.dims[1] = shareOfBest(double(r.marginCents), double(bestMargin));
        s.dims[2] = shareOfBest(double(r.newCustomers), double(bestNew));
        if (r.npsMean)
            s.dims[3] = std::clamp(*r.npsMean * 10.0, 0.0, 100.0);
        if (r.compliancePct)
            s.dims[4] = std::clamp(*r.compliancePct, 0.0, 100.0);
        double num = 0;
        int den = 0;
        QStringList parts, missing;
        for (int i = 0; i < kPerfDims; ++i) {
            if (!s.dims[i]) {
                missing << perfDimLabel(PerfDim(i));
                continue;
            }
            num += *s.dims[i] * w.pct[i];
            den += w.pct[i];
            parts << tr("%1 %2 × %3 %").arg(perfDimLabel(PerfDim(i)), locale.toString(*s.dims[i], 'f', 0)).arg(w.pct[i]);
            if (!s.weakest || *s.dims[i] < *s.dims[int(*s.weakest)])
                s.weakest = PerfDim(i);
        }
        if (den > 0)
            s.score = num / den;
        s.breakdown = parts.join(QStringLiteral("; "));
        if (!missing.isEmpty())
            s.breakdown += tr("; left out (no data): %1, the other weights renormalised to 100 %")
                               .arg(missing.join(QStringLiteral(", ")));
        out << s;
    }
    std::stable_sort(out.begin(), out.end(), [](const RepScore &a, const RepScore &b) {
        const double x = a.score.value_or(-1), y = b.score.value_or(-1);
        return x != y ? x > y : a.name < b.name;
    });
    for (int i = 0; i < out.size(); ++i)
        out[i].rank = i + 1;
    return out;
}

QVector<Improvement> mostImproved(const QVector<RepScore> &now, const QVector<RepScore> &previous)
{
    QHash<QString, double> before;
    for (const RepScore &s : previous)
        if (s.score)
            before.insert(s.repId, *s.score);
    QVector<Improvement> out;
    for (const RepScore &s : now)
        if (s.score && before.contains(s.repId))
            out << Improvement{s.repId, s.name, *s.score, before[s.repId], *s.score - before[s.repId]};
    std::stable_sort(out.begin(), out.end(), [](const Improvement &a, const Improvement &b) {
        return a.delta != b.delta ? a.delta > b.delta : a.name < b.name;
    });
    return out;
}

QVector<RepInputs> highestMargin(QVector<RepInputs> reps)
{
    std::stable_sort(reps.begin(), reps.end(), [](const RepInputs &a, const RepInputs &b) {
        return a.marginCents != b.marginCents ? a.marginCents > b.marginCents : a.name < b.name;
    });
    return reps;
}

int bonusMultiplierBp(qint64 attainmentBp, const BonusRule &r)
{
    if (attainmentBp < r.floorAttainmentBp)
        return 0;
    if (attainmentBp <= 10000)
        return int(r.floorMultiplierBp
                   + (attainmentBp - r.floorAttainmentBp) * (10000 - r.floorMultiplierBp) / (10000 - r.floorAttainmentBp));
    return int(std::min<qint64>(r.capMultiplierBp, 10000 + (attainmentBp - 10000) * r.slopeAbove));
}

qint64 bonusCents(qint64 collectedCents, qint64 targetCents, const BonusRule &r)
{
    if (targetCents <= 0)
        return 0;
    const qint64 attainmentBp = qint64(__int128(std::max<qint64>(collectedCents, 0)) * 10000 / targetCents);
    return r.targetBonusCents * bonusMultiplierBp(attainmentBp, r) / 10000;
}

BonusSimulation simulateBonus(const QVector<SimRep> &reps, const QVector<SimDeal> &deals, const BonusRule &r)
{
    QHash<QString, qint64> won, open;
    QHash<QString, std::vector<forecast::SimDeal>> chances; // the open deals with a probability
    for (const SimDeal &d : deals) {
        if (d.mark == DealMark::Won) {
            won[d.repId] += d.amountCents;
        } else if (d.mark == DealMark::Open) {
            open[d.repId] += d.amountCents;
            if (d.probability >= 0) {
                forecast::SimDeal s;
                s.amountCents = d.amountCents;
                s.winProbability = d.probability;
                s.inPeriod = 1.0;
                chances[d.repId].push_back(s);
            }
        }
    }
    BonusSimulation sim;
    for (const SimRep &rep : reps) {
        BonusRange b{rep.repId, rep.name, 0, 0, 0, 0};
        const qint64 floor = rep.collectedCents + won.value(rep.repId);
        std::optional<qint64> p10 = rep.p10Cents, p90 = rep.p90Cents;
        if (!p10 && !p90 && chances.contains(rep.repId)) {
            forecast::SimOptions o;
            o.draws = kBonusDraws;
            o.threads = 1; // hundreds of reps, each a few deals: no thread per rep
            const forecast::SimResult mc = forecast::simulate(chances.value(rep.repId), o);
            p10 = mc.p10;
            p90 = mc.p90;
        }
        b.lowCollectedCents = floor + p10.value_or(0);
        b.highCollectedCents = floor + p90.value_or(open.value(rep.repId));
        b.lowBonusCents = bonusCents(b.lowCollectedCents, rep.targetCents, r);
        b.highBonusCents = bonusCents(b.highCollectedCents, rep.targetCents, r);
        sim.teamLowCents += b.lowBonusCents;
        sim.teamHighCents += b.highBonusCents;
        sim.reps << b;
    }
    return sim;
}

} // namespace cockpit::targets
