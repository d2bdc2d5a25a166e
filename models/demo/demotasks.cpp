// Must-do standard actions per rep per week (PEI, health light) and the alert rows.
#include "demo/demohours.h"
#include "demo/demomodel.h"

#include <algorithm>

namespace cockpit::demo::detail {

void writeTasks(Ctx &c, Rng &r)
{
    Insert ins(*c.db, "tasks", "id, user_id, lead_id, week_start, action, due_at, completed_at, updated_at");
    static const char *actions[] = {"call", "visit", "demo", "quote", "meeting", "review_note", "wechat"};
    static const std::vector<double> actionW{0.3, 0.15, 0.1, 0.1, 0.15, 0.1, 0.1};
    // Every week of the company's history: from the Monday of the week the first lead came in.
    const qint64 thisMonday = c.today - weekdayOf(c.today);
    qint64 firstDay = c.today;
    for (const Lead &L : c.leads)
        firstDay = std::min(firstDay, dayOf(L.created));
    const qint64 weeks = (thisMonday - (firstDay - weekdayOf(firstDay))) / 7;
    const WorkHours &desk = deskHours();
    for (int u : c.reps) {
        const User &rep = c.users[u];
        for (qint64 w = weeks; w >= 0; --w) {
            const qint64 monday = thisMonday - 7 * w;
            if (rep.hireDay > monday + 4 || (rep.leftDay >= 0 && rep.leftDay < monday))
                continue;
            const int n = int(r.range(12, 15)); // >= 12 must-do actions per week
            for (int k = 0; k < n; ++k) {
                const qint64 dueDay = monday + (k % 5);
                const qint64 due = dueDay * kDay + 10 * kHour; // 18:00 Beijing
                std::optional<Id> lead;
                for (int tries = 0; tries < 6 && !rep.leads.empty(); ++tries) {
                    const Lead &L = c.leads[rep.leads[r.index(rep.leads.size())]];
                    if (L.created <= due && (L.closedAt < 0 || L.closedAt >= monday * kDay)) {
                        lead = L.id;
                        break;
                    }
                }
                std::optional<Time> done;
                if (r.chance(rep.diligence)) {
                    // Done in working hours during the day or two before it is due.
                    const qint64 at = desk.draw(r, std::max(monday * kDay, due - 30 * kHour), due);
                    const bool leftBefore = rep.leftDay >= 0 && at >= rep.leftDay * kDay;
                    if (at <= c.now && !leftBefore)
                        done = Time{at};
                }
                const Id id = c.newId(r);
                ins.row(id, rep.id, lead, Date{monday}, actions[r.weighted(actionW)], Time{due}, done,
                        done ? *done : Time{std::min(c.now, monday * kDay + kHour)});
            }
        }
    }
}

void writeAlerts(Ctx &c, Rng &r)
{
    Insert ins(*c.db, "alerts",
               "id, rule, subject_kind, subject_id, owner_id, raised_at, escalated_to, escalated_at,"
               " acknowledged_by, acknowledged_at, resolved_by, resolved_at, details, updated_at");
    auto uid = [&](int u) { return u >= 0 ? std::optional<Id>(c.users[u].id) : std::nullopt; };
    auto t = [](qint64 s) { return s >= 0 ? std::optional<Time>(Time{s}) : std::nullopt; };
    for (const AlertRow &a : c.alerts) {
        const Id id = c.newId(r);
        const qint64 updated = std::max({a.raisedAt, a.escalatedAt, a.ackAt, a.resolvedAt});
        ins.row(id, a.rule, a.subjectKind, a.subjectId, uid(a.owner), Time{a.raisedAt}, uid(a.escalatedTo),
                t(a.escalatedAt), uid(a.ackBy), t(a.ackAt), uid(a.resolvedBy), t(a.resolvedAt), a.details,
                Time{updated});
    }
}

} // namespace cockpit::demo::detail
