#include "forecast/history.h"
#include "analytics/scope.h"

#include <algorithm>

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

DealSet asOf(const History &h, qint64 asOfSecs)
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
    auto closes = [&](int stage) { return stage >= 0 && std::size_t(stage) < h.stageCloses.size() && h.stageCloses[std::size_t(stage)]; };
    const std::vector<std::pair<qint64, qint64>> noPayments;
    std::vector<qint64> leftAt; // per stage reached: when it last left it (one buffer for every deal)
    for (const DealHistory &r : h.deals) {
        if (r.createdAt >= asOfSecs)
            continue;
        Deal d = r.current;
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
                continue; // no open stage known: nothing to ask about
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
        d.salesActions = int(std::lower_bound(r.salesAt.begin(), r.salesAt.end(), asOfSecs) - r.salesAt.begin());
        d.customerResponses = int(std::lower_bound(r.customerAt.begin(), r.customerAt.end(), asOfSecs) - r.customerAt.begin());
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
        set.deals.push_back(std::move(d));
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
