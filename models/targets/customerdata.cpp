#include "targets/customerdata.h"

#include "analytics/orgunits.h"
#include "analytics/query.h"
#include "analytics/teamhealthsql.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>

namespace cockpit::targets {

CustomerScoresView computeCustomerScores(QSqlDatabase db, const QString &asOfIso)
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
    CustomerScoresView v;
    v.rows.reserve(customers.size());
    for (int i = 0; i < customers.size(); ++i) {
        const auto &c = customers[i];
        v.rows << CustomerScoreRow{c.id, c.name, c.owner, values[i], healthBreakdown(c.facts)};
    }
    std::stable_sort(v.rows.begin(), v.rows.end(), [](const CustomerScoreRow &a, const CustomerScoreRow &b) {
        return a.value.score > b.value.score;
    });
    return v;
}

CustomerScoresView customerScoresWithin(const CustomerScoresView &all, const analytics::OrgScope &org,
                                        const analytics::OrgUnits &units)
{
    CustomerScoresView v;
    QVector<PickInput> pickInputs;
    for (const CustomerScoreRow &row : all.rows) {
        const analytics::OrgUnit *u = units.find(analytics::OrgLevel::Rep, row.ownerId);
        const bool inScope = org.isCompany()
                             || (u
                                 && (org.level == analytics::OrgLevel::Region ? u->regionId == org.id
                                     : org.level == analytics::OrgLevel::City ? u->cityId == org.id
                                     : org.level == analytics::OrgLevel::Team ? u->teamId == org.id
                                                                              : u->id == org.id));
        if (!inScope)
            continue;
        if (u)
            pickInputs << PickInput{row.customerId, row.name, row.ownerId, row.value.score, row.health};
        v.rows << row;
    }
    v.picks = morningPicks(pickInputs);
    return v;
}

std::function<CustomerScoresFigures(const QSqlDatabase &)> customerScoresFigures(const QString &asOfIso)
{
    return [asOfIso](QSqlDatabase db) {
        CustomerScoresFigures f;
        f.all = std::make_shared<const CustomerScoresView>(computeCustomerScores(db, asOfIso));
        f.units = analytics::loadOrgUnits(db);
        return f;
    };
}

QVector<Pick> picksOf(const CustomerScoresView &all, const QString &repId, const analytics::OrgUnits &units)
{
    // The rep's own customers only (customerScoresWithin() would look every customer's owner
    // up in the org tree; this runs on each selection in the Customers screen).
    if (!units.find(analytics::OrgLevel::Rep, repId))
        return {};
    QVector<PickInput> inputs;
    for (const CustomerScoreRow &row : all.rows)
        if (row.ownerId == repId)
            inputs << PickInput{row.customerId, row.name, row.ownerId, row.value.score, row.health};
    return morningPicks(inputs);
}

CustomerScoresView computeCustomerScores(QSqlDatabase db, const analytics::OrgScope &org, const QString &asOfIso)
{
    return customerScoresWithin(computeCustomerScores(db, asOfIso), org, analytics::loadOrgUnits(db));
}

} // namespace cockpit::targets
