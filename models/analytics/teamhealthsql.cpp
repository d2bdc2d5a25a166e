// The queries behind rep and team health: each aggregates over the whole scope at once on
// indexed columns (stage_history(at) with its exit actions, activities(lead_id, at),
// tasks(user_id, week_start), orders(rep_id, ordered_on), ratings(rep_id, at), customers(owner_id)).
#include "analytics/teamhealthsql.h"

#include "analytics/query.h"
#include "domain/civildate.h"
#include "domain/ids.h"
#include "domain/times.h"
#include "storage/exitactions.h"

#include <QSqlDatabase>
#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace cockpit::analytics::detail {

qint64 companyDayStartOfDay(qint64 day)
{
    return day * times::kDay - qint64(kDayOffsetMinutes) * 60;
}

std::optional<qint64> asOfSecs(const QString &asOfIso)
{
    if (asOfIso.isEmpty())
        return std::nullopt;
    qint64 secs = 0;
    if (times::parseIso(QStringView(asOfIso), &secs))
        return secs;
    const QDateTime t = fromIsoUtc(asOfIso); // another ISO spelling (an offset, a fraction)
    return t.isValid() ? std::optional<qint64>(t.toSecsSinceEpoch()) : std::nullopt;
}

qint64 effectiveEndSecs(const Period &period, std::optional<qint64> asOf)
{
    const qint64 end = period.endSecs();
    return asOf && *asOf < end ? *asOf : end;
}

OrgColumns repColumns(const QString &u)
{
    return {u + QStringLiteral(".region_id"), u + QStringLiteral(".city_id"), u + QStringLiteral(".team_id"),
            u + QStringLiteral(".id")};
}

QHash<QString, StageInfo> loadStages(QSqlDatabase db)
{
    QHash<QString, StageInfo> stages;
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT s.id, s.name, p.name, s.position, s.standard_actions"
                                              " FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id"
                                              " WHERE s.deleted = 0"));
    while (q.next()) {
        StageInfo s;
        s.name = q.value(1).toString();
        s.pipeline = q.value(2).toString();
        s.position = q.value(3).toInt();
        for (const QString &k : q.value(4).toString().split(QLatin1Char('|'), Qt::SkipEmptyParts))
            if (!s.actions.contains(k.trimmed())) {
                s.actions.append(k.trimmed());
                s.actionBits.append(storage::activityKindBit(s.actions.last()));
            }
        stages.insert(q.value(0).toString(), s);
    }
    return stages;
}

namespace {
// The stage exits of [?, ?) as `x`: the lead, its owner (the rep), the stage left, when it
// left and the activity kinds done in the stage (stage_history.exit_actions, kept on write);
// withEntry adds when it had entered that stage (its previous move: stage history is
// append-only, never tombstoned, so the (lead_id, at) index answers alone). `cond`
// restricts the org.
QString exitsFrom(const QString &cond, bool withTitle = false, bool withEntry = false)
{
    return QStringLiteral(
               " FROM (SELECT h.lead_id,%1 l.owner_id AS rep, h.from_stage_id AS stage, h.at AS left_at,"
               " h.exit_actions AS actions%3"
               "   FROM stage_history h JOIN leads l ON l.id = h.lead_id"
               "   JOIN users u ON u.id = l.owner_id AND u.role = 'sales'"
               "   WHERE h.at >= ? AND h.at < ? AND h.from_stage_id IS NOT NULL AND h.deleted = 0 AND l.deleted = 0%2) x")
        .arg(withTitle ? QStringLiteral(" l.title,") : QString(), cond,
             withEntry ? QStringLiteral(", (SELECT MAX(p.at) FROM stage_history p WHERE p.lead_id = h.lead_id"
                                        " AND p.at < h.at) AS entered_at")
                       : QString());
}

// The bits (exitactions.h) of the standard-action kinds.
qint64 bitsOf(const QStringList &kinds)
{
    qint64 bits = 0;
    for (const QString &k : kinds)
        bits |= storage::activityKindBit(k);
    return bits;
}
} // namespace

