#include "targets/performancefigures.h"

#include "analytics/query.h"
#include "targets/bonusdata.h"
#include "targets/performancedata.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace cockpit::targets {

std::function<PerformanceFigures(const QSqlDatabase &)> performanceFigures(const analytics::Scope &scope,
                                                                          const QString &asOfIso,
                                                                          analytics::TeamHealthCache *cache)
{
    return [scope, asOfIso, cache](QSqlDatabase db) {
        PerformanceFigures f;
        f.scope = scope;
        f.units = analytics::loadOrgUnits(db);
        const analytics::OrgUnits &units = f.units;
        f.currency = units.currency;
        const PerformanceView v = computePerformance(db, scope, asOfIso, {}, cache);
        f.scores = v.scores;
        f.improved = v.improved;
        f.byMargin = v.byMargin;
        for (const RepFigures &r : v.reps) {
            f.inputs << r.inputs;
            f.standing.insert(r.rep.unit.id, int(r.rep.standing));
        }
        const auto kind = scope.period.kind;
        f.targetPeriod = kind == analytics::PeriodKind::Month || kind == analytics::PeriodKind::Quarter
                         || kind == analytics::PeriodKind::Year;
        if (f.targetPeriod) {
            qint64 asOf = QDateTime::currentSecsSinceEpoch();
            if (!asOfIso.isEmpty())
                analytics::utcSecs(asOfIso, &asOf);
            const BonusInputs in = loadBonusInputs(db, scope, analytics::companyDayOf(asOf), units);
            f.bonusReps = in.reps;
            f.bonusDeals = in.deals;
            if (!in.deals.isEmpty()) {
                QSqlQuery q = analytics::runQuery(db, QStringLiteral("SELECT id, title FROM leads WHERE deleted = 0 AND status = 'open'"));
                while (q.next())
                    f.dealTitles.insert(q.value(0).toString(), q.value(1).toString());
            }
        }
        return f;
    };
}

std::function<CorrelationFigures(const QSqlDatabase &)> correlationFigures(const analytics::Scope &scope,
                                                                          const QString &asOfIso,
                                                                          analytics::TeamHealthCache *cache)
{
    return [scope, asOfIso, cache](QSqlDatabase db) {
        CorrelationFigures f;
        f.units = analytics::loadOrgUnits(db);
        f.view = computePerformance(db, scope, asOfIso, {}, cache, false);
        return f;
    };
}

} // namespace cockpit::targets
