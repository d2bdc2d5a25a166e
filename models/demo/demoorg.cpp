// The organisation: regions, cities, teams, users with their manager chain and the sales
// traits that make reps differ (signal 1), plus the pipeline templates.
#include "demo/demomodel.h"
#include "storage/uuidcolumn.h"
#include "demo/demonames.h"

#include "domain/ids.h"

#include <cstring>
#include "pinyin/pinyin.h"
#include "domain/pipeline.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace cockpit::demo::detail {

ScaleSpec specFor(Scale scale)
{
    switch (scale) {
    case Scale::Micro:
        return {"micro", 2, 4, 8, 40, 120, 1500, 2, 30, 2, 1};
    case Scale::Tiny:
        return {"tiny", 2, 4, 12, 300, 1000, 8000, 6, 60, 5, 1};
    case Scale::Small:
        return {"small", 4, 12, 120, 5000, 20000, 200000, 60, 365, 50, 4};
    case Scale::Large:
        return {"large", 6, 24, 500, 50000, 100000, 1000000, 300, 365, 300, 12};
    }
    return {"small", 4, 12, 120, 5000, 20000, 200000, 60, 365, 50, 4};
}

const char *roleCode(Role r)
{
    switch (r) {
    case Role::Director: return "director";
    case Role::RegionalManager: return "regional_manager";
    case Role::TeamLead: return "team_lead";
    case Role::Sales: return "sales";
    case Role::Presales: return "presales";
    case Role::Legal: return "legal";
    case Role::Delivery: return "delivery";
    case Role::Csm: return "csm";
    case Role::Marketing: return "marketing";
    case Role::StoreManager: return "store_manager";
    }
    return "sales";
}

