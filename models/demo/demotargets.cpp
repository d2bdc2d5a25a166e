// Targets (four-level decomposition, tiers from trailing collections) and forecast
// snapshots with revisions (signal 7).
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
                " status, updated_at");
    auto writeNode = [&](const char *level, const std::optional<Id> &org, const std::array<qint64, 12> &months,
                         const QByteArray &tier, int growth, int corr) {
        qint64 yearSum = 0;
        for (int q = 0; q < 4; ++q) {
            qint64 qs = 0;
            for (int m = q * 3; m < q * 3 + 3; ++m) {
                const Id id = c.newId(r);
                tins.row(id, "month", Date{daysFromCivil(y, unsigned(m + 1), 1)}, level, org, months[m], tier, growth,
                         corr, "approved", setAt);
                qs += months[m];
            }
            const Id id = c.newId(r);
            tins.row(id, "quarter", Date{daysFromCivil(y, unsigned(q * 3 + 1), 1)}, level, org, qs, tier, growth, corr,
                     "approved", setAt);
            yearSum += qs;
        }
        const Id id = c.newId(r);
        tins.row(id, "year", Date{yearStart}, level, org, yearSum, tier, growth, corr, "approved", setAt);
    };
    auto effGrowth = [](const std::array<qint64, 12> &m, qint64 base) {
        qint64 s = 0;
        for (qint64 v : m)
            s += v;
        return base > 0 ? int(std::llround((double(s) / double(base) - 1.0) * 10000.0)) : 0;
    };
    writeNode("company", std::nullopt, companyMonth, "", effGrowth(companyMonth, companyBase), 0);
    for (int g = 0; g < ng; ++g)
        writeNode("region", c.regions[g].id, regionMonth[g], QByteArray(1, regionTier[g]),
                  effGrowth(regionMonth[g], regionBase[g]), 0);
    for (int ci = 0; ci < nc; ++ci)
        writeNode("city", c.cities[ci].id, cityMonth[ci], QByteArray(1, cityTier[ci]),
                  effGrowth(cityMonth[ci], cityBase[ci]), 0);
    for (int k = 0; k < nr; ++k)
        writeNode("rep", c.users[reps[k]].id, repMonth[k], QByteArray(1, repTier[k]), repGrowth[k], repCorr[k]);

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

    Insert fins(*c.db, "forecast_snapshots",
                "id, period_kind, period_start, org_level, org_id, taken_at, value_cents, low_cents, high_cents,"
                " confidence, updated_at");
    Insert rins(*c.db, "forecast_revisions",
                "id, snapshot_id, old_value_cents, new_value_cents, reason_code, note, by_user_id, at, updated_at");
    for (int mi = curMi - 12; mi <= curMi + 6; ++mi) {
        const qint64 monthStart = firstDayOfMonthIndex(mi);
        const qint64 nextStart = firstDayOfMonthIndex(mi + 1);
        const bool past = mi < curMi;
        const qint64 taken = (past ? monthStart : firstDayOfMonthIndex(curMi)) * kDay + kHour;
        for (const Node &n : nodes) {
            if (qstrcmp(n.level, "rep") == 0) {
                const User &u = c.users[n.reps.front()];
                if (u.hireDay >= nextStart || (u.leftDay >= 0 && u.leftDay < (past ? monthStart : c.today)))
                    continue;
            }
            auto actual = [&](int m) {
                qint64 s = 0;
                for (int u : n.reps)
                    s += paidIn(u, m);
                return s;
            };
            double value;
            if (past) {
                const qint64 a = actual(mi);
                const double err = r.uniform(0.2, 0.5) * (r.chance(0.5) ? 1.0 : -1.0);
                value = a > 0 ? double(a) * (1.0 + err) : double(r.range(1, 10)) * 1e6;
            } else {
                const double wma = (3.0 * actual(curMi - 1) + 2.0 * actual(curMi - 2) + actual(curMi - 3)) / 6.0;
                value = std::max(1e6, wma * (1.0 + 0.01 * (mi - curMi)) * r.uniform(0.9, 1.1));
            }
            const qint64 v = qint64(value / 10000.0) * 10000;
            const qint64 low = qint64(double(v) * r.uniform(0.7, 0.85)) / 10000 * 10000;
            const qint64 high = qint64(double(v) * r.uniform(1.15, 1.35)) / 10000 * 10000;
            const int conf = past ? int(r.range(55, 85)) : int(std::clamp<qint64>(80 - 4 * (mi - curMi) + r.range(-5, 5), 40, 90));
            const Id sid = c.newId(r);
            // Revisions: each with a reason code; the snapshot holds the latest value.
            qint64 lastAt = taken;
            if (n.reviser >= 0 && mi <= curMi + 1 && r.chance(0.3)) {
                const int nrev = int(r.range(1, 2));
                std::vector<qint64> vals(nrev + 1), ats(nrev);
                vals[nrev] = v;
                for (int j = nrev; j > 0; --j) {
                    const double dlt = r.uniform(0.05, 0.2) * (r.chance(0.5) ? 1.0 : -1.0);
                    vals[j - 1] = qint64(double(vals[j]) / (1.0 + dlt)) / 10000 * 10000;
                }
                qint64 at = taken;
                for (int j = 0; j < nrev; ++j) {
                    at += r.range(kDay, 10 * kDay);
                    ats[j] = at;
                }
                const qint64 limit = std::min(c.now, nextStart * kDay);
                if (ats[nrev - 1] < limit) {
                    for (int j = 0; j < nrev; ++j) {
                        const int reason = r.index(std::size(names::kRevisionReasons));
                        const Id rid = c.newId(r);
                        rins.row(rid, sid, vals[j], vals[j + 1], names::kRevisionReasons[reason],
                                 QByteArray("调整说明：") + names::kRevisionReasons[reason], c.users[n.reviser].id,
                                 Time{ats[j]}, Time{ats[j]});
                    }
                    lastAt = ats[nrev - 1];
                }
            }
            fins.row(sid, "month", Date{monthStart}, n.level, n.orgId, Time{taken}, v, low, high, conf, Time{lastAt});
        }
    }
}

} // namespace cockpit::demo::detail
