#include "analytics/touchpoints.h"

#include "domain/pipelinevalidation.h"
#include "analytics/query.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

namespace cockpit::analytics {

namespace {

// The leads' org columns; the portfolio query names the leads table `l`.
const OrgColumns kLeadOrg{QStringLiteral("l.region_id"), QStringLiteral("l.city_id"), QStringLiteral("l.team_id"),
                          QStringLiteral("l.owner_id")};

struct Span
{
    QDate first, last, lastObserved;
};

// FROM/WHERE of the activities of `subject` between two bounds in epoch seconds (the
// activities are `a`).
// One lead: idx_activities_by_lead (covering). An org unit: its leads first (CROSS JOIN keeps
// SQLite from starting at idx_activities_at and looking every activity's lead up), then each
// lead's activities by idx_activities_by_lead. The whole company: idx_activities_at.
QString activitiesFrom(const TouchpointSubject &subject, qint64 startSecs, qint64 endSecs, QVariantList &binds)
{
    const QVariant startUtc = times::instantParam(startSecs), endUtc = times::instantParam(endSecs);
    if (!subject.leadId.isEmpty()) {
        binds << subject.leadId << startUtc << endUtc;
        return QStringLiteral(" FROM activities a WHERE a.lead_id = ? AND a.at >= ? AND a.at < ? AND a.deleted = 0");
    }
    if (subject.scope.org.isCompany()) {
        binds << startUtc << endUtc;
        return QStringLiteral(" FROM activities a WHERE a.at >= ? AND a.at < ? AND a.deleted = 0"
                              " AND a.lead_id IN (SELECT id FROM leads WHERE deleted = 0)");
    }
    QVariantList orgBinds;
    const QString org = orgCondition(subject.scope.org, kLeadOrg, orgBinds);
    binds << orgBinds << startUtc << endUtc;
    return QStringLiteral(" FROM leads l CROSS JOIN activities a ON a.lead_id = l.id WHERE l.deleted = 0") + org
        + QStringLiteral(" AND a.at >= ? AND a.at < ? AND a.deleted = 0");
}

Span spanOf(QSqlDatabase db, const TouchpointSubject &subject)
{
    qint64 now = 0;
    const QDate today = utcSecs(subject.nowIso, &now) ? companyDayOf(now) : QDate();
    if (!today.isValid())
        throw QueryError(QStringLiteral("touchpoints: \"now\" is not an ISO-8601 time: \"%1\"").arg(subject.nowIso));
    if (subject.leadId.isEmpty()) {
        const Period &p = subject.scope.period;
        if (!p.isValid())
            throw QueryError(QStringLiteral("touchpoints: the period is not valid"));
        return {p.first, p.last, std::min(p.last, today)};
    }
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT created_at, closed_at, status FROM leads WHERE id = ? AND deleted = 0"),
                           {subject.leadId});
    if (!q.next())
        throw QueryError(QStringLiteral("touchpoints: no lead has the id \"%1\"").arg(subject.leadId));
    qint64 createdSecs = 0, closedSecs = 0;
    const QDate created = times::instantOf(q.value(0), &createdSecs) ? companyDayOf(createdSecs) : QDate();
    const bool closed = q.value(2).toString() != QLatin1String("open") && !q.value(1).isNull();
    QDate end = !closed ? today : times::instantOf(q.value(1), &closedSecs) ? companyDayOf(closedSecs) : QDate();
    if (!created.isValid())
        throw QueryError(QStringLiteral("touchpoints: lead \"%1\" has no valid creation time").arg(subject.leadId));
    if (!end.isValid() || end < created)
        end = created;
    return {created, end, end};
}

} // namespace

QString touchRowKey(int row)
{
    switch (row) {
    case 0: return QStringLiteral("sales");
    case 1: return QStringLiteral("customer");
    case 2: return QStringLiteral("cross");
    default: return {};
    }
}

QString touchRowLabel(int row)
{
    return activityDirectionLabel(touchRowKey(row));
}

int touchRowFromKey(const QString &direction)
{
    for (int r = 0; r < kTouchRows; ++r)
        if (touchRowKey(r) == direction)
            return r;
    return -1;
}

BucketSize bucketSizeFor(int days)
{
    return days <= kMaxDayBuckets ? BucketSize::Day : BucketSize::Week;
}

int TouchpointGrid::maxCount() const
{
    int m = 0;
    for (const TouchBucket &b : buckets)
        for (int c : b.counts)
            m = std::max(m, c);
    return m;
}

int TouchpointGrid::total(int row) const
{
    int t = 0;
    for (const TouchBucket &b : buckets)
        t += b.counts[size_t(row)];
    return t;
}

int TouchpointGrid::bucketOf(QDate day) const
{
    if (!day.isValid() || buckets.isEmpty() || day < first || day > last)
        return -1;
    // Buckets are contiguous and sorted: binary search on the first day.
    const auto it = std::upper_bound(buckets.cbegin(), buckets.cend(), day,
                                     [](QDate d, const TouchBucket &b) { return d < b.first; });
    return int(it - buckets.cbegin()) - 1;
}