QVector<StageExit> loadStageExits(QSqlDatabase db, const OrgScope &org, qint64 from, qint64 to,
                                  const QStringList &kinds)
{
    QVariantList binds{bitsOf(kinds), times::instantParam(from), times::instantParam(to)};
    const QString cond = orgCondition(org, repColumns(), binds);
    const QString sql = QStringLiteral("SELECT x.lead_id, x.title, x.rep, x.stage, x.entered_at, x.left_at,"
                                       " x.actions & ?")
                        + exitsFrom(cond, true, true);
    QSqlQuery q = runQuery(db, sql, binds);
    QVector<StageExit> out;
    while (q.next()) {
        StageExit e;
        e.leadId = q.value(0).toString();
        e.title = q.value(1).toString();
        e.rep = q.value(2).toString();
        e.stage = q.value(3).toString();
        e.enteredAt = times::instantIso(q.value(4));
        e.leftAt = times::instantIso(q.value(5));
        e.found = storage::activityKindsOfMask(quint32(q.value(6).toLongLong()));
        out.append(e);
    }
    return out;
}

QVector<ExitGroup> loadExitGroups(QSqlDatabase db, const OrgScope &org, qint64 from, qint64 to, qint64 periodFrom,
                                  qint64 periodTo, const QStringList &kinds)
{
    QVariantList binds{times::instantParam(periodFrom), times::instantParam(periodTo), bitsOf(kinds), times::instantParam(from), times::instantParam(to)};
    const QString cond = orgCondition(org, repColumns(), binds);
    // The company months the window touches, as the index of the month an exit falls in: a
    // CASE over their first instants (integers this code computes) instead of formatting
    // every exit's date and parsing it back (a fifth of the query on the large demo).
    QVector<QDate> months;
    QString whens;
    if (from < to) {
        const QDate first = companyDayOf(from), last = companyDayOf(to - 1);
        for (QDate m(first.year(), first.month(), 1); m <= last; m = m.addMonths(1)) {
            if (!months.isEmpty())
                whens += QStringLiteral(" WHEN x.left_at < %1 THEN %2").arg(companyDayStart(m)).arg(months.size() - 1);
            months.append(m);
        }
    }
    // A window within one month (the period's alone, without the coverage months) has no WHEN.
    const QString last = QString::number(std::max<qsizetype>(0, months.size() - 1));
    const QString monthOf = whens.isEmpty() ? last : QStringLiteral("CASE%1 ELSE %2 END").arg(whens, last);
    // One row per (rep, month, in period, stage, standard kinds seen), from the stage exits
    // alone (idx_stage_history_by_at) and the lead's owner (idx_leads_owner_of).
    const QString sql = QStringLiteral("SELECT x.rep, %1, (x.left_at >= ? AND x.left_at < ?), x.stage,"
                                       " x.actions & ? AS mask, COUNT(*)").arg(monthOf)
                        + exitsFrom(cond) + QStringLiteral(" GROUP BY 1, 2, 3, 4, 5");
    QSqlQuery q = runQuery(db, sql, binds);
    QVector<ExitGroup> out;
    while (q.next()) {
        ExitGroup g;
        g.rep = q.value(0).toString();
        g.month = months.value(q.value(1).toInt());
        g.inPeriod = q.value(2).toInt() != 0;
        g.stage = q.value(3).toString();
        g.mask = q.value(4).toLongLong();
        g.exits = q.value(5).toInt();
        out.append(g);
    }
    return out;
}

