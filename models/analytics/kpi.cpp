#include "analytics/kpi.h"

#include "analytics/analyticstext.h"
#include "analytics/cockpitfacts.h"
#include "analytics/query.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cockpit::analytics {

namespace {

// "Now" in epoch seconds; without a valid now, before every time (nothing has happened yet).
qint64 nowSecs(const KpiRequest &req)
{
    return req.now.isValid() ? req.now.toSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

// The end of what has happened in the period (epoch seconds): its end, or now when it is
// still running.
qint64 effectiveEnd(const KpiRequest &req)
{
    return std::min(req.scope.period.endSecs(), nowSecs(req));
}

QDate today(const KpiRequest &req)
{
    return req.now.isValid() ? companyDayOf(nowSecs(req)) : QDate();
}

const OrgColumns kLeadOrg{QStringLiteral("l.region_id"), QStringLiteral("l.city_id"),
                          QStringLiteral("l.team_id"), QStringLiteral("l.owner_id")};
const OrgColumns kUserOrg{QStringLiteral("u.region_id"), QStringLiteral("u.city_id"),
                          QStringLiteral("u.team_id"), QStringLiteral("u.id")};
const OrgColumns kStoreOrg{QStringLiteral("s.region_id"), QStringLiteral("s.city_id"), {}, {}};

KpiTile makeTile(const QString &key, const KpiThreshold &t, Direction d)
{
    KpiTile tile;
    tile.key = key;
    tile.healthy = t.healthy;
    tile.industry = t.industry;
    tile.direction = d;
    return tile;
}

void finish(KpiTile &tile)
{
    tile.rag = kpiRag(tile.hasData, tile.value, tile.direction, tile.healthy, tile.industry);
}

// ---- lead follow-up time -------------------------------------------------------------
// Per lead open in [S, E) (DESIGN.md §5): its window is [w0, w1] = [max(S, created),
// min(E, closed)]; the n distinct instants of its sales actions strictly inside (w0, w1) cut
// it into n + 1 gaps, the first from w0 (time before the period never counts), the last up to
// w1. An action exactly at w0 or w1 (or a second one at the same second) cuts nothing, so no
// gap is ever 0 s long. The gaps telescope: Σ gaps = w1 − w0 over n + 1 gaps. A lead closed at
// or before S, or created at or after E, has no window.
QString followUpSql(const KpiRequest &req, QVariantList &binds)
{
    const QVariant s = times::instantParam(req.scope.period.startSecs());
    const QVariant e = times::instantParam(effectiveEnd(req));
    binds = {s, e, e, s, e, e, e, s};
    QString sql = QStringLiteral(
        "SELECT l.id AS lead_id, MAX(?, l.created_at) AS p0,"
        " MIN(?, COALESCE(l.closed_at, ?)) AS e,"
        " (SELECT COUNT(DISTINCT a.at) FROM activities a WHERE a.lead_id = l.id AND a.direction = 'sales'"
        "   AND a.deleted = 0 AND a.at > MAX(?, l.created_at) AND a.at < MIN(?, COALESCE(l.closed_at, ?))) AS n"
        " FROM leads l WHERE l.deleted = 0 AND l.created_at < ? AND (l.closed_at IS NULL OR l.closed_at > ?)"
        " AND (l.closed_at IS NULL OR l.closed_at > l.created_at)");
    sql += orgCondition(req.scope.org, kLeadOrg, binds);
    return sql;
}

// ---- effective actions ---------------------------------------------------------------
QString effectiveCondition()
{
    return QStringLiteral(
        " AND (a.kind IN ('visit', 'meeting', 'demo', 'quote') OR (a.kind = 'call' AND a.duration_seconds >= ?)"
        " OR (a.kind IN ('wechat', 'email') AND EXISTS (SELECT 1 FROM activities r WHERE r.reply_to = a.id"
        "   AND r.direction = 'customer' AND r.deleted = 0 AND r.at >= a.at"
        "   AND r.at - a.at <= ? * 3600)))");
}

struct ActionWindow
{
    QDate first, last; // completed company days of the period
    qint64 startSecs = 0, endSecs = 0;
    bool valid() const { return first.isValid() && last.isValid() && first <= last; }
};

ActionWindow actionWindow(const KpiRequest &req)
{
    ActionWindow w;
    w.first = req.scope.period.first;
    w.last = std::min(req.scope.period.last, today(req).addDays(-1));
    w.startSecs = companyDayStart(w.first);
    w.endSecs = companyDayStart(w.last.addDays(1));
    return w;
}

QString actionsFrom(const KpiRequest &req, const ActionWindow &w, QVariantList &binds)
{
    binds = {times::instantParam(w.startSecs), times::instantParam(w.endSecs)};
    QString sql = QStringLiteral(
        " FROM activities a JOIN users u ON u.id = a.actor_id"
        " WHERE a.direction = 'sales' AND a.deleted = 0 AND a.at >= ? AND a.at < ?"
        " AND u.role = 'sales' AND u.deleted = 0");
    sql += orgCondition(req.scope.org, kUserOrg, binds);
    sql += effectiveCondition();
    binds << req.settings.effectiveCallSeconds << req.settings.replyWithinHours;
    return sql;
}

// ---- new hires -----------------------------------------------------------------------
struct NewHireDeal
{
    QString leadId, title, customer, repId, rep, status, closedAt; // closedAt: ISO text
    QDate hired;
};

QVector<NewHireDeal> newHireDeals(QSqlDatabase db, const KpiRequest &req, int *reps)
{
    const QDate ref = std::min(req.scope.period.last, today(req));
    QVariantList binds{dateParam(ref.addMonths(-12)), dateParam(ref)};
    QString where = QStringLiteral(" WHERE u.role = 'sales' AND u.deleted = 0 AND u.hire_date > ? AND u.hire_date <= ?");
    where += orgCondition(req.scope.org, kUserOrg, binds);
    if (reps)
        *reps = scalar(db, QStringLiteral("SELECT COUNT(*) FROM users u") + where, binds, 0).toInt();
    QSqlQuery q = runQuery(db, QStringLiteral(
        "SELECT l.id, l.title, c.name, u.id, u.name, l.status, l.closed_at, u.hire_date"
        " FROM users u JOIN leads l ON l.owner_id = u.id AND l.status IN ('won', 'lost') AND l.deleted = 0"
        " JOIN customers c ON c.id = l.customer_id") + where + QStringLiteral(" ORDER BY u.name, l.closed_at"), binds);
    const qint64 cut = effectiveEnd(req); // the period's end (or now): a past period never reads later deals
    QVector<NewHireDeal> out;
    while (q.next()) {
        qint64 closedSecs = 0;
        if (!times::instantOf(q.value(6), &closedSecs) || closedSecs >= cut)
            continue;
        NewHireDeal d{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                      times::isoFromSecs(closedSecs), times::dateOf(q.value(7))};
        const QDate closed = companyDayOf(closedSecs);
        if (!closed.isValid() || closed < d.hired || closed > d.hired.addDays(29))
            continue;
        out << d;
    }
    return out;
}

// ---- forecast accuracy ---------------------------------------------------------------
struct ForecastMonth
{
    QDate month;
    bool hasForecast = false;
    qint64 forecastCents = 0, actualCents = 0;
    double accuracyPct = 0;
    bool counted = false;
};

QVector<ForecastMonth> forecastRows(QSqlDatabase db, const KpiRequest &req)
{
    const QVector<QDate> months = forecastMonths(req.scope.period, today(req));
    QVector<ForecastMonth> out;
    const OrgScope &org = req.scope.org;
    for (const QDate &m : months) {
        ForecastMonth row;
        row.month = m;
        // Snapshots of the month at the org's level (a team: its reps' snapshots summed).
        QVariantList binds{dateParam(m)};
        // The value as first taken: a snapshot that was revised in place (older data, or a
        // revision written over it) still has its original value as the old value of its
        // earliest revision; an unrevised snapshot is its own value.
        QString sql = QStringLiteral(
            "SELECT f.org_id, f.taken_at, COALESCE((SELECT r.old_value_cents FROM forecast_revisions r"
            "   WHERE r.snapshot_id = f.id AND r.deleted = 0 ORDER BY r.at, r.id LIMIT 1), f.value_cents)"
            " FROM forecast_snapshots f WHERE f.period_kind = 'month' AND f.period_start = ? AND f.deleted = 0");
        switch (org.level) {
        case OrgLevel::Company: sql += QStringLiteral(" AND f.org_level = 'company'"); break;
        case OrgLevel::Region: sql += QStringLiteral(" AND f.org_level = 'region' AND f.org_id = ?"); binds << org.id; break;
        case OrgLevel::City: sql += QStringLiteral(" AND f.org_level = 'city' AND f.org_id = ?"); binds << org.id; break;
        case OrgLevel::Team:
            sql += QStringLiteral(" AND f.org_level = 'rep' AND f.org_id IN (SELECT id FROM users WHERE team_id = ?)");
            binds << org.id;
            break;
        case OrgLevel::Rep: sql += QStringLiteral(" AND f.org_level = 'rep' AND f.org_id = ?"); binds << org.id; break;
        }
        const qint64 monthStart = companyDayStart(m.addDays(1)); // taken on or before its first day
        struct Pick { qint64 takenAt = 0; qint64 value = 0; bool early = false; };
        QHash<QString, Pick> pick; // org id → chosen snapshot
        QSqlQuery q = runQuery(db, sql, binds);
        while (q.next()) {
            const QString id = q.value(0).toString();
            qint64 taken = std::numeric_limits<qint64>::max(); // unreadable: the latest, never early
            times::instantOf(q.value(1), &taken);
            const bool early = taken < monthStart;
            Pick candidate{taken, q.value(2).toLongLong(), early};
            auto it = pick.find(id);
            if (it == pick.end())
                pick.insert(id, candidate);
            else if (early && (!it->early || taken > it->takenAt))
                *it = candidate; // the latest one taken by the start of the month
            else if (!early && !it->early && taken < it->takenAt)
                *it = candidate; // none early: the earliest
        }
        for (const Pick &p : std::as_const(pick))
            row.forecastCents += p.value;
        row.hasForecast = !pick.isEmpty();
        QVariantList pb{dateParam(m), dateParam(m.addMonths(1))};
        QString psql = QStringLiteral("SELECT SUM(p.amount_cents) FROM payments p");
        if (!org.isCompany())
            psql += QStringLiteral(" JOIN users u ON u.id = p.rep_id");
        psql += QStringLiteral(" WHERE p.paid_on >= ? AND p.paid_on < ? AND p.deleted = 0");
        psql += orgCondition(org, kUserOrg, pb);
        row.actualCents = std::max<qint64>(0, scalar(db, psql, pb, 0).toLongLong()); // refunds never below 0
        if (row.hasForecast && row.actualCents > 0) {
            const double err = std::abs(double(row.actualCents - row.forecastCents)) / double(row.actualCents);
            row.accuracyPct = std::max(0.0, 1.0 - err) * 100.0;
            row.counted = true;
        }
        out << row;
    }
    return out;
}

// ---- store efficiency ----------------------------------------------------------------
bool storesAtLevel(const OrgScope &org)
{
    return org.level == OrgLevel::Company || org.level == OrgLevel::Region || org.level == OrgLevel::City;
}

QString storeFrom(const KpiRequest &req, QVariantList &binds)
{
    binds = {dateParam(req.scope.period.first), dateParam(req.scope.period.last)};
    QString sql = QStringLiteral(" FROM store_days d JOIN stores s ON s.id = d.store_id"
                                 " WHERE d.day >= ? AND d.day <= ? AND d.deleted = 0 AND s.deleted = 0 AND d.staff > 0");
    sql += orgCondition(req.scope.org, kStoreOrg, binds);
    return sql;
}

} // namespace

double numericSetting(QSqlDatabase db, const QString &key, double fallback)
{
    const QVariant v = scalar(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    bool ok = false;
    const double d = v.toString().trimmed().toDouble(&ok);
    return ok && std::isfinite(d) ? d : fallback;
}

KpiSettings KpiSettings::load(QSqlDatabase db)
{
    KpiSettings s;
    auto read = [&](const char *key, KpiThreshold &t) {
        const QString k = QString::fromLatin1(key);
        t.healthy = numericSetting(db, QStringLiteral("kpi.%1.healthy").arg(k), t.healthy);
        t.industry = numericSetting(db, QStringLiteral("kpi.%1.industry").arg(k), t.industry);
    };
    read("followup", s.followUp);
    read("actions", s.actions);
    read("newhire", s.newHire);
    read("forecast", s.forecast);
    read("store", s.store);
    s.effectiveCallSeconds = int(numericSetting(db, QStringLiteral("kpi.effective_call_seconds"), s.effectiveCallSeconds));
    s.replyWithinHours = int(numericSetting(db, QStringLiteral("kpi.reply_within_hours"), s.replyWithinHours));
    return s;
}

Rag kpiRag(bool hasData, double value, Direction direction, double healthy, double industry)
{
    if (!hasData || !std::isfinite(value))
        return Rag::Grey;
    const bool lower = direction == Direction::LowerIsBetter;
    if (lower ? value <= healthy : value >= healthy)
        return Rag::Green;
    if (lower ? value <= industry : value >= industry)
        return Rag::Yellow;
    return Rag::Red;
}

QVector<QDate> forecastMonths(const Period &period, QDate today)
{
    QDate end = QDate(period.last.year(), period.last.month(), 1).addMonths(1);
    const QDate thisMonth(today.year(), today.month(), 1);
    if (end > thisMonth)
        end = thisMonth;
    return {end.addMonths(-3), end.addMonths(-2), end.addMonths(-1)};
}

int repWorkingDays(QDate first, QDate last, QDate hired, QDate left)
{
    if (hired.isValid() && hired > first)
        first = hired;
    if (left.isValid() && left.addDays(-1) < last)
        last = left.addDays(-1); // left on that day
    int n = 0;
    for (QDate d = first; d.isValid() && d <= last; d = d.addDays(1))
        if (d.dayOfWeek() <= 5)
            ++n;
    return n;
}

KpiTile followUpTile(QSqlDatabase db, const KpiRequest &req, const CockpitFacts *facts)
{
    KpiTile t = makeTile(QStringLiteral("followup"), req.settings.followUp, Direction::LowerIsBetter);
    t.label = tr("Lead follow-up time");
    t.unit = tr("days");
    t.numeratorLabel = tr("gap days");
    t.denominatorLabel = tr("gaps");
    t.sampleLabel = tr("leads");
    t.definition = tr("For leads open at any time in the period: the mean gap in days between consecutive sales "
                      "actions. A lead's window runs from the period start (or its creation, if later) to the "
                      "period end (or its closing, or now, if earlier); its sales actions inside the window cut it "
                      "into gaps, the first from the window's start, the last up to its end. Time before the period "
                      "never counts. Total gap days of all leads / number of gaps.");
    if (facts && facts->usable() && req.scope.period.startSecs() < effectiveEnd(req)) {
        const CockpitFacts::FollowUp f = facts->followUp(req.scope.org, req.scope.period.startSecs(), effectiveEnd(req));
        t.sample = f.leads;
        t.numerator = f.gapDays;
        t.denominator = double(f.gaps);
    } else if (req.scope.period.startSecs() < effectiveEnd(req)) {
        QVariantList binds;
        const QString inner = followUpSql(req, binds);
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT COUNT(*), SUM(e - p0) / 86400.0, SUM(n + 1) FROM (")
                                       + inner + QStringLiteral(")"), binds);
        if (q.next()) {
            t.sample = q.value(0).toInt();
            t.numerator = q.value(1).toDouble();
            t.denominator = q.value(2).toDouble();
        }
    }
    t.hasData = t.denominator > 0;
    t.value = t.hasData ? t.numerator / t.denominator : 0;
    if (!t.hasData)
        t.note = tr("No lead was open in the period.");
    finish(t);
    return t;
}

KpiTile effectiveActionsTile(QSqlDatabase db, const KpiRequest &req, const CockpitFacts *facts)
{
    KpiTile t = makeTile(QStringLiteral("actions"), req.settings.actions, Direction::HigherIsBetter);
    t.label = tr("Effective actions / rep / day");
    t.unit = tr("per rep-day");
    t.numeratorLabel = tr("effective actions");
    t.denominatorLabel = tr("rep-days");
    t.sampleLabel = tr("reps");
    t.definition = tr("Effective actions (a call of at least %1 s, a visit, meeting, demo or quote sent, or a WeChat "
                      "message or email the customer answered within %2 h) by the sales reps in scope, divided by "
                      "rep-days: for every rep, the Monday–Friday days of the period on which they were employed, "
                      "up to yesterday.")
                       .arg(req.settings.effectiveCallSeconds)
                       .arg(req.settings.replyWithinHours);
    const ActionWindow w = actionWindow(req);
    if (w.valid()) {
        QVariantList ub;
        QString usql = QStringLiteral("SELECT u.hire_date, u.left_date FROM users u WHERE u.role = 'sales' AND u.deleted = 0");
        usql += orgCondition(req.scope.org, kUserOrg, ub);
        QSqlQuery q = runQuery(db, usql, ub);
        while (q.next()) {
            const int days = repWorkingDays(w.first, w.last, times::dateOf(q.value(0)), times::dateOf(q.value(1)));
            if (days > 0) {
                t.denominator += days;
                ++t.sample;
            }
        }
        if (t.denominator > 0 && facts && facts->usable()) {
            t.numerator = double(facts->effectiveActions(req.scope.org, w.startSecs, w.endSecs));
        } else if (t.denominator > 0) {
            QVariantList binds;
            const QString from = actionsFrom(req, w, binds);
            t.numerator = scalar(db, QStringLiteral("SELECT COUNT(*)") + from, binds, 0).toDouble();
        }
    }
    t.hasData = t.denominator > 0;
    t.value = t.hasData ? t.numerator / t.denominator : 0;
    if (!t.hasData)
        t.note = tr("No completed working day of a sales rep in the period.");
    finish(t);
    return t;
}

KpiTile newHireTile(QSqlDatabase db, const KpiRequest &req)
{
    KpiTile t = makeTile(QStringLiteral("newhire"), req.settings.newHire, Direction::HigherIsBetter);
    t.label = tr("New-hire first-month win rate");
    t.unit = QStringLiteral("%");
    t.numeratorLabel = tr("won");
    t.denominatorLabel = tr("closed deals");
    t.sampleLabel = tr("new reps");
    t.definition = tr("Won / (won + lost) over the deals closed within 30 days of their rep's hire date, for reps "
                      "hired in the 12 months up to the period's end. Only deals closed by the period's end (or "
                      "now) count, so a past period never changes.");
    int reps = 0;
    const QVector<NewHireDeal> deals = newHireDeals(db, req, &reps);
    for (const NewHireDeal &d : deals) {
        t.denominator += 1;
        if (d.status == QLatin1String("won"))
            t.numerator += 1;
    }
    t.sample = reps;
    t.hasData = t.denominator > 0;
    t.value = t.hasData ? 100.0 * t.numerator / t.denominator : 0;
    if (!t.hasData)
        t.note = reps ? tr("No deal of a new rep was closed in their first month.") : tr("No rep was hired in the 12 months.");
    finish(t);
    return t;
}

KpiTile forecastTile(QSqlDatabase db, const KpiRequest &req)
{
    KpiTile t = makeTile(QStringLiteral("forecast"), req.settings.forecast, Direction::HigherIsBetter);
    t.label = tr("Monthly forecast accuracy");
    t.unit = QStringLiteral("%");
    t.numeratorLabel = tr("sum of monthly accuracies (%)");
    t.denominatorLabel = tr("months");
    t.sampleLabel = tr("months");
    t.definition = tr("Mean over the last 3 complete months of 1 − |actual − forecast| / actual: forecast = the "
                      "snapshot taken at the month's start, as it stood then (a later revision never changes it); "
                      "actual = collections paid in that month, floored at 0. A month off by more than 100 % "
                      "counts as 0 %.");
    const QVector<ForecastMonth> rows = forecastRows(db, req);
    QStringList months;
    for (const ForecastMonth &m : rows) {
        months << m.month.toString(QStringLiteral("yyyy-MM"));
        if (!m.counted)
            continue;
        t.numerator += m.accuracyPct;
        t.denominator += 1;
    }
    t.sample = int(t.denominator);
    t.hasData = t.denominator > 0;
    t.value = t.hasData ? t.numerator / t.denominator : 0;
    t.note = t.hasData ? tr("Months: %1").arg(months.join(QStringLiteral(", ")))
                       : tr("No month with both a forecast and collections among %1.").arg(months.join(QStringLiteral(", ")));
    finish(t);
    return t;
}

KpiTile storeTile(QSqlDatabase db, const KpiRequest &req)
{
    KpiTile t = makeTile(QStringLiteral("store"), req.settings.store, Direction::HigherIsBetter);
    t.label = tr("Store receptions / staff / day");
    t.unit = tr("groups");
    t.numeratorLabel = tr("sum of receptions per staff");
    t.denominatorLabel = tr("store-days");
    t.sampleLabel = tr("store-days");
    t.definition = tr("Customer groups received / staff on duty per store-day, averaged over the store-days of the "
                      "period.");
    if (!storesAtLevel(req.scope.org)) {
        t.note = tr("Stores belong to regions and cities; pick one of those to see this figure.");
        finish(t);
        return t;
    }
    QVariantList binds;
    const QString from = storeFrom(req, binds);
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT COUNT(*), SUM(CAST(d.receptions AS REAL) / d.staff)") + from, binds);
    if (q.next()) {
        t.denominator = q.value(0).toDouble();
        t.numerator = q.value(1).toDouble();
    }
    t.sample = int(t.denominator);
    t.hasData = t.denominator > 0;
    t.value = t.hasData ? t.numerator / t.denominator : 0;
    if (!t.hasData)
        t.note = tr("No store-day in the period.");
    finish(t);
    return t;
}

QVector<KpiTile> computeKpis(QSqlDatabase db, const KpiRequest &req)
{
    return {followUpTile(db, req), effectiveActionsTile(db, req), newHireTile(db, req), forecastTile(db, req),
            storeTile(db, req)};
}

DataTable kpiDrillDown(QSqlDatabase db, const KpiRequest &req, const QString &key)
{
    DataTable t;
    if (key == QLatin1String("followup")) {
        t.title = tr("Lead follow-up gaps");
        t.columns = {QStringLiteral("lead_id"), QStringLiteral("title"), QStringLiteral("customer"), QStringLiteral("owner"),
                     QStringLiteral("status"), QStringLiteral("actions_in_period"), QStringLiteral("gaps"),
                     QStringLiteral("gap_days"), QStringLiteral("mean_gap_days"), QStringLiteral("window_start"),
                     QStringLiteral("window_end")};
        t.headers = {tr("Lead"), tr("Title"), tr("Customer"), tr("Owner"), tr("Status"), tr("Actions in period"),
                     tr("Gaps"), tr("Gap days"), tr("Mean gap (days)"), tr("Counted from"), tr("Counted to")};
        t.keyColumn = 0;
        t.keyKind = QStringLiteral("lead");
        if (req.scope.period.startSecs() >= effectiveEnd(req))
            return t;
        QVariantList binds;
        const QString inner = followUpSql(req, binds);
        QSqlQuery q = runQuery(db, QStringLiteral(
            "SELECT f.lead_id, l.title, c.name, o.name, l.status, f.n, (f.e - f.p0) / 86400.0, f.p0, f.e FROM (")
            + inner + QStringLiteral(") f JOIN leads l ON l.id = f.lead_id JOIN customers c ON c.id = l.customer_id"
                                     " LEFT JOIN users o ON o.id = l.owner_id ORDER BY 7 DESC"), binds);
        while (q.next()) {
            const int n = q.value(5).toInt();
            const double days = q.value(6).toDouble();
            t.rows << QVariantList{q.value(0), q.value(1), q.value(2), q.value(3), q.value(4), n, n + 1,
                                   std::round(days * 100) / 100, std::round(days / (n + 1) * 100) / 100,
                                   times::instantIso(q.value(7)), times::instantIso(q.value(8))};
        }
    } else if (key == QLatin1String("actions")) {
        t.title = tr("Effective actions");
        t.columns = {QStringLiteral("lead_id"), QStringLiteral("at"), QStringLiteral("rep"), QStringLiteral("kind"),
                     QStringLiteral("duration_s"), QStringLiteral("title"), QStringLiteral("customer")};
        t.headers = {tr("Lead"), tr("At (UTC)"), tr("Rep"), tr("Kind"), tr("Duration (s)"), tr("Lead title"), tr("Customer")};
        t.keyColumn = 0;
        t.keyKind = QStringLiteral("lead");
        const ActionWindow w = actionWindow(req);
        if (!w.valid())
            return t;
        QVariantList binds;
        const QString from = actionsFrom(req, w, binds);
        QSqlQuery q = runQuery(db, QStringLiteral(
            "SELECT a.lead_id, a.at, u.name, a.kind, a.duration_seconds,"
            " (SELECT title FROM leads WHERE id = a.lead_id), (SELECT name FROM customers WHERE id = a.customer_id)")
            + from + QStringLiteral(" ORDER BY a.at"), binds);
        while (q.next())
            t.rows << QVariantList{q.value(0), times::instantIso(q.value(1)), q.value(2), q.value(3), q.value(4).toInt(),
                                   q.value(5), q.value(6)};
    } else if (key == QLatin1String("newhire")) {
        t.title = tr("First-month deals of new reps");
        t.columns = {QStringLiteral("lead_id"), QStringLiteral("rep"), QStringLiteral("hired"), QStringLiteral("closed_at"),
                     QStringLiteral("status"), QStringLiteral("title"), QStringLiteral("customer")};
        t.headers = {tr("Lead"), tr("Rep"), tr("Hired"), tr("Closed at (UTC)"), tr("Status"), tr("Title"), tr("Customer")};
        t.keyColumn = 0;
        t.keyKind = QStringLiteral("lead");
        for (const NewHireDeal &d : newHireDeals(db, req, nullptr))
            t.rows << QVariantList{d.leadId, d.rep, d.hired, d.closedAt, d.status, d.title, d.customer};
    } else if (key == QLatin1String("forecast")) {
        t.title = tr("Monthly forecast vs collections");
        t.columns = {QStringLiteral("month"), QStringLiteral("forecast_cents"), QStringLiteral("actual_cents"),
                     QStringLiteral("accuracy_pct"), QStringLiteral("counted")};
        t.headers = {tr("Month"), tr("Forecast at month start"), tr("Collections"), tr("Accuracy"), tr("Counted")};
        QSqlQuery currency = runQuery(db, QStringLiteral("SELECT value FROM settings WHERE key = 'currency'"));
        t.currency = currency.next() && !currency.value(0).toString().isEmpty() ? currency.value(0).toString()
                                                                                 : QStringLiteral("CNY");
        for (const ForecastMonth &m : forecastRows(db, req))
            t.rows << QVariantList{m.month.toString(QStringLiteral("yyyy-MM")),
                                   m.hasForecast ? QVariant(m.forecastCents) : QVariant(),
                                   m.actualCents, m.counted ? QVariant(m.accuracyPct) : QVariant(),
                                   m.counted ? tr("yes") : tr("no")};
    } else if (key == QLatin1String("store")) {
        t.title = tr("Store-days");
        t.columns = {QStringLiteral("store"), QStringLiteral("day"), QStringLiteral("staff"), QStringLiteral("receptions"),
                     QStringLiteral("receptions_per_staff")};
        t.headers = {tr("Store"), tr("Day"), tr("Staff"), tr("Receptions"), tr("Receptions per staff")};
        if (!storesAtLevel(req.scope.org))
            return t;
        QVariantList binds;
        const QString from = storeFrom(req, binds);
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT s.name, d.day, d.staff, d.receptions") + from
                                       + QStringLiteral(" ORDER BY s.name, d.day"), binds);
        while (q.next()) {
            const int staff = q.value(2).toInt();
            const int rec = q.value(3).toInt();
            t.rows << QVariantList{q.value(0), times::dateOf(q.value(1)), staff, rec,
                                   std::round(100.0 * rec / staff) / 100};
        }
    }
    return t;
}

DataTable kpiTable(const QVector<KpiTile> &tiles, const QString &title)
{
    DataTable t;
    t.title = title;
    t.columns = {QStringLiteral("kpi"), QStringLiteral("label"), QStringLiteral("value"), QStringLiteral("unit"),
                 QStringLiteral("healthy"), QStringLiteral("direction"), QStringLiteral("industry_mean"),
                 QStringLiteral("status"), QStringLiteral("numerator"), QStringLiteral("denominator"),
                 QStringLiteral("sample"), QStringLiteral("note")};
    t.headers = {tr("KPI"), tr("Label"), tr("Value"), tr("Unit"), tr("Healthy"), tr("Direction"), tr("Industry mean"),
                 tr("Status"), tr("Numerator"), tr("Denominator"), tr("Sample"), tr("Note")};
    for (const KpiTile &k : tiles) {
        t.rows << QVariantList{k.key, k.label, k.hasData ? QVariant(std::round(k.value * 100) / 100) : QVariant(),
                               k.unit, k.healthy,
                               k.direction == Direction::LowerIsBetter ? QStringLiteral("<=") : QStringLiteral(">="),
                               k.industry, ragKey(k.rag), std::round(k.numerator * 100) / 100, k.denominator,
                               k.sample, k.note};
    }
    return t;
}

} // namespace cockpit::analytics