int TouchpointGrid::coldDaysIn(int bucket) const
{
    if (bucket < 0 || bucket >= buckets.size())
        return 0;
    const TouchBucket &b = buckets.at(bucket);
    int n = 0;
    for (const ColdZone &z : coldZones) {
        const QDate from = std::max(z.first, b.first), to = std::min(z.last, b.last);
        if (from <= to)
            n += int(from.daysTo(to)) + 1;
    }
    return n;
}

QVector<ColdZone> findColdZones(QDate first, QDate last, const QVector<DayCount> &days, int coldDays)
{
    QVector<ColdZone> zones;
    if (!first.isValid() || !last.isValid() || last < first)
        return zones;
    const int n = int(first.daysTo(last)) + 1;
    QVector<bool> touched(n, false);
    for (const DayCount &d : days) {
        if (d.count <= 0 || d.row == int(TouchRow::Cross) || d.day < first || d.day > last)
            continue;
        touched[int(first.daysTo(d.day))] = true;
    }
    coldDays = std::max(1, coldDays);
    int runStart = -1;
    for (int i = 0; i <= n; ++i) {
        const bool silent = i < n && !touched.at(i);
        if (silent && runStart < 0)
            runStart = i;
        if (!silent && runStart >= 0) {
            if (i - runStart >= coldDays)
                zones.push_back(ColdZone{first.addDays(runStart), first.addDays(i - 1)});
            runStart = -1;
        }
    }
    return zones;
}

TouchpointGrid buildTouchpointGrid(QDate first, QDate last, QDate lastObserved, const QVector<DayCount> &days,
                                   int coldDays, std::optional<BucketSize> size)
{
    TouchpointGrid g;
    g.coldDays = std::max(1, coldDays);
    if (!first.isValid() || !last.isValid() || last < first)
        return g;
    g.first = first;
    g.last = last;
    g.lastObserved = lastObserved;
    g.size = size.value_or(bucketSizeFor(int(first.daysTo(last)) + 1));
    for (QDate d = first; d <= last;) {
        TouchBucket b;
        b.first = d;
        b.last = g.size == BucketSize::Day ? d : std::min(last, d.addDays(7 - d.dayOfWeek())); // to Sunday
        b.future = lastObserved.isValid() && b.first > lastObserved;
        g.buckets.push_back(b);
        d = b.last.addDays(1);
    }
    for (const DayCount &d : days) {
        if (d.row < 0 || d.row >= kTouchRows)
            continue;
        const int b = g.bucketOf(d.day);
        if (b >= 0)
            g.buckets[b].counts[size_t(d.row)] += d.count;
    }
    const QDate observedEnd = lastObserved.isValid() ? std::min(last, lastObserved) : last;
    g.coldZones = findColdZones(first, observedEnd, days, g.coldDays);
    for (ColdZone &z : g.coldZones) {
        z.firstBucket = g.bucketOf(z.first);
        z.lastBucket = g.bucketOf(z.last);
    }
    return g;
}

TouchpointSubject TouchpointSubject::lead(const QString &id, const QString &nowIso)
{
    TouchpointSubject s;
    s.leadId = id;
    s.nowIso = nowIso;
    return s;
}

TouchpointSubject TouchpointSubject::portfolio(const Scope &scope, const QString &nowIso)
{
    TouchpointSubject s;
    s.scope = scope;
    s.nowIso = nowIso;
    return s;
}

int coldDaysSetting(QSqlDatabase db)
{
    bool ok = false;
    const int v = scalar(db, QStringLiteral("SELECT value FROM settings WHERE key = 'touchpoints.cold_days'")).toString().toInt(&ok);
    return ok && v >= 1 && v <= 365 ? v : kDefaultColdDays;
}

namespace {
// "YYYY-MM-DD HH:MM" of an instant on the company's clock (as strftime('%Y-%m-%d %H:%M', at,
// '+8 hours') wrote it when times were text).
QString beijingMinute(const QVariant &at)
{
    qint64 secs = 0;
    if (!times::instantOf(at, &secs))
        return {};
    char buf[20];
    times::formatIsoTime(secs + qint64(kDayOffsetMinutes) * 60, buf);
    buf[10] = ' ';
    return QString::fromLatin1(buf, 16);
}
} // namespace

TouchpointGrid computeTouchpoints(QSqlDatabase db, const TouchpointSubject &subject, int coldDays)
{
    const Span span = spanOf(db, subject);
    QVariantList binds;
    const QString from = activitiesFrom(subject, companyDayStart(span.first), companyDayStart(span.last.addDays(1)), binds);
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT %1 AS d, a.direction, COUNT(*)").arg(companyDaySql(QStringLiteral("a.at"))) + from
                               + QStringLiteral(" GROUP BY d, a.direction"),
                           binds);
    QVector<DayCount> days;
    while (q.next()) {
        const int row = touchRowFromKey(q.value(1).toString());
        if (row >= 0)
            days.push_back({times::dateOf(q.value(0)), row, q.value(2).toInt()});
    }
    return buildTouchpointGrid(span.first, span.last, span.lastObserved, days,
                               coldDays > 0 ? coldDays : coldDaysSetting(db), subject.size);
}

