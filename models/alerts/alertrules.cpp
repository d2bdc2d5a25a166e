#include "alerts/alertrules.h"
#include "domain/times.h"

#include "domain/civildate.h"

#include "domain/ids.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <map>

namespace cockpit::alerts {

namespace {
constexpr qint64 kDay = 86400;

QString companyDay(qint64 at, const Thresholds &t)
{
    const qint64 local = at + qint64(t.dayOffsetMinutes) * 60;
    return QDateTime::fromSecsSinceEpoch(local - ((local % kDay) + kDay) % kDay, Qt::UTC)
        .date()
        .toString(Qt::ISODate);
}

qint64 companyDayIndex(qint64 at, const Thresholds &t)
{
    const qint64 local = at + qint64(t.dayOffsetMinutes) * 60;
    return local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
}

QString userName(const UserMap &users, const QString &id)
{
    const auto it = users.constFind(id);
    return it == users.cend() ? QString() : it->name;
}
} // namespace

const QStringList &engineRules()
{
    static const QStringList rules = {rule::StageSla, rule::Silence, rule::HandoverSla,
                                      rule::DuplicateTouch, rule::ComplianceStageChurn,
                                      rule::ComplianceQuotes};
    return rules;
}

bool autoResolves(const QString &r)
{
    return r == rule::StageSla || r == rule::Silence || r == rule::HandoverSla || r == rule::DuplicateTouch;
}

qint64 parseIsoSecs(const QString &s)
{
    return times::secsFromIso(s);
}

QString isoFromSecs(qint64 secs)
{
    return times::isoFromSecs(secs);
}

bool isActive(const UserInfo &u, qint64 now)
{
    return u.leftAt < 0 || u.leftAt > now;
}

QString activeAtOrAbove(const UserMap &users, const QString &userId, qint64 now)
{
    QString id = userId;
    for (int guard = 0; guard < 64 && !id.isEmpty(); ++guard) { // guard: a cycle in bad data
        const auto it = users.constFind(id);
        if (it == users.cend())
            return {};
        if (isActive(*it, now))
            return id;
        id = it->managerId;
    }
    return {};
}

QString activeManagerOf(const UserMap &users, const QString &userId, qint64 now)
{
    const auto it = users.constFind(userId);
    if (it == users.cend() || it->managerId == userId)
        return {};
    return activeAtOrAbove(users, it->managerId, now);
}

void addressToOwner(Candidate &c, const QString &ownerId, const UserMap &users, qint64 now)
{
    const QString addressee = activeAtOrAbove(users, ownerId, now);
    if (addressee != ownerId && !ownerId.isEmpty()) {
        const auto it = users.constFind(ownerId);
        QJsonObject left{{QStringLiteral("id"), ownerId}, {QStringLiteral("name"), userName(users, ownerId)}};
        if (it != users.cend() && it->leftAt >= 0)
            left.insert(QStringLiteral("left_at"), isoFromSecs(it->leftAt));
        c.details.insert(QStringLiteral("owner_left"), left);
    }
    c.ownerId = addressee;
    const QString manager = activeManagerOf(users, addressee, now);
    c.recipients = manager.isEmpty() ? QStringList() : QStringList{manager};
}

void addressToManagerOf(Candidate &c, const QString &repId, const UserMap &users, qint64 now)
{
    QString manager = activeManagerOf(users, repId, now);
    c.ownerId = manager.isEmpty() ? activeAtOrAbove(users, repId, now) : manager;
    c.recipients.clear();
}

std::vector<Candidate> leadCandidates(const LeadFacts &lead, qint64 now, const Thresholds &t,
                                      const UserMap &users)
{
    std::vector<Candidate> out;
    auto make = [&](const QString &r, const QString &episode, qint64 since) {
        Candidate c;
        c.rule = r;
        c.subjectKind = QStringLiteral("lead");
        c.subjectId = lead.id;
        c.leadId = lead.id;
        c.dedupeKey = r + u'|' + lead.id + u'|' + episode;
        c.since = since;
        c.details.insert(QStringLiteral("title"), lead.title);
        addressToOwner(c, lead.ownerId, users, now);
        return c;
    };
    // A fact stamped after `now` (the clock went back) has not happened yet: no negative ages.
    if (lead.slaMinutes > 0 && lead.stageEnteredAt >= 0 && lead.stageEnteredAt <= now) {
        const qint64 due = lead.stageEnteredAt + qint64(lead.slaMinutes) * 60;
        if (now >= due) {
            Candidate c = make(rule::StageSla, lead.stageId + u'|' + isoFromSecs(lead.stageEnteredAt), due);
            c.details.insert(QStringLiteral("stage"), lead.stageName);
            c.details.insert(QStringLiteral("sla_minutes"), lead.slaMinutes);
            c.details.insert(QStringLiteral("entered_at"), isoFromSecs(lead.stageEnteredAt));
            out.push_back(std::move(c));
        }
    }
    qint64 ref = lead.lastActivityAt;
    if (ref < 0)
        ref = lead.assignedAt >= 0 ? lead.assignedAt : lead.createdAt;
    if (ref >= 0 && ref <= now) {
        const qint64 due = ref + qint64(t.silenceHours) * 3600;
        if (now >= due) {
            Candidate c = make(rule::Silence, isoFromSecs(ref), due);
            c.details.insert(QStringLiteral("last_activity_at"), isoFromSecs(ref));
            c.details.insert(QStringLiteral("silence_hours"), t.silenceHours);
            out.push_back(std::move(c));
        }
    }
    if (lead.handoverMinutes > 0 && lead.assignedAt >= 0 && lead.assignedAt <= now
        && lead.firstSalesAfterAssign < 0) {
        const qint64 due = lead.assignedAt + qint64(lead.handoverMinutes) * 60;
        if (now >= due) {
            Candidate c = make(rule::HandoverSla, isoFromSecs(lead.assignedAt), due);
            c.details.insert(QStringLiteral("assigned_at"), isoFromSecs(lead.assignedAt));
            c.details.insert(QStringLiteral("sla_minutes"), lead.handoverMinutes);
            out.push_back(std::move(c));
        }
    }
    return out;
}

std::vector<Candidate> churnCandidates(const std::vector<StageMove> &moves, qint64 now,
                                       const Thresholds &t, const UserMap &users)
{
    const qint64 from = now - qint64(t.lookbackDays) * kDay;
    // (rep, lead, day) → times of the moves
    std::map<std::tuple<QString, QString, qint64>, std::vector<qint64>> groups;
    for (const StageMove &m : moves) {
        if (m.at < from || m.at > now || m.byUserId.isEmpty())
            continue;
        groups[{m.byUserId, m.leadId, companyDayIndex(m.at, t)}].push_back(m.at);
    }
    std::vector<Candidate> out;
    for (auto &[key, times] : groups) {
        if (int(times.size()) < t.churnMoves)
            continue;
        std::sort(times.begin(), times.end());
        const auto &[rep, lead, dayIndex] = key;
        Candidate c;
        c.rule = rule::ComplianceStageChurn;
        c.subjectKind = QStringLiteral("user");
        c.subjectId = rep;
        c.leadId = lead;
        const QString day = companyDay(times.front(), t);
        c.dedupeKey = c.rule + u'|' + lead + u'|' + rep + u'|' + day;
        c.since = times[std::size_t(t.churnMoves - 1)];
        c.details.insert(QStringLiteral("moves"), int(times.size()));
        c.details.insert(QStringLiteral("day"), day);
        c.details.insert(QStringLiteral("rep"), userName(users, rep));
        addressToManagerOf(c, rep, users, now);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<Candidate> quoteCandidates(const std::vector<Touch> &touches, qint64 now,
                                       const Thresholds &t, const UserMap &users)
{
    const qint64 from = now - qint64(t.lookbackDays) * kDay;
    const qint64 window = qint64(t.quoteHours) * 3600;
    std::map<std::pair<QString, QString>, std::vector<const Touch *>> groups; // (customer, rep)
    for (const Touch &q : touches)
        if (q.quote && q.at >= from && q.at <= now && !q.actorId.isEmpty())
            groups[{q.customerId, q.actorId}].push_back(&q);
    std::vector<Candidate> out;
    for (auto &[key, qs] : groups) {
        std::sort(qs.begin(), qs.end(), [](const Touch *a, const Touch *b) { return a->at < b->at; });
        // Greedy clusters: from each unclaimed quote, the quotes within the window; a
        // cluster of quoteVersions or more is one episode keyed by its first quote.
        std::size_t i = 0;
        while (i < qs.size()) {
            std::size_t j = i;
            while (j + 1 < qs.size() && qs[j + 1]->at - qs[i]->at <= window)
                ++j;
            const int n = int(j - i + 1);
            if (n < t.quoteVersions) {
                ++i;
                continue;
            }
            Candidate c;
            c.rule = rule::ComplianceQuotes;
            c.subjectKind = QStringLiteral("user");
            c.subjectId = key.second;
            c.leadId = qs[j]->leadId;
            c.dedupeKey = c.rule + u'|' + key.first + u'|' + key.second + u'|' + isoFromSecs(qs[i]->at);
            c.since = qs[i + std::size_t(t.quoteVersions - 1)]->at;
            c.details.insert(QStringLiteral("quotes"), n);
            c.details.insert(QStringLiteral("customer_id"), key.first);
            c.details.insert(QStringLiteral("first_at"), isoFromSecs(qs[i]->at));
            c.details.insert(QStringLiteral("last_at"), isoFromSecs(qs[j]->at));
            c.details.insert(QStringLiteral("rep"), userName(users, key.second));
            addressToManagerOf(c, key.second, users, now);
            out.push_back(std::move(c));
            i = j + 1;
        }
    }
    return out;
}

std::vector<Candidate> duplicateCandidates(const std::vector<Touch> &touches,
                                           const QHash<QString, QString> &customerOwners,
                                           qint64 now, const Thresholds &t, const UserMap &users)
{
    const qint64 from = now - qint64(t.duplicateDays) * kDay;
    // The window holds ~100 000 touches on the large demo. Sorted (customer, rep, time) views
    // into them group without a hash table per customer (that cost ~56 MB at peak).
    struct Hit
    {
        const QString *customer, *actor;
        qint64 at;
    };
    std::vector<Hit> hits;
    hits.reserve(touches.size());
    for (const Touch &x : touches) {
        if (x.at < from || x.at > now || x.actorId.isEmpty())
            continue;
        hits.push_back({&x.customerId, &x.actorId, x.at});
    }
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        if (const int c = QString::compare(*a.customer, *b.customer); c != 0)
            return c < 0;
        if (const int c = QString::compare(*a.actor, *b.actor); c != 0)
            return c < 0;
        return a.at < b.at;
    });
    std::vector<Candidate> out;
    for (std::size_t i = 0; i < hits.size();) {
        std::size_t end = i;
        while (end < hits.size() && *hits[end].customer == *hits[i].customer)
            ++end;
        // rep id (sorted: a stable order in details) → (first touch in window, touches)
        std::vector<std::pair<QString, std::pair<qint64, int>>> reps;
        for (std::size_t k = i; k < end; ++k) {
            if (reps.empty() || reps.back().first != *hits[k].actor)
                reps.push_back({*hits[k].actor, {hits[k].at, 0}}); // sorted by time: the first
            ++reps.back().second.second;
        }
        const QString customer = *hits[i].customer;
        i = end;
        if (int(reps.size()) < t.duplicateReps)
            continue;
        Candidate c;
        c.rule = rule::DuplicateTouch;
        c.subjectKind = QStringLiteral("customer");
        c.subjectId = customer;
        c.matchOpenBySubject = true;
        QJsonArray list;
        std::vector<qint64> firsts;
        for (const auto &[rep, v] : reps) {
            list.append(QJsonObject{{QStringLiteral("id"), rep}, {QStringLiteral("name"), userName(users, rep)},
                                    {QStringLiteral("touches"), v.second}});
            firsts.push_back(v.first);
        }
        std::sort(firsts.begin(), firsts.end());
        c.since = firsts[std::size_t(t.duplicateReps - 1)];
        c.dedupeKey = c.rule + u'|' + customer + u'|' + isoFromSecs(c.since);
        c.details.insert(QStringLiteral("reps"), list);
        c.details.insert(QStringLiteral("window_days"), t.duplicateDays);
        const QString owner = customerOwners.value(customer);
        addressToOwner(c, owner, users, now);
        // The customer's owner's manager decides who keeps the customer; the owner is copied.
        if (!c.recipients.isEmpty()) {
            const QString ownerNow = c.ownerId;
            c.ownerId = c.recipients.first();
            c.recipients = ownerNow.isEmpty() ? QStringList() : QStringList{ownerNow};
        }
        out.push_back(std::move(c));
    }
    return out;
}

QString nextEscalationTarget(const ExistingAlert &a, const UserMap &users, qint64 now)
{
    // The highest person addressed so far: whoever it was escalated to, else the direct
    // manager already copied, else the owner.
    QString top = a.escalatedTo;
    if (top.isEmpty()) {
        top = a.ownerId;
        const QString manager = activeManagerOf(users, a.ownerId, now);
        if (!manager.isEmpty() && a.recipients.split(u'|').contains(manager))
            top = manager;
    }
    return top.isEmpty() ? QString() : activeManagerOf(users, top, now);
}

std::optional<Escalation> escalationDue(const ExistingAlert &a, qint64 now, const Thresholds &t,
                                        const UserMap &users)
{
    if (!a.isOpen() || a.acknowledgedAt >= 0)
        return std::nullopt;
    const qint64 window = qint64(t.escalationHours) * 3600;
    const qint64 since = a.escalatedAt >= 0 ? a.escalatedAt : a.raisedAt;
    if (now < since + window)
        return std::nullopt; // also when the clock went back behind `since`
    const qint64 steps = (now - since) / window;
    ExistingAlert cur = a;
    std::optional<Escalation> result;
    for (qint64 k = 1; k <= steps && k <= 64; ++k) {
        const QString next = nextEscalationTarget(cur, users, now);
        if (next.isEmpty() || next == cur.escalatedTo)
            break; // the top of the chain
        cur.escalatedTo = next;
        cur.escalationLevel += 1;
        result = Escalation{a.id, next, cur.escalationLevel, since + k * window};
    }
    return result;
}

Plan reconcile(std::vector<Candidate> candidates, const std::vector<ExistingAlert> &existing,
               qint64 now, const Thresholds &t, const UserMap &users)
{
    Plan plan;
    // At most every candidate is raised: one buffer of the right size, not a doubling chain
    // (a first run of the large demo raises 66 000; the chain's last copy alone was 38 MB).
    plan.raise.reserve(candidates.size());
    QHash<QString, const ExistingAlert *> byKey;
    QHash<QString, const ExistingAlert *> openBySubject; // rule|subject of open sliding-window alerts
    QHash<QString, qint64> personResolvedBySubject;      // rule|subject → latest person-resolve time
    std::vector<const ExistingAlert *> legacy;
    for (const ExistingAlert &a : existing) {
        // Resolved by the system (before now): that episode is over, whatever a partial
        // scope happens to load, so full and incremental runs decide alike.
        if (!a.isOpen() && !a.resolvedByPerson && a.resolvedAt <= now)
            continue;
        if (a.dedupeKey.isEmpty()) {
            if (a.isOpen() && engineRules().contains(a.rule))
                legacy.push_back(&a);
            continue;
        }
        byKey.insert(a.dedupeKey, &a);
        const QString rs = a.rule + u'|' + a.subjectId;
        if (a.isOpen())
            openBySubject.insert(rs, &a);
        else if (a.resolvedByPerson)
            personResolvedBySubject[rs] = std::max(personResolvedBySubject.value(rs, -1), a.resolvedAt);
    }
    QSet<QString> matched; // ids of existing alerts a candidate stands for
    QSet<QString> adopted;
    for (Candidate &c : candidates) {
        if (const ExistingAlert *a = byKey.value(c.dedupeKey)) {
            matched.insert(a->id);
            continue;
        }
        const QString rs = c.rule + u'|' + c.subjectId;
        if (c.matchOpenBySubject) {
            if (const ExistingAlert *a = openBySubject.value(rs)) {
                matched.insert(a->id);
                continue;
            }
            if (personResolvedBySubject.value(rs, -1) >= now - qint64(t.duplicateDays) * kDay)
                continue; // a person closed this one recently; not raised again within the window
        }
        const ExistingAlert *old = nullptr;
        for (const ExistingAlert *l : legacy) {
            if (!adopted.contains(l->id) && l->rule == c.rule && l->subjectId == c.subjectId
                && l->raisedAt >= c.since - kDay && l->raisedAt <= std::max(now, c.since + kDay)) {
                old = l;
                break;
            }
        }
        if (old) {
            adopted.insert(old->id);
            matched.insert(old->id);
            plan.adopt.emplace_back(old->id, std::move(c));
            continue;
        }
        plan.raise.push_back(std::move(c));
    }
    for (const ExistingAlert &a : existing) {
        if (!a.isOpen())
            continue;
        if (!a.dedupeKey.isEmpty() && autoResolves(a.rule) && !matched.contains(a.id)
            && a.raisedAt <= now) {
            plan.resolve.push_back(a.id);
            continue;
        }
        if (auto e = escalationDue(a, now, t, users))
            plan.escalate.push_back(*e);
    }
    return plan;
}

} // namespace cockpit::alerts