QVector<ExitSlabGroups> loadExitDaySlabs(QSqlDatabase db, const QVector<QPair<qint64, qint64>> &ranges,
                                         const QStringList &kinds)
{
    QVector<ExitSlabGroups> out(ranges.size());
    if (ranges.isEmpty())
        return out;
    // The owner of every live lead held by a sales rep, once (idx_leads_owner_of), rather
    // than a look-up per exit: 17 000 exits a month on the large demo, and a month's slab
    // then reads idx_stage_history_by_at alone.
    std::unordered_set<qint64> reps;
    {
        BulkQuery q(db, QStringLiteral("SELECT id FROM users WHERE role = 'sales'"));
        while (q.next())
            reps.insert(q.int64(0));
    }
    std::unordered_map<qint64, qint64> ownerOf;
    {
        BulkQuery q(db, QStringLiteral("SELECT id, owner_id FROM leads WHERE deleted = 0 AND owner_id IS NOT NULL"));
        while (q.next())
            if (reps.count(q.int64(1)))
                ownerOf.emplace(q.int64(0), q.int64(1));
    }
    struct Key
    {
        qint64 rep, stage, mask;
        qint64 day; // the company day's number
        bool operator<(const Key &o) const
        {
            return std::tie(rep, day, stage, mask) < std::tie(o.rep, o.day, o.stage, o.mask);
        }
    };
    const qint64 bits = bitsOf(kinds);
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        std::map<Key, int> groups;
        BulkQuery q(db,
                    QStringLiteral("SELECT lead_id, at, from_stage_id, exit_actions & ? FROM stage_history"
                                   " WHERE at >= ? AND at < ? AND from_stage_id IS NOT NULL AND deleted = 0"),
                    {bits, times::instantParam(ranges[i].first), times::instantParam(ranges[i].second)});
        while (q.next()) {
            const auto owner = ownerOf.find(q.int64(0));
            qint64 at = 0;
            if (owner == ownerOf.end() || !q.instant(1, &at))
                continue;
            ++groups[Key{owner->second, q.int64(2), q.int64(3), companyDayNumber(at)}];
        }
        QVector<ExitGroup> &slab = out[i].days;
        slab.reserve(qsizetype(groups.size()));
        std::map<std::tuple<qint64, qint64, qint64>, int> total; // (rep, stage, mask) → exits
        for (const auto &[k, n] : groups) {
            ExitGroup g;
            g.rep = QString::number(k.rep);
            g.stage = QString::number(k.stage);
            g.day = dayDate(k.day);
            g.mask = k.mask;
            g.exits = n;
            slab.append(g);
            total[{k.rep, k.stage, k.mask}] += n;
        }
        out[i].total.reserve(qsizetype(total.size()));
        for (const auto &[k, n] : total) {
            ExitGroup g;
            g.rep = QString::number(std::get<0>(k));
            g.stage = QString::number(std::get<1>(k));
            g.mask = std::get<2>(k);
            g.exits = n;
            out[i].total.append(g);
        }
    }
    return out;
}

void countExitGroup(const ExitGroup &g, const StageInfo *stage, HealthCounts &c)
{
    c.exits += g.exits;
    if (!stage)
        return;
    for (qsizetype i = 0; i < stage->actions.size(); ++i) {
        KindCount &k = c.byKind[stage->actions.at(i)];
        k.expected += g.exits;
        c.actionsExpected += g.exits;
        const quint32 bit = i < stage->actionBits.size() ? stage->actionBits.at(i) : storage::activityKindBit(stage->actions.at(i));
        if (g.mask & bit) {
            k.done += g.exits;
            c.actionsDone += g.exits;
        }
    }
}

QStringList countExit(const StageExit &e, const StageInfo *stage, HealthCounts &c)
{
    QStringList missing;
    ++c.exits;
    if (!stage)
        return missing;
    for (const QString &kind : stage->actions) {
        KindCount &k = c.byKind[kind];
        ++k.expected;
        ++c.actionsExpected;
        // Without a known entry (history starting mid-way) nothing can be credited.
        if (!e.enteredAt.isEmpty() && e.found.contains(kind)) {
            ++k.done;
            ++c.actionsDone;
        } else {
            missing.append(kind);
        }
    }
    return missing;
}

