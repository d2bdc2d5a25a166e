#include "analytics/outcomes.h"

#include "analytics/analyticstext.h"
#include "analytics/query.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace cockpit::analytics {

namespace {
double median(std::vector<double> v)
{
    if (v.empty())
        return NAN;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}
} // namespace

std::vector<OutcomeRow> computeOutcomes(const std::vector<OutcomeDeal> &deals)
{
    std::vector<OutcomeRow> rows;
    std::vector<std::vector<double>> days;
    QHash<QString, int> index;
    OutcomeRow total;
    std::vector<double> allDays;
    for (const OutcomeDeal &d : deals) {
        auto it = index.find(d.unitId);
        if (it == index.end()) {
            it = index.insert(d.unitId, int(rows.size()));
            rows.push_back({d.unitId, d.unitName});
            days.emplace_back();
        }
        for (OutcomeRow *r : {&rows[*it], &total}) {
            (d.won ? r->won : r->lost) += 1;
            if (d.won)
                r->wonCents += d.amountCents;
        }
        const double span = double(d.closedAt - d.startedAt) / 86400.0;
        days[*it].push_back(span);
        allDays.push_back(span);
    }
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i].medianDays = median(days[i]);
    total.medianDays = median(allDays);
    rows.push_back(total);
    for (OutcomeRow &r : rows)
        r.winRate = r.won + r.lost > 0 ? double(r.won) / double(r.won + r.lost) : NAN;
    return rows;
}

DataTable outcomesTable(QSqlDatabase db, const ReportRequest &request)
{
    const QString by = request.byName.isEmpty() ? QStringLiteral("region") : request.byName;
    struct Unit { const char *column, *join, *name; };
    static const QHash<QString, Unit> units = {
        {QStringLiteral("region"), {"l.region_id", "LEFT JOIN regions u ON u.id = l.region_id", "u.name"}},
        {QStringLiteral("city"), {"l.city_id", "LEFT JOIN cities u ON u.id = l.city_id", "u.name"}},
        {QStringLiteral("team"), {"l.team_id", "LEFT JOIN teams u ON u.id = l.team_id", "u.name"}},
        {QStringLiteral("rep"), {"l.owner_id", "LEFT JOIN users u ON u.id = l.owner_id", "u.name"}},
        {QStringLiteral("customer"), {"l.customer_id", "LEFT JOIN customers u ON u.id = l.customer_id", "u.name"}},
        {QStringLiteral("product"), {"l.product_id", "LEFT JOIN products u ON u.id = l.product_id", "u.name"}},
    };
    const auto unit = units.constFind(by);
    if (unit == units.cend())
        throw QueryError(QStringLiteral("outcomes: --by must be region, city, team, rep, customer or product, not \"%1\"").arg(by));
    QVariantList binds{request.scope.period.startSecs(), request.scope.period.endSecs()};
    const QString org = orgCondition(request.scope.org, {QStringLiteral("l.region_id"), QStringLiteral("l.city_id"),
                                                         QStringLiteral("l.team_id"), QStringLiteral("l.owner_id")}, binds);
    // Engagement: the first move from an open stage into another open stage (schema v3's
    // index on stage_history(lead_id) finds a lead's moves).
    const QString sql = QStringLiteral(
        "SELECT %1, %2, l.status, l.amount_cents, l.closed_at, "
        " COALESCE((SELECT min(h.at) FROM stage_history h JOIN pipeline_stages s ON s.id = h.to_stage_id "
        "           WHERE h.lead_id = l.id AND h.deleted = 0 AND h.from_stage_id IS NOT NULL AND s.terminal = 0), l.created_at) "
        "FROM leads l %3 "
        "WHERE l.deleted = 0 AND l.status IN ('won', 'lost') AND l.closed_at >= ? AND l.closed_at < ?%4 "
        "ORDER BY %2, %1")
                            .arg(QLatin1String(unit->column), QLatin1String(unit->name), QLatin1String(unit->join), org);
    QSqlQuery q = runQuery(db, sql, binds);
    std::vector<OutcomeDeal> deals;
    while (q.next()) {
        OutcomeDeal d;
        d.unitId = q.value(0).isNull() ? QString() : q.value(0).toString();
        d.unitName = q.value(1).toString();
        d.won = q.value(2).toString() == QLatin1String("won");
        d.amountCents = q.value(3).toLongLong();
        d.closedAt = q.value(4).toLongLong();
        d.startedAt = std::min(q.value(5).toLongLong(), d.closedAt);
        deals.push_back(d);
    }
    QString currency;
    QSqlQuery c = runQuery(db, QStringLiteral("SELECT value FROM settings WHERE key = 'currency'"));
    currency = c.next() ? c.value(0).toString() : QStringLiteral("CNY");

    DataTable t;
    t.title = tr("Outcomes by %1, %2").arg(by, request.scope.period.label());
    t.columns = {by + QStringLiteral("_id"), by, QStringLiteral("won"), QStringLiteral("lost"), QStringLiteral("win_rate_pct"),
                 QStringLiteral("won_amount_cents"), QStringLiteral("currency"), QStringLiteral("median_days_to_close")};
    t.headers = {tr("Id"), tr("Unit"), tr("Won"), tr("Lost"), tr("Win rate"), tr("Won amount"), tr("Currency"),
                 tr("Median days from engagement to close")};
    t.currency = currency;
    for (const OutcomeRow &r : computeOutcomes(deals)) {
        t.rows << QVariantList{r.unitId.isEmpty() ? QVariant() : QVariant(r.unitId),
                               r.unitId.isEmpty() && r.unitName.isEmpty() ? QVariant(tr("(all)")) : QVariant(r.unitName),
                               r.won, r.lost,
                               std::isnan(r.winRate) ? QVariant() : QVariant(std::round(r.winRate * 10000) / 100),
                               r.wonCents, currency,
                               std::isnan(r.medianDays) ? QVariant() : QVariant(std::round(r.medianDays * 10) / 10)};
    }
    return t;
}

} // namespace cockpit::analytics
