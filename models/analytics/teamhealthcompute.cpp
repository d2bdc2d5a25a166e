// computeTeamHealth(): seven queries over the scope (stages, exits over the period and the
// coverage months, task weeks, responses, customers, orders, ratings), then per-rep sums.
#include "teamhealth.h"
#include "teamhealthsql.h"

#include "query.h"

#include <QSqlQuery>

#include <algorithm>

namespace cockpit::analytics {

QString effectiveEndUtc(const Period &period, const QString &asOfIso)
{
    const QString end = period.endUtc();
    return !asOfIso.isEmpty() && asOfIso < end ? asOfIso : end;
}

namespace {
struct Employment
{
    QDate hired, left; // left invalid = still employed
    bool activeDuring(QDate first, QDate last) const
    {
        return (!hired.isValid() || hired <= last) && (!left.isValid() || left >= first);
    }
};

QHash<QString, Employment> loadEmployment(QSqlDatabase db)
{
    QHash<QString, Employment> out;
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT id, hire_date, left_date FROM users"
                                              " WHERE role = 'sales' AND deleted = 0"));
    while (q.next())
        out.insert(q.value(0).toString(), {QDate::fromString(q.value(1).toString().left(10), Qt::ISODate),
                                           QDate::fromString(q.value(2).toString().left(10), Qt::ISODate)});
    return out;
}
} // namespace

