#include "forecast/forecast.h"
#include "analytics/scope.h"

#include <QDate>

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <thread>
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

std::vector<qint64> newBusinessHistory(const std::vector<Deal> &deals, qint64 today, qint64 lengthDays, int windows,
                                       qint64 wonDays)
{
    if (lengthDays <= 0 || windows <= 0)
        return {};
    // One pass (the windows one each cost 6 more passes over every deal): window w (from 1)
    // holds the days [today − w·length, today − (w − 1)·length − 1], so a deal created `back`
    // days before today falls in window ⌈back / length⌉.
    qint64 firstCreated = std::numeric_limits<qint64>::max();
    std::vector<qint64> sums(std::size_t(windows), 0);
    for (const Deal &d : deals) {
        firstCreated = std::min(firstCreated, d.createdDay);
        const qint64 back = today - d.createdDay;
        if (!d.won() || back < 1)
            continue;
        const qint64 w = (back - 1) / lengthDays + 1;
        if (w > windows)
            continue;
        const qint64 first = today - w * lengthDays, last = first + lengthDays - 1;
        const qint64 wonFrom = wonDays < 0 ? first : std::max(first, last - wonDays + 1);
        if (d.closedDay >= wonFrom && d.closedDay <= last)
            sums[std::size_t(w - 1)] += d.amountCents;
    }
    std::vector<qint64> out;
    for (int w = 1; w <= windows && today - w * lengthDays >= firstCreated; ++w)
        out.push_back(sums[std::size_t(w - 1)]);
    return out;
}

namespace {
// forecastPeriod() up to the draws: the open deals and the options the draws are made with.
PeriodForecast preparePeriod(const DealSet &set, const WinRates &rates, qint64 firstDay, qint64 lastDay, SimOptions &options)
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
        s.inPeriod = s.closeEstimated || set.closeDateWritten ? closeInPeriodByAge(d.createdDay, durations, f.today, firstDay, lastDay)
                                      : closeInPeriod(d.expectedCloseDay, slips, f.today, firstDay, lastDay);
        s.approverNotMet = d.decisionRoleKnown && !d.finalApproverMet;
        s.intentIncomplete = rates.intentRecorded && !d.intentComplete();
        s.competitor = d.bucket[Competitor] == 1;
        s.amountEstimated = d.amountEstimated;
        f.deals.push_back(s);
    }
    options.alreadyWonCents = f.alreadyWonCents;
    if (lastDay >= f.today)
        options.newBusinessCents = newBusinessHistory(set.deals, f.today, lastDay - f.today + 1, 6,
                                                      lastDay - std::max(firstDay, f.today) + 1);
    return f;
}
} // namespace

PeriodForecast forecastPeriod(const DealSet &set, const WinRates &rates, qint64 firstDay, qint64 lastDay, SimOptions options)
{
    PeriodForecast f = preparePeriod(set, rates, firstDay, lastDay, options);
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
        if (m.taught())
            out.push_back(std::clamp(double(m.actualCents) / double(m.rawP50), 1.0 / kMaxRatio, kMaxRatio));
    if (out.size() > std::size_t(kRatioWindow))
        out.erase(out.begin(), out.end() - kRatioWindow);
    return out;
}

