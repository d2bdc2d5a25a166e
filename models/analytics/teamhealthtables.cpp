// Rep and team health as DataTables (reports and drill-downs).
#include "analytics/teamhealthtables.h"

#include "analytics/analyticstext.h"
#include "analytics/teamhealthsql.h"

#include "analytics/query.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace cockpit::analytics {

namespace {

QVariant opt(const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(); }

// A time column as a cell: its UTC ISO-8601 text (the DataTable `_at` rule shows it).
QVariant instantCell(const QVariant &v)
{
    return QVariant(times::instantIso(v));
}

QString title(const QString &figure, const Scope &scope, const OrgUnits &units)
{
    return figure + QStringLiteral(" · ") + scope.period.label() + QStringLiteral(" · ") + units.name(scope.org);
}

const QVector<HealthRow> &rowsOf(const TeamHealth &th, bool teams) { return teams ? th.teams : th.reps; }

QString missingText(const QList<QPair<QString, int>> &missing)
{
    QStringList parts;
    for (const auto &m : missing)
        parts << QStringLiteral("%1 ×%2").arg(m.first).arg(m.second);
    return parts.join(QStringLiteral(", "));
}

void addUnitColumns(DataTable &t, bool teams)
{
    t.columns << QStringLiteral("id") << QStringLiteral("name") << (teams ? QStringLiteral("city") : QStringLiteral("team"));
    t.headers << tr("Id") << (teams ? tr("Team") : tr("Rep")) << (teams ? tr("City") : tr("Team"));
    t.keyColumn = 0;
    t.keyKind = teams ? QStringLiteral("team") : QStringLiteral("user");
}

// id, name and the unit above: a rep's team, a team's city.
// The exports name each team or rep by its global id (OrgUnit::globalId, storage/keys.h).
void exportUnitIds(DataTable &t, const TeamHealth &th, bool teams)
{
    QHash<QString, QString> &ids = t.exportIds[0];
    for (const QVariantList &row : std::as_const(t.rows)) {
        const QString key = row.value(0).toString();
        const OrgUnit *u = th.units.find(teams ? OrgLevel::Team : OrgLevel::Rep, key);
        ids.insert(key, u ? u->globalId : QString());
    }
}

QVariantList unitCells(const TeamHealth &th, const HealthRow &r)
{
    if (r.unit.level == OrgLevel::Team)
        return {r.unit.id, r.unit.name, th.units.name(OrgLevel::City, r.unit.cityId)};
    return {r.unit.id, r.unit.name, th.units.name(OrgLevel::Team, r.unit.teamId)};
}
} // namespace

DataTable radarTable(const TeamHealth &th, bool teams)
{
    DataTable t;
    t.title = title(tr("Team health radar"), th.scope, th.units);
    addUnitColumns(t, teams);
    t.columns << QStringLiteral("compliance_pct") << QStringLiteral("customer_health")
              << QStringLiteral("cross_sell_pct") << QStringLiteral("collaboration") << QStringLiteral("pei_pct")
              << QStringLiteral("response_median_min") << QStringLiteral("composite");
    t.headers << tr("Compliance") << tr("Customer health") << tr("Cross-sell") << tr("Collaboration") << tr("PEI")
              << tr("Response (median min)") << tr("Composite score");
    for (int a = 0; a < kRadarAxes; ++a) {
        t.columns << QStringLiteral("radar_") + radarAxisKey(RadarAxis(a));
        t.headers << tr("Radar: ") + radarAxisLabel(RadarAxis(a));
    }
    if (!teams) {
        // Who counts: the reps shown apart are listed, never ranked with the active team.
        t.columns << QStringLiteral("standing");
        t.headers << tr("Standing");
    }
    for (const HealthRow &r : rowsOf(th, teams)) {
        const HealthFigures &f = r.figures;
        QVariantList row = unitCells(th, r);
        row << opt(f.compliancePct) << opt(f.customerHealth) << opt(f.crossSellPct) << opt(f.collaboration)
            << opt(f.peiPct) << opt(f.responseMedianMin) << opt(f.composite);
        for (int a = 0; a < kRadarAxes; ++a)
            row << opt(f.radar[a]);
        if (!teams)
            row << repStandingKey(r.standing);
        t.rows << row;
    }
    exportUnitIds(t, th, teams);
    return t;
}

