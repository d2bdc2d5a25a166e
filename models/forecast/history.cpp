#include "forecast/history.h"
#include "analytics/scope.h"

#include <algorithm>
#include <thread>

namespace cockpit::forecast {

int punctualityBucket(const std::vector<std::pair<qint64, qint64>> &payments, qint64 day)
{
    int due = 0, onTime = 0;
    for (const auto &[dueDay, paidDay] : payments) {
        if (dueDay >= day)
            continue;
        ++due;
        onTime += paidDay >= 0 && paidDay <= dueDay;
    }
    if (due == 0)
        return kNotRecorded;
    const double share = double(onTime) / due;
    return share < 0.70 ? 0 : share < 0.95 ? 1 : 2;
}

int tenureBucket(qint64 sinceDay, qint64 day)
{
    // Not a customer yet on `day` (a prospect): as without a date. A prospect whose deal was
    // won usually became a customer by that win, so its date would tell the outcome.
    if (sinceDay < 0 || sinceDay > day)
        return kNotRecorded;
    const double years = double(day - sinceDay) / 365.25;
    return years < 1 ? 0 : years < 3 ? 1 : 2;
}

int budgetShareBucket(qint64 amountCents, qint64 budgetCents)
{
    if (budgetCents <= 0 || amountCents <= 0)
        return kNotRecorded;
    return amountCents * 2 <= budgetCents ? 0 : amountCents <= budgetCents ? 1 : 2;
}

bool writtenByOutcome(int wonWith, int won, int lostWith, int lost)
{
    if (won < 20 || lost < 20)
        return false;
    return (lostWith == 0 && wonWith * 5 >= won) || (wonWith == won && lostWith * 10 < lost * 9);
}

bool closeDateWrittenAtClose(const std::vector<Deal> &deals)
{
    qint64 dated = 0, sameDay = 0;
    for (const Deal &d : deals)
        if (d.closed() && d.expectedCloseDay >= 0) {
            ++dated;
            sameDay += d.expectedCloseDay == d.closedDay;
        }
    return dated >= 20 && sameDay * 10 >= dated * 9;
}

bool amountLeaksOutcome(const std::vector<Deal> &deals)
{
    qint64 lost = 0, lostZero = 0, won = 0, wonZero = 0;
    for (const Deal &d : deals) {
        if (d.outcome == Outcome::Lost) {
            ++lost;
            lostZero += d.amountCents <= 0;
        } else if (d.won()) {
            ++won;
            wonZero += d.amountCents <= 0;
        }
    }
    return lost > 0 && won > 0 && lostZero * 10 >= lost * 9 && wonZero * 10 <= won;
}

void estimateAmounts(std::vector<Deal> &deals, qint64 day)
{
    QHash<int, std::vector<qint64>> byProduct;
    std::vector<qint64> all;
    for (const Deal &d : deals) {
        if (d.won() && d.closedDay < day && d.amountCents > 0) {
            byProduct[d.product].push_back(d.amountCents);
            all.push_back(d.amountCents);
        }
    }
    auto median = [](std::vector<qint64> v) -> qint64 {
        if (v.empty())
            return 0;
        std::sort(v.begin(), v.end());
        return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    };
    QHash<int, qint64> productMedian;
    for (auto it = byProduct.cbegin(); it != byProduct.cend(); ++it)
        productMedian.insert(it.key(), median(it.value()));
    const qint64 allMedian = median(all);
    for (Deal &d : deals) {
        if (d.closed())
            continue;
        d.amountCents = productMedian.value(d.product, allMedian);
        d.amountEstimated = true;
    }
}

qint64 lastEventSecs(const History &h)
{
    qint64 last = 0;
    for (const DealHistory &r : h.deals) {
        last = std::max(last, r.closedAt);
        if (!r.moves.empty() && r.moves.back().first > r.createdAt)
            last = std::max(last, r.moves.back().first);
        if (!r.salesAt.empty())
            last = std::max(last, r.salesAt.back());
        if (!r.customerAt.empty())
            last = std::max(last, r.customerAt.back());
    }
    return last;
}

qint64 forecastMoment(const History &h, qint64 nowSecs)
{
    return forecastMoment(lastEventSecs(h), nowSecs);
}

qint64 forecastMoment(qint64 last, qint64 nowSecs)
{
    if (last <= 0 || last >= nowSecs - qint64(kStaleDays) * 86400)
        return nowSecs;
    return analytics::companyDayStart(analytics::dayDate(analytics::companyDayNumber(last) + 1));
}

namespace {
// One deal's record as of `asOfSecs` (company day `day`), before any amount estimate; false when
// it has no open stage known (nothing to ask about). `leftAt`: a buffer for every deal.
bool recordAsOf(const History &h, const DealHistory &r, qint64 asOfSecs, qint64 day, Deal &d, std::vector<qint64> &leftAt)
{
    static const std::vector<std::pair<qint64, qint64>> noPayments;
    auto closes = [&](int stage) { return stage >= 0 && std::size_t(stage) < h.stageCloses.size() && h.stageCloses[std::size_t(stage)]; };
    d = r.current;
    const bool closedThen = r.closedAt >= 0 && r.closedAt < asOfSecs;
    if (!closedThen) {
        d.outcome = Outcome::Open;
        d.closedDay = -1;
    }
    d.stagesReached.clear();
    leftAt.clear();
    const qint64 end = closedThen ? r.closedAt : asOfSecs;
    int stageThen = -1;
    bool sitting = false; // the last move entered stageThen (not a closing stage)
    auto indexOf = [&d](int stage) { return std::size_t(std::find(d.stagesReached.begin(), d.stagesReached.end(), stage) - d.stagesReached.begin()); };
    for (const auto &[at, stage] : r.moves) {
        if (at >= asOfSecs)
            break;
        if (sitting)
            leftAt[indexOf(stageThen)] = at;
        sitting = !closes(stage);
        if (!sitting)
            continue;
        stageThen = stage;
        if (indexOf(stage) == d.stagesReached.size()) {
            d.stagesReached.push_back(stage);
            leftAt.push_back(end);
        }
    }
    if (stageThen < 0) {
        if (closes(d.stage))
            return false; // no open stage known: nothing to ask about
        stageThen = d.stage;
        d.stagesReached.push_back(stageThen);
        leftAt.push_back(end);
    } else if (sitting) {
        leftAt[indexOf(stageThen)] = end; // still in it at the moment, or lost in it at the close
    }
    auto before = [](const std::vector<qint64> &times, qint64 t) {
        return int(std::lower_bound(times.begin(), times.end(), t) - times.begin());
    };
    d.stageFacts.clear();
    d.stageFacts.reserve(leftAt.size());
    for (qint64 t : leftAt)
        d.stageFacts.push_back({r.firstDemoAt >= 0 && r.firstDemoAt < t, before(r.salesAt, t), before(r.customerAt, t)});
    d.stage = stageThen;
    d.demoHeld = r.firstDemoAt >= 0 && r.firstDemoAt < asOfSecs;
    d.salesActions = before(r.salesAt, asOfSecs);
    d.customerResponses = before(r.customerAt, asOfSecs);
    const qint64 created = d.createdDay;
    const auto paid = h.payments.constFind(d.customer); // not value(): that copies the customer's payments
    d.bucket[Punctuality] = std::int8_t(punctualityBucket(paid == h.payments.cend() ? noPayments : *paid,
                                                          std::min(day, closedThen ? d.closedDay : day)));
    d.bucket[Tenure] = std::int8_t(tenureBucket(r.customerSinceDay, created));
    d.bucket[BudgetShare] = std::int8_t(h.amountLeaks ? kNotRecorded : budgetShareBucket(d.amountCents, r.budgetCents));
    d.bucket[Seniority] = std::int8_t(h.outcomeWritten & RoleFact ? kNotRecorded : r.seniorityBucket);
    if (h.outcomeWritten & CompetitorFact)
        d.bucket[Competitor] = kNotRecorded;
    // The flag as it stands now (not when the outcome wrote it).
    const int validated = !(h.outcomeWritten & ValidationFact) && r.current.bucket[TechValidation] >= 2 ? 2 : 0;
    d.bucket[TechValidation] = std::int8_t(validated + (d.demoHeld ? 1 : 0));
    return true;
}

// Closed, and nothing of it after the close that a record as of a later moment would count.
bool settledAtClose(const DealHistory &r)
{
    return r.closedAt >= 0 && (r.moves.empty() || r.moves.back().first <= r.closedAt)
           && (r.salesAt.empty() || r.salesAt.back() <= r.closedAt) && (r.customerAt.empty() || r.customerAt.back() <= r.closedAt)
           && r.firstDemoAt <= r.closedAt;
}
} // namespace

SettledDeals settledDeals(const History &h)
{
    SettledDeals s;
    s.records.resize(h.deals.size());
    s.settled.assign(h.deals.size(), 0);
    const auto settle = [&h, &s](std::size_t from, std::size_t to) {
        std::vector<qint64> leftAt;
        for (std::size_t i = from; i < to; ++i) {
            const DealHistory &r = h.deals[i];
            if (!settledAtClose(r))
                continue;
            const qint64 after = r.closedAt + 1; // any moment after the close gives this record
            s.settled[i] = recordAsOf(h, r, after, analytics::companyDayNumber(after), s.records[i], leftAt);
        }
    };
    // Two halves at once where there are cores for it (large demo: 28 ms on one).
    const std::size_t half = std::thread::hardware_concurrency() > 1 && h.deals.size() >= 10000 ? h.deals.size() / 2 : 0;
    std::thread other;
    if (half > 0)
        other = std::thread(settle, half, h.deals.size());
    settle(0, half > 0 ? half : h.deals.size());
    if (other.joinable())
        other.join();
    return s;
}

DealSet asOf(const History &h, qint64 asOfSecs, const SettledDeals *settled)
{
    DealSet set;
    set.industries = h.industries;
    set.stageNames = h.stageNames;
    set.titles = h.openTitles;
    set.asOfDay = analytics::companyDayNumber(asOfSecs);
    set.intentRecorded = h.intentRecorded;
    set.amountLeaks = h.amountLeaks;
    set.outcomeWritten = h.outcomeWritten;
    set.closeDateWritten = h.closeDateWritten;
    const qint64 day = set.asOfDay;
    set.deals.reserve(h.deals.size());
    if (settled && settled->settled.size() != h.deals.size())
        settled = nullptr; // made of another history
    std::vector<qint64> leftAt;
    Deal d;
    for (std::size_t i = 0; i < h.deals.size(); ++i) {
        const DealHistory &r = h.deals[i];
        if (r.createdAt >= asOfSecs)
            continue;
        if (settled && settled->settled[i] && r.closedAt < asOfSecs)
            set.deals.push_back(settled->records[i]);
        else if (recordAsOf(h, r, asOfSecs, day, d, leftAt))
            set.deals.push_back(d);
    }
    std::vector<Deal> &deals = set.deals;
    if (h.amountLeaks) {
        estimateAmounts(deals, day);
    } else {
        if (std::any_of(deals.begin(), deals.end(), [](const Deal &d) { return !d.closed() && d.amountCents <= 0; })) {
            // Only the open deals without an amount get an estimate.
            std::vector<Deal> copy = deals;
            estimateAmounts(copy, day);
            for (std::size_t i = 0; i < deals.size(); ++i)
                if (!deals[i].closed() && deals[i].amountCents <= 0)
                    deals[i] = copy[i];
        }
    }
    return set;
}

} // namespace cockpit::forecast
