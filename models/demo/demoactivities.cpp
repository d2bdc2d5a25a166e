// Activities: every lead's touch points (sales actions, customer responses answering them,
// cross-department requests and tasks), the duplicate-touch customers, collaboration ratings
// and historic silence alerts. The total is exactly spec.activities.
#include "demomodel.h"
#include "demonames.h"

#include <algorithm>
#include <cmath>

namespace cockpit::demo::detail {

namespace {

struct Ev
{
    qint64 at;
    int seq; // creation order: ties keep it, replies point at it
    const char *kind;
    char dir; // 's' sales, 'c' customer, 'x' cross
    int actor; // user index, -1 = the customer
    int quoteVersion = 0;
    int replyTo = -1; // seq of the answered event
    int duration = 0;
    const char *tags = "";
};

const char *dirCode(char d) { return d == 's' ? "sales" : (d == 'c' ? "customer" : "cross"); }

int callDuration(Rng &r, const User &u)
{
    if (r.chance(u.shortCallShare))
        return int(r.range(5, 29)); // the busy-but-empty calls of seed 002
    return int(std::clamp(r.lognormal(180, 0.8), 30.0, 1800.0));
}

int salesDuration(Rng &r, const char *kind, const User &u)
{
    if (qstrcmp(kind, "call") == 0)
        return callDuration(r, u);
    if (qstrcmp(kind, "visit") == 0)
        return int(r.range(1800, 7200));
    if (qstrcmp(kind, "meeting") == 0)
        return int(r.range(1800, 5400));
    if (qstrcmp(kind, "demo") == 0)
        return int(r.range(3600, 7200));
    return 0;
}

int managerOf(const Ctx &c, int u)
{
    const int m = c.users[u].manager;
    return m >= 0 ? m : c.director;
}

} // namespace

void writeActivities(Ctx &c)
{
    Rng r = Rng::derive(c.opt.seed, 0xAC71);
    const int N = int(c.leads.size());

    // Signal 4: customers touched by 3 different reps within the last 30 days.
    std::vector<int> order(c.customers.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[r.index(i)]);
    std::vector<int> dupCustomers;
    for (int ci : order) {
        if (int(dupCustomers.size()) >= c.spec.dupTouchCustomers)
            break;
        const Customer &cu = c.customers[ci];
        if (c.users[cu.owner].leftDay >= 0)
            continue;
        int active = 0;
        for (int u : c.cities[cu.city].reps)
            active += c.users[u].activeAt(c.now) ? 1 : 0;
        if (active >= 3) {
            c.customers[ci].dupTouch = true;
            dupCustomers.push_back(ci);
        }
    }
    const qint64 dupTotal = qint64(dupCustomers.size()) * 5;

    // Allocation: every lead gets the actions its story needs, the rest goes by diligence,
    // depth and length of the lead's life.
    std::vector<qint64> minCount(N, 0);
    std::vector<double> weight(N, 0);
    qint64 minSum = 0;
    double wSum = 0;
    for (int i = 0; i < N; ++i) {
        const Lead &L = c.leads[i];
        if (L.lastTouch < 0)
            continue;
        minCount[i] = 1 + (L.demo ? 1 : 0) + L.quotes + 2 * L.crossPairs + (L.engaged ? 1 : 0);
        const double spanDays = double(L.lastTouch - L.firstAction) / kDay;
        weight[i] = c.users[L.owner].diligence * (1.0 + L.stage) * std::sqrt(spanDays + 0.5);
        minSum += minCount[i];
        wSum += weight[i];
    }
    const qint64 extra = qint64(c.spec.activities) - dupTotal - minSum;
    if (extra < 0)
        throw DemoError("activity budget too small for the leads");
    qint64 given = 0;
    for (int i = 0; i < N; ++i) {
        const qint64 e = wSum > 0 ? qint64(std::floor(double(extra) * weight[i] / wSum)) : 0;
        c.leads[i].actCount = int(minCount[i] + e);
        given += e;
    }
    for (int i = 0; given < extra; i = (i + 1) % N) {
        if (weight[i] > 0) {
            ++c.leads[i].actCount;
            ++given;
        }
    }

    Insert ains(*c.db, "activities",
                "id, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, quote_version,"
                " reply_to, tags, text, updated_at",
                "log_hash", kLogHashRoom);
    Insert rins(*c.db, "collaboration_ratings", "id, rep_id, rater_id, lead_id, at, score, updated_at");
    std::vector<Ev> ev;
    static const char *respTags[] = {"", "", "积极", "询价", "犹豫", "异议"};

    for (int i = 0; i < N; ++i) {
        const Lead &L = c.leads[i];
        const int k = L.actCount;
        if (k <= 0)
            continue;
        if (i % 2000 == 0)
            c.report(20 + int(45.0 * i / N), "activities");
        Rng lr = Rng::derive(c.opt.seed, 0xAC72, quint64(i));
        const User &owner = c.users[L.owner];
        const Customer &cu = c.customers[L.customer];
        const qint64 first = L.firstAction;
        const qint64 end = std::max(L.lastTouch, first);
        ev.clear();
        int seq = 0;
        auto add = [&](qint64 at, const char *kind, char dir, int actor) -> Ev & {
            Ev e{at, seq++, kind, dir, actor};
            ev.push_back(e);
            return ev.back();
        };
        auto clampT = [&](qint64 t) { return std::clamp(t, first, end); };

        const int rest = k - (1 + (L.demo ? 1 : 0) + L.quotes + 2 * L.crossPairs);
        int nResp = L.engaged ? std::max(1, int(std::lround(rest * 0.35))) : 0;
        nResp = std::min(nResp, rest);
        const int nReview = int(std::lround((rest - nResp) * 0.08));
        const int nRand = rest - nResp - nReview;

        {
            const char *kind = (L.pipeline == Lifecycle || lr.chance(0.5)) ? "call" : "wechat";
            Ev &e = add(first, kind, 's', L.owner);
            e.duration = salesDuration(lr, kind, owner);
        }
        static const char *randKinds[] = {"call", "wechat", "email", "visit", "meeting"};
        static const std::vector<double> randW{0.35, 0.25, 0.12, 0.14, 0.14};
        for (int j = 0; j < nRand; ++j) {
            const qint64 at = (j == nRand - 1) ? end : lr.range(first, end);
            const char *kind = randKinds[lr.weighted(randW)];
            Ev &e = add(at, kind, 's', L.owner);
            e.duration = salesDuration(lr, kind, owner);
        }
        if (L.demo) {
            const int from = L.pipeline == KeyAccount ? 0 : 2;
            const qint64 lo = clampT(L.entry[from]);
            const qint64 hi = (from + 1 <= L.stage && L.entry[from + 1] >= 0) ? clampT(L.entry[from + 1] - kMinute) : end;
            Ev &e = add(hi > lo ? lr.range(lo, hi) : lo, "demo", 's', L.owner);
            e.duration = salesDuration(lr, "demo", owner);
        }
        if (L.quotes > 0) {
            static const int quoteStage[3] = {3, 3, 2};
            const qint64 lo = clampT(L.entry[quoteStage[L.pipeline]]);
            qint64 t = L.quoteBurst ? clampT(L.quoteBurstAt) : 0;
            for (int q = 0; q < L.quotes; ++q) {
                if (L.quoteBurst) {
                    if (q > 0)
                        t = clampT(t + lr.range(4 * kHour, 14 * kHour));
                } else if (q == 0) {
                    t = lr.range(lo, end);
                } else {
                    // A revised quote comes days later; if the window is too short the
                    // follow-up is an e-mail, so only compliance cases burst quotes.
                    const qint64 next = t + lr.range(4 * kDay, 20 * kDay);
                    if (next > end) {
                        Ev &e = add(clampT(t + lr.range(kHour, 2 * kDay)), "email", 's', L.owner);
                        e.duration = 0;
                        continue;
                    }
                    t = next;
                }
                add(t, "quote", 's', L.owner);
            }
        }
        std::sort(ev.begin(), ev.end(), [](const Ev &a, const Ev &b) { return a.at != b.at ? a.at < b.at : a.seq < b.seq; });
        int version = 0;
        for (Ev &e : ev) {
            if (qstrcmp(e.kind, "quote") == 0)
                e.quoteVersion = ++version;
        }
        // Customer responses answer an earlier sales action (signal 2 lives on these).
        const std::size_t nSales = ev.size();
        for (int j = 0; j < nResp; ++j) {
            const Ev src = ev[lr.index(nSales)];
            const qint64 at = std::max(src.at, std::min(end, src.at + qint64(lr.lognormal(2 * kHour, 1.2))));
            const char *kind;
            if (qstrcmp(src.kind, "quote") == 0)
                kind = lr.chance(0.5) ? "doc_opened" : "email";
            else if (qstrcmp(src.kind, "call") == 0 || qstrcmp(src.kind, "wechat") == 0 || qstrcmp(src.kind, "email") == 0)
                kind = src.kind;
            else
                kind = lr.chance(0.6) ? "wechat" : "email";
            Ev &e = add(at, kind, 'c', -1);
            e.replyTo = src.seq;
            e.tags = respTags[lr.index(std::size(respTags))];
            if (qstrcmp(kind, "call") == 0)
                e.duration = int(lr.range(60, 600));
            else if (qstrcmp(kind, "doc_opened") == 0)
                e.duration = int(lr.range(30, 600));
        }
        // 15-second reviews after calls, visits and meetings.
        for (int j = 0; j < nReview; ++j) {
            const Ev src = ev[lr.index(nSales)];
            const qint64 at = std::min(std::max(end, src.at), src.at + src.duration + lr.range(60, 1800));
            Ev &e = add(at, "review_note", 's', L.owner);
            e.duration = 15;
        }
        // Cross-department work: the rep asks, presales or delivery answers.
        const Region &reg = c.regions[owner.region];
        for (int j = 0; j < L.crossPairs; ++j) {
            const qint64 at = lr.range(first, end);
            const int req = add(at, "request", 'x', L.owner).seq;
            const bool delivery = L.status == 'w' && lr.chance(0.5);
            const std::vector<int> &pool = delivery ? reg.delivery : reg.presales;
            const int actor = pool[lr.index(pool.size())];
            const qint64 tat = std::min(std::max(end, at), at + qint64(lr.lognormal(6 * kHour, 1.0)));
            Ev &e = add(tat, delivery ? "delivery_task" : "presales_task", 'x', actor);
            e.replyTo = req;
            e.duration = int(delivery ? lr.range(3600, 28800) : lr.range(3600, 14400));
            if (lr.chance(0.7)) {
                const qint64 rat = std::min(c.now, tat + lr.range(kHour, 3 * kDay));
                const int score = int(std::clamp<qint64>(std::lround(3.2 + 2.2 * (owner.skill - 1.0) / 0.4 + 0.7 * lr.normal()), 1, 5));
                const Id rid = c.newId(lr);
                rins.row(rid, owner.id, c.users[actor].id, L.id, Time{rat}, score, Time{rat});
            }
        }
        // Ids in creation order, then write in time order.
        std::vector<Id> bySeq(ev.size());
        for (std::size_t j = 0; j < ev.size(); ++j)
            bySeq[j] = c.newId(lr);
        std::sort(ev.begin(), ev.end(), [](const Ev &a, const Ev &b) { return a.at != b.at ? a.at < b.at : a.seq < b.seq; });
        for (const Ev &e : ev) {
            const std::optional<Id> actor = e.actor >= 0 ? std::optional<Id>(c.users[e.actor].id) : std::nullopt;
            const std::optional<Id> reply = e.replyTo >= 0 ? std::optional<Id>(bySeq[e.replyTo]) : std::nullopt;
            ains.row(bySeq[e.seq], L.id, cu.id, actor, e.kind, dirCode(e.dir), Time{e.at}, e.duration,
                     e.quoteVersion, reply, e.tags, names::activityText(lr, e.kind, e.dir), Time{e.at});
        }
        // Historic silence: a gap of more than 72 h while the lead was open.
        if (lr.chance(0.08)) {
            for (std::size_t j = 0; j + 1 < ev.size(); ++j) {
                if (ev[j + 1].at - ev[j].at > 72 * kHour && ev[j + 1].at < c.now - kDay) {
                    AlertRow a;
                    a.rule = "silence";
                    a.subjectKind = "lead";
                    a.subjectId = L.id;
                    a.owner = L.owner;
                    a.raisedAt = ev[j].at + 72 * kHour;
                    a.ackBy = managerOf(c, L.owner);
                    a.ackAt = a.raisedAt + (ev[j + 1].at - a.raisedAt) / 3;
                    a.resolvedBy = L.owner;
                    a.resolvedAt = ev[j + 1].at;
                    a.details = "线索 72 小时无跟进";
                    c.alerts.push_back(a);
                    break;
                }
            }
        }
    }

    // The duplicate touches: the owner and two colleagues call the same customer.
    for (int ci : dupCustomers) {
        const Customer &cu = c.customers[ci];
        std::vector<int> others;
        for (int u : c.cities[cu.city].reps) {
            if (u != cu.owner && c.users[u].activeAt(c.now))
                others.push_back(u);
        }
        for (std::size_t i = others.size(); i > 1; --i)
            std::swap(others[i - 1], others[r.index(i)]);
        const int actors[5] = {cu.owner, cu.owner, others[0], others[0], others[1]};
        for (int j = 0; j < 5; ++j) {
            const qint64 at = std::min(c.now - kHour, workTime(c.today - r.range(1, 28), r));
            static const char *kinds[] = {"call", "wechat", "visit"};
            const char *kind = kinds[r.index(3)];
            const int dur = salesDuration(r, kind, c.users[actors[j]]);
            const Id id = c.newId(r);
            ains.row(id, Null{}, cu.id, c.users[actors[j]].id, kind, "sales", Time{at}, dur, 0, Null{}, "",
                     names::activityText(r, kind, 's'), Time{at});
        }
    }
}

} // namespace cockpit::demo::detail
