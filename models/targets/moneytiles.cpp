#include "targets/moneytiles.h"

#include "analytics/orgunits.h"
#include "analytics/query.h"
#include "forecast/forecastassembly.h"
#include "forecast/history.h"
#include "forecast/historycache.h"
#include "forecast/winprob.h"
#include "targets/targetdata.h"
#include "targets/targetmath.h"
#include "targets/targetstext.h"
#include "targets/forecasttile.h"
#include "forecast/forecastview.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace cockpit::targets {

// (A return type written analytics::DataTable makes lupdate file the strings of the function
// under the context "analytics".)
using DataTable = analytics::DataTable;

namespace {
// The reps of a scope, found once (forecast's repsWithin: empty = the whole company) rather
// than by looking each deal's owner up in the org tree.
struct RepFilter
{
    QSet<int> reps;
    RepFilter(const analytics::OrgUnits &units, const analytics::OrgScope &org) : reps(forecast::repsWithin(org, units)) {}
    bool has(int repId) const { return reps.isEmpty() || reps.contains(repId); }
    bool has(const QString &repId) const { return reps.isEmpty() || reps.contains(repId.toInt()); }
};

// The moment the pipeline is read at: the period's end (its last day's end), or now while
// the period runs.
qint64 pipelineMoment(const analytics::Period &p, qint64 nowSecs)
{
    return std::min(p.endSecs(), nowSecs);
}

bool isTargetPeriod(const analytics::Period &p)
{
    return p.kind == analytics::PeriodKind::Month || p.kind == analytics::PeriodKind::Quarter || p.kind == analytics::PeriodKind::Year;
}

// The unit's target of the period: its node's amount, or (a unit without a row of its own,
// a team) the sum of its reps' targets; -1 when there is none.
qint64 loadTarget(QSqlDatabase db, const analytics::Scope &scope, const analytics::OrgUnits &units, qint64 nowSecs)
{
    const RepFilter inScope(units, scope.org);
    const QDate lastDay = std::min(scope.period.last, analytics::companyDayOf(nowSecs));
    const QVector<RepRecord> reps = loadReps(db, units, scope.period, lastDay);
    const TargetTree tree = loadTargetTree(db, scope.period.kind, scope.period.first, units, reps);
    if (scope.org.level != analytics::OrgLevel::Team) {
        const int node = scope.org.isCompany() ? 0 : tree.find(scope.org.level, scope.org.id);
        if (node >= 0 && tree.nodes[node].rowId != 0)
            return tree.nodes[node].amountCents;
    }
    qint64 sum = 0;
    bool any = false;
    for (const TargetNode &n : tree.nodes)
        if (n.level == analytics::OrgLevel::Rep && n.rowId != 0 && inScope.has(n.orgId)) {
            sum += n.amountCents;
            any = true;
        }
    return any ? sum : -1;
}

struct Deals
{
    std::shared_ptr<const forecast::History> historyPtr;
    const forecast::History &history;
    forecast::DealSet set; // as of the pipeline's moment
    forecast::WinRates rates;
    explicit Deals(std::shared_ptr<const forecast::History> h) : historyPtr(std::move(h)), history(*historyPtr) {}
};

Deals loadDeals(QSqlDatabase db, qint64 momentSecs)
{
    Deals d(forecast::cachedHistory(db));
    d.set = forecast::asOf(d.history, momentSecs);
    d.rates = forecast::learnRates(d.set.deals, d.set.asOfDay, d.set.intentRecorded);
    return d;
}
} // namespace