QVector<QDate> judgedWeeks(const Period &period, qint64 asOf)
{
    QVector<QDate> weeks;
    // The weeks whose Monday lies in the period (DESIGN §5: a week belongs to the period that
    // holds its Monday, so a week straddling the period's end belongs to it whole, and one
    // straddling its start to the period before).
    QDate monday = period.first.addDays(-(period.first.dayOfWeek() - 1));
    if (monday < period.first)
        monday = monday.addDays(7);
    // A week is judged once it has ended: asOf (the real "now", not the period's end) is at
    // or after the following Monday 00:00 company time.
    for (; monday <= period.last; monday = monday.addDays(7))
        if (companyDayStart(monday.addDays(7)) <= asOf)
            weeks.append(monday);
    return weeks;
}

qint64 weekEndSecs(QDate monday)
{
    return companyDayStart(monday.addDays(7));
}

QVector<TaskWeek> loadTaskWeeks(QSqlDatabase db, const OrgScope &org, QDate firstWeek, QDate lastWeek, qint64 asOf)
{
    QVariantList binds{times::instantParam(asOf), dateParam(firstWeek), dateParam(lastWeek)};
    const QString cond = orgCondition(org, repColumns(), binds);
    // Done = completed before asOf and before the week's end (its next Monday 00:00 company
    // time, UTC+8: week_start's day number × 86 400 − 8 h): a task finished after its week
    // is late work, and a closed week never changes.
    QSqlQuery q = runQuery(db,
                           QStringLiteral("SELECT t.user_id, t.week_start, COUNT(*),"
                                          " SUM(t.completed_at IS NOT NULL AND t.completed_at < ?"
                                          "     AND t.completed_at < (t.week_start + 7) * 86400 - 28800)"
                                          " FROM tasks t JOIN users u ON u.id = t.user_id AND u.role = 'sales'"
                                          " WHERE t.week_start >= ? AND t.week_start <= ? AND t.deleted = 0%1"
                                          " GROUP BY t.user_id, t.week_start")
                               .arg(cond),
                           binds);
    QVector<TaskWeek> out;
    while (q.next())
        out.append({q.value(0).toString(), times::dateOf(q.value(1)), q.value(2).toInt(), q.value(3).toInt()});
    return out;
}

QVector<Response> loadResponses(QSqlDatabase db, const OrgScope &org, const Period &period,
                                std::optional<qint64> asOf, ResponseColumns columns)
{
    const qint64 end = effectiveEndSecs(period, asOf);
    // A closed period (DESIGN §5): the first action counts only inside the period; a lead
    // assigned in it and first answered after its end has no response in it (null minutes),
    // like one not answered yet, so the figure never moves when later data arrives.
    QVariantList binds{times::instantParam(end), times::instantParam(period.startSecs()), times::instantParam(end)};
    const QString cond = orgCondition(org, repColumns(), binds);
    // The figures need the rep and the minutes alone: then the leads are read from the
    // covering idx_leads_assign, without a look-up of each lead's row for its title.
    const bool all = columns == ResponseColumns::All;
    BulkQuery q(
        db,
        QStringLiteral("SELECT x.owner_id, (x.first_at - x.assigned_at) / 60.0%2"
                       " FROM (SELECT l.owner_id, l.assigned_at,%3"
                       "   (SELECT MIN(a.at) FROM activities a WHERE a.lead_id = l.id AND a.at >= l.assigned_at"
                       "     AND a.at < ? AND a.direction = 'sales' AND a.deleted = 0) AS first_at"
                       "   FROM leads l JOIN users u ON u.id = l.owner_id AND u.role = 'sales'"
                       "   WHERE l.assigned_at >= ? AND l.assigned_at < ? AND l.deleted = 0%1) x")
            .arg(cond, all ? QStringLiteral(", x.id, x.title, x.assigned_at, x.first_at") : QString(),
                 all ? QStringLiteral(" l.id, l.title,") : QString()),
        binds);
    QVector<Response> out;
    auto iso = [&q](int c) {
        qint64 secs = 0;
        return q.instant(c, &secs) ? times::isoFromSecs(secs) : QString();
    };
    while (q.next()) {
        Response r;
        r.rep = q.string(0);
        if (!q.isNull(1))
            r.minutes = q.real(1);
        if (all) {
            r.leadId = q.string(2);
            r.title = q.string(3);
            r.assignedAt = iso(4);
            r.firstAt = iso(5);
        }
        out.append(r);
    }
    return out;
}