DataTable healthTable(const TeamHealth &th, bool teams)
{
    DataTable t;
    t.title = title(tr("Process health"), th.scope, th.units);
    addUnitColumns(t, teams);
    t.columns << QStringLiteral("light") << QStringLiteral("completion_pct") << QStringLiteral("actions_done")
              << QStringLiteral("actions_expected") << QStringLiteral("stage_exits") << QStringLiteral("top_missing");
    t.headers << tr("Light") << tr("Key-action completion") << tr("Done") << tr("Expected") << tr("Stage exits")
              << tr("Top missing actions");
    for (const HealthRow &r : rowsOf(th, teams)) {
        const HealthFigures &f = r.figures;
        t.rows << (unitCells(th, r) << ragKey(f.light) << opt(f.compliancePct) << r.counts.actionsDone
                                    << r.counts.actionsExpected << r.counts.exits << missingText(f.topMissing));
    }
    exportUnitIds(t, th, teams);
    return t;
}

DataTable peiTable(const TeamHealth &th, bool teams)
{
    DataTable t;
    t.title = title(tr("Process execution index (PEI)"), th.scope, th.units);
    addUnitColumns(t, teams);
    t.columns << QStringLiteral("pei_pct") << QStringLiteral("tasks_done") << QStringLiteral("tasks_required")
              << QStringLiteral("tasks_listed") << QStringLiteral("rep_weeks");
    t.headers << tr("PEI") << tr("Tasks done") << tr("Required") << tr("Tasks listed") << tr("Rep-weeks");
    for (const HealthRow &r : rowsOf(th, teams))
        t.rows << (unitCells(th, r) << opt(r.figures.peiPct) << r.counts.tasksDone << r.counts.tasksRequired
                                    << r.counts.tasksListed << r.counts.repWeeks);
    exportUnitIds(t, th, teams);
    return t;
}

DataTable coverageTable(const TeamHealth &th)
{
    DataTable t;
    t.title = title(tr("Standard-action coverage"), th.scope, th.units);
    t.columns = {QStringLiteral("month"), QStringLiteral("coverage_pct"), QStringLiteral("reps_executed"),
                 QStringLiteral("reps_judged"), QStringLiteral("reps_active"), QStringLiteral("target_pct"),
                 QStringLiteral("warning")};
    t.headers = {tr("Month"), tr("Coverage"), tr("Reps executed"), tr("Reps judged"), tr("Active reps"),
                 tr("Target"), tr("Warning")};
    for (int i = 0; i < th.coverage.size(); ++i) {
        const CoverageMonth &m = th.coverage[i];
        const bool last = i == th.coverage.size() - 1;
        t.rows << QVariantList{m.month.toString(QStringLiteral("yyyy-MM")), opt(m.pct), m.executed, m.judged,
                               m.activeReps, 85.0,
                               last && th.coverageWarning ? tr("two monthly declines in a row") : QString()};
    }
    const auto active = std::count_if(th.reps.cbegin(), th.reps.cend(),
                                      [](const HealthRow &r) { return r.standing != RepStanding::Left; });
    t.rows << QVariantList{th.scope.period.key(), opt(th.coveragePct), th.coverageExecuted, th.coverageJudged,
                           int(active), 85.0, QString()};
    return t;
}

DataTable keyActionsTable(const HealthRow &row, const Scope &scope)
{
    DataTable t;
    t.title = tr("Key actions") + QStringLiteral(" · ") + row.unit.name + QStringLiteral(" · ") + scope.period.label();
    t.columns = {QStringLiteral("action"), QStringLiteral("completion_pct"), QStringLiteral("done"),
                 QStringLiteral("expected"), QStringLiteral("missing")};
    t.headers = {tr("Action"), tr("Completion"), tr("Done"), tr("Expected"), tr("Missing")};
    QStringList kinds = row.counts.byKind.keys();
    std::sort(kinds.begin(), kinds.end());
    for (const QString &k : kinds) {
        const KindCount c = row.counts.byKind.value(k);
        t.rows << QVariantList{k, c.expected ? QVariant(100.0 * c.done / c.expected) : QVariant(), c.done,
                               c.expected, c.expected - c.done};
    }
    return t;
}

