// Stores and store-day metrics (signal 6): healthy stores meet the four targets on most
// days and never cross a red line in the last 30 days; ~8 % of stores are persistently weak
// in exactly one dimension over at least their last 14 days.
#include "demo/demomodel.h"
#include "demo/demonames.h"

#include <algorithm>
#include <cmath>

namespace cockpit::demo::detail {

void writeStores(Ctx &c, Rng &r)
{
    Insert sins(*c.db, "stores", "id, name, region_id, city_id, manager_id, opened_on, updated_at");
    Insert dins(*c.db, "store_days",
                "id, store_id, day, staff, receptions, exposure_bp, dwell_seconds, experiences, deals_72h, updated_at");
    const int n = c.spec.stores;
    const int D = c.spec.storeDays;
    const int nWeak = std::max(1, int(std::lround(n * 0.08)));
    // Weak stores spread over the list and over the cities (store i is in city i % cities: the
    // k-th weak store is shifted by k so they do not all fall in one city); the weakness kind
    // cycles through the four dimensions.
    std::vector<int> weakKind(n, -1);
    for (int k = 0; k < nWeak; ++k)
        weakKind[std::min(n - 1, (k * n) / nWeak + (n / nWeak) / 2 + k)] = k % 4;
    std::vector<int> perCityCount(c.cities.size(), 0);
    for (int i = 0; i < n; ++i) {
        const int ci = i % int(c.cities.size());
        const City &city = c.cities[ci];
        const int area = perCityCount[ci]++;
        QByteArray name = city.name + names::kStoreAreas[area % std::size(names::kStoreAreas)];
        if (area >= int(std::size(names::kStoreAreas)))
            name += QByteArray::number(area / int(std::size(names::kStoreAreas)) + 1);
        name += "体验店";
        const Id sid = c.newId(r);
        const qint64 opened = c.today - r.range(400, 6 * 365);
        sins.row(sid, name, c.regions[city.region].id, city.id, c.users[c.storeManagers[i]].id, Date{opened},
                 Time{opened * kDay + 2 * kHour});

        const int baseStaff = int(r.range(3, 8));
        const double eff = r.uniform(12.8, 16.0);
        const double exposure = r.uniform(9150, 9750);
        const double dwell = r.uniform(205, 260);
        const double expRate = r.uniform(0.3, 0.5);
        const double conv = r.uniform(0.21, 0.32);
        const int weak = weakKind[i];
        const int weakFrom = weak >= 0 ? D - int(r.range(14, std::min(40, D))) : D;
        if (weak >= 0) {
            AlertRow a;
            a.rule = "store_red";
            a.subjectKind = "store";
            a.subjectId = sid;
            a.owner = c.storeManagers[i];
            a.raisedAt = (c.today - D + 1 + weakFrom + 3) * kDay + 2 * kHour;
            a.ackBy = c.storeManagers[i];
            a.ackAt = a.raisedAt + r.range(kHour, 8 * kHour);
            static const char *what[] = {"人效连续低于8组/人/天", "主推品曝光率低于70%", "平均停留时长低于2.5分钟",
                                         "体验后72小时无成交"};
            a.details = what[weak];
            if (a.ackAt < c.now)
                c.alerts.push_back(a);
        }
        for (int k = 0; k < D; ++k) {
            const qint64 day = c.today - D + 1 + k;
            const bool weekend = weekdayOf(day) >= 5;
            const int staff = std::max(2, baseStaff + int(r.range(-1, 1)) + (weekend ? 1 : 0));
            const bool isWeak = weak >= 0 && k >= weakFrom;
            double perStaff = eff * (weekend ? 1.15 : 1.0) * r.uniform(0.9, 1.08);
            if (isWeak && weak == 0)
                perStaff = r.uniform(4.5, 7.5);
            perStaff = std::max(perStaff, isWeak && weak == 0 ? 0.0 : 10.5); // healthy: above the red line
            const int receptions = int(std::lround(staff * perStaff));
            int exp = int(std::clamp(exposure + r.normal(0, 200), 8200.0, 9950.0));
            if (isWeak && weak == 1)
                exp = int(r.range(5200, 6900));
            int dw = int(std::clamp(dwell + r.normal(0, 15), 175.0, 400.0));
            if (isWeak && weak == 2)
                dw = int(r.range(100, 145));
            const int experiences = std::max(3, int(std::lround(receptions * expRate * r.uniform(0.85, 1.15))));
            int deals = std::max(1, int(std::lround(experiences * conv * r.uniform(0.8, 1.2))));
            if (isWeak && weak == 3)
                deals = 0;
            const Id did = c.newId(r);
            dins.row(did, sid, Date{day}, staff, receptions, exp, dw, experiences, deals,
                     Time{std::min(c.now, day * kDay + 14 * kHour)});
        }
    }
}

} // namespace cockpit::demo::detail
