// Activities: every lead's touch points (sales actions, customer responses answering them,
// cross-department requests and tasks), the duplicate-touch customers, collaboration ratings
// and historic silence alerts. The total is exactly spec.activities. writeLog() chains them
// and the stage moves into the tamper-evident log and writes both tables.
#include "demo/demohours.h"
#include "demo/demomodel.h"
#include "demo/demonames.h"

#include "domain/pipeline.h"
#include "storage/logchain.h"

#include <algorithm>
#include <bit>
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
    bool pinned = false; // placed to do a stage's standard action (signal 8)
};

// A stage the lead has left (signal 8): [lo, hi) and the standard actions the owner did
// (need) or skipped (skip) in it, as bits of keyKindIndex().
struct Window
{
    qint64 lo = 0, hi = 0;
    unsigned need = 0, skip = 0;
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

    // Signal 8: the key kinds (bits) each stage of each pipeline expects.
    std::vector<std::vector<unsigned>> stageKinds;
    for (const PipelineDef &def : cockpit::pipelineTemplates()) {
        std::vector<unsigned> kinds;
        for (const StageDef &st : def.stages) {
            unsigned bits = 0;
            for (const QString &k : st.standardActions) {
                const int b = keyKindIndex(k.toLatin1().constData());
                if (b >= 0)
                    bits |= 1u << b;
            }
            kinds.push_back(bits);
        }
        stageKinds.push_back(std::move(kinds));
    }
    const int kCall = keyKindIndex("call"), kWechat = keyKindIndex("wechat"), kVisit = keyKindIndex("visit"),
              kMeeting = keyKindIndex("meeting"), kDemo = keyKindIndex("demo"), kQuote = keyKindIndex("quote"),
              kPresales = keyKindIndex("presales_task");
    const unsigned salesBits = (1u << kCall) | (1u << kWechat) | (1u << kVisit) | (1u << kMeeting);

