// The accounts half of the planner (importplanner.h): people and the org, products, customers.
#include "imports/importplan.h"

#include "imports/importcolumns.h"
#include "imports/importplanner.h"
#include "domain/times.h"
#include "io/tablewriter.h"
#include "io/values.h"
#include "pinyin/pinyin.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

namespace cockpit::imports::detail {

void Planner::planOrgRow(Row &row)
{
    const QString name = value(row, QStringLiteral("name"));
    if (name.isEmpty())
        return fail(row, QStringLiteral("name"), name, ImportPlan::tr("a person needs a name"));
    const QString ext = externalId(row);
    const bool create = m_request.mapping.createOrg;
    PlannedUser u;
    u.file = row.file;
    u.line = row.line;
    u.externalId = ext;
    u.name = name;
    u.role = value(row, QStringLiteral("role")).toLower();
    static const QStringList roles = {QStringLiteral("director"), QStringLiteral("regional_manager"),
                                      QStringLiteral("team_lead"), QStringLiteral("sales"), QStringLiteral("presales"),
                                      QStringLiteral("legal"), QStringLiteral("delivery"), QStringLiteral("csm"),
                                      QStringLiteral("marketing"), QStringLiteral("store_manager")};
    if (u.role.isEmpty())
        u.role = QStringLiteral("sales");
    else if (!roles.contains(u.role))
        return fail(row, QStringLiteral("role"), u.role, ImportPlan::tr("not a role (%1)").arg(roles.join(QStringLiteral(", "))));
    u.email = value(row, QStringLiteral("email"));
    u.phone = value(row, QStringLiteral("phone"));
    if (const auto d = date(row, QStringLiteral("hire_date"), value(row, QStringLiteral("hire_date"))))
        u.hireDay = times::dayOf(*d);
    if (!row.error.isEmpty())
        return;
    const QString regionName = value(row, QStringLiteral("region"));
    u.region = findRegion(regionName, create);
    if (!regionName.isEmpty() && !u.region.isSet())
        return fail(row, QStringLiteral("region"), regionName,
                    ImportPlan::tr("no such region; the import creates regions only when asked to create the org"));
    QString cityName = value(row, QStringLiteral("city"));
    const QString teamName = value(row, QStringLiteral("team"));
    if (cityName.isEmpty() && !teamName.isEmpty() && u.region.isSet()) {
        // A team sits in a city; a file that names none puts the region's teams in a branch
        // of the region's own name.
        cityName = regionName;
        if (u.region.planned >= 0 || !m_dbCities.contains(QString::number(u.region.existing) + QLatin1Char('\n') + normaliseName(cityName)))
            warn(row, QStringLiteral("city"), QString(), ImportPlan::tr("no city given: the team is placed in a branch named after its region"));
    }
    u.city = findCity(cityName, u.region, create);
    if (!cityName.isEmpty() && !u.city.isSet())
        return fail(row, QStringLiteral("city"), cityName, ImportPlan::tr("no such city in the person's region"));
    u.team = findTeam(teamName, u.city, u.region, create);
    if (!teamName.isEmpty() && !u.team.isSet())
        return fail(row, QStringLiteral("team"), teamName, ImportPlan::tr("no such team in the person's city"));
    const QString managerName = value(row, QStringLiteral("manager"));
    if (!managerName.isEmpty()) {
        u.manager = findUser(row, QStringLiteral("manager"), managerName, create);
        if (!u.manager.isSet())
            return fail(row, QStringLiteral("manager"), managerName,
                        ImportPlan::tr("no such person; the import creates people only when asked to create the org"));
        if (u.manager.planned >= 0) {
            PlannedUser &m = m_plan.users[u.manager.planned];
            // A manager known only from this column leads the team and sits in the region.
            if (!m.region.isSet())
                m.region = u.region;
            if (!m.city.isSet())
                m.city = u.city;
            if (!m.team.isSet())
                m.team = u.team;
        }
    }
    const QString n = normaliseName(name);
    qint64 existing = storedKey(QStringLiteral("users"), ext);
    if (!existing)
        existing = m_dbUsers.value(n);
    if (const auto it = m_users.constFind(n); it != m_users.cend()) {
        PlannedUser &known = m_plan.users[*it];
        if (known.line != row.line && known.file == row.file && !known.externalId.isEmpty())
            return fail(row, QStringLiteral("name"), name, ImportPlan::tr("the same person as line %1").arg(known.line));
        // Named before as somebody's manager: this row says who they are.
        u.role = value(row, QStringLiteral("role")).isEmpty() ? known.role : u.role;
        if (!u.region.isSet()) u.region = known.region;
        if (!u.city.isSet()) u.city = known.city;
        if (!u.team.isSet()) u.team = known.team;
        known = u;
        known.given = row.given;
        return;
    }
    if (!existing && !create)
        return fail(row, QStringLiteral("name"), name,
                    ImportPlan::tr("not a person of the company; the import creates people only when asked to create the org"));
    u.existing = existing;
    u.given = row.given;
    m_plan.users.push_back(u);
    m_users.insert(n, int(m_plan.users.size() - 1));
}

void Planner::planProductRow(Row &row)
{
    PlannedProduct p;
    p.file = row.file;
    p.line = row.line;
    p.name = value(row, QStringLiteral("name"));
    if (p.name.isEmpty())
        return fail(row, QStringLiteral("name"), p.name, ImportPlan::tr("a product needs a name"));
    p.externalId = value(row, QStringLiteral("external_id"));
    if (p.externalId.isEmpty())
        p.externalId = normaliseName(p.name);
    p.productLine = value(row, QStringLiteral("product_line"));
    if (const auto c = money(row, QStringLiteral("list_price"), value(row, QStringLiteral("list_price"))))
        p.listPriceCents = *c;
    if (!row.error.isEmpty())
        return;
    const QString n = normaliseName(p.name);
    if (const auto it = m_products.constFind(n); it != m_products.cend())
        return fail(row, QStringLiteral("name"), p.name, ImportPlan::tr("the same product as line %1").arg(m_plan.products.at(*it).line));
    qint64 existing = storedKey(QStringLiteral("products"), p.externalId);
    if (!existing)
        existing = m_dbProducts.value(n);
    p.existing = existing;
    p.given = row.given;
    m_plan.products.push_back(p);
    m_products.insert(n, int(m_plan.products.size() - 1));
}

void Planner::planCustomerRow(Row &row)
{
    PlannedCustomer c;
    c.file = row.file;
    c.line = row.line;
    c.name = value(row, QStringLiteral("name"));
    if (c.name.isEmpty())
        return fail(row, QStringLiteral("name"), c.name, ImportPlan::tr("a customer needs a name"));
    c.externalId = value(row, QStringLiteral("external_id"));
    const QString n = normaliseCompany(c.name);
    if (c.externalId.isEmpty())
        c.externalId = n;
    c.aliases = value(row, QStringLiteral("aliases"));
    c.industry = value(row, QStringLiteral("industry"));
    c.size = value(row, QStringLiteral("size")).toLower();
    static const QStringList sizes = {QStringLiteral("micro"), QStringLiteral("small"), QStringLiteral("medium"),
                                      QStringLiteral("large"), QStringLiteral("enterprise")};
    if (!c.size.isEmpty() && !sizes.contains(c.size))
        return fail(row, QStringLiteral("size"), c.size, ImportPlan::tr("not a size (%1)").arg(sizes.join(QStringLiteral(", "))));
    c.source = value(row, QStringLiteral("source"));
    c.phone = value(row, QStringLiteral("phone"));
    if (!c.phone.isEmpty()) {
        const QString digits = io::Values::halfWidth(c.phone).remove(QRegularExpression(QStringLiteral("[^0-9]")));
        if (digits.size() < 7 || digits.size() > 20)
            return fail(row, QStringLiteral("phone"), c.phone, ImportPlan::tr("a phone number has 7 to 20 digits"));
    }
    c.coreNeed = value(row, QStringLiteral("core_need"));
    c.location = value(row, QStringLiteral("location"));
    if (const auto v = integer(row, QStringLiteral("close_cycle_days"), value(row, QStringLiteral("close_cycle_days")), 0, 3650))
        c.closeCycleDays = *v;
    c.employees = integer(row, QStringLiteral("employees"), value(row, QStringLiteral("employees")), 0, 10000000);
    c.establishedYear = integer(row, QStringLiteral("established_year"), value(row, QStringLiteral("established_year")), 1000, 2100);
    c.revenueCents = money(row, QStringLiteral("annual_revenue"), value(row, QStringLiteral("annual_revenue")));
    if (const auto created = date(row, QStringLiteral("created"), value(row, QStringLiteral("created"))))
        c.createdAt = creationOfDay(*created);
    if (!row.error.isEmpty())
        return;
    const QString regionName = value(row, QStringLiteral("region"));
    c.region = findRegion(regionName, false);
    if (!regionName.isEmpty() && !c.region.isSet())
        return fail(row, QStringLiteral("region"), regionName, ImportPlan::tr("no such region"));
    const QString cityName = value(row, QStringLiteral("city"));
    c.city = findCity(cityName, c.region, false);
    if (!cityName.isEmpty() && !c.city.isSet())
        return fail(row, QStringLiteral("city"), cityName, ImportPlan::tr("no such city in the customer's region"));
    const QString ownerName = value(row, QStringLiteral("owner"));
    c.owner = findUser(row, QStringLiteral("owner"), ownerName, false);
    if (!ownerName.isEmpty() && !c.owner.isSet())
        return fail(row, QStringLiteral("owner"), ownerName, ImportPlan::tr("no such person"));
    const QString parent = value(row, QStringLiteral("parent"));
    if (!parent.isEmpty() && normaliseCompany(parent) == n)
        return fail(row, QStringLiteral("parent"), parent, ImportPlan::tr("a company cannot be its own parent"));
    // The parent may come later in the file: resolved when every file is read (finish()).
    c.parentName = parent;
    // The six fields of the new-customer form are for people typing: an import warns.
    if (c.phone.isEmpty())
        warn(row, QStringLiteral("phone"), QString(), ImportPlan::tr("no phone (the new-customer form requires one)"));
    if (c.coreNeed.isEmpty())
        warn(row, QStringLiteral("core_need"), QString(), ImportPlan::tr("no core need (the new-customer form requires one)"));
    if (c.source.isEmpty())
        warn(row, QStringLiteral("source"), QString(), ImportPlan::tr("no source (the new-customer form requires one)"));
    if (!c.owner.isSet()) {
        c.owner = RowRef::row(m_plan.actorKey);
        warn(row, QStringLiteral("owner"), QString(), ImportPlan::tr("no owner: the person importing owns it"));
    }
    if (const auto it = m_customers.constFind(n); it != m_customers.cend())
        return fail(row, QStringLiteral("name"), c.name,
                    ImportPlan::tr("the same customer as line %1").arg(m_plan.customers.at(*it).line));
    qint64 existing = storedKey(QStringLiteral("customers"), c.externalId);
    if (!existing)
        existing = m_dbCustomers.value(n);
    if (!existing) {
        const QString py = pinyin::full(c.name);
        if (const qint64 similar = m_dbCustomersByPinyin.value(py); similar > 0 && py.size() >= 4)
            warn(row, QStringLiteral("name"), c.name, ImportPlan::tr("sounds like a customer already in the file (same pinyin): imported as a new customer; check it"));
    }
    c.existing = existing;
    c.given = row.given;
    m_plan.customers.push_back(c);
    m_customers.insert(n, int(m_plan.customers.size() - 1));
}

} // namespace cockpit::imports::detail
