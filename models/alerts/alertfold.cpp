#include "alerts/alertfold.h"

#include "alerts/alertrules.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace cockpit::alerts {

namespace {
constexpr qint64 kDaySecs = 24 * 3600;
constexpr qint64 kUnit = 100; // cents per currency unit

int stakePoints(const PriorityInput &in, qint64 *weighted)
{
    *weighted = 0;
    if (in.subjectKind == QLatin1String("lead")) {
        *weighted = in.amountCents * std::clamp(in.probability, 0, 100) / 100;
        if (*weighted >= 500000 * kUnit)
            return 3;
        if (*weighted >= 100000 * kUnit)
            return 2;
        return *weighted >= 20000 * kUnit ? 1 : 0;
    }
    if (in.subjectKind == QLatin1String("customer"))
        return 1; // duplicate touch: a customer annoyed, nobody's deal at stake yet
    return 2;     // a rep's compliance flag, a store below its red line
}

// When the alert's condition became true: the evaluator's "since" in the details, else the
// time it was raised (demo alerts, plain-text details). Read without parsing the whole JSON.
QString conditionSince(const AlertRecord &a)
{
    static const QString key = QStringLiteral("\"since\":\"");
    const qsizetype at = a.details.startsWith(u'{') ? a.details.indexOf(key) : -1;
    if (at >= 0) {
        const qsizetype from = at + key.size();
        const qsizetype end = a.details.indexOf(u'"', from);
        if (end > from) {
            const QString since = a.details.mid(from, end - from);
            if (parseIsoSecs(since) >= 0)
                return since;
        }
    }
    return a.raisedAt;
}

// The engine's display order of rules (unknown ones after, by name).
int ruleOrder(const QString &rule)
{
    static const QStringList order = [] {
        QStringList o = engineRules();
        o << rule::StoreRed;
        return o;
    }();
    const int i = int(order.indexOf(rule));
    return i < 0 ? int(order.size()) : i;
}
} // namespace

Priority priorityOf(const PriorityInput &in)
{
    Priority p;
    p.stakePoints = stakePoints(in, &p.weightedCents);
    p.escalationPoints = std::clamp(in.escalationLevel, 0, 2);
    p.agePoints = in.ageSecs >= 7 * kDaySecs ? 2 : in.ageSecs >= 3 * kDaySecs ? 1 : 0;
    p.reasonPoints = in.rules.size() >= 2 ? 1 : 0;
    p.points = p.stakePoints + p.escalationPoints + p.agePoints + p.reasonPoints;
    p.level = p.points >= 5 ? 1 : p.points >= 3 ? 2 : 3;
    return p;
}

QString priorityRuleText()
{
    return QCoreApplication::translate(
        "cockpit::alerts",
        "Priority from points for what is at stake:\n"
        "• deal: amount × win probability ≥ 500 000 → 3, ≥ 100 000 → 2, ≥ 20 000 → 1 "
        "(a rep's compliance flag or a store below its red line 2, a customer touched by too many reps 1)\n"
        "• escalation: 1 per level, at most 2\n"
        "• age: the problem has lasted ≥ 3 days → 1, ≥ 7 days → 2\n"
        "• several reasons on one subject → 1\n"
        "P1 at 5 points or more, P2 at 3–4, P3 below.");
}

QString priorityLabel(int level)
{
    return QStringLiteral("P%1").arg(level);
}

