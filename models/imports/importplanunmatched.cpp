// The values a check cannot match (importplanner.h): a company's own stage names and the people
// the database does not know, counted for the wizard's Match values….
#include "imports/importplanner.h"

#include "pinyin/pinyin.h"

#include <QSqlQuery>

namespace cockpit::imports::detail {

void Planner::noteUnmatched(Row &row)
{
    // Every row, before it is checked: a row refused for its stage still shows its unknown
    // owner, so one round of matching in the wizard is enough.
    static const QHash<Entity, QStringList> people{{Entity::Leads, {QStringLiteral("owner")}},
                                                   {Entity::Customers, {QStringLiteral("owner")}},
                                                   {Entity::Activities, {QStringLiteral("actor")}},
                                                   {Entity::Orders, {QStringLiteral("rep")}},
                                                   {Entity::Stores, {QStringLiteral("manager")}}};
    const Entity entity = row.mapping->entity;
    QStringList fields = people.value(entity);
    const bool stage = entity == Entity::Leads;
    if (stage)
        fields << QStringLiteral("stage");
    for (const QString &field : std::as_const(fields)) {
        if (!row.columnOf->contains(field))
            continue;
        const QString v = row.fields->value(row.columnOf->value(field)).trimmed();
        if (v.isEmpty())
            continue;
        const auto translated = row.mapping->values.value(field);
        const QString n = normaliseName(translated.value(v, v));
        const bool known = field == QLatin1String("stage")
                               ? m_stageByName.contains(n) || isClosingWord(n)
                               : m_users.contains(n) || m_dbUsers.contains(n) || m_dbUsersByPinyin.value(pinyin::full(translated.value(v, v))) > 0;
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