DataTable stageExitsTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units,
                          bool onlyWithMissing)
{
    using namespace detail;
    const auto stages = loadStages(db);
    QStringList kinds;
    for (const StageInfo &st : stages)
        for (const QString &k : st.actions)
            if (!kinds.contains(k))
                kinds << k;
    DataTable t;
    t.title = title(onlyWithMissing ? tr("Stage exits with missing actions") : tr("Stage exits"), scope, units);
    t.columns = {QStringLiteral("lead_id"), QStringLiteral("lead"), QStringLiteral("rep"), QStringLiteral("pipeline"),
                 QStringLiteral("stage"), QStringLiteral("entered_at"), QStringLiteral("left_at"),
                 QStringLiteral("expected"), QStringLiteral("done"), QStringLiteral("missing")};
    t.headers = {tr("Lead id"), tr("Lead"), tr("Rep"), tr("Pipeline"), tr("Stage left"), tr("Entered"), tr("Left"),
                 tr("Expected actions"), tr("Done"), tr("Missing actions")};
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("lead");
    for (const StageExit &e : loadStageExits(db, scope.org, scope.period.startSecs(),
                                             effectiveEndSecs(scope.period, asOfSecs(asOfIso)), kinds)) {
        const auto stIt = stages.constFind(e.stage);
        const StageInfo *st = stIt == stages.cend() ? nullptr : &stIt.value();
        HealthCounts c;
        const QStringList missing = countExit(e, st, c);
        if (onlyWithMissing && missing.isEmpty())
            continue;
        t.rows << QVariantList{e.leadId, e.title, units.name(OrgLevel::Rep, e.rep), st ? st->pipeline : QString(),
                               st ? st->name : e.stage, e.enteredAt, e.leftAt, c.actionsExpected, c.actionsDone,
                               missing.join(QStringLiteral(", "))};
    }
    return t;
}

DataTable tasksTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units)
{
    const qint64 now = detail::asOfSecs(asOfIso).value_or(std::numeric_limits<qint64>::max());
    const QVector<QDate> weeks = detail::judgedWeeks(scope.period, now);
    DataTable t;
    t.title = title(tr("Must-do tasks"), scope, units);
    t.columns = {QStringLiteral("lead_id"), QStringLiteral("rep"), QStringLiteral("week_start"),
                 QStringLiteral("action"), QStringLiteral("due_at"), QStringLiteral("completed_at"),
                 QStringLiteral("state")};
    t.headers = {tr("Lead id"), tr("Rep"), tr("Week"), tr("Action"), tr("Due"), tr("Completed"), tr("State")};
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("lead");
    if (weeks.isEmpty())
        return t;
    QVariantList binds{dateParam(weeks.first()), dateParam(weeks.last())};
    const QString cond = orgCondition(scope.org, detail::repColumns(), binds);
    QSqlQuery q = runQuery(db,
                           // The rep-weeks the figure counts: the rep employed on all five working
                           // days (hired by the Monday, not left before the Friday).
                           QStringLiteral("SELECT t.lead_id, t.user_id, t.week_start, t.action, t.due_at, t.completed_at"
                                          " FROM tasks t JOIN users u ON u.id = t.user_id AND u.role = 'sales'"
                                          " WHERE t.week_start >= ? AND t.week_start <= ? AND t.deleted = 0"
                                          " AND u.hire_date <= t.week_start AND (u.left_date IS NULL OR u.left_date >= t.week_start + 4)%1"
                                          " ORDER BY t.week_start, u.name, t.due_at")
                               .arg(cond),
                           binds);
    while (q.next()) {
        qint64 done = 0;
        // As the figure counts it: done before now and before the week's end.
        const bool completed = times::instantOf(q.value(5), &done) && done < now
                               && done < detail::weekEndSecs(times::dateOf(q.value(2)));
        t.rows << QVariantList{q.value(0), units.name(OrgLevel::Rep, q.value(1).toString()),
                               times::dateOf(q.value(2)), q.value(3), instantCell(q.value(4)),
                               completed ? QVariant(times::isoFromSecs(done)) : QVariant(),
                               completed ? tr("done") : tr("missed")};
    }
    return t;
}

