// Leads: who owns them, which pipeline, how far they got, when each stage was entered, and
// whether they were won. The win probability is where signals 1 and 2 come from.
#include "demo/demohours.h"
#include "demo/demomodel.h"
#include "demo/demonames.h"

#include "domain/pipeline.h"

#include <algorithm>
#include <cmath>

namespace cockpit::demo::detail {

namespace {

// Median stage durations (seconds) and log-sigma, per pipeline, for the non-terminal stages.
constexpr double kStageMedian[3][4] = {
    {40 * 60, 3 * 3600, 2 * 86400, 4 * 86400},
    {4 * 86400, 9 * 86400, 10 * 86400, 14 * 86400},
    {12 * 86400, 20 * 86400, 25 * 86400, 25 * 86400},
};
constexpr double kStageSigma[3] = {0.9, 0.7, 0.6};
constexpr double kBaseWin[3] = {0.38, 0.36, 0.34};
constexpr double kDemoShare[3] = {0.25, 0.6, 0.75};
constexpr double kAmountMedianYuan[3] = {6e4, 25e4, 90e4};
constexpr double kAmountSigma[3] = {0.7, 0.8, 0.7};
constexpr double kSizeFactor[5] = {0.5, 0.7, 1.0, 1.4, 2.0};
// Stage index where quotes start, and where the intent letter matters.
constexpr int kQuoteStage[3] = {3, 3, 2};
constexpr int kIntentStage[3] = {3, 3, 1};

int pickActiveRep(Ctx &c, Rng &r, qint64 t)
{
    for (int tries = 0; tries < 200; ++tries) {
        const int u = c.reps[r.index(c.reps.size())];
        if (c.users[u].activeAt(t) && !c.users[u].newHire)
            return u;
        if (c.users[u].activeAt(t) && c.users[u].hireDay * kDay + 30 * kDay < t)
            return u; // new hires get ordinary leads after their first month
    }
    for (int u : c.reps) {
        if (c.users[u].activeAt(t))
            return u;
    }
    return c.reps.front();
}

} // namespace

void planLeads(Ctx &c, Rng &r)
{
    const int N = c.spec.leads;
    c.leads.resize(N);
    std::vector<int> newHires;
    for (int u : c.reps) {
        if (c.users[u].newHire)
            newHires.push_back(u);
    }
    const int nQuick = std::min(N / 10, int(newHires.size()) * 5);
    const int nStages = 5;
    assignKeyActionTraits(c);
    // Weak cells (DESIGN §5 flags a conversion below 30 %): about one team in ten loses most
    // deals at one transition, 方案演示→报价谈判 (B2B) or 意向→方案 (key accounts).
    {
        Rng wr = Rng::derive(c.opt.seed, 0x3EAC);
        const int nWeak = std::max(1, int(c.teams.size()) / 10);
        std::vector<int> order(c.teams.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[wr.index(i)]);
        for (int k = 0; k < nWeak && k < int(order.size()); ++k) {
            Team &t = c.teams[std::size_t(order[std::size_t(k)])];
            t.weakPipeline = k % 2 == 0 ? B2B : KeyAccount;
            t.weakStage = k % 2 == 0 ? 2 : 1;
        }
    }
    // Working hours (demohours.h): sales actions and stage moves fall in the team's desk hours.
    const WorkHours &desk = deskHours();

    for (int i = 0; i < N; ++i) {
        Lead &L = c.leads[i];
        L.id = c.newId(r);
        if (i < nQuick) {
            L.quick = true;
            L.owner = newHires[i % newHires.size()];
            const qint64 d = c.users[L.owner].hireDay + r.range(0, 10);
            L.created = desk.draw(r, d * kDay, (d + 7) * kDay);
        } else {
            double u = r.uniform();
            if (r.chance(0.5))
                u = std::sqrt(u);
            const qint64 day = std::min(c.today, c.today - 455 + qint64(u * 456));
            // Leads come in during the team's working week (a week around the day).
            L.created = desk.draw(r, (day - 3) * kDay, (day + 4) * kDay);
            if (L.created > c.now - 20 * kMinute)
                L.created = c.now - r.range(20 * kMinute, 9 * kHour);
            L.owner = pickActiveRep(c, r, L.created);
        }
        User &owner = c.users[L.owner];
        L.effEnd = owner.leftDay >= 0 ? std::min(c.now, owner.leftDay * kDay + 2 * kHour) : c.now;
        if (L.created >= L.effEnd)
            L.created = L.effEnd - r.range(kHour, 5 * kDay);

        // Customer: mostly one of the owner's accounts, else one in the owner's city.
        const auto &mine = owner.customers;
        const auto &cityList = c.cities[owner.city].customers;
        if (!mine.empty() && r.chance(0.85))
            L.customer = mine[r.index(mine.size())];
        else if (!cityList.empty())
            L.customer = cityList[r.index(cityList.size())];
        else
            L.customer = r.index(c.customers.size());
        const Customer &cu = c.customers[L.customer];

        if (L.quick) {
            L.pipeline = r.chance(0.8) ? Lifecycle : B2B;
        } else {
            static const std::vector<double> big{0.1, 0.45, 0.45}, smallW{0.45, 0.45, 0.10};
            L.pipeline = r.weighted(cu.size >= 3 ? big : smallW);
        }
        const int p = L.pipeline;
        L.productLine = r.chance(0.78) ? owner.productLine : r.index(names::kProductLineCount);
        {
            double yuan = r.lognormal(kAmountMedianYuan[p], kAmountSigma[p]) * kSizeFactor[cu.size];
            yuan = std::clamp(yuan, 1e4, 5e6);
            L.amount = qint64(yuan / 100.0) * 100 * 100; // whole 100 yuan, in cents
        }

        // Assignment: inbound is instant, B2B waits for the marketing hand-over.
        qint64 delay = p == Lifecycle ? r.range(0, 300) : (p == B2B ? r.range(10 * kMinute, 36 * kHour) : r.range(0, 8 * kHour));
        L.assigned = std::min(L.created + delay, L.effEnd - kMinute);
        L.assigned = std::max(L.assigned, L.created);
        L.assigned = desk.forward(L.assigned, L.effEnd - kMinute);
        const double respSecs = r.lognormal(owner.responseMin * 60.0, 0.6);
        L.firstAction = desk.forward(L.assigned + std::max<qint64>(30, qint64(respSecs)), c.now);

        // Outcome.
        // Signal 8: a B2B demo is the standard action of 方案演示, done by diligent reps.
        L.demo = r.chance(p == B2B ? keyActionChance(c, owner, "demo", L.created) : kDemoShare[p]);
        L.engaged = r.chance(0.72);
        double cycle = 0;
        for (int k = 0; k < 4; ++k)
            cycle += kStageMedian[p][k];
        const double age = double(L.effEnd - L.assigned);
        // Teams close what goes nowhere: a lead far past its pipeline's cycle is rarely open.
        double pOpen = age < cycle ? 0.9 : (age < 2.5 * cycle ? 0.3 : 0.015);
        if (owner.leftDay >= 0)
            pOpen = std::min(1.0, pOpen + 0.15);
        if (L.quick)
            pOpen = 0;
        const bool open = r.chance(pOpen);
        const double pWin = std::clamp(kBaseWin[p] * owner.skill * (L.demo ? 1.35 : 0.6) * (L.engaged ? 1.3 : 0.55), 0.03, 0.92);
        const bool won = r.chance(pWin);
        int last;
        if (open) {
            static const std::vector<double> w{4, 3, 2, 1.5};
            last = r.weighted(w);
            L.status = 'o';
            // A lead stuck far longer than its stages usually take is closed by the team
            // (lost) rather than left open for months; the leads of reps who left stay.
            double usual = 0;
            for (int k = 0; k <= last; ++k)
                usual += kStageMedian[p][k];
            if (owner.leftDay < 0 && !L.quick && age > 2.0 * usual && r.chance(0.85)) {
                L.status = 'l';
                L.lostReason = r.index(std::size(names::kLostReasons));
            }
        } else if (won) {
            last = nStages - 1;
            L.status = 'w';
        } else {
            static const std::vector<double> w{3, 3, 2, 2};
            last = r.weighted(w);
            L.status = 'l';
            L.lostReason = r.index(std::size(names::kLostReasons));
        }
        // A weak team's deals mostly stop at its weak stage (lost there).
        if (owner.team >= 0) {
            const Team &tm = c.teams[std::size_t(owner.team)];
            if (tm.weakPipeline == p && last > tm.weakStage && L.status != 'o' && !L.quick && r.chance(0.75)) {
                last = tm.weakStage;
                L.status = 'l';
                L.lostReason = r.index(std::size(names::kLostReasons));
            }
        }
        L.stage = last;
        // Demos happen in the stage that expects them: key account before leaving 线索 (gate),
        // B2B in 方案演示, inbound in 需求诊断.
        if (p == KeyAccount && last >= 1)
            L.demo = true;
        if (p == B2B && last < 2)
            L.demo = false;
        if (p == Lifecycle && last < 2)
            L.demo = false;

        // Stage timeline.
        std::array<double, 4> d{};
        const double speed = std::sqrt(owner.skill);
        for (int k = 0; k < 4; ++k)
            d[k] = r.lognormal(kStageMedian[p][k], kStageSigma[p]) / speed;
        // The first sales action comes before the first move.
        d[0] = std::max(d[0], double(L.firstAction - L.created) + r.range(5 * kMinute, 2 * kHour));
        double used = 0;
        for (int k = 0; k < last; ++k)
            used += d[k];
        double lostPart = 0;
        if (L.status == 'l')
            lostPart = d[last] * r.uniform(0.3, 1.0);
        double avail = double(L.effEnd - L.created) - (L.status == 'o' ? 0.0 : double(kHour));
        if (L.quick)
            avail = std::min(avail, double(owner.hireDay * kDay + 28 * kDay - L.created));
        const double need = used + lostPart;
        if (need > avail * (L.status == 'o' ? 0.95 : 1.0)) {
            const double f = avail * r.uniform(0.35, 0.95) / need;
            for (double &x : d)
                x *= f;
            lostPart *= f;
        }
        // Stage moves are made in working hours (moved to the next working stretch unless that
        // passes the end of the lead's life).
        const qint64 moveLimit = L.quick ? std::min(L.effEnd - kMinute, owner.hireDay * kDay + 28 * kDay) : L.effEnd - kMinute;
        // Each move is its unsnapped time moved forward (never from an already moved one, so the
        // timeline does not drift past the end of the lead's life).
        std::array<qint64, 5> raw{};
        raw[0] = L.entry[0] = L.created;
        for (int k = 1; k <= last; ++k) {
            raw[std::size_t(k)] = raw[std::size_t(k - 1)] + std::max<qint64>(60, qint64(d[std::size_t(k - 1)]));
            // Two moves that fall in one night would both land at the next morning: the stage
            // keeps up to two working hours of its length.
            const qint64 len = raw[std::size_t(k)] - raw[std::size_t(k - 1)];
            qint64 at = desk.forward(raw[std::size_t(k)], moveLimit);
            const qint64 minAt = L.entry[std::size_t(k - 1)] + std::min(len, 2 * kHour);
            if (at < minAt)
                at = desk.forward(minAt, moveLimit);
            L.entry[std::size_t(k)] = std::max(at, L.entry[std::size_t(k - 1)] + 60);
        }
        // An open lead moves on: the stage it is in was entered a part of that stage's usual
        // time ago (so most open leads are inside their stage SLA), not at the far start.
        if (L.status == 'o' && last >= 1 && !L.quick) {
            const qint64 inStage = qint64(d[std::size_t(std::min(last, 3))] * r.uniform(0.0, 1.0));
            const qint64 recent = desk.backward(L.effEnd - inStage, L.entry[last - 1] + 60);
            if (recent > L.entry[last])
                L.entry[last] = recent;
        }
        L.stageEnteredAt = L.entry[last];
        if (L.status == 'w')
            L.closedAt = L.entry[last];
        else if (L.status == 'l')
            L.closedAt = std::max(desk.forward(raw[std::size_t(last)] + std::max<qint64>(60, qint64(lostPart)), moveLimit),
                                  L.entry[last] + 60);
        // A lead is assigned (and answered) before it leaves its first stage, also when its
        // timeline had to be squeezed into a short life.
        if (last >= 1 && L.assigned >= L.entry[1] - 2 * kMinute)
            L.assigned = L.created + (L.entry[1] - L.created) / 3;
        if (last >= 1 && L.firstAction > L.entry[1] - 60)
            L.firstAction = std::max(L.assigned + 30, L.entry[1] - r.range(60, 10 * kMinute));
        if (L.closedAt >= 0 && L.firstAction > L.closedAt)
            L.firstAction = L.assigned + (L.closedAt - L.assigned) / 3;

        // The activity window.
        if (L.status != 'o') {
            L.lastTouch = L.closedAt;
        } else if (owner.leftDay >= 0) {
            L.lastTouch = desk.backward(L.effEnd - r.range(0, 3 * kDay), L.firstAction);
        } else if (r.chance(0.03 + 0.2 * (1.0 - owner.diligence))) {
            // signal 3: silent > 72 h
            L.lastTouch = desk.backward(c.now - r.range(76 * kHour, 20 * kDay), L.firstAction);
        } else {
            L.lastTouch = desk.backward(c.now - r.range(0, 60 * kHour), L.firstAction);
        }
        L.lastTouch = std::min(std::max(L.lastTouch, L.firstAction), c.now);
        const bool hasWindow = L.firstAction <= L.effEnd && L.firstAction <= c.now;
        if (!hasWindow) {
            L.demo = false;
            L.lastTouch = -1;
        }
        L.silent = L.status == 'o' && (!hasWindow ? c.now - L.created > 72 * kHour
                                                  : c.now - L.lastTouch > 72 * kHour);
        if (hasWindow) {
            const bool reachedQuote = last >= kQuoteStage[p];
            // Key accounts expect a quote in 方案 and 谈判 and presales work in 意向 and 方案.
            const bool revised = r.chance(0.4) || (p == KeyAccount && last >= 4);
            L.quotes = reachedQuote ? 1 + (revised ? 1 : 0) : 0;
            if (p == KeyAccount && last >= 1)
                L.crossPairs = 1 + ((r.chance(0.5) || last >= 3) ? 1 : 0);
            else if (p == B2B && last >= 2)
                L.crossPairs = r.chance(0.6) ? 1 : 0;
            else if (L.status == 'w')
                L.crossPairs = r.chance(0.3) ? 1 : 0;
        }
        owner.leads.push_back(i);
        Customer &cm = c.customers[L.customer];
        const qint64 custCreated = L.created - r.range(kDay, 30 * kDay);
        if (cm.createdAt < 0 || custCreated < cm.createdAt)
            cm.createdAt = custCreated;
        if (L.status == 'w') {
            const qint64 wd = dayOf(L.closedAt);
            if (cm.firstWonDay < 0 || wd < cm.firstWonDay)
                cm.firstWonDay = wd;
        }
    }

    // Signal 5: compliance cases. One lead churned through stages in one day, and one burst
    // of >= 3 quote versions within 72 h, per compliance rep.
    for (int u : c.reps) {
        if (!c.users[u].compliance)
            continue;
        bool churnDone = false, burstDone = false;
        for (int li : c.users[u].leads) {
            Lead &L = c.leads[li];
            if (!churnDone && L.status == 'o' && L.stage >= 1 && L.lastTouch >= 0) {
                qint64 t = dayOf(L.entry[L.stage]) * kDay + 2 * kHour; // 10:00 Beijing
                if (t < L.entry[L.stage - 1] + 60)
                    t += kDay;
                if (t + 2 * kHour < c.now - kHour) {
                    L.churn = true;
                    L.entry[L.stage] = t;
                    L.stageEnteredAt = t + 90 * kMinute; // six more moves, 15 min apart
                    churnDone = true;
                    continue;
                }
            }
            if (!burstDone && L.lastTouch >= 0 && L.lastTouch - L.firstAction > 4 * kDay &&
                L.stage >= kQuoteStage[L.pipeline] && !L.churn) {
                L.quoteBurst = true;
                L.quotes = 4;
                const qint64 lo = std::max(L.firstAction + kMinute, L.entry[kQuoteStage[L.pipeline]]);
                const qint64 hi = L.lastTouch - 50 * kHour;
                L.quoteBurstAt = hi > lo ? r.range(lo, hi) : lo;
                burstDone = true;
            }
            if (churnDone && burstDone)
                break;
        }
    }
}

} // namespace cockpit::demo::detail