namespace {
// The instants (epoch seconds) and company days of a customer health as of `asOf`.
struct CustomerWindow
{
    qint64 asOf, recentFrom, yearAgo; // instants
    QDate day, dayYearAgo, newSince;  // dates
    explicit CustomerWindow(qint64 asOfSecs) : asOf(asOfSecs)
    {
        day = companyDayOf(asOf);
        recentFrom = asOf - 90 * times::kDay;
        yearAgo = companyDayStart(day.addDays(-365));
        dayYearAgo = day.addDays(-365);
        newSince = day.addDays(-91);
    }
};

} // namespace

qint64 recentActionsFrom(qint64 asOf)
{
    return CustomerWindow(asOf).recentFrom;
}

LastActions loadLastSalesActions(QSqlDatabase db, qint64 from, qint64 to)
{
    // One range scan of the covering idx_activities_sales_at over the window, the latest kept
    // per customer here. A backward seek per customer on idx_activities_customer_sales read
    // as much and cost three times as long on the large demo (50 000 seeks; 142 against 45 ms
    // in the sqlite3 shell).
    LastActions latest;
    BulkQuery a(db,
                QStringLiteral("SELECT customer_id, at FROM activities WHERE direction = 'sales' AND deleted = 0"
                               " AND at >= ? AND at < ?"),
                {times::instantParam(from), times::instantParam(to)});
    while (a.next()) {
        qint64 at = 0;
        if (a.isNull(0) || !a.instant(1, &at))
            continue;
        qint64 &l = latest.try_emplace(a.int64(0), at).first->second;
        l = std::max(l, at);
    }
    return latest;
}

QVector<CustomerRow> loadCustomerBase(QSqlDatabase db, const OrgScope &org, qint64 asOf, const LastActions *known)
{
    const CustomerWindow w(asOf);
    // The last sales action within the 90 days that score above 0 (older or none scores 0
    // either way).
    const LastActions read = known ? LastActions{} : loadLastSalesActions(db, w.recentFrom, w.asOf);
    const LastActions &latest = known ? *known : read;
    QVariantList b{dateParam(w.newSince)};
    const QString cond = orgCondition(org, repColumns(), b);
    // The whole company's customers in file order (CROSS JOIN keeps customers the outer
    // loop): 20 ms on the large demo, against 73 ms for the planner's pick of a rep at a time
    // through idx_customers_owner and a jump to each row. A part of it keeps that pick.
    BulkQuery q(db,
                QStringLiteral("SELECT c.id, c.name, c.owner_id, (c.customer_since IS NULL OR c.customer_since > ?)"
                               " FROM customers c %2 users u ON u.id = c.owner_id AND u.role = 'sales'"
                               " WHERE c.deleted = 0%1")
                    .arg(cond, org.isCompany() ? QStringLiteral("CROSS JOIN") : QStringLiteral("JOIN")),
                b);
    const double asOfJd = times::julianDay(w.asOf);
    QVector<CustomerRow> out;
    IdTexts owners;
    while (q.next()) {
        CustomerRow c;
        c.id = QString::number(q.int64(0));
        c.name = q.string(1);
        c.owner = owners(q.int64(2));
        c.asOfJd = asOfJd;
        if (const auto it = latest.find(q.int64(0)); it != latest.end())
            c.lastActionJd = times::julianDay(it->second);
        // No sales action within 90 days: "90 days or more", which scores 0.
        c.facts.daysSinceInteraction = std::min(90.0, c.lastActionJd ? c.asOfJd - *c.lastActionJd : 90.0);
        c.firstQuarter = q.int64(3) != 0;
        out.append(std::move(c));
    }
    return out;
}

