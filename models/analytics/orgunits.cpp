#include "analytics/orgunits.h"
#include "storage/uuidcolumn.h"

#include "analytics/query.h"

#include <QSqlQuery>
#include <QSqlDatabase>
#include <QCoreApplication>
#include <algorithm>

namespace cockpit::analytics {

namespace {
const QVector<OrgUnit> *vectorOf(const OrgUnits &u, OrgLevel level)
{
    switch (level) {
    case OrgLevel::Region: return &u.regions;
    case OrgLevel::City: return &u.cities;
    case OrgLevel::Team: return &u.teams;
    case OrgLevel::Rep: return &u.reps;
    case OrgLevel::Company: break;
    }
    return nullptr;
}

OrgLevel levelOf(GroupBy by)
{
    switch (by) {
    case GroupBy::Region: return OrgLevel::Region;
    case GroupBy::City: return OrgLevel::City;
    case GroupBy::Team: return OrgLevel::Team;
    case GroupBy::Rep: break;
    }
    return OrgLevel::Rep;
}

bool within(const OrgUnit &u, const OrgScope &scope)
{
    switch (scope.level) {
    case OrgLevel::Company: return true;
    case OrgLevel::Region: return u.regionId == scope.id;
    case OrgLevel::City: return u.cityId == scope.id;
    case OrgLevel::Team: return u.teamId == scope.id;
    case OrgLevel::Rep: return u.level == OrgLevel::Rep && u.id == scope.id;
    }
    return false;
}
} // namespace

const OrgUnit *OrgUnits::find(OrgLevel level, const QString &id) const
{
    const QVector<OrgUnit> *v = vectorOf(*this, level);
    if (!v)
        return nullptr;
    for (const OrgUnit &u : *v) // the index is per id; ids are unique across tables (UUIDs)
        if (u.id == id)
            return &u;
    return nullptr;
}

QString OrgUnits::name(OrgLevel level, const QString &id) const
{
    if (level == OrgLevel::Company)
        return QCoreApplication::translate("cockpit::analytics::OrgUnits", "Whole company");
    const QVector<OrgUnit> *v = vectorOf(*this, level);
    const int i = index.value(id, -1);
    if (v && i >= 0 && i < v->size() && v->at(i).id == id)
        return v->at(i).name;
    const OrgUnit *u = find(level, id);
    return u ? u->name : id;
}

QString OrgUnits::name(const OrgScope &scope) const { return name(scope.level, scope.id); }

QVector<OrgUnit> OrgUnits::unitsWithin(const OrgScope &scope, GroupBy by) const
{
    QVector<OrgUnit> out;
    for (const OrgUnit &u : *vectorOf(*this, levelOf(by)))
        if (within(u, scope))
            out << u;
    return out;
}

std::optional<OrgScope> OrgUnits::parse(const QString &text, QString *error) const
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.compare(QLatin1String("company"), Qt::CaseInsensitive) == 0)
        return OrgScope::company();
    const int colon = int(t.indexOf(QLatin1Char(':')));
    const auto by = colon > 0 ? parseGroupBy(t.left(colon)) : std::nullopt;
    if (by) {
        const QString key = t.mid(colon + 1);
        const OrgLevel level = levelOf(*by);
        for (const OrgUnit &u : *vectorOf(*this, level))
            if (u.globalId.compare(key, Qt::CaseInsensitive) == 0 || u.name == key)
                return OrgScope{level, u.id};
        if (error)
            *error = QCoreApplication::translate("cockpit::analytics::OrgUnits", "no %1 has the UUID or name \"%2\"")
                         .arg(t.left(colon), key);
        return std::nullopt;
    }
    if (error)
        *error = QCoreApplication::translate("cockpit::analytics::OrgUnits",
                     "\"%1\" is not an org: use company, region:NAME, city:NAME, team:NAME or rep:NAME (or its UUID)")
                     .arg(t);
    return std::nullopt;
}

OrgUnits loadOrgUnits(QSqlDatabase db)
{
    OrgUnits u;
    {
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT value FROM settings WHERE key = 'currency'"));
        if (q.next() && !q.value(0).toString().isEmpty())
            u.currency = q.value(0).toString();
    }
    {
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT id, name, uuid FROM regions WHERE deleted = 0"));
        while (q.next()) {
            OrgUnit r;
            r.level = OrgLevel::Region;
            r.id = q.value(0).toString();
            r.name = q.value(1).toString();
            r.regionId = r.id;
            r.globalId = storage::uuidText(q.value(2).toByteArray());
            u.regions << r;
        }
    }
    {
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT id, name, region_id, uuid FROM cities WHERE deleted = 0"));
        while (q.next()) {
            OrgUnit c;
            c.level = OrgLevel::City;
            c.id = q.value(0).toString();
            c.name = q.value(1).toString();
            c.parentId = c.regionId = q.value(2).toString();
            c.cityId = c.id;
            c.globalId = storage::uuidText(q.value(3).toByteArray());
            u.cities << c;
        }
    }
    {
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT id, name, city_id, region_id, uuid FROM teams WHERE deleted = 0"));
        while (q.next()) {
            OrgUnit t;
            t.level = OrgLevel::Team;
            t.id = q.value(0).toString();
            t.name = q.value(1).toString();
            t.parentId = t.cityId = q.value(2).toString();
            t.regionId = q.value(3).toString();
            t.teamId = t.id;
            t.globalId = storage::uuidText(q.value(4).toByteArray());
            u.teams << t;
        }
    }
    {
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT id, name, team_id, city_id, region_id, left_date, uuid FROM users"
                                                  " WHERE deleted = 0 AND role = 'sales'"));
        while (q.next()) {
            OrgUnit r;
            r.level = OrgLevel::Rep;
            r.id = q.value(0).toString();
            r.name = q.value(1).toString();
            r.parentId = r.teamId = q.value(2).toString();
            r.cityId = q.value(3).toString();
            r.regionId = q.value(4).toString();
            r.active = q.value(5).isNull() || q.value(5).toString().isEmpty();
            r.globalId = storage::uuidText(q.value(6).toByteArray());
            u.reps << r;
        }
    }
    for (QVector<OrgUnit> *v : {&u.regions, &u.cities, &u.teams, &u.reps}) {
        std::sort(v->begin(), v->end(), [](const OrgUnit &a, const OrgUnit &b) {
            return a.name != b.name ? a.name < b.name : a.id < b.id;
        });
        for (int i = 0; i < v->size(); ++i)
            u.index.insert(v->at(i).id, i);
    }
    return u;
}

} // namespace cockpit::analytics
