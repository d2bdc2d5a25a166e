#pragma once
// Customer value and health of a file (customerscores.h) as of a day, and the morning pick of
// each rep. Scaled over the whole customer base, then kept for the customers whose owner is
// in the scope. Facts as team health reads them (teamhealthsql.h: trailing 365 days before
// asOf; contracts and trials before asOf); purchases = orders of the 3 months ending asOf.
// Throws QueryError.
#include "targets/customerscores.h"

#include "analytics/orgunits.h"

class QSqlDatabase;

namespace cockpit::targets {

struct CustomerScoreRow
{
    QString customerId, name, ownerId;
    ValueScore value;
    HealthBreakdown health;
};
struct CustomerScoresView
{
    QVector<CustomerScoreRow> rows; // by value score, highest first
    QVector<Pick> picks;            // 3 per rep of the scope
};
// Every customer of the file, scored (picks empty): what a period change keeps, since the
// scores depend on asOf alone.
CustomerScoresView computeCustomerScores(QSqlDatabase db, const QString &asOfIso);
// The rows of customers owned in `org`, and the picks of its reps.
CustomerScoresView customerScoresWithin(const CustomerScoresView &all, const analytics::OrgScope &org,
                                        const analytics::OrgUnits &units);
// Both at once.
CustomerScoresView computeCustomerScores(QSqlDatabase db, const analytics::OrgScope &org, const QString &asOfIso);

} // namespace cockpit::targets