Id Ctx::makeId(qint64 key, quint64 hi, quint64 lo)
{
    // The bytes of the v4 UUID cockpit::idFromBits(hi, lo) spells: version 4, RFC 4122
    // variant, big-endian; written directly (this runs once per row).
    hi = (hi & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;
    lo = (lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
    Id id;
    id.key = key;
    for (int i = 0; i < 8; ++i) {
        id.uuid[std::size_t(i)] = static_cast<unsigned char>(hi >> (56 - 8 * i));
        id.uuid[std::size_t(8 + i)] = static_cast<unsigned char>(lo >> (56 - 8 * i));
    }
    return id;
}

namespace {

const char *kTeamNumbers[] = {"一", "二", "三", "四", "五", "六", "七", "八"};

// Cities per region for each scale (regions taken in names::kRegions order).
std::vector<int> cityCounts(Scale s)
{
    switch (s) {
    case Scale::Micro:
    case Scale::Tiny: return {2, 2};
    case Scale::Small: return {4, 2, 3, 3};
    case Scale::Large: return {6, 3, 4, 4, 4, 3};
    }
    return {};
}

QByteArray emailFor(const QByteArray &name, int n)
{
    QByteArray local = cockpit::pinyin::full(QString::fromUtf8(name)).toLatin1();
    QByteArray clean;
    for (char ch : local) {
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
            clean += ch;
    }
    if (clean.isEmpty())
        clean = "user";
    return clean + '.' + QByteArray::number(n) + "@demo.sales-cockpit.cn";
}

int addUser(Ctx &c, Rng &r, Role role, int manager, int region, int city, int team, qint64 hireDay)
{
    User u;
    u.id = c.newId(r);
    u.name = names::personName(r);
    u.role = role;
    u.manager = manager;
    u.region = region;
    u.city = city;
    u.team = team;
    u.hireDay = hireDay;
    u.phone = names::mobilePhone(r);
    u.email = emailFor(u.name, int(c.users.size()) + 1);
    c.users.push_back(std::move(u));
    return int(c.users.size()) - 1;
}

} // namespace

void buildOrg(Ctx &c, Rng &r)
{
    const qint64 t = c.today;
    c.director = addUser(c, r, Role::Director, -1, -1, -1, -1, t - r.range(6 * 365, 9 * 365));

    const std::vector<int> counts = cityCounts(c.opt.scale);
    std::vector<double> cityWeights;
    for (int ri = 0; ri < int(counts.size()); ++ri) {
        const names::RegionDef &def = names::kRegions[ri];
        Region reg;
        reg.id = c.newId(r);
        reg.code = def.code;
        reg.name = def.name;
        reg.manager = addUser(c, r, Role::RegionalManager, c.director, ri, -1, -1,
                              t - r.range(3 * 365, 8 * 365));
        for (int ci = 0; ci < counts[ri]; ++ci) {
            City city;
            city.id = c.newId(r);
            city.region = ri;
            city.name = def.cities[ci].name;
            reg.cities.push_back(int(c.cities.size()));
            c.cities.push_back(std::move(city));
            cityWeights.push_back(c.opt.scale == Scale::Tiny || c.opt.scale == Scale::Micro ? 1.0 : def.cities[ci].weight);
        }
        c.regions.push_back(std::move(reg));
    }
    // The regional manager sits in the region's first city.
    for (int ri = 0; ri < int(c.regions.size()); ++ri)
        c.users[c.regions[ri].manager].city = c.regions[ri].cities.front();

    // Reps per city: largest remainder over the city weights, at least 2 per city.
    const int nc = int(c.cities.size());
    double wsum = 0;
    for (double w : cityWeights)
        wsum += w;
    std::vector<int> perCity(nc, 2);
    int rest = c.spec.reps - 2 * nc;
    std::vector<std::pair<double, int>> rema;
    int given = 0;
    for (int i = 0; i < nc; ++i) {
        const double exact = rest * cityWeights[i] / wsum;
        const int f = int(std::floor(exact));
        perCity[i] += f;
        given += f;
        rema.push_back({-(exact - f), i});
    }
    std::sort(rema.begin(), rema.end());
    for (int k = 0; k < rest - given; ++k)
        perCity[rema[k % nc].second] += 1;

    int teamCounter = 0;
    for (int ci = 0; ci < nc; ++ci) {
        City &city = c.cities[ci];
        const int ri = city.region;
        const int nTeams = (perCity[ci] + 7) / 8;
        std::vector<int> teamIdx;
        for (int k = 0; k < nTeams; ++k) {
            Team tm;
            tm.id = c.newId(r);
            tm.city = ci;
            tm.region = ri;
            tm.name = city.name + "销售" + kTeamNumbers[k % 8] + "组";
            tm.productLine = teamCounter++ % names::kProductLineCount;
            c.teams.push_back(tm);
            const int ti = int(c.teams.size()) - 1;
            c.teams[ti].lead = addUser(c, r, Role::TeamLead, c.regions[ri].manager, ri, ci, ti,
                                       t - r.range(2 * 365, 7 * 365));
            c.users[c.teams[ti].lead].productLine = tm.productLine;
            teamIdx.push_back(ti);
        }
        for (int k = 0; k < perCity[ci]; ++k) {
            const int ti = teamIdx[k % nTeams];
            const int u = addUser(c, r, Role::Sales, c.teams[ti].lead, ri, ci, ti,
                                  t - r.range(420, 6 * 365));
            User &rep = c.users[u];
            rep.productLine = c.teams[ti].productLine;
            const double z = std::clamp(r.normal(), -2.2, 2.2);
            rep.skill = std::clamp(1.0 + 0.25 * z, 0.5, 1.6);
            const double n2 = r.normal();
            rep.responseMin = std::clamp(25.0 * std::exp(-0.9 * z + 0.5 * n2), 2.0, 1440.0);
            const double n3 = r.normal();
            rep.diligence = std::clamp(0.80 + 0.08 * z + 0.05 * n3, 0.45, 0.98);
            rep.shortCallShare = std::clamp(0.45 - 0.4 * rep.diligence, 0.04, 0.4);
            // Capability tags: 2-3 industries won before; bigger budgets for stronger reps.
            QSet<int> seen;
            const int ni = int(r.range(2, 3));
            QByteArray tags;
            while (int(seen.size()) < ni) {
                const int ind = r.index(names::kIndustryCount);
                if (seen.contains(ind))
                    continue;
                seen.insert(ind);
                tags += (tags.isEmpty() ? "" : "|") + QByteArray(names::kIndustries[ind]);
            }
            rep.industries = tags;
            rep.budgetBand = rep.skill > 1.15 ? 2 : (rep.skill > 0.9 ? 1 : 0);
            city.reps.push_back(u);
            c.reps.push_back(u);
        }
    }

    // New hires (hired in the last 12 months, ~12 %), leavers (~3 %), compliance cases.
    std::vector<int> pool = c.reps;
    for (std::size_t i = pool.size(); i > 1; --i)
        std::swap(pool[i - 1], pool[r.index(i)]);
    const int nNew = std::max(1, int(std::lround(c.spec.reps * 0.12)));
    const int nLeft = std::max(1, int(std::lround(c.spec.reps * 0.03)));
    std::size_t p = 0;
    for (int k = 0; k < nNew; ++k) {
        User &u = c.users[pool[p++]];
        u.newHire = true;
        u.hireDay = t - r.range(40, 330);
    }
    for (int k = 0; k < nLeft; ++k) {
        User &u = c.users[pool[p++]];
        u.hireDay = t - r.range(400, 4 * 365);
        u.leftDay = t - r.range(10, 80);
    }
    for (int k = 0; k < c.spec.complianceReps && p < pool.size(); ++k)
        c.users[pool[p++]].compliance = true;

    // Cross-department roles.
    for (int ri = 0; ri < int(c.regions.size()); ++ri) {
        Region &reg = c.regions[ri];
        const int per = c.opt.scale == Scale::Tiny || c.opt.scale == Scale::Micro ? 1 : (c.opt.scale == Scale::Small ? 2 : 3);
        for (int k = 0; k < per; ++k) {
            const int city = reg.cities[k % reg.cities.size()];
            reg.presales.push_back(addUser(c, r, Role::Presales, reg.manager, ri, city, -1,
                                           t - r.range(365, 6 * 365)));
            reg.delivery.push_back(addUser(c, r, Role::Delivery, reg.manager, ri, city, -1,
                                           t - r.range(365, 6 * 365)));
        }
        c.csm.push_back(addUser(c, r, Role::Csm, reg.manager, ri, reg.cities.front(), -1,
                                t - r.range(365, 5 * 365)));
    }
    const int nLegal = c.opt.scale == Scale::Large ? 2 : 1;
    for (int k = 0; k < nLegal; ++k)
        c.legal.push_back(addUser(c, r, Role::Legal, c.director, -1, -1, -1, t - r.range(365, 6 * 365)));
    const int nMarketing = c.opt.scale == Scale::Large ? 4 : 2;
    for (int k = 0; k < nMarketing; ++k)
        c.marketing.push_back(addUser(c, r, Role::Marketing, c.director, -1, -1, -1,
                                      t - r.range(365, 6 * 365)));
    for (int k = 0; k < c.spec.stores; ++k) {
        const int ci = k % nc;
        const int ri = c.cities[ci].region;
        c.storeManagers.push_back(addUser(c, r, Role::StoreManager, c.regions[ri].manager, ri, ci,
                                          -1, t - r.range(200, 5 * 365)));
    }
}

void writeOrg(Ctx &c, Rng &r)
{
    const Time orgTime{(c.today - 3 * 365) * kDay + 2 * kHour};
    {
        Insert ins(*c.db, "regions", "id, code, name, updated_at");
        for (const Region &g : c.regions)
            ins.row(g.id, g.code, g.name, orgTime);
    }
    {
        Insert ins(*c.db, "cities", "id, region_id, name, updated_at");
        for (const City &ci : c.cities)
            ins.row(ci.id, c.regions[ci.region].id, ci.name, orgTime);
    }
    {
        Insert ins(*c.db, "teams", "id, city_id, region_id, name, main_product_line, updated_at");
        for (const Team &tm : c.teams)
            ins.row(tm.id, c.cities[tm.city].id, c.regions[tm.region].id, tm.name,
                    names::kProductLines[tm.productLine], orgTime);
    }
    {
        Insert ins(*c.db, "users",
                   "id, name, role, manager_id, region_id, city_id, team_id, hire_date, left_date,"
                   " main_product_line, capability_industries, budget_band, email, phone, updated_at");
        const QStringList bands = cockpit::budgetBands();
        for (const User &u : c.users) {
            const bool sales = u.role == Role::Sales || u.role == Role::TeamLead;
            const std::optional<Id> mgr = u.manager >= 0 ? std::optional<Id>(c.users[u.manager].id) : std::nullopt;
            const std::optional<Id> reg = u.region >= 0 ? std::optional<Id>(c.regions[u.region].id) : std::nullopt;
            const std::optional<Id> city = u.city >= 0 ? std::optional<Id>(c.cities[u.city].id) : std::nullopt;
            const std::optional<Id> team = u.team >= 0 ? std::optional<Id>(c.teams[u.team].id) : std::nullopt;
            const std::optional<Date> left = u.leftDay >= 0 ? std::optional<Date>(Date{u.leftDay}) : std::nullopt;
            const qint64 changed = u.leftDay >= 0 ? u.leftDay : u.hireDay;
            ins.row(u.id, u.name, roleCode(u.role), mgr, reg, city, team, Date{u.hireDay}, left,
                    sales ? names::kProductLines[u.productLine] : "",
                    u.role == Role::Sales ? u.industries : QByteArray(),
                    u.role == Role::Sales ? bands.at(u.budgetBand).toUtf8() : QByteArray(), u.email,
                    u.phone, Time{changed * kDay + kHour});
        }
    }
    // Pipelines: exactly cockpit::pipelineTemplates(), positions 0-based like storage seeds them.
    Insert pins(*c.db, "pipelines",
                "id, code, name, name_en, version, first_response_minutes, handover_sla_minutes, updated_at");
    Insert sins(*c.db, "pipeline_stages",
                "id, pipeline_id, position, code, name, name_en, sla_minutes, exit_gate,"
                " standard_actions, terminal, updated_at");
    for (const PipelineDef &def : cockpit::pipelineTemplates()) {
        PipelineInfo info;
        info.id = c.newId(r);
        pins.row(info.id, def.code.toUtf8(), def.name.toUtf8(), def.nameEn.toUtf8(), def.version,
                 def.firstResponseMinutes, def.handoverSlaMinutes, orgTime);
        for (int i = 0; i < def.stages.size(); ++i) {
            const StageDef &st = def.stages.at(i);
            const Id sid = c.newId(r);
            sins.row(sid, info.id, i, st.code.toUtf8(), st.name.toUtf8(), st.nameEn.toUtf8(),
                     st.slaMinutes, st.exitGate.join(QLatin1Char('|')).toUtf8(),
                     st.standardActions.join(QLatin1Char('|')).toUtf8(), st.terminal ? 1 : 0, orgTime);
            info.stageIds.push_back(sid);
            info.slaMinutes.push_back(st.slaMinutes);
            info.stageNames.push_back(st.name.toUtf8());
        }
        c.pipelines.push_back(std::move(info));
    }
}

} // namespace cockpit::demo::detail
