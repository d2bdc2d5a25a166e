// The planner's lookups (importplanner.h): the region, city, team, person, customer or
// product a row names, among this import's own rows and the database's, created where allowed.
#include "imports/importplanner.h"
#include "pinyin/pinyin.h"

namespace cockpit::imports::detail {

RowRef Planner::findRegion(const QString &name, bool create)
{
    const QString n = normaliseName(name);
    if (n.isEmpty())
        return {};
    if (const auto it = m_dbRegions.constFind(n); it != m_dbRegions.cend())
        return RowRef::row(*it);
    if (const auto it = m_regions.constFind(n); it != m_regions.cend())
        return RowRef::plan(*it);
    if (!create)
        return {};
    m_plan.regions.push_back({name, {}, {}});
    m_regions.insert(n, int(m_plan.regions.size() - 1));
    return RowRef::plan(int(m_plan.regions.size() - 1));
}

RowRef Planner::findCity(const QString &name, RowRef region, bool create)
{
    const QString n = normaliseName(name);
    if (n.isEmpty())
        return {};
    if (region.existing > 0)
        if (const auto it = m_dbCities.constFind(QString::number(region.existing) + QLatin1Char('\n') + n); it != m_dbCities.cend())
            return RowRef::row(*it);
    const QString key = QStringLiteral("%1/%2\n").arg(region.existing).arg(region.planned) + n;
    if (const auto it = m_cities.constFind(key); it != m_cities.cend())
        return RowRef::plan(*it);
    if (!create || !region.isSet())
        return {};
    m_plan.cities.push_back({name, region, {}});
    m_cities.insert(key, int(m_plan.cities.size() - 1));
    return RowRef::plan(int(m_plan.cities.size() - 1));
}

RowRef Planner::findTeam(const QString &name, RowRef city, RowRef region, bool create)
{
    const QString n = normaliseName(name);
    if (n.isEmpty())
        return {};
    if (city.existing > 0)
        if (const auto it = m_dbTeams.constFind(QString::number(city.existing) + QLatin1Char('\n') + n); it != m_dbTeams.cend())
            return RowRef::row(*it);
    const QString key = QStringLiteral("%1/%2\n").arg(city.existing).arg(city.planned) + n;
    if (const auto it = m_teams.constFind(key); it != m_teams.cend())
        return RowRef::plan(*it);
    if (!create || !city.isSet())
        return {};
    m_plan.teams.push_back({name, region, city});
    m_teams.insert(key, int(m_plan.teams.size() - 1));
    return RowRef::plan(int(m_plan.teams.size() - 1));
}

RowRef Planner::knownUser(const QString &name, bool *byPinyin) const
{
    const QString n = normaliseName(name);
    if (n.isEmpty())
        return {};
    if (const auto it = m_users.constFind(n); it != m_users.cend())
        return m_plan.users[*it].existing ? RowRef::row(m_plan.users[*it].existing) : RowRef::plan(*it);
    if (const auto it = m_dbUsers.constFind(n); it != m_dbUsers.cend())
        return RowRef::row(*it);
    // By pinyin: "zhangwei" or "Zhang Wei" for 张伟, when only one person reads so.
    if (const auto it = m_dbUsersByPinyin.constFind(pinyin::full(name)); it != m_dbUsersByPinyin.cend() && *it > 0) {
        if (byPinyin)
            *byPinyin = true;
        return RowRef::row(*it);
    }
    return {};
}

RowRef Planner::findUser(Row &row, const QString &field, const QString &name, bool mayCreate)
{
    const QString n = normaliseName(name);
    if (n.isEmpty())
        return {};
    bool byPinyin = false;
    if (const RowRef known = knownUser(name, &byPinyin); known.isSet()) {
        if (byPinyin)
            warn(row, field, name, ImportPlan::tr("matched a person by the pinyin of the name"));
        return known;
    }
    if (!mayCreate)
        return {};
    PlannedUser u;
    u.file = row.file;
    u.line = row.line;
    u.name = name;
    u.role = QStringLiteral("team_lead");
    m_plan.users.push_back(u);
    m_users.insert(n, int(m_plan.users.size() - 1));
    return RowRef::plan(int(m_plan.users.size() - 1));
}

RowRef Planner::findCustomer(const QString &name) const
{
    const QString n = normaliseCompany(name);
    if (n.isEmpty())
        return {};
    if (const auto it = m_customers.constFind(n); it != m_customers.cend())
        return m_plan.customers[*it].existing ? RowRef::row(m_plan.customers[*it].existing) : RowRef::plan(*it);
    if (const auto it = m_dbCustomers.constFind(n); it != m_dbCustomers.cend())
        return RowRef::row(*it);
    return {};
}

RowRef Planner::findProduct(Row &row, const QString &field, const QString &name)
{
    const QString n = normaliseName(name);
    if (n.isEmpty())
        return {};
    auto exact = [&](const QString &key) -> RowRef {
        if (const auto it = m_products.constFind(key); it != m_products.cend())
            return m_plan.products[*it].existing ? RowRef::row(m_plan.products[*it].existing) : RowRef::plan(*it);
        if (const auto it = m_dbProducts.constFind(key); it != m_dbProducts.cend())
            return RowRef::row(*it);
        return {};
    };
    const RowRef r = exact(n);
    if (r.isSet()) {
        // normaliseName folds spaces and case: "GTXPro" finds "GTX Pro". Say so, so a user
        // sees that two spellings were taken for one product.
        bool spelled = false;
        for (const PlannedProduct &p : m_plan.products)
            spelled = spelled || p.name.compare(name, Qt::CaseInsensitive) == 0;
        if (!spelled && m_products.contains(n))
            warn(row, field, name, ImportPlan::tr("spelt differently from the product “%1”: taken as that product")
                                       .arg(m_plan.products.at(m_products.value(n)).name));
    }
    return r;
}

} // namespace cockpit::imports::detail