DataTable responsesTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units)
{
    DataTable t;
    t.title = title(tr("Response time"), scope, units);
    t.columns = {QStringLiteral("lead_id"), QStringLiteral("lead"), QStringLiteral("rep"), QStringLiteral("assigned_at"),
                 QStringLiteral("first_action_at"), QStringLiteral("minutes")};
    t.headers = {tr("Lead id"), tr("Lead"), tr("Rep"), tr("Assigned"), tr("First sales action"), tr("Minutes")};
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("lead");
    for (const detail::Response &r : detail::loadResponses(db, scope.org, scope.period, detail::asOfSecs(asOfIso)))
        t.rows << QVariantList{r.leadId, r.title, units.name(OrgLevel::Rep, r.rep), r.assignedAt,
                               r.firstAt.isEmpty() ? QVariant() : QVariant(r.firstAt), opt(r.minutes)};
    return t;
}

DataTable customerHealthTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units,
                              const TeamHealthSettings &s)
{
    DataTable t;
    t.title = title(tr("Customer health"), scope, units);
    t.columns = {QStringLiteral("customer_id"), QStringLiteral("customer"), QStringLiteral("owner"),
                 QStringLiteral("health_score"), QStringLiteral("first_quarter")};
    t.headers = {tr("Customer id"), tr("Customer"), tr("Owner"), tr("Health score"), tr("First quarter")};
    for (int d = 0; d < kHealthDims; ++d) {
        t.columns << healthDimKey(HealthDim(d));
        t.headers << healthDimLabel(HealthDim(d));
    }
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("customer");
    for (const detail::CustomerRow &c :
         detail::loadCustomers(db, scope.org, detail::effectiveEndSecs(scope.period, detail::asOfSecs(asOfIso)))) {
        const CustomerHealth h = customerHealth(c.facts, s);
        QVariantList row{c.id, c.name, units.name(OrgLevel::Rep, c.owner), opt(h.score), c.firstQuarter};
        for (int d = 0; d < kHealthDims; ++d)
            row << opt(h.dims[d]);
        t.rows << row;
    }
    return t;
}

DataTable ordersTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units)
{
    DataTable t;
    t.title = title(tr("Won revenue and cross-sell"), scope, units);
    t.columns = {QStringLiteral("lead_id"), QStringLiteral("rep"), QStringLiteral("ordered_on"),
                 QStringLiteral("product_line"), QStringLiteral("main_product_line"), QStringLiteral("cross_sell"),
                 QStringLiteral("amount_cents")};
    t.headers = {tr("Lead id"), tr("Rep"), tr("Ordered"), tr("Product line"), tr("Rep's main line"),
                 tr("Cross-sell"), tr("Amount")};
    t.currency = units.currency;
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("lead");
    const QDate last = std::min(scope.period.last, companyDayOf(
                                                       detail::effectiveEndSecs(scope.period, detail::asOfSecs(asOfIso))));
    QVariantList binds{dateParam(scope.period.first), dateParam(last)};
    const QString cond = orgCondition(scope.org, detail::repColumns(), binds);
    QSqlQuery q = runQuery(db,
                           QStringLiteral("SELECT o.lead_id, o.rep_id, o.ordered_on, o.product_line,"
                                          " u.main_product_line, o.amount_cents"
                                          " FROM orders o JOIN users u ON u.id = o.rep_id AND u.role = 'sales'"
                                          " WHERE o.ordered_on >= ? AND o.ordered_on <= ? AND o.deleted = 0"
                                          " AND u.main_product_line <> ''%1 ORDER BY o.ordered_on")
                               .arg(cond),
                           binds);
    while (q.next())
        t.rows << QVariantList{q.value(0), units.name(OrgLevel::Rep, q.value(1).toString()),
                               times::dateOf(q.value(2)), q.value(3), q.value(4),
                               q.value(3).toString() != q.value(4).toString(), q.value(5).toLongLong()};
    return t;
}

