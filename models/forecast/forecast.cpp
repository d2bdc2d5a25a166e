#include "forecast/forecast.h"
#include "analytics/scope.h"

#include <QDate>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cockpit::forecast {

std::vector<qint64> slipHistory(const std::vector<Deal> &deals, qint64 beforeDay)
{
    std::vector<qint64> out;
    for (const Deal &d : deals)
        if (d.won() && d.closedDay < beforeDay && d.expectedCloseDay >= 0)
            out.push_back(d.closedDay - d.expectedCloseDay);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<qint64> durationHistory(const std::vector<Deal> &deals, qint64 beforeDay)
{
    std::vector<qint64> out;
    for (const Deal &d : deals)
        if (d.won() && d.closedDay < beforeDay)
            out.push_back(d.closedDay - d.createdDay);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<qint64> newBusinessHistory(const std::vector<Deal> &deals, qint64 today, qint64 lengthDays, int windows)
{
    qint64 firstCreated = std::numeric_limits<qint64>::max();
    for (const Deal &d : deals)
        firstCreated = std::min(firstCreated, d.createdDay);
    std::vector<qint64> out;
    for (int w = 1; w <= windows && lengthDays > 0; ++w) {
        const qint64 first = today - w * lengthDays, last = first + lengthDays - 1;
        if (first < firstCreated)
            break;
        qint64 sum = 0;
        for (const Deal &d : deals)
            if (d.won() && d.createdDay >= first && d.createdDay <= last && d.closedDay >= first && d.closedDay <= last)
                sum += d.amountCents;
        out.push_back(sum);
    }
    return out;
}

PeriodForecast forecastPeriod(const DealSet &set, const WinRates &rates, qint64 firstDay, qint64 lastDay, SimOptions options)
{
    PeriodForecast f;
    f.firstDay = firstDay;
    f.lastDay = lastDay;
    f.today = set.asOfDay;
    const std::vector<qint64> slips = slipHistory(set.deals, f.today);
    const std::vector<qint64> durations = durationHistory(set.deals, f.today);
    for (const Deal &d : set.deals) {
        if (d.won() && d.closedDay >= firstDay && d.closedDay <= lastDay && d.closedDay < f.today)
            f.alreadyWonCents += d.amountCents;
        if (d.closed())
            continue;
        SimDeal s;
        s.id = d.id;
        s.amountCents = d.amountCents;
        s.winProbability = winProbability(d, rates);
        s.closeEstimated = d.expectedCloseDay < 0;
        s.inPeriod = s.closeEstimated ? closeInPeriodByAge(d.createdDay, durations, f.today, firstDay, lastDay)
                                      : closeInPeriod(d.expectedCloseDay, slips, f.today, firstDay, lastDay);
        s.approverNotMet = d.decisionRoleKnown && !d.finalApproverMet;
        s.intentIncomplete = rates.intentRecorded && !d.intentComplete();
        s.competitor = d.bucket[Competitor] == 1;
        s.amountEstimated = d.amountEstimated;
        f.deals.push_back(s);
    }
    options.alreadyWonCents = f.alreadyWonCents;
    if (lastDay >= f.today)
        options.newBusinessCents = newBusinessHistory(set.deals, f.today, lastDay - std::max(firstDay, f.today) + 1);
    f.sim = simulate(f.deals, options);
    return f;
}

double forecastAccuracy(qint64 actualCents, qint64 forecastCents)
{
    if (actualCents == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return 1.0 - double(std::llabs(actualCents - forecastCents)) / double(actualCents);
}

std::vector<double> errorRatios(const std::vector<BacktestMonth> &months)
{
    std::vector<double> out;
    for (const BacktestMonth &m : months)
        if (m.rawP50 > 0)
            out.push_back(std::clamp(double(m.actualCents) / double(m.rawP50), 1.0 / kMaxRatio, kMaxRatio));
    if (out.size() > std::size_t(kRatioWindow))
        out.erase(out.begin(), out.end() - kRatioWindow);
    return out;
}

std::vector<BacktestMonth> backtest(const History &h, qint64 firstDay, qint64 lastDay, int draws, quint64 seed)
{
    std::vector<BacktestMonth> all, out;
    QDate month = analytics::dayDate(firstDay);
    month = QDate(month.year(), month.month(), 1);
    if (analytics::dayNumber(month) < firstDay)
        month = month.addMonths(1);
    // The warm-up months give the first reported months their error ratios.
    for (month = month.addMonths(-kWarmupMonths); analytics::dayNumber(month) <= lastDay; month = month.addMonths(1)) {
        BacktestMonth m;
        m.firstDay = analytics::dayNumber(month);
        m.lastDay = analytics::dayNumber(month.addMonths(1)) - 1;
        const DealSet set = asOf(h, analytics::companyDayStart(month));
        const WinRates rates = learnRates(set.deals, set.asOfDay, set.intentRecorded);
        SimOptions o;
        o.draws = draws;
        o.seed = seed;
        const PeriodForecast raw = forecastPeriod(set, rates, m.firstDay, m.lastDay, o);
        m.rawP50 = raw.sim.p50;
        const std::vector<double> ratios = errorRatios(all);
        m.ratios = ratios.size() >= std::size_t(kMinRatios) ? int(ratios.size()) : 0;
        if (m.ratios)
            o.errorRatios = ratios;
        const PeriodForecast f = m.ratios ? forecastPeriod(set, rates, m.firstDay, m.lastDay, o) : raw;
        m.openDeals = int(f.deals.size());
        m.closedKnown = int(std::count_if(set.deals.begin(), set.deals.end(), [](const Deal &d) { return d.closed(); }));
        for (const DealHistory &r : h.deals)
            if (r.current.won() && r.current.closedDay >= m.firstDay && r.current.closedDay <= m.lastDay)
                m.actualCents += r.current.amountCents;
        m.p10 = f.sim.p10;
        m.p50 = f.sim.p50;
        m.p90 = f.sim.p90;
        m.accuracy = forecastAccuracy(m.actualCents, m.p50);
        m.inBand = m.actualCents >= m.p10 && m.actualCents <= m.p90;
        all.push_back(m);
        if (m.firstDay >= firstDay)
            out.push_back(m);
    }
    return out;
}

int countedMonths(const std::vector<BacktestMonth> &months)
{
    return int(std::count_if(months.begin(), months.end(), [](const BacktestMonth &m) { return m.counted(); }));
}

double bandCoverage(const std::vector<BacktestMonth> &months)
{
    const int n = countedMonths(months);
    if (n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    int in = 0;
    for (const BacktestMonth &m : months)
        in += m.counted() && m.inBand;
    return double(in) / double(n);
}

} // namespace cockpit::forecast
