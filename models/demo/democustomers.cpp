// Customers (with the famous brands and their aliases) and their contacts.
#include "demo/demomodel.h"
#include "demo/demonames.h"

#include "pinyin/pinyin.h"

#include <QSet>

#include <algorithm>

namespace cockpit::demo::detail {

void buildCustomers(Ctx &c, Rng &r)
{
    std::vector<double> ownerWeights;
    for (int u : c.reps)
        ownerWeights.push_back(c.users[u].newHire ? 0.3 : 1.0);
    static const std::vector<double> sizeWeights{0.15, 0.30, 0.30, 0.17, 0.08};
    QSet<QByteArray> used;
    bool chongqingDone = false;
    const int nBrands = int(std::size(names::kBrands));
    c.customers.resize(c.spec.customers);
    for (int i = 0; i < c.spec.customers; ++i) {
        Customer &cu = c.customers[i];
        cu.id = c.newId(r);
        cu.owner = c.reps[r.weighted(ownerWeights)];
        cu.city = c.users[cu.owner].city;
        cu.region = c.cities[cu.city].region;
        if (i < nBrands) {
            const names::BrandDef &b = names::kBrands[i];
            cu.brand = true;
            cu.name = b.name;
            cu.aliases = b.aliases;
            cu.industry = b.industry;
            cu.size = 4;
        } else {
            cu.industry = r.index(names::kIndustryCount);
            cu.size = r.weighted(sizeWeights);
            const QByteArray &city = c.cities[cu.city].name;
            if (!chongqingDone && city == "重庆") {
                cu.name = "重庆长江精工机械有限公司";
                cu.industry = 0;
                chongqingDone = true;
            } else {
                do {
                    cu.name = names::companyName(r, city, cu.industry);
                } while (used.contains(cu.name));
            }
        }
        used.insert(cu.name);
        cu.source = r.index(std::size(names::kSources));
        cu.phone = names::mobilePhone(r);
        cu.need = r.index(std::size(names::kCoreNeeds));
        static const int cycles[] = {21, 30, 45, 90, 150};
        cu.closeCycle = int(cycles[cu.size] * r.uniform(0.7, 1.4));
        static const double budgets[] = {5e4, 15e4, 40e4, 120e4, 400e4}; // yuan
        cu.budget = qint64(budgets[cu.size] * r.uniform(0.6, 1.8)) / 1000 * 1000 * 100;
        cu.happiness = std::clamp(r.normal(0.68, 0.2), 0.0, 1.0);
        cu.punctuality = std::clamp(r.normal(0.8, 0.15), 0.2, 1.0);
        cu.contactName = names::personName(r);
        c.users[cu.owner].customers.push_back(i);
        c.cities[cu.city].customers.push_back(i);
    }
}

void writeCustomersAndContacts(Ctx &c, Rng &r)
{
    Insert cins(*c.db, "customers",
                "id, name, aliases, pinyin_full, pinyin_initials, industry, size, region_id, city_id,"
                " owner_id, source, phone, core_need, close_cycle_days, customer_since, budget_cents,"
                " created_at, updated_at");
    Insert kins(*c.db, "contacts", "id, customer_id, name, title, chain_role, seniority, phone, updated_at");
    static const char *roleOrder[] = {"decision_maker", "final_approver", "influencer", "procurement", "user"};
    for (Customer &cu : c.customers) {
        if (cu.createdAt < 0)
            cu.createdAt = workTime(c.today - r.range(30, 3 * 365), r);
        const QString qn = QString::fromUtf8(cu.name);
        const QByteArray full = cockpit::pinyin::full(qn).toUtf8();
        const QByteArray initials = cockpit::pinyin::initials(qn).toUtf8();
        const std::optional<Date> since =
            cu.firstWonDay >= 0 ? std::optional<Date>(Date{cu.firstWonDay}) : std::nullopt;
        const qint64 updated = std::max(cu.createdAt, cu.firstWonDay >= 0 ? cu.firstWonDay * kDay + 3 * kHour : 0);
        cins.row(cu.id, cu.name, cu.aliases, full, initials, names::kIndustries[cu.industry],
                 names::kSizes[cu.size], c.regions[cu.region].id, c.cities[cu.city].id,
                 c.users[cu.owner].id, names::kSources[cu.source], cu.phone,
                 names::kCoreNeeds[cu.need], cu.closeCycle, since, cu.budget, Time{cu.createdAt},
                 Time{updated});
        // 2-5 contacts along the decision chain; the first is the decision maker.
        const int n = int(r.range(2, 5));
        for (int k = 0; k < n; ++k) {
            const char *role = roleOrder[k];
            std::vector<int> opts;
            for (int t = 0; t < int(std::size(names::kTitles)); ++t) {
                if (qstrcmp(names::kTitles[t].role, role) == 0)
                    opts.push_back(t);
            }
            const names::TitleDef &td = names::kTitles[opts[r.index(opts.size())]];
            const QByteArray name = k == 0 ? cu.contactName : names::personName(r);
            const QByteArray phone = names::mobilePhone(r);
            const Id id = c.newId(r);
            kins.row(id, cu.id, name, td.title, role, td.seniority, phone,
                     Time{cu.createdAt + k * kHour});
        }
    }
}

} // namespace cockpit::demo::detail
