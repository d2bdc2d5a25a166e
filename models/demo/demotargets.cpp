// Targets (four-level decomposition, tiers from trailing collections) and forecast
// snapshots with revisions (signal 7).
#include "demo/demohours.h"
#include "demo/demomodel.h"
#include "demo/demonames.h"

#include <algorithm>
#include <cmath>

namespace cockpit::demo::detail {

namespace {

// Tier by rank: A top 20 %, B middle 50 %, C bottom 30 %. Ties keep input order.
std::vector<char> tiers(const std::vector<qint64> &value)
{
    const int n = int(value.size());
    std::vector<int> idx(n);
    for (int i = 0; i < n; ++i)
        idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return value[a] > value[b]; });
    const int nA = int(std::lround(n * 0.2));
    const int nC = int(std::lround(n * 0.3));
    std::vector<char> out(n, 'B');
    for (int k = 0; k < n; ++k) {
        if (k < nA)
            out[idx[k]] = 'A';
        else if (k >= n - nC)
            out[idx[k]] = 'C';
    }
    return out;
}

struct Node
{
    const char *level;
    std::optional<Id> orgId;
    std::vector<int> reps; // rep indices (into users)
    int reviser = -1;
};

} // namespace

void writeTargetsAndForecasts(Ctx &c, Rng &r)
{
    const int curMi = monthIndexOfDay(c.today);
    const int curSlot = curMi - c.monthBase;
    auto paidIn = [&](int u, int mi) -> qint64 {
        const int s = mi - c.monthBase;
        return (s >= 0 && s < c.monthSlots) ? c.repMonthPaid[u][s] : 0;
    };

    // ---- Targets for the year of asOf, decomposed bottom-up so every level sums exactly.
    std::vector<int> reps;
    for (int u : c.reps) {
        if (c.users[u].leftDay < 0)
            reps.push_back(u);
    }
    const int nr = int(reps.size());
    std::vector<qint64> t12(nr, 0);
    for (int k = 0; k < nr; ++k) {
        for (int s = curSlot - 11; s <= curSlot; ++s)
            t12[k] += c.repMonthPaid[reps[k]][s];
    }
    std::vector<qint64> positive;
    for (qint64 v : t12) {
        if (v > 0)
            positive.push_back(v);
    }
    std::sort(positive.begin(), positive.end());
    const qint64 fallbackBase = positive.empty() ? 50000000 : positive[positive.size() / 2] / 2;
    const std::vector<char> repTier = tiers(t12);
    static const int weights[12] = {6, 6, 8, 8, 8, 9, 8, 8, 8, 9, 9, 13};
    qint64 y;
    unsigned mo, d;
    civilFromDays(c.today, y, mo, d);
    const qint64 yearStart = daysFromCivil(y, 1, 1);
    const Time setAt{std::min(c.now, (yearStart + 4) * kDay + 2 * kHour)};

    const int nc = int(c.cities.size()), ng = int(c.regions.size());
    std::vector<std::array<qint64, 12>> repMonth(nr), cityMonth(nc), regionMonth(ng);
    std::array<qint64, 12> companyMonth{};
    for (auto &a : cityMonth) a.fill(0);
    for (auto &a : regionMonth) a.fill(0);
    std::vector<qint64> cityBase(nc, 0), regionBase(ng, 0), cityT12(nc, 0), regionT12(ng, 0);
    qint64 companyBase = 0;
    std::vector<int> repGrowth(nr), repCorr(nr);
    for (int k = 0; k < nr; ++k) {
        const User &u = c.users[reps[k]];
        const qint64 base = t12[k] > 0 ? t12[k] : fallbackBase;
        const char tier = repTier[k];
        repGrowth[k] = int(tier == 'A' ? r.range(800, 1200) : (tier == 'B' ? r.range(1200, 1800) : r.range(1800, 2500)));
        repCorr[k] = int(r.range(-500, 500));
        const qint64 annual = qint64(std::llround(double(base) * (10000 + repGrowth[k] + repCorr[k]) / 10000.0 / 10000.0)) * 10000;
        qint64 left = annual;
        for (int m = 0; m < 12; ++m) {
            const qint64 part = m == 11 ? left : annual * weights[m] / 100 / 100 * 100;
            repMonth[k][m] = part;
            left -= part;
            cityMonth[u.city][m] += part;
            regionMonth[u.region][m] += part;
            companyMonth[m] += part;
        }
        cityBase[u.city] += base;
        regionBase[u.region] += base;
        companyBase += base;
        cityT12[u.city] += t12[k];
        regionT12[u.region] += t12[k];
    }
    const std::vector<char> cityTier = tiers(cityT12), regionTier = tiers(regionT12);

    Insert tins(*c.db, "targets",
                "id, period_kind, period_start, org_level, org_id, amount_cents, tier, growth_bp, correction_bp,"
                " correction_reason, status, updated_at");
    // A non-zero correction has its reason (schema v8), one of the list for its direction.
    auto reasonFor = [](int k, int corr) -> const char * {
        if (corr == 0)
            return "";
        const auto pick = [&](const auto &list) { return list[std::size_t(k + std::abs(corr)) % std::size(list)]; };
        return corr > 0 ? pick(names::kCorrectionUpReasons) : pick(names::kCorrectionDownReasons);
    };
    auto writeNode = [&](const char *level, const std::optional<Id> &org, const std::array<qint64, 12> &months,
                         const QByteArray &tier, int growth, int corr, const char *reason) {
        qint64 yearSum = 0;
        for (int q = 0; q < 4; ++q) {
            qint64 qs = 0;
            for (int m = q * 3; m < q * 3 + 3; ++m) {
                const Id id = c.newId(r);
                tins.row(id, "month", Date{daysFromCivil(y, unsigned(m + 1), 1)}, level, org, months[m], tier, growth,
                         corr, reason, "approved", setAt);
                qs += months[m];
            }
            const Id id = c.newId(r);
            tins.row(id, "quarter", Date{daysFromCivil(y, unsigned(q * 3 + 1), 1)}, level, org, qs, tier, growth, corr,
                     reason, "approved", setAt);
            yearSum += qs;
        }
        const Id id = c.newId(r);
        tins.row(id, "year", Date{yearStart}, level, org, yearSum, tier, growth, corr, reason, "approved", setAt);
    };
    auto effGrowth = [](const std::array<qint64, 12> &m, qint64 base) {
        qint64 s = 0;
        for (qint64 v : m)
            s += v;
        return base > 0 ? int(std::llround((double(s) / double(base) - 1.0) * 10000.0)) : 0;
    };
    writeNode("company", std::nullopt, companyMonth, "", effGrowth(companyMonth, companyBase), 0, "");
    for (int g = 0; g < ng; ++g)
        writeNode("region", c.regions[g].id, regionMonth[g], QByteArray(1, regionTier[g]),
                  effGrowth(regionMonth[g], regionBase[g]), 0, "");
    for (int ci = 0; ci < nc; ++ci)
        writeNode("city", c.cities[ci].id, cityMonth[ci], QByteArray(1, cityTier[ci]),
                  effGrowth(cityMonth[ci], cityBase[ci]), 0, "");
    for (int k = 0; k < nr; ++k)
        writeNode("rep", c.users[reps[k]].id, repMonth[k], QByteArray(1, repTier[k]), repGrowth[k], repCorr[k],
                  reasonFor(k, repCorr[k]));

    // ---- Forecast snapshots: past 12 months (taken at each month's start, 50-80 % accurate)
    // and the next 6 (the rolling forecast taken at the start of this month).
    std::vector<Node> nodes;
    nodes.push_back({"company", std::nullopt, c.reps, c.director});
    for (int g = 0; g < ng; ++g) {
        Node n{"region", c.regions[g].id, {}, c.regions[g].manager};
        for (int u : c.reps)
            if (c.users[u].region == g)
                n.reps.push_back(u);
        nodes.push_back(n);
    }
    for (int ci = 0; ci < nc; ++ci) {
        Node n{"city", c.cities[ci].id, c.cities[ci].reps, c.regions[c.cities[ci].region].manager};
        nodes.push_back(n);
    }
    for (int u : c.reps)
        nodes.push_back({"rep", c.users[u].id, {u}, -1});

    // ---- Forecasts, made the way a team makes them (DESIGN §5: snapshots are immutable).
    // At the start of each month (the last 12 and this one) a snapshot = the weighted pipeline
    // of the node's open deals expected to close in the month: amount × the stage's win
    // probability, the expected close date being the team's guess at that time (the real close
    // give or take a few weeks; for deals still open, a few weeks to a few months out). Then
    // zero or more judgement revisions, each a row of its own with a reason code that says why
    // (up: a big deal signs early, money comes early; down: approvals, competitors, budgets),
    // moving part of the way towards what the month brings. The next 6 months: the rolling
    // forecast taken at the start of this month (weighted moving average of collections).
    const int firstMi = curMi - 12;
    const int nMonths = curMi - firstMi + 1;
    std::vector<std::vector<qint64>> repPipe(c.users.size(), std::vector<qint64>(std::size_t(nMonths), 0));
    {
        static const int stageProb[4] = {10, 25, 45, 65};
        std::vector<qint64> starts(std::size_t(nMonths + 1));
        for (int m = 0; m <= nMonths; ++m)
            starts[std::size_t(m)] = firstDayOfMonthIndex(firstMi + m) * kDay + kHour;
        for (std::size_t li = 0; li < c.leads.size(); ++li) {
            const Lead &L = c.leads[li];
            for (int m = 0; m < nMonths; ++m) {
                const qint64 T = starts[std::size_t(m)];
                if (L.created > T || (L.closedAt >= 0 && L.closedAt <= T))
                    continue;
                if (L.created + 40 * kDay < T && L.closedAt < 0 && L.stage == 0)
                    continue; // an old lead never qualified is not in anyone's pipeline
                int k = 0;
                for (int s = 1; s < 5; ++s) {
                    if (L.entry[s] >= 0 && L.entry[s] <= T)
                        k = s;
                }
                if (k >= 4)
                    continue;
                Rng fr = Rng::derive(c.opt.seed, 0xF0CA, quint64(li) * 64 + quint64(m));
                const qint64 guess = L.closedAt >= 0
                    ? L.closedAt + qint64(fr.normal(0, 12) * double(kDay))
                    : T + fr.range(10, 120) * kDay;
                if (guess < T || guess >= starts[std::size_t(m + 1)])
                    continue;
                const int prob = std::clamp(int(stageProb[k] * c.users[L.owner].skill), 5, 90);
                repPipe[std::size_t(L.owner)][std::size_t(m)] += L.amount * prob / 100;
            }
        }
    }
    std::vector<int> upReasons, downReasons;
    for (int k = 0; k < int(std::size(names::kRevisionReasons)); ++k) {
        const QByteArray reason(names::kRevisionReasons[k]);
        (reason.contains("提前") ? upReasons : downReasons).push_back(k);
    }

    Insert fins(*c.db, "forecast_snapshots",
                "id, period_kind, period_start, org_level, org_id, taken_at, value_cents, low_cents, high_cents,"
                " confidence, updated_at");
    Insert rins(*c.db, "forecast_revisions",
                "id, snapshot_id, old_value_cents, new_value_cents, reason_code, note, by_user_id, at, updated_at");
    for (int mi = firstMi; mi <= curMi + 6; ++mi) {
        const qint64 monthStart = firstDayOfMonthIndex(mi);
        const qint64 nextStart = firstDayOfMonthIndex(mi + 1);
        const bool pipeline = mi <= curMi;
        const qint64 taken = (pipeline ? monthStart : firstDayOfMonthIndex(curMi)) * kDay + kHour;
        for (const Node &n : nodes) {
            if (qstrcmp(n.level, "rep") == 0) {
                const User &u = c.users[n.reps.front()];
                if (u.hireDay >= nextStart || (u.leftDay >= 0 && u.leftDay < (mi < curMi ? monthStart : c.today)))
                    continue;
            }
            auto actual = [&](int m) {
                qint64 s = 0;
                for (int u : n.reps)
                    s += paidIn(u, m);
                return s;
            };
            double value;
            if (pipeline) {
                qint64 w = 0;
                for (int u : n.reps)
                    w += repPipe[std::size_t(u)][std::size_t(mi - firstMi)];
                value = double(w);
            } else {
                const double wma = (3.0 * actual(curMi - 1) + 2.0 * actual(curMi - 2) + actual(curMi - 3)) / 6.0;
                value = std::max(1e6, wma * (1.0 + 0.01 * (mi - curMi)) * r.uniform(0.9, 1.1));
            }
            const qint64 v = qint64(value / 10000.0) * 10000;
            const qint64 low = qint64(double(v) * r.uniform(0.7, 0.85)) / 10000 * 10000;
            const qint64 high = qint64(double(v) * r.uniform(1.15, 1.35)) / 10000 * 10000;
            const int conf = mi <= curMi ? int(r.range(55, 85)) : int(std::clamp<qint64>(80 - 4 * (mi - curMi) + r.range(-5, 5), 40, 90));
            const Id sid = c.newId(r);
            fins.row(sid, "month", Date{monthStart}, n.level, n.orgId, Time{taken}, v, low, high, conf, Time{taken});
            // Judgement revisions by the node's manager, each its own row; the snapshot keeps
            // its value.
            if (n.reviser < 0 || mi > curMi + 1 || !r.chance(0.45))
                continue;
            const qint64 limit = std::min(c.now, nextStart * kDay - kDay);
            const qint64 target = mi < curMi ? actual(mi) : -1; // what the month brings, if known
            const int nrev = int(r.range(1, 2));
            qint64 at = taken, old = v;
            for (int j = 0; j < nrev; ++j) {
                at = deskHours().forward(at + r.range(2 * kDay, 9 * kDay));
                if (at >= limit)
                    break;
                double move;
                if (target >= 0 && old > 0)
                    move = (double(target) / double(old) - 1.0) * r.uniform(0.2, 0.6) + r.normal(0, 0.05);
                else
                    move = r.uniform(0.05, 0.2) * (r.chance(0.5) ? 1.0 : -1.0);
                move = std::clamp(move, -0.6, 1.0);
                qint64 nv = qint64(double(old) * (1.0 + move)) / 10000 * 10000;
                if (old <= 0)
                    nv = std::max<qint64>(10000, nv + qint64(r.range(5, 50)) * 100000);
                if (nv == old)
                    nv = old + (move >= 0 ? 10000 : -10000);
                nv = std::max<qint64>(0, nv);
                if (nv == old || (j == 0 && nv == v) || (j > 0 && nv == v))
                    break; // a revision changes the figure
                const std::vector<int> &pool = nv > old ? upReasons : downReasons;
                const int reason = pool[r.index(pool.size())];
                const Id rid = c.newId(r);
                const QByteArray note = QByteArray("调整说明：") + names::kRevisionReasons[reason];
                rins.row(rid, sid, old, nv, names::kRevisionReasons[reason], note, c.users[n.reviser].id, Time{at},
                         Time{at});
                old = nv;
            }
        }
    }
}

} // namespace cockpit::demo::detail