std::vector<InboxRow> foldAlerts(const std::vector<AlertRecord> &alerts, qint64 now)
{
    std::vector<InboxRow> rows;
    QHash<QString, int> byKey; // subject kind + id + resolved → row
    for (int i = 0; i < int(alerts.size()); ++i) {
        const AlertRecord &a = alerts[size_t(i)];
        const bool resolved = a.status() == AlertStatus::Resolved;
        const QString key = a.subjectKind + u'\x1f' + a.subjectId + (resolved ? u'r' : u'o');
        auto it = byKey.constFind(key);
        int r;
        if (it == byKey.cend()) {
            r = int(rows.size());
            byKey.insert(key, r);
            InboxRow row;
            row.subjectKind = a.subjectKind;
            row.subjectId = a.subjectId;
            row.resolved = resolved;
            row.status = resolved ? AlertStatus::Resolved : AlertStatus::Acknowledged;
            rows.push_back(std::move(row));
        } else {
            r = *it;
        }
        rows[size_t(r)].alerts.push_back(i);
    }
    for (InboxRow &row : rows) {
        // The most urgent reason first: the highest escalation, then the oldest.
        std::stable_sort(row.alerts.begin(), row.alerts.end(), [&](int x, int y) {
            const AlertRecord &a = alerts[size_t(x)], &b = alerts[size_t(y)];
            if (a.state.escalationLevel != b.state.escalationLevel)
                return a.state.escalationLevel > b.state.escalationLevel;
            if (a.raisedAt != b.raisedAt)
                return a.raisedAt < b.raisedAt; // ISO-8601 UTC text sorts as time
            return ruleOrder(a.rule) < ruleOrder(b.rule);
        });
        PriorityInput in;
        in.subjectKind = row.subjectKind;
        for (int i : row.alerts) {
            const AlertRecord &a = alerts[size_t(i)];
            if (row.subjectName.isEmpty())
                row.subjectName = a.subjectName;
            if (row.leadId.isEmpty())
                row.leadId = a.leadId;
            if (row.regionId.isEmpty()) {
                row.regionId = a.regionId;
                row.regionName = a.regionName;
            }
            if (row.ownerId.isEmpty()) {
                row.ownerId = a.ownerId;
                row.ownerName = a.ownerName;
            }
            if (!row.rules.contains(a.rule))
                row.rules << a.rule;
            if (!row.resolved && a.status() == AlertStatus::Open)
                row.status = AlertStatus::Open;
            // An escalated alert is at level 1 at least (the demo's older alerts name the
            // person without a level).
            const int level = std::max(a.state.escalationLevel, a.state.escalatedTo.isEmpty() ? 0 : 1);
            if (level > row.escalationLevel || (row.escalatedTo.isEmpty() && !a.state.escalatedTo.isEmpty())) {
                row.escalationLevel = std::max(row.escalationLevel, level);
                row.escalatedTo = a.state.escalatedTo;
                row.escalatedToName = a.escalatedToName;
            }
            if (const QString since = conditionSince(a); row.oldestSince.isEmpty() || since < row.oldestSince)
                row.oldestSince = since;
            if (row.oldestRaisedAt.isEmpty() || a.raisedAt < row.oldestRaisedAt)
                row.oldestRaisedAt = a.raisedAt;
            if (a.raisedAt > row.newestRaisedAt)
                row.newestRaisedAt = a.raisedAt;
            if (a.state.escalatedAt > row.lastEscalatedAt)
                row.lastEscalatedAt = a.state.escalatedAt;
            row.amountCents = std::max(row.amountCents, a.leadAmountCents);
            row.probability = std::max(row.probability, a.leadProbability);
            for (const QString &who : a.addressees())
                if (!row.addressees.contains(who))
                    row.addressees << who;
        }
        std::sort(row.rules.begin(), row.rules.end(),
                  [](const QString &a, const QString &b) { return ruleOrder(a) != ruleOrder(b) ? ruleOrder(a) < ruleOrder(b) : a < b; });
        in.rules = row.rules;
        in.amountCents = row.amountCents;
        in.probability = row.probability;
        in.escalationLevel = row.escalationLevel;
        const qint64 oldest = parseIsoSecs(row.oldestSince);
        in.ageSecs = oldest < 0 ? 0 : std::max<qint64>(0, now - oldest);
        row.priority = priorityOf(in);
    }
    std::sort(rows.begin(), rows.end(), [](const InboxRow &a, const InboxRow &b) {
        if (a.resolved != b.resolved)
            return !a.resolved;
        if (a.priority.level != b.priority.level)
            return a.priority.level < b.priority.level;
        if (a.priority.points != b.priority.points)
            return a.priority.points > b.priority.points;
        if (a.priority.weightedCents != b.priority.weightedCents)
            return a.priority.weightedCents > b.priority.weightedCents;
        if (a.escalationLevel != b.escalationLevel)
            return a.escalationLevel > b.escalationLevel;
        if (a.oldestSince != b.oldestSince)
            return a.oldestSince < b.oldestSince;
        if (a.subjectKind != b.subjectKind)
            return a.subjectKind < b.subjectKind;
        return a.subjectId.toLongLong() != b.subjectId.toLongLong() ? a.subjectId.toLongLong() < b.subjectId.toLongLong()
                                                                      : a.subjectId < b.subjectId;
    });
    return rows;
}

bool isNewOrEscalatedSince(const InboxRow &row, const std::vector<AlertRecord> &alerts, qint64 since)
{
    for (int i : row.alerts) {
        const AlertRecord &a = alerts[size_t(i)];
        if (parseIsoSecs(a.raisedAt) >= since)
            return true;
        if (const qint64 e = parseIsoSecs(a.state.escalatedAt); e >= 0 && e >= since)
            return true;
    }
    return false;
}

QSet<QString> reportsOf(const QHash<QString, QString> &managerOf, const QString &me)
{
    QSet<QString> out;
    if (me.isEmpty())
        return out;
    QHash<QString, QStringList> direct; // manager → direct reports
    for (auto it = managerOf.cbegin(); it != managerOf.cend(); ++it)
        if (!it.value().isEmpty())
            direct[it.value()] << it.key();
    QStringList queue{me};
    while (!queue.isEmpty()) {
        const QString m = queue.takeLast();
        for (const QString &r : direct.value(m))
            if (r != me && !out.contains(r)) { // a cycle in bad data ends here
                out.insert(r);
                queue << r;
            }
    }
    return out;
}

bool addressedTo(const InboxRow &row, const QString &me, const QSet<QString> &reports)
{
    if (row.addressees.contains(me))
        return true;
    return row.priority.level == 1 && reports.contains(row.ownerId);
}

std::array<int, 4> countByPriority(const std::vector<InboxRow> &rows)
{
    std::array<int, 4> out{0, 0, 0, 0};
    for (const InboxRow &r : rows)
        ++out[size_t(std::clamp(r.priority.level, 1, 3))];
    return out;
}

} // namespace cockpit::alerts