QVector<MoneyTile> moneyTiles(const MoneyFacts &f)
{
    QVector<MoneyTile> tiles;
    MoneyTile won;
    won.key = QStringLiteral("won");
    won.label = tr("Won");
    won.hasData = true;
    won.cents = f.wonCents;
    won.count = f.wonDeals;
    won.countLabel = tr("deals");
    won.definition = tr("The amount of the deals closed won inside the period, by the deal's owner.");
    tiles << won;

    MoneyTile collected;
    collected.key = QStringLiteral("collected");
    collected.label = tr("Collected");
    collected.hasData = true;
    collected.cents = f.collectedCents;
    collected.count = f.payments;
    collected.countLabel = tr("payments");
    collected.definition = tr("Payments received (paid on a day inside the period), by the payment's rep.");
    tiles << collected;

    MoneyTile pipeline;
    pipeline.key = QStringLiteral("pipeline");
    pipeline.label = tr("Open pipeline");
    pipeline.hasData = true;
    pipeline.cents = f.pipelineCents;
    pipeline.count = f.openDeals;
    pipeline.countLabel = tr("deals");
    pipeline.definition = tr("The amount of the deals open at the period's end (now, while it runs), unweighted; "
                             "amounts as they stand now.");
    // A file that records amounts only on won deals (Maven's close_value): as the forecast does.
    const QString estimated = f.estimatedDeals > 0
                                  ? tr("%n deal(s) valued at the median won amount of their product: this file records "
                                       "an amount only on won deals, so a deal's own amount would tell its outcome.",
                                       nullptr, f.estimatedDeals)
                                  : QString();
    pipeline.note = estimated;
    tiles << pipeline;

    MoneyTile weighted;
    weighted.key = QStringLiteral("weighted");
    weighted.label = tr("Weighted pipeline");
    weighted.hasData = true;
    weighted.cents = qint64(std::llround(f.weightedCents)); // an estimate: to the cent
    weighted.count = f.openDeals;
    weighted.countLabel = tr("deals");
    if (f.pipelineCents > 0)
        weighted.pct = 100.0 * f.weightedCents / double(f.pipelineCents);
    weighted.definition = tr("Each open deal × its explainable win probability (base rate by industry and stage × "
                             "customer × deal × rep coefficients, learned from the deals closed before), summed.");
    weighted.note = estimated;
    tiles << weighted;

    MoneyTile attainment;
    attainment.key = QStringLiteral("attainment");
    attainment.label = tr("Attainment");
    attainment.cents = f.collectedCents;
    attainment.targetCents = f.targetCents;
    attainment.definition = tr("Collected ÷ the unit's target for the period; ≥ 90 % green, 70–89 % yellow, "
                               "< 70 % red.");
    if (!f.targetPeriod) {
        attainment.note = tr("Targets are set per month, quarter or year: pick one of those periods.");
    } else if (f.targetCents <= 0) {
        attainment.note = f.targetCents == 0 ? tr("The target of this unit and period is 0.")
                                             : tr("No target set for this unit and period.");
    } else {
        attainment.hasData = true;
        attainment.pct = attainmentPct(f.collectedCents, f.targetCents);
        attainment.colour = attainmentColour(f.collectedCents, f.targetCents);
    }
    tiles << attainment;
    return tiles;
}

MoneyFigures computeMoney(QSqlDatabase db, const analytics::Scope &scope, qint64 nowSecs)
{
    MoneyFigures out;
    out.scope = scope;
    const analytics::OrgUnits units = analytics::loadOrgUnits(db);
    const RepFilter inScope(units, scope.org);
    out.currency = units.currency;
    MoneyFacts &f = out.facts;
    f.momentSecs = pipelineMoment(scope.period, nowSecs);
    const qint64 first = analytics::dayNumber(scope.period.first);
    const qint64 last = analytics::dayNumber(std::min(scope.period.last, analytics::companyDayOf(nowSecs)));
    const Deals deals = loadDeals(db, f.momentSecs);
    for (const forecast::DealHistory &h : deals.history.deals) {
        const forecast::Deal &d = h.current;
        if (!d.won() || d.closedDay < first || d.closedDay > last
            || !inScope.has(d.owner))
            continue;
        f.wonCents += d.amountCents;
        ++f.wonDeals;
    }
    for (const forecast::Deal &d : deals.set.deals) {
        if (d.closed() || !inScope.has(d.owner))
            continue;
        f.pipelineCents += d.amountCents;
        f.weightedCents += double(d.amountCents) * forecast::winProbability(d, deals.rates);
        ++f.openDeals;
        f.estimatedDeals += d.amountEstimated;
    }
    QSqlQuery q = analytics::runQuery(db,
                                      QStringLiteral("SELECT rep_id, SUM(amount_cents), COUNT(*) FROM payments"
                                                     " WHERE deleted = 0 AND rep_id IS NOT NULL AND paid_on >= ?"
                                                     " AND paid_on <= ? GROUP BY rep_id"),
                                      {analytics::dateParam(scope.period.first), analytics::dateParam(analytics::dayDate(last))});
    while (q.next())
        if (inScope.has(q.value(0).toString())) {
            f.collectedCents += q.value(1).toLongLong();
            f.payments += q.value(2).toInt();
        }
    f.targetPeriod = isTargetPeriod(scope.period);
    f.targetCents = f.targetPeriod ? loadTarget(db, scope, units, nowSecs) : -1;
    out.tiles = moneyTiles(f);
    return out;
}