namespace {
// A backtest month as its start knew it, before the error ratios of the months before it.
struct RawMonth
{
    BacktestMonth m;
    SimResult raw;      // its draws before the error multipliers, kept for rescale()
    SimOptions options; // the raw draws' (no error ratios)
};

// fn(i, threads) for i in [0, n), spread over every core; `threads`: what each call may use
// itself (1 when the calls share the cores, 0 — as it likes — when there is one worker).
// The last i first: a backtest's later months hold more deals, and the cores are kept busy to
// the end when the long ones go first (in order, the last month ran alone on one core).
void forEachOnEveryCore(std::size_t n, const std::function<void(std::size_t, int)> &fn)
{
    const std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, std::max<std::size_t>(n, 1));
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> failures(workers);
    auto work = [&](std::size_t w) {
        try {
            for (std::size_t i; (i = next++) < n;)
                fn(n - 1 - i, workers > 1 ? 1 : 0);
        } catch (...) {
            failures[w] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t w = 1; w < workers; ++w)
        pool.emplace_back(work, w);
    work(0);
    for (std::thread &t : pool)
        t.join();
    for (const std::exception_ptr &f : failures)
        if (f)
            std::rethrow_exception(f);
}

RawMonth rawMonth(const History &h, const SettledDeals &settled, QDate month, int draws, quint64 seed, int threads)
{
    RawMonth r;
    BacktestMonth &m = r.m;
    m.firstDay = analytics::dayNumber(month);
    m.lastDay = analytics::dayNumber(month.addMonths(1)) - 1;
    const DealSet set = asOf(h, analytics::companyDayStart(month), &settled);
    const WinRates rates = learnRates(set.deals, set.asOfDay, set.intentRecorded);
    r.options.draws = draws;
    r.options.seed = seed;
    r.options.threads = threads;
    r.options.keepUnscaled = true;
    PeriodForecast raw = preparePeriod(set, rates, m.firstDay, m.lastDay, r.options);
    raw.sim = simulate(raw.deals, r.options);
    m.rawP50 = raw.sim.p50;
    m.p10 = raw.sim.p10;
    m.p50 = raw.sim.p50;
    m.p90 = raw.sim.p90;
    m.openDeals = int(raw.deals.size());
    m.newBusinessWindows = int(r.options.newBusinessCents.size());
    m.closedKnown = int(std::count_if(set.deals.begin(), set.deals.end(), [](const Deal &d) { return d.closed(); }));
    for (const DealHistory &d : h.deals)
        if (d.current.won() && d.current.closedDay >= m.firstDay && d.current.closedDay <= m.lastDay)
            m.actualCents += d.current.amountCents;
    r.raw = std::move(raw.sim);
    return r;
}
} // namespace

std::vector<BacktestMonth> backtest(const History &h, qint64 firstDay, qint64 lastDay, int draws, quint64 seed,
                                    std::shared_ptr<const SettledDeals> settled)
{
    QDate month = analytics::dayDate(firstDay);
    month = QDate(month.year(), month.month(), 1);
    if (analytics::dayNumber(month) < firstDay)
        month = month.addMonths(1);
    // The warm-up months give the first reported months their error ratios.
    std::vector<QDate> months;
    for (month = month.addMonths(-kWarmupMonths); analytics::dayNumber(month) <= lastDay; month = month.addMonths(1))
        months.push_back(month);

    // Each month's pipeline, rates and raw forecast need nothing of the other months: they are
    // made on every core at once (each month's draws then on one thread: the same draws, as
    // each draw has its own seed). A month's error ratios come from the raw forecasts of the
    // months before it (errorRatios reads rawP50 and the actual only), so once every raw month
    // is in, the months' banded draws are made on every core too.
    std::vector<RawMonth> raw(months.size());
    if (!settled)
        settled = std::make_shared<const SettledDeals>(settledDeals(h));
    forEachOnEveryCore(months.size(), [&](std::size_t i, int threadsEach) { raw[i] = rawMonth(h, *settled, months[i], draws, seed, threadsEach); });
    std::vector<BacktestMonth> before;
    for (RawMonth &r : raw) {
        const std::vector<double> ratios = errorRatios(before);
        r.m.ratios = ratios.size() >= std::size_t(kMinRatios) ? int(ratios.size()) : 0;
        if (r.m.ratios)
            r.options.errorRatios = ratios;
        before.push_back(r.m);
    }
    forEachOnEveryCore(raw.size(), [&](std::size_t i, int) {
        RawMonth &r = raw[i];
        if (!r.m.ratios)
            return;
        const SimResult sim = rescale(r.raw, r.options);
        r.m.p10 = sim.p10;
        r.m.p50 = sim.p50;
        r.m.p90 = sim.p90;
    });
    std::vector<BacktestMonth> out;
    for (RawMonth &r : raw) {
        BacktestMonth &m = r.m;
        m.accuracy = forecastAccuracy(m.actualCents, m.p50);
        m.inBand = m.actualCents >= m.p10 && m.actualCents <= m.p90;
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