DataTable touchpointActivities(QSqlDatabase db, const TouchpointSubject &subject, int row, QDate first, QDate last)
{
    DataTable t;
    t.columns = {QStringLiteral("at_local"), QStringLiteral("kind"), QStringLiteral("direction"), QStringLiteral("actor"),
                 QStringLiteral("lead_id"), QStringLiteral("customer"), QStringLiteral("duration_seconds"),
                 QStringLiteral("text")};
    t.headers = {QCoreApplication::translate("cockpit::analytics::Touchpoints", "Time (Beijing)"), QCoreApplication::translate("cockpit::analytics::Touchpoints", "Kind"), QCoreApplication::translate("cockpit::analytics::Touchpoints", "Direction"), QCoreApplication::translate("cockpit::analytics::Touchpoints", "By"), QCoreApplication::translate("cockpit::analytics::Touchpoints", "Lead"), QCoreApplication::translate("cockpit::analytics::Touchpoints", "Customer"),
                 QCoreApplication::translate("cockpit::analytics::Touchpoints", "Duration (s)"), QCoreApplication::translate("cockpit::analytics::Touchpoints", "Text")};
    t.keyColumn = 4;
    t.keyKind = QStringLiteral("lead");
    const QString direction = touchRowKey(row);
    if (direction.isEmpty() || !first.isValid() || !last.isValid() || last < first)
        return t;
    QVariantList binds;
    const QString from = activitiesFrom(subject, companyDayStart(first), companyDayStart(last.addDays(1)), binds);
    binds << direction;
    const QString where = from + QStringLiteral(" AND a.direction = ?");
    QSqlQuery q = runQuery(db,
                           QStringLiteral("SELECT a.at, a.kind, a.direction,"
                                          " (SELECT name FROM users WHERE id = a.actor_id), a.lead_id,"
                                          " (SELECT name FROM customers WHERE id = a.customer_id),"
                                          " a.duration_seconds, a.text")
                               + where + QStringLiteral(" ORDER BY a.at DESC LIMIT %1").arg(kMaxDrillRows + 1),
                           binds);
    while (q.next()) {
        if (t.rows.size() == kMaxDrillRows)
            break;
        t.rows << QVariantList{beijingMinute(q.value(0)), activityKindLabel(q.value(1).toString()),
                               activityDirectionLabel(q.value(2).toString()), q.value(3).toString(),
                               q.value(4).toString(), q.value(5).toString(), q.value(6).toLongLong(),
                               q.value(7).toString()};
    }
    const QString days = first == last ? QLocale().toString(first, QLocale::ShortFormat)
                                       : QStringLiteral("%1 – %2").arg(QLocale().toString(first, QLocale::ShortFormat),
                                                                       QLocale().toString(last, QLocale::ShortFormat));
    t.title = QCoreApplication::translate("cockpit::analytics::Touchpoints", "%1 · %2").arg(touchRowLabel(row), days);
    if (q.next()) {
        const qint64 all = scalar(db, QStringLiteral("SELECT COUNT(*)") + where, binds).toLongLong();
        t.title += QCoreApplication::translate("cockpit::analytics::Touchpoints", " (newest %1 of %2)").arg(kMaxDrillRows).arg(all);
    }
    return t;
}

DataTable touchpointTable(const TouchpointGrid &grid, const QString &title)
{
    DataTable t;
    t.title = title;
    t.columns = {QStringLiteral("bucket_start"), QStringLiteral("bucket_end"), QStringLiteral("sales"),
                 QStringLiteral("customer"),     QStringLiteral("cross"),      QStringLiteral("cold"),
                 QStringLiteral("cold_days")};
    t.headers = {QCoreApplication::translate("cockpit::analytics::Touchpoints", "From"), QCoreApplication::translate("cockpit::analytics::Touchpoints", "To"), touchRowLabel(0), touchRowLabel(1), touchRowLabel(2), QCoreApplication::translate("cockpit::analytics::Touchpoints", "Cold zone"),
                 QCoreApplication::translate("cockpit::analytics::Touchpoints", "Cold days")};
    for (int i = 0; i < grid.buckets.size(); ++i) {
        const TouchBucket &b = grid.buckets.at(i);
        const int cold = grid.coldDaysIn(i);
        t.rows << QVariantList{b.first, b.last, b.counts[0], b.counts[1], b.counts[2], cold > 0 ? 1 : 0, cold};
    }
    return t;
}

} // namespace cockpit::analytics
