#pragma once
// The org tree (regions → cities → teams → sales reps) with names, for the org picker, for
// grouping figures and for `report --by`. Read once per refresh; a few thousand rows.
#include "analytics/scope.h"

#include <QHash>
#include <QString>
#include <QVector>

class QSqlDatabase;

namespace cockpit::analytics {

struct OrgUnit
{
    OrgLevel level = OrgLevel::Company;
    QString id; // the local key (storage/keys.h)
    QString name;
    QString parentId; // region of a city, city of a team, team of a rep
    QString regionId, cityId, teamId;
    bool active = true; // reps: not left
    QString globalId;   // the UUID the command line names it by
};

struct OrgUnits
{
    QVector<OrgUnit> regions, cities, teams, reps; // each sorted by name
    QHash<QString, int> index;                      // id → position in its own vector
    // The company's currency (settings "currency", ISO 4217; CNY unless an import said
    // otherwise): the money shown beside these units is in it.
    QString currency = QStringLiteral("CNY");

    const OrgUnit *find(OrgLevel level, const QString &id) const;
    QString name(OrgLevel level, const QString &id) const; // id itself when unknown
    QString name(const OrgScope &scope) const;             // "Whole company" for the company
    // Units at `by` inside `scope` (e.g. the cities of one region), sorted by name.
    QVector<OrgUnit> unitsWithin(const OrgScope &scope, GroupBy by) const;
    // Resolves "region:华东", "city:<uuid>", "team:上海一组", "rep:王芳" (UUID or exact name).
    std::optional<OrgScope> parse(const QString &text, QString *error = nullptr) const;
};

// Reps are users with role 'sales' (left reps included, flagged inactive).
OrgUnits loadOrgUnits(QSqlDatabase db);

} // namespace cockpit::analytics
