#include "targets/targetreports.h"
#include "targets/correlationview.h"
#include "targets/forecasttile.h"
#include "targets/targetstext.h"

#include "analytics/orgunits.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

#include <cmath>

namespace cockpit::targets {

using analytics::DataTable;
using analytics::OrgLevel;

namespace {
QVariant opt(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant();
}

QString levelKey(OrgLevel l)
{
    return l == OrgLevel::Company ? QStringLiteral("company")
           : l == OrgLevel::Region ? QStringLiteral("region")
           : l == OrgLevel::City ? QStringLiteral("city") : QStringLiteral("rep");
}

QDate asOfDayOf(const QString &asOfIso)
{
    return asOfIso.isEmpty() ? analytics::companyDayOf(QDateTime::currentSecsSinceEpoch()) : analytics::companyDay(asOfIso);
}
} // namespace

DataTable targetsTable(const TargetsView &v, const QVector<int> &nodes, OrgLevel deepest)
{
    DataTable t;
    t.title = tr("Targets, %1").arg(v.period.label());
    t.columns = {QStringLiteral("level"), QStringLiteral("region_id"), QStringLiteral("city_id"), QStringLiteral("rep_id"),
                 QStringLiteral("name"), QStringLiteral("tier"), QStringLiteral("growth_bp"), QStringLiteral("correction_bp"),
                 QStringLiteral("correction_reason"), QStringLiteral("status"), QStringLiteral("target_cents"), QStringLiteral("sums_match"),
                 QStringLiteral("collected_cents"), QStringLiteral("attainment_pct"), QStringLiteral("colour"),
                 QStringLiteral("last_year_cents"), QStringLiteral("trailing_12m_cents"), QStringLiteral("proposed_tier"),
                 QStringLiteral("proposed_growth_bp"), QStringLiteral("proposal_cents"), QStringLiteral("forecast_6m_cents"),
                 QStringLiteral("target_6m_cents"), QStringLiteral("active_reps"), QStringLiteral("quarter_pace_cents"),
                 QStringLiteral("quarter_gap_cents"), QStringLiteral("more_reps"), QStringLiteral("gap_shown"),
                 QStringLiteral("gap_arithmetic"), QStringLiteral("base_cents"), QStringLiteral("base_first_month"),
                 QStringLiteral("base_months"), QStringLiteral("ranked_tier")};
    const int depth = deepest == OrgLevel::Region ? 1 : (deepest == OrgLevel::City ? 2 : 3);
    for (int i : nodes) {
        const TargetNode &n = v.tree.nodes[i];
        const int level = n.level == OrgLevel::Company ? 0 : n.level == OrgLevel::Region ? 1 : n.level == OrgLevel::City ? 2 : 3;
        if (level > depth)
            continue;
        QString ids[3];
        for (int k = i; k > 0; k = v.tree.nodes[k].parent) {
            const TargetNode &a = v.tree.nodes[k];
            ids[a.level == OrgLevel::Region ? 0 : a.level == OrgLevel::City ? 1 : 2] = a.orgId;
        }
        const TargetRow &r = v.rows[i];
        QVariantList row{levelKey(n.level)};
        for (const QString &id : ids)
            row << (id.isEmpty() ? QVariant() : QVariant(id));
        row << n.name << (n.tier ? QVariant(tierKey(*n.tier)) : QVariant()) << n.growthBp << n.correctionBp
            << n.correctionReason << (n.rowId ? QVariant(n.status) : QVariant()) << r.targetCents << !r.mismatch << r.collectedCents
            << opt(r.attainmentPct) << analytics::ragKey(r.colour) << r.lastYearCents << r.trailing12Cents
            << (r.proposedTier ? QVariant(tierKey(*r.proposedTier)) : QVariant()) << r.proposedGrowthBp << r.proposalCents
            << r.forecast6Cents << r.target6Cents << r.activeReps;
        if (r.gap.enoughData)
            row << r.gap.paceCents << r.gap.gapCents << (r.gap.moreReps ? QVariant(*r.gap.moreReps) : QVariant())
                << r.gap.applies << r.gap.arithmetic;
        else
            row << QVariant() << QVariant() << QVariant() << false << r.gap.text;
        row << r.baseCents << v.base.first.toString(QStringLiteral("yyyy-MM")) << v.base.months
            << (r.rankedTier ? QVariant(tierKey(*r.rankedTier)) : QVariant());
        t.rows << row;
    }
    return t;
}

DataTable performanceTable(const PerformanceView &v)
{
    DataTable t;
    t.title = tr("Performance, %1").arg(v.scope.period.label());
    t.columns = {QStringLiteral("rep_id"), QStringLiteral("name"), QStringLiteral("standing"), QStringLiteral("rank"),
                 QStringLiteral("score")};
    for (int d = 0; d < kPerfDims; ++d)
        t.columns << perfDimKey(PerfDim(d)) + QStringLiteral("_score");
    t.columns << QStringLiteral("collections_cents") << QStringLiteral("margin_cents") << QStringLiteral("new_customers")
              << QStringLiteral("nps_mean") << QStringLiteral("compliance_pct") << QStringLiteral("weakest")
              << QStringLiteral("training") << QStringLiteral("previous_score") << QStringLiteral("improvement")
              << QStringLiteral("improvement_rank") << QStringLiteral("margin_rank") << QStringLiteral("breakdown");
    QHash<QString, const RepScore *> scores, previous;
    for (const RepScore &s : v.scores)
        scores.insert(s.repId, &s);
    for (const RepScore &s : v.previous)
        previous.insert(s.repId, &s);
    QHash<QString, int> improvedRank, marginRank;
    for (int i = 0; i < v.improved.size(); ++i)
        improvedRank.insert(v.improved[i].repId, i + 1);
    for (int i = 0; i < v.byMargin.size(); ++i)
        marginRank.insert(v.byMargin[i].repId, i + 1);
    // Ranked reps in rank order, then those shown apart.
    QVector<const RepFigures *> order;
    for (const RepScore &s : v.scores)
        order << v.figures(s.repId);
    for (const RepFigures &f : v.reps)
        if (!scores.contains(f.rep.unit.id))
            order << &f;
    for (const RepFigures *f : order) {
        const QString &id = f->rep.unit.id;
        const RepScore *s = scores.value(id);
        const RepScore *p = previous.value(id);
        QVariantList row{id, f->rep.unit.name, analytics::repStandingKey(f->rep.standing),
                         s ? QVariant(s->rank) : QVariant(), s ? opt(s->score) : QVariant()};
        for (int d = 0; d < kPerfDims; ++d)
            row << (s ? opt(s->dims[d]) : QVariant());
        row << f->inputs.collectionsCents << f->inputs.marginCents << f->inputs.newCustomers << opt(f->inputs.npsMean)
            << opt(f->inputs.compliancePct);
        row << (s && s->weakest ? QVariant(perfDimKey(*s->weakest)) : QVariant())
            << (s && s->weakest ? QVariant(suggestedTraining(*s->weakest)) : QVariant());
        row << (p ? opt(p->score) : QVariant())
            << (s && p && s->score && p->score ? QVariant(*s->score - *p->score) : QVariant())
            << (improvedRank.contains(id) ? QVariant(improvedRank.value(id)) : QVariant())
            << (marginRank.contains(id) ? QVariant(marginRank.value(id)) : QVariant())
            << (s ? QVariant(s->breakdown) : QVariant());
        t.rows << row;
    }
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("user");
    return t;
}

DataTable correlationTable(const PerformanceView &v)
{
    DataTable t;
    t.title = tr("Correlation with the win rate, %1").arg(v.scope.period.label());
    t.columns = {QStringLiteral("metric"), QStringLiteral("against"), QStringLiteral("n"), QStringLiteral("slope"),
                 QStringLiteral("intercept"), QStringLiteral("r2"), QStringLiteral("note")};
    for (const CorrMetric m : processMetrics()) {
        const LineFit fit = correlationPoints(v, m, CorrMetric::WinRate).fit;
        t.rows << QVariantList{corrMetricKey(m), corrMetricKey(CorrMetric::WinRate), fit.n,
                               fit.enoughData ? QVariant(fit.slope) : QVariant(),
                               fit.enoughData ? QVariant(fit.intercept) : QVariant(),
                               fit.enoughData ? QVariant(fit.r2) : QVariant(), fit.reason};
    }
    return t;
}

DataTable customerScoresTable(const CustomerScoresView &v)
{
    DataTable t;
    t.title = tr("Customer value and health");
    t.columns = {QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("owner_id"),
                 QStringLiteral("value_score"), QStringLiteral("purchases_score"), QStringLiteral("satisfaction_score"),
                 QStringLiteral("trials_score"), QStringLiteral("health_score")};
    for (int d = 0; d < analytics::kHealthDims; ++d)
        t.columns << QStringLiteral("health_") + analytics::healthDimKey(analytics::HealthDim(d));
    t.columns << QStringLiteral("morning_pick") << QStringLiteral("why") << QStringLiteral("value_breakdown")
              << QStringLiteral("health_breakdown");
    QHash<QString, QPair<int, QString>> picked;
    QHash<QString, int> perOwner;
    for (const Pick &p : v.picks)
        picked.insert(p.customerId, {++perOwner[p.ownerId], p.why});
    for (const CustomerScoreRow &r : v.rows) {
        QVariantList row{r.customerId, r.name, r.ownerId, r.value.score, r.value.purchases, opt(r.value.satisfaction),
                         r.value.trials, opt(r.health.score)};
        for (const HealthPart &p : r.health.parts)
            row << opt(p.value);
        const auto pick = picked.constFind(r.customerId);
        row << (pick != picked.cend() ? QVariant(pick->first) : QVariant())
            << (pick != picked.cend() ? QVariant(pick->second) : QVariant()) << valueBreakdownText(r.value) << healthBreakdownText(r.health);
        t.rows << row;
    }
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("customer");
    return t;
}

DataTable bonusTable(const BonusSimulation &sim, const BonusInputs &in, const QString &title)
{
    DataTable t;
    t.title = title;
    t.columns = {QStringLiteral("rep_id"), QStringLiteral("name"), QStringLiteral("target_cents"),
                 QStringLiteral("collected_cents"), QStringLiteral("open_deals"), QStringLiteral("open_cents"),
                 QStringLiteral("low_collected_cents"), QStringLiteral("high_collected_cents"),
                 QStringLiteral("low_bonus_cents"), QStringLiteral("high_bonus_cents")};
    QHash<QString, QPair<int, qint64>> open;
    for (const SimDeal &d : in.deals)
        if (d.mark == DealMark::Open) {
            ++open[d.repId].first;
            open[d.repId].second += d.amountCents;
        }
    qint64 target = 0, collected = 0, openCents = 0, low = 0, high = 0;
    int openDeals = 0;
    for (int i = 0; i < sim.reps.size(); ++i) {
        const BonusRange &b = sim.reps[i];
        const SimRep &r = in.reps[i];
        t.rows << QVariantList{b.repId, b.name, r.targetCents, r.collectedCents, open.value(b.repId).first,
                               open.value(b.repId).second, b.lowCollectedCents, b.highCollectedCents, b.lowBonusCents,
                               b.highBonusCents};
        target += r.targetCents;
        collected += r.collectedCents;
        openDeals += open.value(b.repId).first;
        openCents += open.value(b.repId).second;
        low += b.lowCollectedCents;
        high += b.highCollectedCents;
    }
    t.rows << QVariantList{QVariant(), QStringLiteral("team"), target, collected, openDeals, openCents, low, high,
                           sim.teamLowCents, sim.teamHighCents};
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("user");
    return t;
}

const QList<analytics::ReportInfo> &targetReports()
{
    static const QList<analytics::ReportInfo> all{
        {QStringLiteral("targets"),
         QStringLiteral("target tree company > region > city > rep for a month, quarter or year: target, tier, "
                        "attainment and colour, proposal, rolling 6-month forecast, capacity gap (--by region|city|rep: "
                        "the finest level shown)"),
         [](QSqlDatabase db, const analytics::ReportRequest &req) {
             const analytics::OrgUnits units = analytics::loadOrgUnits(db);
             const TargetsView v = computeTargets(db, req.scope.period, asOfDayOf(req.asOfIso), units);
             const OrgLevel deepest = !req.byGiven || req.by == analytics::GroupBy::Rep || req.by == analytics::GroupBy::Team
                                          ? OrgLevel::Rep
                                          : (req.by == analytics::GroupBy::City ? OrgLevel::City : OrgLevel::Region);
             DataTable t = targetsTable(v, nodesWithin(v.tree, req.scope.org, units), deepest);
             t.currency = units.currency;
             return t;
         }},
        {QStringLiteral("money"),
         QStringLiteral("the cockpit's money tiles for the scope: won, collected, open pipeline unweighted and "
                        "weighted by win probability, attainment against the target, the P50 forecast"),
         [](QSqlDatabase db, const analytics::ReportRequest &req) {
             qint64 now = QDateTime::currentSecsSinceEpoch();
             if (!req.asOfIso.isEmpty())
                 analytics::utcSecs(req.asOfIso, &now);
             MoneyFigures m = computeMoney(db, req.scope, now);
             m.tiles << computeForecastTile(db, req.scope, now);
             return moneyTable(m);
         }},
        {QStringLiteral("performance"),
         QStringLiteral("performance score per rep (collections 40, margin 25, new customers 15, satisfaction 10, "
                        "compliance 10), rank, most improved, highest margin, weakest dimension and training"),
         [](QSqlDatabase db, const analytics::ReportRequest &req) {
             return performanceTable(computePerformance(db, req.scope, req.asOfIso));
         }},
        {QStringLiteral("correlation"),
         QStringLiteral("correlation sandbox: each process metric per active rep against the win rate: least-squares "
                        "line, R2 and n"),
         [](QSqlDatabase db, const analytics::ReportRequest &req) {
             return correlationTable(computePerformance(db, req.scope, req.asOfIso, {}, nullptr, false));
         }},
        {QStringLiteral("customerscores"),
         QStringLiteral("customer value score, 8-dimension health with its breakdown, and each rep's morning pick of 3"),
         [](QSqlDatabase db, const analytics::ReportRequest &req) {
             return customerScoresTable(computeCustomerScores(db, req.scope.org, req.asOfIso));
         }},
        {QStringLiteral("bonus"),
         QStringLiteral("bonus simulator's base case per rep of --org for a month, quarter or year: target, collected, "
                        "open deals closing in the period; bonus floor (won only) and ceiling (all open deals won), team total"),
         [](QSqlDatabase db, const analytics::ReportRequest &req) {
             const analytics::OrgUnits units = analytics::loadOrgUnits(db);
             const BonusInputs in = loadBonusInputs(db, req.scope, asOfDayOf(req.asOfIso), units);
             DataTable t = bonusTable(simulateBonus(in.reps, in.deals), in, tr("Bonus range, %1").arg(req.scope.period.label()));
             t.currency = units.currency;
             return t;
         }},
    };
    return all;
}

} // namespace cockpit::targets
