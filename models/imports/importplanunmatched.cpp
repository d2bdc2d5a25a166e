// The values a check cannot match (importplanner.h): a company's own stage names and the people
// the database does not know, counted for the wizard's Match values….
#include "imports/importplanner.h"

#include "pinyin/pinyin.h"

#include <QSqlQuery>

namespace cockpit::imports::detail {

const QStringList &unmatchedFields(Entity entity)
{
    // The people each entity names, and the leads' stage: what Match values… can read.
    static const QHash<Entity, QStringList> fields{{Entity::Leads, {QStringLiteral("owner"), QStringLiteral("stage")}},
                                                   {Entity::Customers, {QStringLiteral("owner")}},
                                                   {Entity::Activities, {QStringLiteral("actor")}},
                                                   {Entity::Orders, {QStringLiteral("rep")}},
                                                   {Entity::Stores, {QStringLiteral("manager")}}};
    static const QStringList none;
    const auto it = fields.constFind(entity);
    return it == fields.cend() ? none : *it;
}

void Planner::noteUnmatched(Row &row, const QStringList &fields)
{
    // Every row, before it is checked: a row refused for its stage still shows its unknown
    // owner, so one round of matching in the wizard is enough.
    for (const QString &field : fields) {
        const auto column = row.columnOf->constFind(field);
        if (column == row.columnOf->cend())
            continue;
        const QString v = row.fields->value(*column).trimmed();
        if (v.isEmpty())
            continue;
        QString read = v;
        if (const auto map = row.mapping->values.constFind(field); map != row.mapping->values.cend())
            read = map->value(v, v);
        bool known = false;
        if (field == QLatin1String("stage")) {
            const QString n = normaliseName(read);
            known = m_stageByName.contains(n) || isClosingWord(n);
        } else {
            known = knownUser(read).isSet();
        }
        if (known)
            continue;
        const QString key = QStringLiteral("%1\n%2\n%3").arg(row.file).arg(field, v);
        if (const auto it = m_unmatched.constFind(key); it != m_unmatched.cend()) {
            ++m_plan.unmatched[*it].rows;
            continue;
        }
        m_unmatched.insert(key, int(m_plan.unmatched.size()));
        m_plan.unmatched.push_back({row.file, field, v, 1});
        if (m_plan.choices.contains(field))
            continue;
        QStringList names;
        if (field != QLatin1String("stage")) {
            QSqlQuery q(m_db);
            if (q.exec(QStringLiteral("SELECT name FROM users WHERE deleted = 0 ORDER BY name")))
                while (q.next())
                    names << q.value(0).toString();
            for (const PlannedUser &u : m_plan.users)
                if (!u.existing)
                    names << u.name;
        } else {
            for (const PlannedStage &s : m_plan.stages)
                names << s.name;
        }
        names.removeDuplicates();
        m_plan.choices.insert(field, names);
    }
}

} // namespace cockpit::imports::detail
