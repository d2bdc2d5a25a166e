#include "targets/customerdata.h"

#include "analytics/orgunits.h"
#include "analytics/query.h"
#include "analytics/teamhealthsql.h"

#include <QSqlQuery>

#include <algorithm>

namespace cockpit::targets {

CustomerScoresView computeCustomerScores(QSqlDatabase db, const analytics::OrgScope &org, const QString &asOfIso)
{
    qint64 asOf = QDateTime::currentSecsSinceEpoch();
    if (!asOfIso.isEmpty())
        analytics::utcSecs(asOfIso, &asOf);
    const QDate asOfDay = analytics::companyDayOf(asOf);
    const QVector<analytics::detail::CustomerRow> customers = analytics::detail::loadCustomers(db, {}, asOf);
    QHash<QString, qint64> purchases;
    {
        QSqlQuery q = analytics::runQuery(db,
                                          QStringLiteral("SELECT customer_id, SUM(amount_cents) FROM orders"
                                                         " WHERE deleted = 0 AND ordered_on > ? AND ordered_on <= ?"
                                                         " GROUP BY customer_id"),
                                          {analytics::dateParam(asOfDay.addMonths(-3)), analytics::dateParam(asOfDay)});
        while (q.next())
            purchases.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    QVector<ValueInputs> inputs;
    inputs.reserve(customers.size());
    for (const auto &c : customers)
        inputs << ValueInputs{c.id, purchases.value(c.id), c.facts.npsMean, c.facts.trials};
    const QVector<ValueScore> values = valueScores(inputs);

    const analytics::OrgUnits units = analytics::loadOrgUnits(db);
    auto inScope = [&](const QString &owner) {
        if (org.isCompany())
            return true;
        const analytics::OrgUnit *u = units.find(analytics::OrgLevel::Rep, owner);
        if (!u)
            return false;
        return org.level == analytics::OrgLevel::Region ? u->regionId == org.id
               : org.level == analytics::OrgLevel::City ? u->cityId == org.id
               : org.level == analytics::OrgLevel::Team ? u->teamId == org.id
                                                        : u->id == org.id;
    };
    CustomerScoresView v;
    QVector<PickInput> pickInputs;
    for (int i = 0; i < customers.size(); ++i) {
        const auto &c = customers[i];
        if (!inScope(c.owner))
            continue;
        CustomerScoreRow row{c.id, c.name, c.owner, values[i], healthBreakdown(c.facts)};
        if (units.find(analytics::OrgLevel::Rep, c.owner))
            pickInputs << PickInput{c.id, c.name, c.owner, row.value.score, row.health};
        v.rows << row;
    }
    std::stable_sort(v.rows.begin(), v.rows.end(), [](const CustomerScoreRow &a, const CustomerScoreRow &b) {
        return a.value.score > b.value.score;
    });
    v.picks = morningPicks(pickInputs);
    return v;
}

} // namespace cockpit::targets