DataTable ratingsTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units)
{
    DataTable t;
    t.title = title(tr("Collaboration ratings"), scope, units);
    t.columns = {QStringLiteral("lead_id"), QStringLiteral("rep"), QStringLiteral("rater"), QStringLiteral("rater_role"),
                 QStringLiteral("at"), QStringLiteral("score")};
    t.headers = {tr("Lead id"), tr("Rep"), tr("Rated by"), tr("Role"), tr("At"), tr("Score (1–5)")};
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("lead");
    QVariantList binds{times::instantParam(scope.period.startSecs()),
                       times::instantParam(detail::effectiveEndSecs(scope.period, detail::asOfSecs(asOfIso)))};
    const QString cond = orgCondition(scope.org, detail::repColumns(), binds);
    QSqlQuery q = runQuery(db,
                           QStringLiteral("SELECT r.lead_id, r.rep_id, w.name, w.role, r.at, r.score"
                                          " FROM collaboration_ratings r JOIN users u ON u.id = r.rep_id"
                                          " AND u.role = 'sales' LEFT JOIN users w ON w.id = r.rater_id"
                                          " WHERE r.at >= ? AND r.at < ? AND r.deleted = 0"
                                          " AND r.score BETWEEN 1 AND 5%1 ORDER BY r.at")
                               .arg(cond),
                           binds);
    while (q.next())
        t.rows << QVariantList{q.value(0), units.name(OrgLevel::Rep, q.value(1).toString()), q.value(2), q.value(3),
                               instantCell(q.value(4)), q.value(5).toInt()};
    return t;
}

// ---- steps -----------------------------------------------------------------------------
QString salesStepKey(SalesStep s)
{
    switch (s) {
    case SalesStep::FirstTouch: return QStringLiteral("first_touch");
    case SalesStep::NeedsConfirmed: return QStringLiteral("needs_confirmed");
    case SalesStep::Demo: return QStringLiteral("demo");
    case SalesStep::ObjectionHandled: return QStringLiteral("objection_handled");
    case SalesStep::Signed: return QStringLiteral("signed");
    case SalesStep::Paid: return QStringLiteral("paid");
    }
    return {};
}

QString salesStepLabel(SalesStep s)
{
    switch (s) {
    case SalesStep::FirstTouch: return tr("Assignment → first touch");
    case SalesStep::NeedsConfirmed: return tr("First touch → needs confirmed");
    case SalesStep::Demo: return tr("Needs confirmed → demo");
    case SalesStep::ObjectionHandled: return tr("Demo → objection handled");
    case SalesStep::Signed: return tr("Objection handled → signed");
    case SalesStep::Paid: return tr("Signed → paid");
    }
    return {};
}

void StepTimes::add(const StepTimes &o)
{
    for (int i = 0; i < kSalesSteps; ++i)
        hours[i] += o.hours[i];
}

StepTimes stepDurations(const StepEnds &ends, qint64 from, qint64 to)
{
    StepTimes st;
    for (int i = 0; i < kSalesSteps; ++i) {
        const std::optional<qint64> a = ends[i], b = ends[i + 1];
        if (!a || !b || *b < *a || *b < from || *b >= to)
            continue;
        st.hours[i].append(double(*b - *a) / 3600.0);
    }
    return st;
}

