#include "targets/bonusdata.h"
#include "targets/targetstext.h"

#include "analytics/query.h"
#include "forecast/forecast.h"
#include "forecast/historycache.h"
#include "forecast/winprob.h"

#include <QSqlQuery>

namespace cockpit::targets {

BonusInputs loadBonusInputs(QSqlDatabase db, const analytics::Scope &scope, QDate asOfDay, const analytics::OrgUnits &units)
{
    const analytics::Period &p = scope.period;
    if (p.kind != analytics::PeriodKind::Month && p.kind != analytics::PeriodKind::Quarter
        && p.kind != analytics::PeriodKind::Year)
        throw analytics::QueryError(tr("Targets are set per month, quarter or year, not for %1.").arg(p.label()));
    const QDate lastDay = std::min(p.last, asOfDay);
    const QVector<RepRecord> reps = loadReps(db, units, p, lastDay);
    const TargetTree tree = loadTargetTree(db, p.kind, p.first, units, reps);
    const QHash<QString, qint64> collected = loadCollections(db, p.first, lastDay);
    QSet<QString> inScope;
    for (int i : nodesWithin(tree, scope.org, units))
        if (tree.nodes[i].level == analytics::OrgLevel::Rep)
            inScope.insert(tree.nodes[i].orgId);
    BonusInputs in;
    for (const RepRecord &r : reps) {
        if (!inScope.contains(r.unit.id) || r.standing == analytics::RepStanding::Left)
            continue;
        const int node = tree.find(analytics::OrgLevel::Rep, r.unit.id);
        in.reps << SimRep{r.unit.id, r.unit.name, node >= 0 ? tree.nodes[node].amountCents : 0,
                          collected.value(r.unit.id), std::nullopt, std::nullopt};
    }
    // Each deal's chance of being won inside the period, as the forecast has it (its win
    // probability × the chance it closes in the period).
    const std::shared_ptr<const forecast::History> history = forecast::cachedHistory(db);
    const forecast::DealSet set = forecast::asOf(*history, analytics::companyDayStart(asOfDay.addDays(1)));
    const forecast::WinRates rates = forecast::learnRates(set.deals, set.asOfDay, set.intentRecorded);
    forecast::SimOptions one;
    one.draws = 1; // only the deals' probabilities are used
    one.threads = 1;
    QHash<qint64, double> chance;
    for (const forecast::SimDeal &d :
         forecast::forecastPeriod(set, rates, analytics::dayNumber(p.first), analytics::dayNumber(p.last), one).deals)
        chance.insert(d.id, d.winProbability * d.inPeriod);
    QSqlQuery q = analytics::runQuery(db,
                                      QStringLiteral("SELECT id, owner_id, amount_cents FROM leads WHERE deleted = 0"
                                                     " AND status = 'open' AND owner_id IS NOT NULL"
                                                     " AND expected_close >= ? AND expected_close <= ?"),
                                      {analytics::dateParam(std::max(p.first, asOfDay)), analytics::dateParam(p.last)});
    while (q.next()) {
        const QString owner = q.value(1).toString();
        if (inScope.contains(owner))
            in.deals << SimDeal{q.value(0).toString(), owner, q.value(2).toLongLong(), DealMark::Open,
                                chance.value(q.value(0).toLongLong(), 0.0)};
    }
    return in;
}

} // namespace cockpit::targets
