#include "forecast/montecarlo.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>
#include <thread>

namespace cockpit::forecast {

namespace {
// How many of the ascending values lie in [lo, hi].
qint64 countIn(const std::vector<qint64> &ascending, qint64 lo, qint64 hi)
{
    if (lo > hi)
        return 0;
    return std::upper_bound(ascending.begin(), ascending.end(), hi) - std::lower_bound(ascending.begin(), ascending.end(), lo);
}
} // namespace

double closeInPeriod(qint64 expectedDay, const std::vector<qint64> &slipDays, qint64 today, qint64 first, qint64 last)
{
    if (slipDays.empty()) {
        const qint64 day = std::max(expectedDay, today);
        return day >= first && day <= last ? 1.0 : 0.0;
    }
    // max(expected + slip, today) in [first, last]: a slip that lands before today closes
    // today, so when today is inside the period every slip up to last − expected counts.
    const qint64 lo = today >= first ? std::numeric_limits<qint64>::min() : first - expectedDay;
    const qint64 hits = today > last ? 0 : countIn(slipDays, lo, last - expectedDay);
    return double(hits) / double(slipDays.size());
}

double closeInPeriodByAge(qint64 createdDay, const std::vector<qint64> &durationDays, qint64 today, qint64 first,
                          qint64 last)
{
    const qint64 age = today - createdDay;
    const qint64 possible = countIn(durationDays, age, std::numeric_limits<qint64>::max());
    if (possible == 0)
        return 0.0;
    return double(countIn(durationDays, std::max(age, first - createdDay), last - createdDay)) / double(possible);
}

QString doubtCode(Doubt d)
{
    switch (d) {
    case Doubt::ApproverNotMet: return QStringLiteral("final_approver_not_met");
    case Doubt::IntentIncomplete: return QStringLiteral("intent_letter_incomplete");
    case Doubt::Competitor: return QStringLiteral("competitor_present");
    case Doubt::CloseDateEstimated: return QStringLiteral("close_date_estimated");
    case Doubt::AmountEstimated: return QStringLiteral("amount_estimated");
    case Doubt::LargestDeals: return QStringLiteral("largest_deals");
    }
    return {};
}

namespace {
// The value at index ceil(q × n) − 1 of ascending values (nearest rank); T() when there are none.
template<typename T>
T nearestRank(const std::vector<T> &ascending, double q)
{
    if (ascending.empty())
        return T();
    const auto n = double(ascending.size());
    return ascending[std::size_t(std::clamp(std::ceil(q * n) - 1.0, 0.0, n - 1.0))];
}

// The 10/50/90 % quantiles of the multipliers a simulation drew (sorted here).
ErrorBand bandOf(std::vector<double> &multipliers)
{
    ErrorBand b;
    if (multipliers.empty())
        return b;
    std::sort(multipliers.begin(), multipliers.end());
    b.p10 = nearestRank(multipliers, 0.10);
    b.p50 = nearestRank(multipliers, 0.50);
    b.p90 = nearestRank(multipliers, 0.90);
    return b;
}
} // namespace

qint64 quantile(const std::vector<qint64> &ascending, double q)
{
    return nearestRank(ascending, q);
}

namespace {
// SplitMix64: tiny, fast, and any seed is a good one.
struct SplitMix
{
    quint64 s;
    quint64 next()
    {
        quint64 z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in (0, 1]: never 0, so its logarithm is finite.
    double unit() { return double((next() >> 11) + 1) * 0x1.0p-53; }
};

// Two independent standard normals (Box–Muller).
std::pair<double, double> normalPair(SplitMix &rng)
{
    const double r = std::sqrt(-2.0 * std::log(rng.unit())), a = 2.0 * std::numbers::pi * rng.unit();
    return {r * std::cos(a), r * std::sin(a)};
}

// Student-t with df degrees of freedom: Z ÷ √(χ²(df) ÷ df), the χ² a sum of df squared normals.
double studentT(SplitMix &rng, int df)
{
    const auto [z, first] = normalPair(rng);
    double chi2 = first * first;
    for (int i = 1; i < df; i += 2) {
        const auto [a, b] = normalPair(rng);
        chi2 += a * a;
        if (i + 1 < df)
            chi2 += b * b;
    }
    return z / std::sqrt(chi2 / df);
}
} // namespace

ErrorSpread errorSpread(const std::vector<double> &ratios)
{
    ErrorSpread e;
    const std::size_t n = ratios.size();
    if (n < 2)
        return e;
    std::vector<double> logs;
    for (double r : ratios)
        logs.push_back(std::log(std::clamp(r, 1.0 / kMaxRatio, kMaxRatio)));
    double sum = 0;
    for (double l : logs)
        sum += l;
    e.meanLog = sum / double(n);
    double squares = 0;
    for (double l : logs)
        squares += (l - e.meanLog) * (l - e.meanLog);
    e.scale = std::sqrt(squares / double(n - 1)) * std::sqrt(1.0 + 1.0 / double(n));
    e.df = int(n - 1);
    return e;
}

double errorMultiplier(const ErrorSpread &spread, quint64 seed, int draw)
{
    if (spread.df <= 0)
        return 1.0;
    // Its own stream, apart from the deals' (which are the same with or without ratios).
    SplitMix rng{(seed ^ 0x5851F42D4C957F2Dull) * 0xD1B54A32D192ED03ull ^ (quint64(draw) + 1) * 0xC2B2AE3D27D4EB4Full};
    rng.next();
    const double t = spread.scale > 0 ? studentT(rng, spread.df) : 0.0;
    return std::clamp(std::exp(spread.meanLog + spread.scale * t), 1.0 / kMaxRatio, kMaxRatio);
}

ErrorBand errorBand(const ErrorSpread &spread, int draws, quint64 seed)
{
    std::vector<double> m;
    if (spread.df > 0)
        for (int d = 0; d < draws; ++d)
            m.push_back(errorMultiplier(spread, seed, d));
    return bandOf(m);
}

namespace {
// Draw d's total: its pipeline part and new business `raw` times its error multiplier (kept in
// multipliers[d] when there is a spread), plus what is already won.
qint64 drawTotal(qint64 raw, const SimOptions &o, const ErrorSpread &spread, int d, double *multipliers)
{
    if (spread.df > 0) {
        multipliers[d] = errorMultiplier(spread, o.seed, d);
        raw = qint64(std::llround(double(raw) * multipliers[d]));
    }
    return o.alreadyWonCents + raw;
}

// A deal that may or may not count: won when a 32-bit uniform is below `threshold`
// (q × 2³², so q is resolved to 2.3e-10). Deals certain to count are summed once.
struct Active
{
    quint32 threshold;
    qint64 amount;
};

void runDraws(const std::vector<Active> &deals, qint64 certain, const SimOptions &o, const ErrorSpread &spread, int from,
              int to, qint64 *totals, qint64 *unscaled, double *multipliers)
{
    const std::size_t n = deals.size(), pairs = n / 2;
    for (int d = from; d < to; ++d) {
        SplitMix rng{o.seed * 0xD1B54A32D192ED03ull ^ (quint64(d) + 1) * 0x9E3779B97F4A7C15ull};
        rng.next();
        qint64 total = certain;
        // One 64-bit draw decides two deals; branch-free (the outcome is a coin flip the
        // branch predictor cannot learn).
        for (std::size_t i = 0; i < pairs; ++i) {
            const quint64 x = rng.next();
            const Active &a = deals[2 * i], &b = deals[2 * i + 1];
            total += a.amount & -qint64(quint32(x) < a.threshold);
            total += b.amount & -qint64(quint32(x >> 32) < b.threshold);
        }
        if (n % 2)
            total += deals[n - 1].amount & -qint64(quint32(rng.next()) < deals[n - 1].threshold);
        if (!o.newBusinessCents.empty())
            total += o.newBusinessCents[std::size_t(rng.next() % o.newBusinessCents.size())];
        if (unscaled)
            unscaled[d] = total;
        totals[d] = drawTotal(total, o, spread, d, multipliers);
    }
}

// Sorts r.totals and reads the quantiles, the mean, the confidence and the chance of the target.
void summarise(SimResult &r, const SimOptions &o)
{
    std::sort(r.totals.begin(), r.totals.end());
    r.p10 = quantile(r.totals, 0.10);
    r.p50 = quantile(r.totals, 0.50);
    r.p90 = quantile(r.totals, 0.90);
    double sum = 0;
    qint64 near = 0, reached = 0;
    for (qint64 t : r.totals) {
        sum += double(t);
        near += r.p50 == 0 ? t == 0 : std::llabs(t - r.p50) <= r.p50 / 5;
        reached += o.targetCents >= 0 && t >= o.targetCents;
    }
    r.mean = sum / r.draws;
    r.confidence = double(near) / r.draws;
    if (o.targetCents >= 0)
        r.probabilityOfTarget = double(reached) / r.draws;
}
} // namespace

SimResult simulate(const std::vector<SimDeal> &deals, const SimOptions &o)
{
    SimResult r;
    r.draws = std::max(o.draws, 1);
    r.seed = o.seed;
    std::vector<Active> active;
    qint64 certain = 0;
    std::vector<double> variance;
    double totalVariance = 0;
    for (const SimDeal &d : deals) {
        const double q = std::clamp(d.winProbability * d.inPeriod, 0.0, 1.0);
        const double v = double(d.amountCents) * double(d.amountCents) * q * (1.0 - q);
        variance.push_back(v);
        totalVariance += v;
        if (q <= 0 || d.amountCents == 0)
            continue;
        ++r.dealsInPeriod;
        const double scaled = std::ldexp(q, 32);
        if (scaled >= 4294967295.0)
            certain += d.amountCents;
        else
            active.push_back({quint32(scaled), d.amountCents});
    }
    r.totals.assign(std::size_t(r.draws), 0);
    const ErrorSpread spread = errorSpread(o.errorRatios);
    if (o.keepUnscaled)
        r.unscaled.assign(std::size_t(r.draws), 0);
    qint64 *const unscaled = o.keepUnscaled ? r.unscaled.data() : nullptr;
    std::vector<double> multipliers(spread.df > 0 ? std::size_t(r.draws) : 0);
    const int threads = std::clamp(o.threads > 0 ? o.threads : int(std::thread::hardware_concurrency()), 1, 64);
    const int per = (r.draws + threads - 1) / threads;
    std::vector<std::thread> pool;
    for (int t = 1; t < threads && t * per < r.draws; ++t)
        pool.emplace_back(runDraws, std::cref(active), certain, std::cref(o), std::cref(spread), t * per,
                          std::min(r.draws, (t + 1) * per), r.totals.data(), unscaled, multipliers.data());
    runDraws(active, certain, o, spread, 0, std::min(r.draws, per), r.totals.data(), unscaled, multipliers.data());
    for (std::thread &t : pool)
        t.join();
    summarise(r, o);
    r.errorBand = bandOf(multipliers);
    // Doubts: each group's share of the variance.
    std::vector<std::size_t> byVariance;
    for (std::size_t i = 0; i < deals.size(); ++i)
        if (variance[i] > 0)
            byVariance.push_back(i);
    std::sort(byVariance.begin(), byVariance.end(), [&](std::size_t a, std::size_t b) { return variance[a] > variance[b]; });
    auto group = [&](Doubt doubt, auto member) {
        DoubtReason g{doubt};
        double v = 0;
        for (std::size_t i : byVariance) {
            if (!member(i))
                continue;
            ++g.deals;
            g.amountCents += deals[i].amountCents;
            v += variance[i];
        }
        g.varianceShare = totalVariance > 0 ? v / totalVariance : 0;
        if (g.deals > 0)
            r.reasons.push_back(g);
    };
    group(Doubt::ApproverNotMet, [&](std::size_t i) { return deals[i].approverNotMet; });
    group(Doubt::IntentIncomplete, [&](std::size_t i) { return deals[i].intentIncomplete; });
    group(Doubt::Competitor, [&](std::size_t i) { return deals[i].competitor; });
    group(Doubt::CloseDateEstimated, [&](std::size_t i) { return deals[i].closeEstimated; });
    group(Doubt::AmountEstimated, [&](std::size_t i) { return deals[i].amountEstimated; });
    const std::size_t top = std::min<std::size_t>(3, byVariance.size());
    group(Doubt::LargestDeals, [&](std::size_t i) {
        return std::find(byVariance.begin(), byVariance.begin() + std::ptrdiff_t(top), i) != byVariance.begin() + std::ptrdiff_t(top);
    });
    std::stable_sort(r.reasons.begin(), r.reasons.end(),
                     [](const DoubtReason &a, const DoubtReason &b) { return a.varianceShare > b.varianceShare; });
    return r;
}

SimResult rescale(const SimResult &raw, const SimOptions &o)
{
    SimResult r = raw;
    r.unscaled.clear();
    r.totals.assign(raw.unscaled.size(), 0);
    const ErrorSpread spread = errorSpread(o.errorRatios);
    std::vector<double> multipliers(spread.df > 0 ? raw.unscaled.size() : 0);
    for (std::size_t d = 0; d < raw.unscaled.size(); ++d)
        r.totals[d] = drawTotal(raw.unscaled[d], o, spread, int(d), multipliers.data());
    summarise(r, o);
    r.errorBand = bandOf(multipliers);
    return r;
}

} // namespace cockpit::forecast
