#include "targets/performancedata.h"

#include "analytics/query.h"
#include "domain/times.h"

#include <QSqlQuery>

namespace cockpit::targets {

using analytics::OrgLevel;
using analytics::Period;

namespace {
bool within(const analytics::OrgUnit &rep, const analytics::OrgScope &org)
{
    switch (org.level) {
    case OrgLevel::Company: return true;
    case OrgLevel::Region: return rep.regionId == org.id;
    case OrgLevel::City: return rep.cityId == org.id;
    case OrgLevel::Team: return rep.teamId == org.id;
    case OrgLevel::Rep: return rep.id == org.id;
    }
    return false;
}

QHash<QString, qint64> sumBy(QSqlDatabase db, const QString &sql, const QVariantList &binds)
{
    QHash<QString, qint64> out;
    QSqlQuery q = analytics::runQuery(db, sql, binds);
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

QVector<RepFigures> loadFigures(QSqlDatabase db, const analytics::Scope &scope, const QString &asOfIso,
                                const analytics::OrgUnits &units, analytics::TeamHealthCache *cache)
{
    const Period &p = scope.period;
    qint64 asOf = p.endSecs();
    if (!asOfIso.isEmpty())
        analytics::utcSecs(asOfIso, &asOf);
    const qint64 endSecs = std::min(p.endSecs(), asOf);
    const QDate lastDay = std::min(p.last, analytics::companyDayOf(endSecs - 1));
    const QVariantList days{analytics::dateParam(p.first), analytics::dateParam(lastDay)};
    const QVariantList instants{times::instantParam(p.startSecs()), times::instantParam(endSecs)};
    // The period's sums on a second connection while team health (itself on two) is computed.
    QHash<QString, qint64> collections, margin, newCustomers;
    QHash<QString, double> nps;
    QHash<QString, QPair<int, int>> wonLost;
    const auto sums = [&](QSqlDatabase on) {
        collections = loadCollections(on, p.first, lastDay);
        margin = sumBy(on, QStringLiteral("SELECT rep_id, SUM(margin_cents) FROM orders WHERE deleted = 0 AND rep_id IS NOT NULL"
                                          " AND ordered_on >= ? AND ordered_on <= ? GROUP BY rep_id"), days);
        // In file order (NOT INDEXED): the planner's walk of idx_customers_owner jumps to every
        // customer's row for its customer_since (36–105 ms on the large demo, 8 ms the scan).
        newCustomers = sumBy(on, QStringLiteral("SELECT owner_id, COUNT(*) FROM customers NOT INDEXED WHERE deleted = 0"
                                                " AND customer_since >= ? AND customer_since <= ? GROUP BY owner_id"), days);
        QSqlQuery n = analytics::runQuery(on,
                                          QStringLiteral("SELECT c.owner_id, AVG(s.nps) FROM surveys s"
                                                         " JOIN customers c ON c.id = s.customer_id"
                                                         " WHERE s.deleted = 0 AND s.at >= ? AND s.at < ?"
                                                         " GROUP BY c.owner_id"),
                                          instants);
        while (n.next())
            nps.insert(n.value(0).toString(), n.value(1).toDouble());
        QSqlQuery w = analytics::runQuery(on,
                                          QStringLiteral("SELECT owner_id, SUM(status = 'won'), SUM(status = 'lost')"
                                                         " FROM leads WHERE deleted = 0 AND status IN ('won', 'lost')"
                                                         " AND closed_at >= ? AND closed_at < ? GROUP BY owner_id"),
                                          instants);
        while (w.next())
            wonLost.insert(w.value(0).toString(), {w.value(1).toInt(), w.value(2).toInt()});
    };
    analytics::TeamHealth th;
    const auto health = [&](QSqlDatabase on) {
        analytics::TeamHealthOptions options;
        options.cache = cache;
        options.parallel = true; // its exits and customers on a further connection, as the Team screen reads them
        options.coverage = false; // the rep figures alone: the period's exits, not the six-month trend's
        th = computeTeamHealth(on, scope, asOfIso, analytics::TeamHealthSettings{}, options);
    };
    analytics::runAlongside(db, health, sums);
    QHash<QString, analytics::HealthFigures> healthOf;
    for (const analytics::HealthRow &r : th.reps)
        healthOf.insert(r.unit.id, r.figures);

    QVector<RepFigures> out;
    for (const RepRecord &r : loadReps(db, units, p, lastDay)) {
        if (!within(r.unit, scope.org))
            continue;
        RepFigures f;
        f.rep = r;
        const QString &id = r.unit.id;
        f.health = healthOf.value(id);
        f.inputs = RepInputs{id, r.unit.name, collections.value(id), margin.value(id), int(newCustomers.value(id)),
                             nps.contains(id) ? std::optional(nps.value(id)) : std::nullopt, f.health.compliancePct};
        f.won = wonLost.value(id).first;
        f.lost = wonLost.value(id).second;
        out << f;
    }
    return out;
}

QVector<RepScore> scoreRanked(const QVector<RepFigures> &reps, const PerformanceWeights &w)
{
    QVector<RepInputs> inputs;
    for (const RepFigures &f : reps)
        if (f.rep.standing == analytics::RepStanding::Ranked)
            inputs << f.inputs;
    return scoreReps(inputs, w);
}
} // namespace

const RepFigures *PerformanceView::figures(const QString &repId) const
{
    for (const RepFigures &f : reps)
        if (f.rep.unit.id == repId)
            return &f;
    return nullptr;
}

PerformanceView computePerformance(QSqlDatabase db, const analytics::Scope &scope, const QString &asOfIso,
                                   const PerformanceWeights &w, analytics::TeamHealthCache *cache, bool withPrevious)
{
    const analytics::OrgUnits units = analytics::loadOrgUnits(db);
    PerformanceView v;
    v.scope = scope;
    v.reps = loadFigures(db, scope, asOfIso, units, cache);
    std::stable_sort(v.reps.begin(), v.reps.end(), [](const RepFigures &a, const RepFigures &b) {
        return int(a.rep.standing) < int(b.rep.standing);
    });
    v.scores = scoreRanked(v.reps, w);
    QVector<RepInputs> ranked;
    for (const RepFigures &f : v.reps)
        if (f.rep.standing == analytics::RepStanding::Ranked)
            ranked << f.inputs;
    v.byMargin = highestMargin(ranked);
    if (withPrevious)
        addPrevious(v, db, asOfIso, w, cache);
    return v;
}

void addPrevious(PerformanceView &v, QSqlDatabase db, const QString &asOfIso, const PerformanceWeights &w,
                 analytics::TeamHealthCache *cache)
{
    const analytics::Scope before{v.scope.period.previous(), v.scope.org};
    v.previous = scoreRanked(loadFigures(db, before, asOfIso, analytics::loadOrgUnits(db), cache), w);
    v.improved = mostImproved(v.scores, v.previous);
}

} // namespace cockpit::targets