QHash<qint64, CustomerFacts> loadCustomerAggregates(QSqlDatabase db, qint64 asOf)
{
    // One grouped query per small customer table, over the whole company: each is one scan of
    // its (customer_id) index, cheaper than joining five materialized views to every customer.
    const CustomerWindow w(asOf);
    QHash<qint64, CustomerFacts> out; // by customer rowid
    // Through BulkQuery: 80 000 rows in all on the large demo, without a QVariant each.
    auto optional = [](const BulkQuery &q, int c) {
        return q.isNull(c) ? std::nullopt : std::optional<double>(q.real(c));
    };
    {
        BulkQuery q(db,
                    QStringLiteral("SELECT customer_id, AVG(nps) FROM surveys WHERE at >= ? AND at < ?"
                                   " AND deleted = 0 GROUP BY customer_id"),
                    {times::instantParam(w.yearAgo), times::instantParam(w.asOf)});
        while (q.next())
            out[q.int64(0)].npsMean = optional(q, 1);
    }
    {
        BulkQuery q(db,
                 QStringLiteral("SELECT customer_id, AVG(first_response_minutes), COUNT(*), SUM(complaint <> 0)"
                                " FROM tickets WHERE opened_at >= ? AND opened_at < ? AND deleted = 0 GROUP BY customer_id"),
                 {times::instantParam(w.yearAgo), times::instantParam(w.asOf)});
        while (q.next()) {
            CustomerFacts &f = out[q.int64(0)];
            f.responseMinutes = optional(q, 1);
            f.tickets = int(q.int64(2));
            f.complaints = int(q.int64(3));
        }
    }
    // Contracts and payments are read in file order and grouped here: SQLite's GROUP BY went
    // through idx_<table>_customer and jumped to every row (37 and 30 ms on the large demo;
    // the scans take 4 and 8). Per customer, as `AVG(fulfilment_pct)` over the contracts signed
    // by the day and the renewal intent of the one that ends last (the lowest id on a tie),
    // and `COUNT(*), SUM(paid_on IS NOT NULL AND paid_on <= due_on)` over the payments due in
    // the year before it (schema v6: every one of these columns an integer, NOT NULL but
    // paid_on).
    {
        struct Contracts
        {
            qint64 fulfilmentSum = 0, lastEnd = 0, lastId = 0, renewal = 0;
            int n = 0;
        };
        QHash<qint64, Contracts> byCustomer;
        BulkQuery q(db,
                    QStringLiteral("SELECT customer_id, id, ends_on, fulfilment_pct, renewal_intent FROM contracts NOT INDEXED"
                                   " WHERE signed_on <= ? AND deleted = 0"),
                    {dateParam(w.day)});
        while (q.next()) {
            Contracts &k = byCustomer[q.int64(0)];
            const qint64 id = q.int64(1), ends = q.int64(2);
            if (k.n == 0 || ends > k.lastEnd || (ends == k.lastEnd && id < k.lastId)) {
                k.lastEnd = ends;
                k.lastId = id;
                k.renewal = q.int64(4);
            }
            k.fulfilmentSum += q.int64(3);
            ++k.n;
        }
        for (auto it = byCustomer.cbegin(); it != byCustomer.cend(); ++it) {
            CustomerFacts &f = out[it.key()];
            f.fulfilmentPct = double(it->fulfilmentSum) / it->n;
            f.renewalIntent = double(it->renewal);
        }
    }
    {
        QHash<qint64, QPair<int, int>> byCustomer; // due, on time
        BulkQuery q(db,
                    QStringLiteral("SELECT customer_id, paid_on, due_on FROM payments NOT INDEXED"
                                   " WHERE due_on >= ? AND due_on < ? AND deleted = 0"),
                    {dateParam(w.dayYearAgo), dateParam(w.day)});
        while (q.next()) {
            QPair<int, int> &p = byCustomer[q.int64(0)];
            ++p.first;
            if (!q.isNull(1) && q.int64(1) <= q.int64(2))
                ++p.second;
        }
        for (auto it = byCustomer.cbegin(); it != byCustomer.cend(); ++it) {
            CustomerFacts &f = out[it.key()];
            f.paymentsDue = it->first;
            f.paymentsOnTime = it->second;
        }
    }
    {
        BulkQuery q(db,
                 QStringLiteral("SELECT customer_id, COUNT(*), SUM(adopted <> 0) FROM product_trials"
                                " WHERE started_on <= ? AND deleted = 0 GROUP BY customer_id"),
                 {dateParam(w.day)});
        while (q.next()) {
            CustomerFacts &f = out[q.int64(0)];
            f.trials = int(q.int64(1));
            f.adopted = int(q.int64(2));
        }
    }
    return out;
}