    // Allocation: every lead gets the actions its story needs (one random action per standard
    // call, message, visit or meeting of the stages it left, signal 8), the rest goes by
    // diligence, depth and length of the lead's life.
    std::vector<qint64> minCount(N, 0);
    std::vector<double> weight(N, 0);
    qint64 minSum = 0;
    double wSum = 0;
    for (int i = 0; i < N; ++i) {
        const Lead &L = c.leads[i];
        if (L.lastTouch < 0)
            continue;
        minCount[i] = 1 + (L.demo ? 1 : 0) + L.quotes + 2 * L.crossPairs + (L.engaged ? 1 : 0);
        int keySlots = 0;
        for (int s = 0; s < std::min(L.stage, 4); ++s)
            keySlots += std::popcount(stageKinds[L.pipeline][s] & salesBits);
        minCount[i] += keySlots > 0 ? keySlots + 1 : 0; // the last random action stays at the end
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

    c.activityRows.reserve(std::size_t(c.spec.activities));
    Insert rins(*c.db, "collaboration_ratings", "id, rep_id, rater_id, lead_id, at, score, updated_at");
    std::vector<Ev> ev;
    static const char *respTags[] = {"", "", "积极", "询价", "犹豫", "异议"};

    for (int i = 0; i < N; ++i) {
        const Lead &L = c.leads[i];
        const int k = L.actCount;
        if (k <= 0)
            continue;
        if (i % 2000 == 0)
            c.report(1 + int(3.0 * i / N), "activities");
        Rng lr = Rng::derive(c.opt.seed, 0xAC72, quint64(i));
        const User &owner = c.users[L.owner];
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

        // Signal 8: for every stage the lead left, which standard actions the owner does in it.
        // Demos follow L.demo (decided with the outcome); the inbound first call and the
        // B2B/inbound quotes (the only way out of 方案报价/报价谈判 is the won deal) always happen.
        std::array<Window, 4> win{};
        const int nWin = L.churn ? 0 : std::min(L.stage, 4);
        for (int s = 0; s < nWin; ++s) {
            Window &w = win[s];
            w.lo = L.entry[s];
            w.hi = L.entry[s + 1];
            const unsigned kinds = stageKinds[L.pipeline][s];
            for (int b = 0; b < int(std::size(kKeyKinds)); ++b) {
                if (!((kinds >> b) & 1) || b == kDemo)
                    continue;
                const bool always = (L.pipeline == Lifecycle && s == 0) || (b == kQuote && L.pipeline != KeyAccount);
                if (always || lr.chance(keyActionChance(c, owner, kKeyKinds[b], w.hi)))
                    w.need |= 1u << b;
                else
                    w.skip |= 1u << b;
            }
        }
        auto allowed = [&](const char *kind, qint64 t) {
            const int b = keyKindIndex(kind);
            if (b < 0)
                return true;
            for (int s = 0; s < nWin; ++s) {
                if (t >= win[s].lo && t < win[s].hi && ((win[s].skip >> b) & 1))
                    return false;
            }
            return true;
        };
        // A time inside stage s's window and the activity window, in the kind's working hours
        // where the window has some; -1 when they do not meet.
        auto timeIn = [&](int s, const WorkHours &h) -> qint64 {
            const qint64 lo = std::max(win[s].lo, first), hi = std::min(win[s].hi - 1, end);
            return hi >= lo ? h.draw(lr, lo, hi) : -1;
        };
        const WorkHours &desk = deskHours();

        const int rest = k - (1 + (L.demo ? 1 : 0) + L.quotes + 2 * L.crossPairs);
        // Keep one random action per standard sales action of the stages left (signal 8).
        int keySlots = 0;
        for (int s = 0; s < std::min(L.stage, 4); ++s)
            keySlots += std::popcount(stageKinds[L.pipeline][s] & salesBits);
        const int spare = std::max(0, rest - (keySlots > 0 ? keySlots + 1 : 0));
        int nResp = L.engaged ? std::max(1, int(std::lround(spare * 0.35))) : 0;
        nResp = std::min(nResp, rest);
        const int nReview = int(std::lround(std::max(0, spare - nResp) * 0.08));
        const int nRand = rest - nResp - nReview;

        {
            bool call = L.pipeline == Lifecycle || lr.chance(0.5);
            if (L.pipeline == B2B && nWin > 0)
                call = (win[0].need >> kCall) & 1;
            const char *kind = call ? "call" : "wechat";
            Ev &e = add(first, kind, 's', L.owner);
            e.duration = salesDuration(lr, kind, owner);
        }
        static const char *randKinds[] = {"call", "wechat", "email", "visit", "meeting"};
        static const std::vector<double> randW{0.35, 0.25, 0.12, 0.14, 0.14};
        std::vector<int> movable; // random actions that may be moved into a stage
        for (int j = 0; j < nRand; ++j) {
            const char *kind = randKinds[lr.weighted(randW)];
            // The last action closes the window at `end` (a desk time): a call, not a visit.
            if (j == nRand - 1 && !fieldHours().working(end) && &hoursFor(kind, 's') == &fieldHours())
                kind = "call";
            const qint64 at = (j == nRand - 1) ? end : hoursFor(kind, 's').draw(lr, first, end);
            Ev &e = add(at, kind, 's', L.owner);
            e.duration = salesDuration(lr, kind, owner);
            if (j < nRand - 1)
                movable.push_back(int(ev.size()) - 1);
        }
        // The standard sales actions the owner does: one of the random actions, in the stage.
        for (int s = 0; s < nWin; ++s) {
            for (int b = 0; b < int(std::size(kKeyKinds)); ++b) {
                if (!((win[s].need & salesBits) >> b & 1))
                    continue;
                bool done = false;
                for (const Ev &e : ev)
                    done = done || (e.at >= win[s].lo && e.at < win[s].hi && keyKindIndex(e.kind) == b);
                if (done || movable.empty())
                    continue;
                const qint64 at = timeIn(s, hoursFor(kKeyKinds[b], 's'));
                if (at < 0)
                    continue;
                const int pick = int(lr.index(movable.size()));
                Ev &e = ev[movable[pick]];
                movable.erase(movable.begin() + pick);
                e.at = at;
                e.kind = kKeyKinds[b];
                e.duration = salesDuration(lr, e.kind, owner);
                e.pinned = true;
            }
        }
        if (L.demo) {
            const int from = L.pipeline == KeyAccount ? 0 : 2;
            const qint64 lo = clampT(L.entry[from]);
            const qint64 hi = (from + 1 <= L.stage && L.entry[from + 1] >= 0) ? clampT(L.entry[from + 1] - kMinute) : end;
            Ev &e = add(hi > lo ? fieldHours().draw(lr, lo, hi) : lo, "demo", 's', L.owner);
            e.duration = salesDuration(lr, "demo", owner);
        }
        if (L.quotes > 0) {
            static const int quoteStage[3] = {3, 3, 2};
            const qint64 lo = clampT(L.entry[quoteStage[L.pipeline]]);
            qint64 t = L.quoteBurst ? clampT(L.quoteBurstAt) : 0;
            // Key accounts: the first quote in 方案 when the owner quotes there, else later
            // (or, skipping both, already in 意向); the revision in 谈判 when expected there.
            const bool ka = L.pipeline == KeyAccount && !L.quoteBurst && nWin >= 3;
            for (int q = 0; q < L.quotes; ++q) {
                qint64 placed = -1;
                if (ka && q == 0) {
                    if ((win[2].need >> kQuote) & 1)
                        placed = timeIn(2, desk);
                    else if (nWin >= 4 && ((win[3].need >> kQuote) & 1))
                        placed = timeIn(3, desk);
                    else if (nWin >= 4)
                        placed = timeIn(1, desk);
                    else if (end > win[2].hi)
                        placed = desk.draw(lr, win[2].hi, end);
                } else if (ka && q == 1 && nWin >= 4 && ((win[3].need >> kQuote) & 1) && t < win[3].lo) {
                    const qint64 at = timeIn(3, desk);
                    if (at >= t + 4 * kDay)
                        placed = at;
                }
                if (placed >= 0) {
                    t = placed;
                } else if (L.quoteBurst) {
                    if (q > 0)
                        t = clampT(t + lr.range(4 * kHour, 14 * kHour));
                } else if (q == 0) {
                    t = desk.draw(lr, lo, end);
                } else {
                    // A revised quote comes days later; if the window is too short the
                    // follow-up is an e-mail, so only compliance cases burst quotes.
                    const qint64 next = desk.forward(t + lr.range(4 * kDay, 20 * kDay));
                    if (next > end || !allowed("quote", next)) {
                        Ev &e = add(clampT(desk.forward(t + lr.range(kHour, 2 * kDay))), "email", 's', L.owner);
                        e.duration = 0;
                        continue;
                    }
                    t = next;
                }
                add(t, "quote", 's', L.owner).pinned = placed >= 0;
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
            const qint64 answered = customerHours().forward(src.at + qint64(lr.lognormal(2 * kHour, 1.2)));
            const qint64 at = std::max(src.at, std::min(end, answered));
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
        // Key accounts expect presales work in 意向 and 方案 (signal 8): the first pairs go there
        // when the owner asks in time; others stay out of the stages where it was skipped.
        std::vector<int> presalesStages;
        if (L.pipeline == KeyAccount) {
            for (int s = 1; s <= 2 && s < nWin; ++s) {
                if ((win[s].need >> kPresales) & 1)
                    presalesStages.push_back(s);
            }
        }
        for (int j = 0; j < L.crossPairs; ++j) {
            qint64 at = desk.draw(lr, first, end);
            qint64 limit = std::max(end, at);
            bool delivery = L.status == 'w' && lr.chance(0.5);
            qint64 tat = std::min(limit, desk.forward(at + qint64(lr.lognormal(6 * kHour, 1.0))));
            if (j < int(presalesStages.size())) {
                const int s = presalesStages[j];
                const qint64 t = timeIn(s, desk);
                if (t >= 0) {
                    at = t;
                    limit = std::min(win[s].hi - 1, end);
                    tat = std::min(limit, at + (tat - std::min(tat, at)));
                    delivery = false;
                }
            } else if (!delivery && !allowed("presales_task", tat)) {
                // Asked after the last stage move (or, failing that, before the first).
                const qint64 lastLo = std::max(L.entry[std::min(L.stage, 4)], first);
                const qint64 lo = lastLo <= end ? lastLo : first;
                const qint64 hi = lastLo <= end ? end : std::min(end, std::max(first, win[0].hi - 1));
                at = desk.draw(lr, lo, hi);
                tat = std::min(hi, desk.forward(at + (tat - std::min(tat, at))));
            }
            const int req = add(at, "request", 'x', L.owner).seq;
            const std::vector<int> &pool = delivery ? reg.delivery : reg.presales;
            const int actor = pool[lr.index(pool.size())];
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
        // Signal 8: calls, messages, visits and meetings (a customer's reply included) that
        // would fall in a stage where the owner skipped that kind are e-mails instead.
        for (Ev &e : ev) {
            const int b = keyKindIndex(e.kind);
            if (!e.pinned && b >= 0 && ((salesBits >> b) & 1) && !allowed(e.kind, e.at)) {
                e.kind = "email";
                e.duration = 0;
            }
        }
        // Ids in creation order, then rows in time order (writeLog() writes them).
        std::vector<Id> bySeq(ev.size());
        for (std::size_t j = 0; j < ev.size(); ++j)
            bySeq[j] = c.newId(lr);
        std::sort(ev.begin(), ev.end(), [](const Ev &a, const Ev &b) { return a.at != b.at ? a.at < b.at : a.seq < b.seq; });
        const int base = int(c.activityRows.size());
        std::vector<int> rowOfSeq(ev.size());
        for (std::size_t j = 0; j < ev.size(); ++j)
            rowOfSeq[std::size_t(ev[j].seq)] = base + int(j);
        for (const Ev &e : ev) {
            ActivityRow &a = c.activityRows.emplace_back();
            a.id = bySeq[e.seq];
            a.at = e.at;
            a.lead = i;
            a.customer = L.customer;
            a.actor = e.actor;
            a.replyTo = e.replyTo >= 0 ? rowOfSeq[std::size_t(e.replyTo)] : -1;
            a.duration = e.duration;
            a.quoteVersion = e.quoteVersion;
            a.kind = e.kind;
            a.direction = dirCode(e.dir);
            a.tags = e.tags;
            a.text = names::activityText(lr, e.kind, e.dir);
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
            static const char *kinds[] = {"call", "wechat", "visit"};
            const char *kind = kinds[r.index(3)];
            qint64 day = c.today - r.range(1, 28);
            while (weekdayOf(day) >= 5)
                --day; // a working day
            const qint64 dayStart = day * kDay - kBeijingOffset;
            const qint64 at = std::min(c.now - kHour, hoursFor(kind, 's').draw(r, dayStart, dayStart + kDay));
            const int dur = salesDuration(r, kind, c.users[actors[j]]);
            ActivityRow &a = c.activityRows.emplace_back();
            a.id = c.newId(r);
            a.at = at;
            a.customer = ci;
            a.actor = actors[j];
            a.duration = dur;
            a.kind = kind;
            a.direction = "sales";
            a.text = names::activityText(r, kind, 's');
        }
    }
}

void writeLog(Ctx &c, int logAt, int writeAt, int doneAt)
{
    using cockpit::storage::LogRecordKind;
    using cockpit::storage::logchain::LogValue;
    namespace logchain = cockpit::storage::logchain;

    // buildChain()'s order over both tables: (at, kind, uuid).
    struct Entry
    {
        qint64 at;
        std::array<unsigned char, 16> uuid;
        quint32 row;
        LogRecordKind kind;
    };
    std::vector<Entry> order;
    order.reserve(c.activityRows.size() + c.stageMoveRows.size());
    for (std::size_t i = 0; i < c.activityRows.size(); ++i)
        order.push_back({c.activityRows[i].at, c.activityRows[i].id.uuid, quint32(i), LogRecordKind::Activity});
    for (std::size_t i = 0; i < c.stageMoveRows.size(); ++i)
        order.push_back({c.stageMoveRows[i].at, c.stageMoveRows[i].id.uuid, quint32(i), LogRecordKind::StageMove});
    std::sort(order.begin(), order.end(), [](const Entry &a, const Entry &b) {
        return logchain::chainedBefore(a.at, a.kind, a.uuid.data(), b.at, b.kind, b.uuid.data());
    });

    const auto uuidOf = [](const Id &id) { return LogValue::uuid(id.uuid.data()); };
    logchain::ValueChain chain;
    QString error;
    LogValue v[12];
    const qint64 total = qint64(order.size());
    qint64 done = 0;
    for (const Entry &e : order) {
        if ((done++ & 0xFFFF) == 0)
            c.report(logAt + int((writeAt - logAt) * done / std::max<qint64>(1, total)), "log");
        qint64 seq;
        if (e.kind == LogRecordKind::Activity) {
            ActivityRow &a = c.activityRows[e.row];
            v[0] = uuidOf(a.id);
            v[1] = a.lead >= 0 ? uuidOf(c.leads[std::size_t(a.lead)].id) : LogValue::null();
            v[2] = uuidOf(c.customers[std::size_t(a.customer)].id);
            v[3] = a.actor >= 0 ? uuidOf(c.users[std::size_t(a.actor)].id) : LogValue::null();
            v[4] = LogValue::text(a.kind);
            v[5] = LogValue::text(a.direction);
            v[6] = LogValue::number(a.at);
            v[7] = LogValue::number(a.duration);
            v[8] = LogValue::number(a.quoteVersion);
            v[9] = a.replyTo >= 0 ? uuidOf(c.activityRows[std::size_t(a.replyTo)].id) : LogValue::null();
            v[10] = LogValue::text(a.tags);
            v[11] = LogValue::text(a.text);
            seq = a.logSeq = chain.append(e.kind, v, 12, a.logHash.data(), &error);
        } else {
            StageMoveRow &m = c.stageMoveRows[e.row];
            const PipelineInfo &pi = c.pipelines[std::size_t(c.leads[std::size_t(m.lead)].pipeline)];
            v[0] = uuidOf(m.id);
            v[1] = uuidOf(c.leads[std::size_t(m.lead)].id);
            v[2] = m.from >= 0 ? uuidOf(pi.stageIds[std::size_t(m.from)]) : LogValue::null();
            v[3] = uuidOf(pi.stageIds[std::size_t(m.to)]);
            v[4] = LogValue::number(m.at);
            v[5] = m.by >= 0 ? uuidOf(c.users[std::size_t(m.by)].id) : LogValue::null();
            v[6] = LogValue::text(m.reason);
            seq = m.logSeq = chain.append(e.kind, v, 7, m.logHash.data(), &error);
        }
        if (seq < 0)
            throw DemoError("log chain: " + error.toStdString());
    }
    std::vector<Entry>().swap(order);

    c.report(writeAt, "writing");
    const qint64 rows = qint64(c.activityRows.size() + c.stageMoveRows.size());
    qint64 written = 0;
    const auto wrote = [&] {
        if ((written++ & 0x7FFF) == 0x7FFF)
            c.report(writeAt + int((doneAt - writeAt) * written / std::max<qint64>(1, rows)), "writing");
    };
    {
        Insert ins(*c.db, "activities",
                   "id, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, quote_version,"
                   " reply_to, tags, text, updated_at, log_seq, log_hash");
        for (const ActivityRow &a : c.activityRows) {
            const std::optional<Id> lead = a.lead >= 0 ? std::optional<Id>(c.leads[std::size_t(a.lead)].id) : std::nullopt;
            const std::optional<Id> actor = a.actor >= 0 ? std::optional<Id>(c.users[std::size_t(a.actor)].id) : std::nullopt;
            const std::optional<Id> reply =
                a.replyTo >= 0 ? std::optional<Id>(c.activityRows[std::size_t(a.replyTo)].id) : std::nullopt;
            ins.row(a.id, lead, c.customers[std::size_t(a.customer)].id, actor, a.kind, a.direction, Time{a.at},
                    a.duration, a.quoteVersion, reply, a.tags, a.text, Time{a.at}, a.logSeq,
                    Blob{a.logHash.data(), int(a.logHash.size())});
            wrote();
        }
    }
    {
        Insert ins(*c.db, "stage_history",
                   "id, lead_id, from_stage_id, to_stage_id, at, by_user_id, reason, updated_at, log_seq, log_hash");
        for (const StageMoveRow &m : c.stageMoveRows) {
            const Lead &L = c.leads[std::size_t(m.lead)];
            const PipelineInfo &pi = c.pipelines[std::size_t(L.pipeline)];
            const std::optional<Id> from = m.from >= 0 ? std::optional<Id>(pi.stageIds[std::size_t(m.from)]) : std::nullopt;
            const std::optional<Id> by = m.by >= 0 ? std::optional<Id>(c.users[std::size_t(m.by)].id) : std::nullopt;
            ins.row(m.id, L.id, from, pi.stageIds[std::size_t(m.to)], Time{m.at}, by, m.reason, Time{m.at}, m.logSeq,
                    Blob{m.logHash.data(), int(m.logHash.size())});
            wrote();
        }
    }
    if (!logchain::storeHead(c.db->handle(), chain.head(), &error))
        throw DemoError("log head: " + error.toStdString());
    std::vector<ActivityRow>().swap(c.activityRows);
    std::vector<StageMoveRow>().swap(c.stageMoveRows);
}

} // namespace cockpit::demo::detail