DataTable moneyDrillDown(QSqlDatabase db, const analytics::Scope &scope, qint64 nowSecs, const QString &key)
{
    if (key == QLatin1String("forecast")) {
        const forecast::ForecastView v = cockpitForecast(db, scope, nowSecs);
        DataTable t = v.dealsTable;
        t.title = tr("Open deals of %1 behind the forecast of %2, each won with its win probability")
                      .arg(v.orgName, scope.period.label());
        return t;
    }
    const analytics::OrgUnits units = analytics::loadOrgUnits(db);
    const RepFilter inScope(units, scope.org);
    DataTable t;
    t.currency = units.currency;
    const QDate lastDay = std::min(scope.period.last, analytics::companyDayOf(nowSecs));
    if (key == QLatin1String("collected") || key == QLatin1String("attainment")) {
        t.title = tr("Payments received in %1").arg(scope.period.label());
        t.columns = {QStringLiteral("payment_id"), QStringLiteral("paid_on"), QStringLiteral("customer"),
                     QStringLiteral("rep"), QStringLiteral("amount_cents")};
        t.headers = {tr("Payment"), tr("Paid on"), tr("Customer"), tr("Rep"), tr("Amount")};
        QSqlQuery q = analytics::runQuery(
            db,
            QStringLiteral("SELECT p.id, p.paid_on, c.name, p.rep_id, p.amount_cents FROM payments p"
                           " JOIN customers c ON c.id = p.customer_id"
                           " WHERE p.deleted = 0 AND p.rep_id IS NOT NULL AND p.paid_on >= ? AND p.paid_on <= ?"
                           " ORDER BY p.paid_on, p.id"),
            {analytics::dateParam(scope.period.first), analytics::dateParam(lastDay)});
        while (q.next()) {
            const QString rep = q.value(3).toString();
            if (inScope.has(rep))
                t.rows << QVariantList{q.value(0), q.value(1), q.value(2), units.name(analytics::OrgLevel::Rep, rep), q.value(4)};
        }
        return t;
    }
    const qint64 moment = pipelineMoment(scope.period, nowSecs);
    const Deals deals = loadDeals(db, moment);
    QHash<qint64, QString> titles;
    {
        QSqlQuery q = analytics::runQuery(db, QStringLiteral("SELECT id, title FROM leads WHERE deleted = 0"));
        while (q.next())
            titles.insert(q.value(0).toLongLong(), q.value(1).toString());
    }
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("lead");
    if (key == QLatin1String("won")) {
        t.title = tr("Deals won in %1").arg(scope.period.label());
        t.columns = {QStringLiteral("lead_id"), QStringLiteral("title"), QStringLiteral("rep"), QStringLiteral("closed_on"),
                     QStringLiteral("amount_cents")};
        t.headers = {tr("Lead"), tr("Title"), tr("Rep"), tr("Closed on"), tr("Amount")};
        const qint64 first = analytics::dayNumber(scope.period.first), last = analytics::dayNumber(lastDay);
        for (const forecast::DealHistory &h : deals.history.deals) {
            const forecast::Deal &d = h.current;
            const QString rep = QString::number(d.owner);
            if (d.won() && d.closedDay >= first && d.closedDay <= last && inScope.has(rep))
                t.rows << QVariantList{d.id, titles.value(d.id), units.name(analytics::OrgLevel::Rep, rep),
                                       analytics::dayDate(d.closedDay), d.amountCents};
        }
        return t;
    }
    if (key == QLatin1String("pipeline") || key == QLatin1String("weighted")) {
        t.title = tr("Deals open at %1 in %2").arg(analytics::companyDayOf(moment).toString(Qt::ISODate),
                                                    scope.period.label());
        t.columns = {QStringLiteral("lead_id"), QStringLiteral("title"), QStringLiteral("rep"), QStringLiteral("stage"),
                     QStringLiteral("amount_cents"), QStringLiteral("win_pct"), QStringLiteral("weighted_cents")};
        t.headers = {tr("Lead"), tr("Title"), tr("Rep"), tr("Stage"), tr("Amount"), tr("Win %"), tr("Weighted")};
        for (const forecast::Deal &d : deals.set.deals) {
            const QString rep = QString::number(d.owner);
            if (d.closed() || !inScope.has(rep))
                continue;
            const double p = forecast::winProbability(d, deals.rates);
            t.rows << QVariantList{d.id, titles.value(d.id), units.name(analytics::OrgLevel::Rep, rep), deals.set.stageName(d.stage),
                                   d.amountCents, std::round(p * 1000.0) / 10.0,
                                   qint64(std::llround(double(d.amountCents) * p))};
        }
        return t;
    }
    throw analytics::QueryError(tr("No money tile \"%1\"").arg(key));
}