TeamHealth computeTeamHealth(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const TeamHealthSettings &s)
{
    using namespace detail;
    TeamHealth th;
    th.scope = scope;
    th.asOfIso = asOfIso;
    th.units = loadOrgUnits(db);
    const Period &period = scope.period;
    const QString endUtc = effectiveEndUtc(period, asOfIso);
    const QDate lastDay = std::min(period.last, companyDay(endUtc).isValid() ? companyDay(endUtc) : period.last);
    const QHash<QString, Employment> employment = loadEmployment(db);

    // The reps listed: in the scope and employed at some time in the period.
    QHash<QString, int> repIndex;
    for (const OrgUnit &u : th.units.unitsWithin(scope.org, GroupBy::Rep)) {
        const Employment e = employment.value(u.id);
        if (!e.activeDuring(period.first, period.last))
            continue;
        repIndex.insert(u.id, int(th.reps.size()));
        th.reps.append({u, {}, {}});
    }
    auto repCounts = [&](const QString &rep) -> HealthCounts * {
        const int i = repIndex.value(rep, -1);
        return i < 0 ? nullptr : &th.reps[i].counts;
    };

    // Stage exits over the coverage months and the period at once.
    const QHash<QString, StageInfo> stages = loadStages(db);
    QStringList kinds;
    for (const StageInfo &st : stages)
        for (const QString &k : st.actions)
            if (!kinds.contains(k))
                kinds.append(k);
    std::sort(kinds.begin(), kinds.end());
    const QDate lastMonth(lastDay.year(), lastDay.month(), 1);
    const QDate firstMonth = lastMonth.addMonths(-5);
    const QString exitsFrom = std::min(period.startUtc(), companyDayStartUtc(firstMonth));
    const QString exitsTo = endUtc; // the last coverage month ends with the period (or now)
    QHash<QString, QVector<HealthCounts>> monthly; // rep → 6 months
    for (const ExitGroup &g :
         loadExitGroups(db, scope.org, exitsFrom, exitsTo, period.startUtc(), endUtc, kinds)) {
        const auto stIt = stages.constFind(g.stage);
        const StageInfo *st = stIt == stages.cend() ? nullptr : &stIt.value();
        if (g.inPeriod)
            if (HealthCounts *c = repCounts(g.rep))
                countExitGroup(g, st, kinds, *c);
        const int m = (g.month.year() - firstMonth.year()) * 12 + g.month.month() - firstMonth.month();
        if (m >= 0 && m < 6) {
            QVector<HealthCounts> &v = monthly[g.rep];
            if (v.isEmpty())
                v.resize(6);
            countExitGroup(g, st, kinds, v[m]);
        }
    }

    // Tasks: every judged rep-week requires max(12, tasks).
    const QVector<QDate> weeks = judgedWeeks(period, endUtc);
    if (!weeks.isEmpty()) {
        QHash<QString, QHash<QDate, TaskWeek>> byRep;
        for (const TaskWeek &t : loadTaskWeeks(db, scope.org, weeks.first(), weeks.last(), endUtc))
            byRep[t.rep].insert(t.weekStart, t);
        for (HealthRow &r : th.reps) {
            const Employment e = employment.value(r.unit.id);
            for (const QDate &w : weeks) {
                if (!e.activeDuring(w, w.addDays(6)))
                    continue;
                const TaskWeek t = byRep.value(r.unit.id).value(w);
                ++r.counts.repWeeks;
                r.counts.tasksListed += t.listed;
                r.counts.tasksDone += t.done;
                r.counts.tasksRequired += requiredTasks(t.listed, s);
            }
        }
    }

    for (const Response &r : loadResponses(db, scope.org, period, asOfIso))
        if (HealthCounts *c = repCounts(r.rep)) {
            ++c->leadsAssigned;
            if (r.minutes)
                c->responseMinutes.append(*r.minutes);
            else
                ++c->leadsUnanswered;
        }

    for (const CustomerRow &row : loadCustomers(db, scope.org, endUtc))
        if (HealthCounts *c = repCounts(row.owner)) {
            ++c->customers;
            if (row.firstQuarter)
                ++c->customersFirstQuarter;
            const CustomerHealth h = customerHealth(row.facts, s);
            if (h.score) {
                ++c->customersScored;
                c->healthSum += *h.score;
            }
            for (int i = 0; i < kHealthDims; ++i)
                if (h.dims[i]) {
                    c->dimSum[i] += *h.dims[i];
                    ++c->dimCount[i];
                }
        }

    const QHash<QString, OrderSums> orders = loadOrderSums(db, scope.org, period, endUtc);
    for (auto it = orders.cbegin(); it != orders.cend(); ++it)
        if (HealthCounts *c = repCounts(it.key())) {
            c->wonCents = it.value().won;
            c->crossSellCents = it.value().cross;
            c->orders = it.value().orders;
        }
    const auto ratings = loadRatings(db, scope.org, period.startUtc(), endUtc);
    for (auto it = ratings.cbegin(); it != ratings.cend(); ++it)
        if (HealthCounts *c = repCounts(it.key())) {
            c->ratings = it.value().first;
            c->ratingSum = it.value().second;
        }

    // Figures per rep, per team (its reps pooled) and for the scope.
    QHash<QString, int> teamIndex;
    th.total.unit.level = scope.org.level;
    th.total.unit.id = scope.org.id;
    th.total.unit.name = th.units.name(scope.org);
    for (HealthRow &r : th.reps) {
        r.figures = healthFigures(r.counts, s);
        int t = teamIndex.value(r.unit.teamId, -1);
        if (t < 0) {
            const OrgUnit *team = th.units.find(OrgLevel::Team, r.unit.teamId);
            HealthRow row;
            if (team)
                row.unit = *team;
            else
                row.unit = {OrgLevel::Team, r.unit.teamId, r.unit.teamId, r.unit.cityId, r.unit.regionId,
                            r.unit.cityId, r.unit.teamId, true};
            t = int(th.teams.size());
            teamIndex.insert(r.unit.teamId, t);
            th.teams.append(row);
        }
        th.teams[t].counts.add(r.counts);
        th.total.counts.add(r.counts);
        if (r.figures.light != Rag::Grey) {
            ++th.coverageJudged;
            if (r.figures.light == Rag::Green)
                ++th.coverageExecuted;
        }
    }
    std::sort(th.teams.begin(), th.teams.end(),
              [](const HealthRow &a, const HealthRow &b) { return a.unit.name < b.unit.name; });
    for (HealthRow &t : th.teams)
        t.figures = healthFigures(t.counts, s);
    th.total.figures = healthFigures(th.total.counts, s);
    if (th.coverageJudged > 0)
        th.coveragePct = 100.0 * th.coverageExecuted / th.coverageJudged;

    // Coverage trend: the scope's reps (employed in the month) month by month.
    QVector<std::optional<double>> trend;
    for (int m = 0; m < 6; ++m) {
        CoverageMonth cm;
        cm.month = firstMonth.addMonths(m);
        const QDate monthLast = cm.month.addMonths(1).addDays(-1);
        for (const OrgUnit &u : th.units.unitsWithin(scope.org, GroupBy::Rep)) {
            if (!employment.value(u.id).activeDuring(cm.month, monthLast))
                continue;
            ++cm.activeReps;
            const auto it = monthly.constFind(u.id);
            if (it == monthly.cend())
                continue;
            const HealthCounts &c = it.value()[m];
            const Rag light = processLight(c.actionsExpected ? 100.0 * c.actionsDone / c.actionsExpected : 0,
                                           c.actionsExpected, s);
            if (light == Rag::Grey)
                continue;
            ++cm.judged;
            if (light == Rag::Green)
                ++cm.executed;
        }
        if (cm.judged > 0)
            cm.pct = 100.0 * cm.executed / cm.judged;
        trend.append(cm.pct);
        th.coverage.append(cm);
    }
    th.coverageWarning = twoDeclines(trend);
    return th;
}

} // namespace cockpit::analytics
