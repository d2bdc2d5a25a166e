#include "forecast/winprob.h"
#include "forecast/forecasttext.h"

#include <algorithm>

namespace cockpit::forecast {

namespace {
qint64 pairKey(qint64 a, qint64 b) { return (a << 32) | (b & 0xffffffff); }

QString pct(double x) { return QString::number(x * 100.0, 'f', 0) + QLatin1Char('%'); }
} // namespace

double shrunkRate(double won, double n, double prior, double k)
{
    return n + k > 0 ? (won + k * prior) / (n + k) : prior;
}

double lift(double wonIn, double nIn, double allRate, double k)
{
    return allRate > 0 ? shrunkRate(wonIn, nIn, allRate, k) / allRate : 1.0;
}

WinRates learnRates(const std::vector<Deal> &deals, qint64 asOfDay, bool intentRecorded)
{
    WinRates r;
    r.intentRecorded = intentRecorded;
    for (const Deal &d : deals) {
        if (!d.closed() || d.closedDay < 0 || d.closedDay >= asOfDay)
            continue;
        const double w = d.won() ? 1.0 : 0.0;
        auto add = [w](Count &c) { c.won += w; c.n += 1; };
        add(r.all);
        for (int s : d.stagesReached) {
            add(r.stage[s]);
            add(r.industryStage[pairKey(d.industry, s)]);
        }
        if (d.closedDay >= asOfDay - 365) {
            add(r.pipeline[d.pipeline]);
            add(r.pipelineRep[pairKey(d.pipeline, d.owner)]);
        }
        for (int f = 0; f < FactorCount; ++f) {
            if (d.bucket[std::size_t(f)] == kNotRecorded)
                continue;
            add(r.recorded[std::size_t(f)]);
            add(r.buckets[std::size_t(f)][d.bucket[std::size_t(f)]]);
        }
    }
    return r;
}

QString factorName(Factor f)
{
    switch (f) {
    case Punctuality: return QStringLiteral("customer.punctuality");
    case Tenure: return QStringLiteral("customer.tenure");
    case BudgetShare: return QStringLiteral("customer.budget_share");
    case Seniority: return QStringLiteral("deal.contact_seniority");
    case Competitor: return QStringLiteral("deal.competitor");
    case TechValidation: return QStringLiteral("deal.technical_validation");
    case FactorCount: break;
    }
    return {};
}

QString bucketLabel(Factor f, int b)
{
    switch (f) {
    case Punctuality:
        return b == 0 ? tr("customer pays < 70 % on time") : b == 1 ? tr("customer pays 70–95 % on time")
                                                                    : tr("customer pays ≥ 95 % on time");
    case Tenure:
        return b == 0 ? tr("customer for < 1 year") : b == 1 ? tr("customer for 1–3 years") : tr("customer for 3+ years");
    case BudgetShare:
        return b == 0 ? tr("deal ≤ 50 % of the customer's budget")
                      : b == 1 ? tr("deal 50–100 % of the customer's budget") : tr("deal above the customer's budget");
    case Seniority:
        return b == 0 ? tr("contact met: staff") : b == 1 ? tr("contact met: manager") : tr("contact met: executive");
    case Competitor:
        return b == 0 ? tr("no competitor") : tr("competitor present");
    case TechValidation:
        return b == 0 ? tr("no demo, not validated") : b == 1 ? tr("demo held, not validated")
                                                              : b == 2 ? tr("validated, no demo") : tr("demo held and validated");
    case FactorCount: break;
    }
    return {};
}

namespace {
// The numbers both entry points share: base, the six lifts, the rep's lift.
struct Numbers
{
    Count stage, cell, bucket[FactorCount], rep, pipeline;
    double base = 0, lifts[FactorCount]{}, repLift = 1.0;
};

Numbers numbers(const Deal &d, const WinRates &r)
{
    Numbers n;
    n.stage = r.stage.value(d.stage);
    n.cell = r.industryStage.value(pairKey(d.industry, d.stage));
    n.base = shrunkRate(n.cell.won, n.cell.n, shrunkRate(n.stage.won, n.stage.n, r.all.rate()));
    for (int f = 0; f < FactorCount; ++f) {
        n.lifts[f] = 1.0;
        const int b = d.bucket[std::size_t(f)];
        if (b == kNotRecorded || r.buckets[std::size_t(f)].size() < 2)
            continue;
        n.bucket[f] = r.buckets[std::size_t(f)].value(b);
        n.lifts[f] = lift(n.bucket[f].won, n.bucket[f].n, r.recorded[std::size_t(f)].rate());
    }
    n.pipeline = r.pipeline.value(d.pipeline);
    if (n.pipeline.n > 0) {
        n.rep = r.pipelineRep.value(pairKey(d.pipeline, d.owner));
        n.repLift = lift(n.rep.won, n.rep.n, n.pipeline.rate());
    }
    return n;
}
} // namespace

double winProbability(const Deal &d, const WinRates &r)
{
    if (r.all.n <= 0)
        return std::clamp(d.recordedProbability / 100.0, 0.0, 1.0);
    const Numbers n = numbers(d, r);
    double p = n.base * n.repLift;
    for (double l : n.lifts)
        p *= l;
    p = std::clamp(p, 0.0, 1.0);
    if (r.intentRecorded && !d.intentComplete())
        p = std::min(p, kIntentCap);
    return p;
}

WinProbability explainWin(const Deal &d, const WinRates &r, const DealSet &set)
{
    WinProbability out;
    if (r.all.n <= 0) {
        out.probability = out.uncapped = std::clamp(d.recordedProbability / 100.0, 0.0, 1.0);
        out.factors << FactorValue{QStringLiteral("base"), out.probability,
                                   tr("no closed deals yet: the rep's own probability")};
        return out;
    }
    const Numbers n = numbers(d, r);
    const QString industry = d.industry >= 0 ? set.industries.value(d.industry) : tr("no industry");
    out.factors << FactorValue{QStringLiteral("base"), n.base,
                               tr("%1 of %2 closed %3 deals that reached “%4” won (stage: %5 of %6)")
                                   .arg(n.cell.won).arg(n.cell.n).arg(industry, set.stageName(d.stage))
                                   .arg(n.stage.won).arg(n.stage.n)};
    double p = n.base;
    for (int f = 0; f < FactorCount; ++f) {
        const Factor factor = Factor(f);
        const int b = d.bucket[std::size_t(f)];
        FactorValue v{factorName(factor), n.lifts[f], {}};
        if (r.buckets[std::size_t(f)].size() < 2)
            v.reason = tr("no data");
        else if (b == kNotRecorded)
            v.reason = tr("not recorded for this deal");
        else
            v.reason = tr("%1: %2 of %3 closed deals won (%4, all: %5)")
                           .arg(bucketLabel(factor, b)).arg(n.bucket[f].won).arg(n.bucket[f].n)
                           .arg(pct(n.bucket[f].rate()), pct(r.recorded[std::size_t(f)].rate()));
        p *= v.value;
        out.factors << v;
    }
    FactorValue rep{QStringLiteral("rep"), n.repLift, {}};
    rep.reason = n.pipeline.n <= 0 ? tr("no data")
                                   : tr("the rep won %1 of %2 deals of this pipeline in the last 365 days (team: %3)")
                                         .arg(n.rep.won).arg(n.rep.n).arg(pct(n.pipeline.rate()));
    p *= rep.value;
    out.factors << rep;
    out.uncapped = std::clamp(p, 0.0, 1.0);
    out.probability = out.uncapped;
    FactorValue cap{QStringLiteral("intent_cap"), 1.0, {}};
    if (!r.intentRecorded) {
        cap.reason = tr("no data");
    } else if (d.intentComplete()) {
        cap.reason = tr("intent letter complete: not capped");
    } else {
        QStringList missing;
        if (!d.intentSeal)
            missing << tr("seal");
        if (!d.intentBudget)
            missing << tr("budget range");
        if (!d.intentContact)
            missing << tr("named contact");
        if (!d.intentNextMeeting)
            missing << tr("next meeting date");
        out.capped = out.uncapped > kIntentCap;
        out.probability = std::min(out.uncapped, kIntentCap);
        cap.value = out.uncapped > 0 ? out.probability / out.uncapped : 1.0;
        cap.reason = tr("intent letter lacks %1: capped at 35 %").arg(missing.join(QStringLiteral(", ")));
    }
    out.factors << cap;
    return out;
}

} // namespace cockpit::forecast