DataTable moneyTable(const MoneyFigures &m)
{
    DataTable t;
    t.title = tr("Money, %1").arg(m.scope.period.label());
    t.currency = m.currency;
    t.columns = {QStringLiteral("tile"), QStringLiteral("label"), QStringLiteral("value_cents"), QStringLiteral("pct"),
                 QStringLiteral("target_cents"), QStringLiteral("count"), QStringLiteral("colour"), QStringLiteral("status"),
                 QStringLiteral("note")};
    t.headers = {tr("Tile"), tr("Figure"), tr("Amount"), tr("%"), tr("Target"), tr("Behind it"), tr("Colour"),
                 tr("Status"), tr("Note")};
    for (const MoneyTile &tile : m.tiles) {
        const bool attainment = tile.key == QLatin1String("attainment");
        const bool coloured = attainment || (tile.key == QLatin1String("forecast") && tile.pct);
        t.rows << QVariantList{tile.key, tile.label, QVariant(tile.cents),
                               tile.pct ? QVariant(std::round(*tile.pct * 10.0) / 10.0) : QVariant(),
                               tile.targetCents >= 0 ? QVariant(tile.targetCents) : QVariant(),
                               attainment ? QVariant() : QVariant(QStringLiteral("%1 %2").arg(tile.count).arg(tile.countLabel)),
                               coloured ? analytics::ragKey(tile.colour) : QString(),
                               coloured ? analytics::ragLabel(tile.colour) : QString(), tile.note};
    }
    return t;
}

std::function<MoneyFigures(const QSqlDatabase &)> moneyFigures(const analytics::Scope &scope, qint64 nowSecs)
{
    return [scope, nowSecs](QSqlDatabase db) { return computeMoney(db, scope, nowSecs); };
}

std::function<analytics::DataTable(const QSqlDatabase &)> moneyDrillDownFigure(const analytics::Scope &scope,
                                                                              qint64 nowSecs, const QString &key)
{
    return [scope, nowSecs, key](QSqlDatabase db) { return moneyDrillDown(db, scope, nowSecs, key); };
}

} // namespace cockpit::targets