void mergeCustomerAggregates(QVector<CustomerRow> &rows, const QHash<qint64, CustomerFacts> &aggregates)
{
    for (CustomerRow &c : rows) {
        const auto it = aggregates.constFind(c.id.toLongLong());
        if (it == aggregates.cend())
            continue;
        const std::optional<double> days = c.facts.daysSinceInteraction;
        c.facts = *it;
        c.facts.daysSinceInteraction = days;
    }
}

QVector<CustomerRow> loadCustomers(QSqlDatabase db, const OrgScope &org, qint64 asOf)
{
    QVector<CustomerRow> rows = loadCustomerBase(db, org, asOf);
    mergeCustomerAggregates(rows, loadCustomerAggregates(db, asOf));
    return rows;
}

QHash<QString, OrderSums> loadOrderSums(QSqlDatabase db, const OrgScope &org, const Period &period, qint64 end)
{
    const QDate last = std::min(period.last, companyDayOf(end));
    QVariantList binds{dateParam(period.first), dateParam(last)};
    const QString cond = orgCondition(org, repColumns(), binds);
    QSqlQuery q = runQuery(db,
                           QStringLiteral("SELECT o.rep_id, SUM(o.amount_cents),"
                                          " SUM(CASE WHEN o.product_line <> u.main_product_line THEN o.amount_cents"
                                          " ELSE 0 END), COUNT(*)"
                                          " FROM orders o JOIN users u ON u.id = o.rep_id AND u.role = 'sales'"
                                          " WHERE o.ordered_on >= ? AND o.ordered_on <= ? AND o.deleted = 0"
                                          " AND u.main_product_line <> ''%1 GROUP BY o.rep_id")
                               .arg(cond),
                           binds);
    QHash<QString, OrderSums> out;
    while (q.next())
        out.insert(q.value(0).toString(), {q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toInt()});
    return out;
}

QHash<QString, QPair<int, qint64>> loadRatings(QSqlDatabase db, const OrgScope &org, qint64 from, qint64 to)
{
    QVariantList binds{times::instantParam(from), times::instantParam(to)};
    const QString cond = orgCondition(org, repColumns(), binds);
    QSqlQuery q = runQuery(db,
                           QStringLiteral("SELECT r.rep_id, COUNT(*), SUM(r.score)"
                                          " FROM collaboration_ratings r JOIN users u ON u.id = r.rep_id"
                                          " AND u.role = 'sales'"
                                          " WHERE r.at >= ? AND r.at < ? AND r.deleted = 0"
                                          " AND r.score BETWEEN 1 AND 5%1 GROUP BY r.rep_id")
                               .arg(cond),
                           binds);
    QHash<QString, QPair<int, qint64>> out;
    while (q.next())
        out.insert(q.value(0).toString(), {q.value(1).toInt(), q.value(2).toLongLong()});
    return out;
}

} // namespace cockpit::analytics::detail