QHash<QString, StepTimes> loadStepTimes(QSqlDatabase db, const Scope &scope, const QString &asOfIso)
{
    const qint64 from = scope.period.startSecs(),
                 to = detail::effectiveEndSecs(scope.period, detail::asOfSecs(asOfIso));
    // Leads that could end a step in the period: assigned before its end, not closed (and
    // paid) long before it; the year's margin lets a payment after closing count.
    const qint64 closedAfter = companyDayStart(scope.period.first.addDays(-365));
    // Payments up to the UTC day of `to`, as the text comparison paid_on < '<to>' always
    // read them (TIMES_V6.md §3.3: a date against an instant).
    const QVariant paidBy = times::dayParam(times::dayOf(to));
    const QVariant toArg = times::instantParam(to);
    QVariantList binds{toArg, toArg, toArg, toArg, toArg, paidBy, times::instantParam(closedAfter)};
    const QString cond = orgCondition(scope.org, detail::repColumns(), binds);
    QSqlQuery q = runQuery(
        db,
        QStringLiteral(
            "SELECT l.owner_id, l.assigned_at,"
            " (SELECT MIN(a.at) FROM activities a WHERE a.lead_id = l.id AND a.at >= l.assigned_at AND a.at < ?"
            "   AND a.direction = 'sales' AND a.deleted = 0),"
            " (SELECT MIN(h.at) FROM stage_history h JOIN pipeline_stages s ON s.id = h.to_stage_id"
            "   WHERE h.lead_id = l.id AND s.position = 1 AND h.at < ? AND h.deleted = 0),"
            " (SELECT MIN(a.at) FROM activities a WHERE a.lead_id = l.id AND a.kind = 'demo' AND a.at < ?"
            "   AND a.deleted = 0),"
            " (SELECT MIN(h.at) FROM stage_history h JOIN pipeline_stages s ON s.id = h.to_stage_id"
            "   WHERE h.lead_id = l.id AND s.position = 3 AND h.at < ? AND h.deleted = 0),"
            " CASE WHEN l.status = 'won' AND l.closed_at < ? THEN l.closed_at END,"
            " pd.paid_on"
            " FROM leads l JOIN users u ON u.id = l.owner_id AND u.role = 'sales'"
            // One grouped pass over orders × payments (neither is indexed by lead/order).
            " LEFT JOIN (SELECT o.lead_id, MIN(p.paid_on) AS paid_on FROM orders o"
            "   JOIN payments p ON p.order_id = o.id WHERE o.lead_id IS NOT NULL AND p.paid_on IS NOT NULL"
            "   AND p.paid_on <= ? AND p.deleted = 0 AND o.deleted = 0 GROUP BY o.lead_id) pd"
            "   ON pd.lead_id = l.id"
            " WHERE l.deleted = 0 AND l.assigned_at IS NOT NULL"
            " AND (l.closed_at IS NULL OR l.closed_at >= ?)%1")
            .arg(cond),
        binds);
    QHash<QString, StepTimes> out;
    while (q.next()) {
        StepEnds ends;
        for (int i = 0; i < kSalesSteps; ++i) { // instants
            qint64 secs = 0;
            if (times::instantOf(q.value(i + 1), &secs))
                ends[i] = secs;
        }
        qint64 paidDay = 0; // a date: 00:00 company time of that day
        if (times::dayOf(q.value(kSalesSteps + 1), &paidDay))
            ends[kSalesSteps] = detail::companyDayStartOfDay(paidDay);
        out[q.value(0).toString()].add(stepDurations(ends, from, to));
    }
    return out;
}

DataTable stepsTable(QSqlDatabase db, const Scope &scope, const QString &asOfIso, const OrgUnits &units)
{
    DataTable t;
    t.title = title(tr("Time between the steps of a sale (median hours)"), scope, units);
    t.columns = {QStringLiteral("rep_id"), QStringLiteral("rep")};
    t.headers = {tr("Rep id"), tr("Rep")};
    for (int i = 0; i < kSalesSteps; ++i) {
        t.columns << salesStepKey(SalesStep(i)) + QStringLiteral("_hours") << salesStepKey(SalesStep(i)) + QStringLiteral("_n");
        t.headers << salesStepLabel(SalesStep(i)) << tr("n");
    }
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("user");
    const QHash<QString, StepTimes> times = loadStepTimes(db, scope, asOfIso);
    StepTimes all;
    auto row = [](const QString &id, const QString &name, const StepTimes &st) {
        QVariantList r{id, name};
        for (int i = 0; i < kSalesSteps; ++i)
            r << opt(median(st.hours[i])) << int(st.hours[i].size());
        return r;
    };
    for (const OrgUnit &u : units.unitsWithin(scope.org, GroupBy::Rep)) {
        const StepTimes st = times.value(u.id); // a rep with no step in the period: n = 0
        all.add(st);
        t.rows << row(u.id, u.name, st);
    }
    if (scope.org.level != OrgLevel::Rep)
        t.rows << row(QString(), units.name(scope.org), all);
    return t;
}

} // namespace cockpit::analytics
