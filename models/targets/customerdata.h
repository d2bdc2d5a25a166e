#pragma once
// Customer value and health of a file (customerscores.h) as of a day, and the morning pick of
// each rep. Scaled over the whole customer base, then kept for the customers whose owner is
// in the scope. Facts as team health reads them (teamhealthsql.h: trailing 365 days before
// asOf; contracts and trials before asOf); purchases = orders of the 3 months ending asOf.
// Throws QueryError.
#include "targets/customerscores.h"

#include "analytics/orgunits.h"


class QSqlDatabase;

#include <functional>
#include <memory>

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
// For FigureService::compute (the Customers screen's columns): every customer scored as of
// `asOfIso`, and the org tree for the picks of one rep (picksOf).
struct CustomerScoresFigures
{
    std::shared_ptr<const CustomerScoresView> all;
    analytics::OrgUnits units;
};
std::function<CustomerScoresFigures(const QSqlDatabase &)> customerScoresFigures(const QString &asOfIso);
// The morning pick of one rep from every customer's scores (its customers, best first).
QVector<Pick> picksOf(const CustomerScoresView &all, const QString &repId, const analytics::OrgUnits &units);
// Both at once.
CustomerScoresView computeCustomerScores(QSqlDatabase db, const analytics::OrgScope &org, const QString &asOfIso);

} // namespace cockpit::targets
