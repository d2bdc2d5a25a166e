#include "targets/targetdata.h"
#include "targets/targetstext.h"

#include "analytics/query.h"
#include "domain/times.h"

#include <QSqlQuery>

#include <functional>
#include <limits>

namespace cockpit::targets {

using analytics::OrgLevel;
using analytics::Period;
using analytics::PeriodKind;

namespace {
int monthNumber(QDate d)
{
    return d.year() * 12 + d.month() - 1;
}

QString periodKindKey(PeriodKind k)
{
    return k == PeriodKind::Month ? QStringLiteral("month")
           : k == PeriodKind::Year ? QStringLiteral("year") : QStringLiteral("quarter");
}

QString levelKey(OrgLevel l)
{
    switch (l) {
    case OrgLevel::Company: return QStringLiteral("company");
    case OrgLevel::Region: return QStringLiteral("region");
    case OrgLevel::City: return QStringLiteral("city");
    case OrgLevel::Team: return QStringLiteral("team");
    case OrgLevel::Rep: return QStringLiteral("rep");
    }
    return {};
}

// A value per node: each rep leaf's `ofRep`, parents the sums of their children.
QVector<qint64> perNode(const TargetTree &tree, const std::function<qint64(const QString &)> &ofRep)
{
    QVector<qint64> out(tree.nodes.size(), 0);
    for (int i = int(tree.nodes.size()) - 1; i >= 0; --i) {
        const TargetNode &n = tree.nodes[i];
        if (n.level == OrgLevel::Rep)
            out[i] = ofRep(n.orgId);
        else
            for (int c : n.children)
                out[i] += out[c];
    }
    return out;
}
} // namespace

QVector<RepRecord> loadReps(QSqlDatabase db, const analytics::OrgUnits &units, const Period &period, QDate lastDay)
{
    QHash<QString, QPair<QDate, QDate>> employment;
    QSqlQuery q = analytics::runQuery(db, QStringLiteral("SELECT id, hire_date, left_date FROM users"
                                                         " WHERE role = 'sales' AND deleted = 0"));
    while (q.next())
        employment.insert(q.value(0).toString(), {times::dateOf(q.value(1)), times::dateOf(q.value(2))});
    QVector<RepRecord> out;
    for (const analytics::OrgUnit &u : units.reps) {
        const auto e = employment.value(u.id);
        if (e.first.isValid() && e.first > period.last)
            continue;
        if (e.second.isValid() && e.second < period.first)
            continue;
        RepRecord r{u, e.first, e.second, analytics::RepStanding::Ranked};
        r.standing = analytics::repStanding(e.first, e.second, period, lastDay, std::numeric_limits<int>::max());
        out << r;
    }
    return out;
}

int MonthlyCollections::monthIndex(QDate day) const
{
    return monthNumber(day) - monthNumber(firstMonth);
}

qint64 MonthlyCollections::sum(const QString &rep, QDate fromMonth, int count) const
{
    const auto it = byRep.constFind(rep);
    if (it == byRep.cend())
        return 0;
    qint64 s = 0;
    const int from = monthIndex(fromMonth);
    for (int m = std::max(0, from); m < std::min(months, from + count); ++m)
        s += it->at(m);
    return s;
}

MonthlyCollections loadMonthlyCollections(QSqlDatabase db, QDate firstMonth, int months, QDate lastDay)
{
    MonthlyCollections out;
    out.firstMonth = QDate(firstMonth.year(), firstMonth.month(), 1);
    out.months = months;
    const QDate end = std::min(lastDay, out.firstMonth.addMonths(months).addDays(-1));
    // Summed per rep and day in SQL (paid_on is a day number, storage/TIMES_V6.md: no SQL date
    // functions), each day's month found here.
    QSqlQuery q = analytics::runQuery(
        db,
        QStringLiteral("SELECT rep_id, paid_on, SUM(amount_cents) FROM payments"
                       " WHERE deleted = 0 AND rep_id IS NOT NULL AND paid_on >= ? AND paid_on <= ?"
                       " GROUP BY rep_id, paid_on"),
        {analytics::dateParam(out.firstMonth), analytics::dateParam(end)});
    const int base = monthNumber(out.firstMonth);
    const QDate epoch(1970, 1, 1);
    while (q.next()) {
        const int m = monthNumber(epoch.addDays(q.value(1).toLongLong())) - base;
        if (m < 0 || m >= months)
            continue;
        QVector<qint64> &v = out.byRep[q.value(0).toString()];
        if (v.isEmpty())
            v.resize(months);
        v[m] += q.value(2).toLongLong();
    }
    return out;
}

QHash<QString, qint64> loadCollections(QSqlDatabase db, QDate first, QDate last)
{
    QHash<QString, qint64> out;
    QSqlQuery q = analytics::runQuery(db,
                                      QStringLiteral("SELECT rep_id, SUM(amount_cents) FROM payments"
                                                     " WHERE deleted = 0 AND rep_id IS NOT NULL AND paid_on >= ?"
                                                     " AND paid_on <= ? GROUP BY rep_id"),
                                      {analytics::dateParam(first), analytics::dateParam(last)});
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

TargetTree loadTargetTree(QSqlDatabase db, PeriodKind kind, QDate start, const analytics::OrgUnits &units,
                          const QVector<RepRecord> &reps)
{
    TargetTree tree;
    tree.kind = kind;
    tree.start = start;
    QHash<QString, int> index; // "level:id" → node
    auto key = [](OrgLevel l, const QString &id) -> QString { return levelKey(l) + QLatin1Char(':') + id; };
    TargetNode company;
    company.name = units.name(analytics::OrgScope::company());
    index.insert(key(OrgLevel::Company, {}), tree.add(company));
    auto addUnit = [&](const analytics::OrgUnit &u, const QString &parentKey) {
        const int parent = index.value(parentKey, -1);
        if (parent < 0)
            return;
        TargetNode n;
        n.level = u.level;
        n.orgId = u.id;
        n.name = u.name;
        n.parent = parent;
        index.insert(key(u.level, u.id), tree.add(n));
    };
    for (const analytics::OrgUnit &r : units.regions)
        addUnit(r, key(OrgLevel::Company, {}));
    for (const analytics::OrgUnit &c : units.cities)
        addUnit(c, key(OrgLevel::Region, c.regionId));
    for (const RepRecord &r : reps)
        addUnit(r.unit, key(OrgLevel::City, r.unit.cityId));
    QSqlQuery q = analytics::runQuery(
        db,
        QStringLiteral("SELECT id, org_level, org_id, amount_cents, tier, growth_bp, correction_bp, status, row_version,"
                       " correction_reason FROM targets WHERE deleted = 0 AND period_kind = ? AND period_start = ?"),
        {periodKindKey(kind), analytics::dateParam(start)});
    while (q.next()) {
        const QString level = q.value(1).toString();
        const QString org = level == QLatin1String("company") ? QString() : q.value(2).toString();
        const int i = index.value(level + QLatin1Char(':') + org, -1);
        if (i < 0)
            continue;
        TargetNode &n = tree.nodes[i];
        n.rowId = q.value(0).toLongLong();
        n.amountCents = q.value(3).toLongLong();
        n.tier = parseTier(q.value(4).toString());
        n.growthBp = q.value(5).toInt();
        n.correctionBp = q.value(6).toInt();
        n.status = q.value(7).toString();
        n.rowVersion = q.value(8).toLongLong();
        n.correctionReason = q.value(9).toString();
    }
    return tree;
}

QVector<qint64> proposalBases(const TargetsView &view)
{
    QVector<qint64> base;
    base.reserve(view.rows.size());
    for (const TargetRow &r : view.rows)
        base << r.baseCents;
    return base;
}

QString baseWindowText(const ProposalBase &base)
{
    const QString from = Period::month(base.first).label();
    return base.months <= 1 ? from : tr("%1 – %2").arg(from, Period::month(base.first.addMonths(base.months - 1)).label());
}

TargetsView computeTargets(QSqlDatabase db, const Period &period, QDate asOfDay, const analytics::OrgUnits &units,
                           const TargetSettings &s)
{
    if (period.kind != PeriodKind::Month && period.kind != PeriodKind::Quarter && period.kind != PeriodKind::Year)
        throw analytics::QueryError(tr("Targets are set per month, quarter or year, not for %1.").arg(period.label()));
    TargetsView v;
    v.period = period;
    const QDate lastDay = std::min(period.last, asOfDay);
    v.reps = loadReps(db, units, period, lastDay);
    v.tree = loadTargetTree(db, period.kind, period.first, units, v.reps);

    const QDate asOfMonth(asOfDay.year(), asOfDay.month(), 1);
    const int periodMonths = period.kind == PeriodKind::Month ? 1 : (period.kind == PeriodKind::Quarter ? 3 : 12);
    std::optional<QDate> firstCollection;
    {
        QSqlQuery first = analytics::runQuery(
            db, QStringLiteral("SELECT MIN(paid_on) FROM payments WHERE deleted = 0 AND rep_id IS NOT NULL"), {});
        if (first.next() && !first.value(0).isNull())
            firstCollection = QDate(1970, 1, 1).addDays(first.value(0).toLongLong());
    }
    v.base = proposalBase(period.first, periodMonths, asOfDay, firstCollection);
    const QDate firstMonth = std::min({period.first.addMonths(-12), asOfMonth.addMonths(-6), v.base.first});
    const int months = std::max(monthNumber(period.first) + periodMonths, monthNumber(asOfMonth) + 1) - monthNumber(firstMonth);
    const MonthlyCollections mc = loadMonthlyCollections(db, firstMonth, months, asOfDay);
    auto sums = [&](QDate from, int count) {
        return perNode(v.tree, [&](const QString &rep) { return mc.sum(rep, from, count); });
    };
    const QVector<qint64> collected = sums(period.first, periodMonths);
    const QVector<qint64> lastYear = sums(period.first.addMonths(-12), periodMonths);
    const QVector<qint64> trailing12 = sums(period.first.addMonths(-12), 12);
    QVector<qint64> base = sums(v.base.first, v.base.months);
    for (qint64 &b : base)
        b = v.base.scaled(b);
    v.proposal = propose(v.tree, base, trailing12, s);
    const QVector<std::optional<Tier>> rankedTiers = rankTiers(v.tree, trailing12);

    // Rolling forecast: the 6 complete months before asOf's month, forecast from its month on.
    for (int m = 0; m < 6; ++m)
        v.forecastMonths << asOfMonth.addMonths(m);
    QVector<qint64> forecast6(v.tree.nodes.size(), 0), target6(v.tree.nodes.size(), 0);
    QVector<QVector<qint64>> forecastByMonth(v.tree.nodes.size()), targetByMonth(v.tree.nodes.size(), QVector<qint64>(6, 0));
    QVector<QVector<qint64>> history(v.tree.nodes.size(), QVector<qint64>(6, 0));
    {
        for (int h = 0; h < 6; ++h) {
            const QVector<qint64> month = sums(asOfMonth.addMonths(h - 6), 1);
            for (int i = 0; i < month.size(); ++i)
                history[i][h] = month[i];
        }
        for (int i = 0; i < history.size(); ++i) {
            forecastByMonth[i] = rollingForecast(history[i]);
            for (qint64 f : std::as_const(forecastByMonth[i]))
                forecast6[i] += f;
        }
        for (int k = 0; k < v.forecastMonths.size(); ++k) {
            const QDate &m = v.forecastMonths[k];
            const TargetTree mt = m.month() == period.first.month() && m.year() == period.first.year()
                                          && period.kind == PeriodKind::Month
                                      ? v.tree
                                      : loadTargetTree(db, PeriodKind::Month, m, units, v.reps);
            for (int i = 0; i < mt.nodes.size() && i < target6.size(); ++i) {
                target6[i] += mt.nodes[i].amountCents;
                targetByMonth[i][k] = mt.nodes[i].amountCents;
            }
        }
    }

    // Capacity gap: the quarter holding asOf.
    const Period quarter = Period::quarter(asOfDay);
    const TargetTree qt = period == quarter ? v.tree : loadTargetTree(db, PeriodKind::Quarter, quarter.first, units, v.reps);
    const QVector<qint64> quarterCollected = sums(quarter.first, 3);
    QHash<QString, bool> ranked;
    for (const RepRecord &r : v.reps)
        ranked.insert(r.unit.id, r.standing == analytics::RepStanding::Ranked);
    const QVector<qint64> active = perNode(v.tree, [&](const QString &rep) { return ranked.value(rep) ? 1 : 0; });
    const int elapsed = int(quarter.first.daysTo(std::min(asOfDay, quarter.last))) + 1;

    QSet<int> mismatched;
    for (int i : mismatches(v.tree))
        mismatched.insert(i);
    for (int i = 0; i < v.tree.nodes.size(); ++i) {
        TargetRow r;
        r.node = i;
        r.targetCents = v.tree.nodes[i].amountCents;
        r.proposalCents = v.proposal.nodes[i].amountCents;
        r.proposedTier = v.proposal.nodes[i].tier;
        r.proposedGrowthBp = v.proposal.nodes[i].growthBp;
        r.collectedCents = collected[i];
        r.lastYearCents = lastYear[i];
        r.baseCents = base[i];
        r.rankedTier = rankedTiers[i];
        r.trailing12Cents = trailing12[i];
        r.attainmentPct = attainmentPct(r.collectedCents, r.targetCents);
        r.colour = attainmentColour(r.collectedCents, r.targetCents);
        r.mismatch = mismatched.contains(i);
        r.forecast6Cents = forecast6[i];
        r.target6Cents = target6[i];
        r.forecastByMonth = forecastByMonth[i];
        r.targetByMonth = targetByMonth[i];
        r.history6 = history[i];
        r.activeReps = int(active[i]);
        r.gap = capacityGap(quarterCollected[i], elapsed, quarter.days(), qt.nodes.value(i).amountCents, r.activeReps);
        v.rows << r;
    }
    return v;
}

QVector<int> nodesWithin(const TargetTree &tree, const analytics::OrgScope &scope, const analytics::OrgUnits &units)
{
    QVector<int> out;
    if (scope.level == OrgLevel::Team) {
        for (int i = 0; i < tree.nodes.size(); ++i) {
            const analytics::OrgUnit *u = tree.nodes[i].level == OrgLevel::Rep ? units.find(OrgLevel::Rep, tree.nodes[i].orgId) : nullptr;
            if (u && u->teamId == scope.id)
                out << i;
        }
        return out;
    }
    const int root = scope.isCompany() ? 0 : tree.find(scope.level, scope.id);
    if (root < 0)
        return out;
    QVector<int> stack{root};
    while (!stack.isEmpty()) {
        const int i = stack.takeFirst();
        out << i;
        stack = tree.nodes[i].children + stack;
    }
    return out;
}

} // namespace cockpit::targets
