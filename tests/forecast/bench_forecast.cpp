// bench_forecast [THREADS] [DB]: the issue-14 budgets on generated deals (not a test; never
// fails on time). With DB (e.g. the large demo): also reading its history, rebuilding its
// pipeline as of now, the learned model on its closed deals and the forecast of its next month. Monte-Carlo: 10 000 draws over 20 000 open deals, every one inside the period (the
// worst case: nothing skipped). Training: the learned model on 100 000 closed deals (one
// example per stage reached: 2–4 each), 8 stages, 12 industries, 7 products.
#include "forecast/evaluation.h"
#include "forecast/forecast.h"
#include "forecast/logistic.h"
#include "forecast/montecarlo.h"
#include "analytics/scope.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

#include <QElapsedTimer>

#include <cstdio>
#include <random>

using namespace cockpit::forecast;

namespace {
void benchFile(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open()) {
        std::printf("cannot open %s\n", qPrintable(path));
        return;
    }
    QElapsedTimer t;
    t.start();
    const History h = loadHistory(db);
    std::printf("%s: read %zu deals with history: %lld ms\n", qPrintable(path), h.deals.size(), qint64(t.restart()));
    qint64 last = 0;
    for (const DealHistory &d : h.deals)
        last = std::max(last, d.createdAt);
    const DealSet set = asOf(h, last + 1);
    std::printf("  pipeline as of its last creation: %lld ms\n", qint64(t.restart()));
    const WinRates rates = learnRates(set.deals, set.asOfDay, set.intentRecorded);
    WinModel model;
    const std::vector<Example> examples = examplesOf(set.deals, std::numeric_limits<qint64>::min(), set.asOfDay);
    t.restart();
    model.train(set.deals, examples, set.amountLeaks, {}, set.outcomeWritten);
    std::printf("  training on its closed deals (%zu examples, %d features): %lld ms, %d Newton steps\n", examples.size(),
                int(model.featureNames().size()), qint64(t.restart()), model.iterations());
    const QDate today = cockpit::analytics::dayDate(set.asOfDay);
    SimOptions o;
    const PeriodForecast f = forecastPeriod(set, rates, set.asOfDay, cockpit::analytics::dayNumber(today.addMonths(1)), o);
    std::printf("  forecast of the next month (%zu open deals, %d in it, %d draws): %lld ms\n", f.deals.size(),
                f.sim.dealsInPeriod, f.sim.draws, qint64(t.restart()));
    {
        SimOptions none;
        none.draws = 0;
        for (int i = 0; i < 10; ++i)
            forecastPeriod(set, rates, set.asOfDay, cockpit::analytics::dayNumber(today.addMonths(1)), none);
        std::printf("  its open deals and windows alone (no draws): %.1f ms\n", double(t.restart()) / 10);
    }
    // The backtest's work, month by month on one thread as each of its workers does it: the
    // pipeline as of the month's start, its rates, the month's open deals and windows, the
    // draws (2 000, as pastYear's). Where its time goes.
    qint64 asOfMs = 0, ratesMs = 0, prepareMs = 0, drawsMs = 0;
    t.restart();
    const SettledDeals settled = settledDeals(h);
    const qint64 settledMs = t.restart();
    for (int m = 18; m >= 1; --m) {
        const QDate month = today.addMonths(-m), first(month.year(), month.month(), 1);
        t.restart();
        const DealSet then = asOf(h, cockpit::analytics::companyDayStart(first), &settled);
        asOfMs += t.restart();
        const WinRates r = learnRates(then.deals, then.asOfDay, then.intentRecorded);
        ratesMs += t.restart();
        SimOptions mo;
        mo.draws = 0;
        const PeriodForecast p = forecastPeriod(then, r, then.asOfDay, cockpit::analytics::dayNumber(first.addMonths(1)) - 1, mo);
        prepareMs += t.restart();
        mo.draws = 2000;
        mo.threads = 1;
        mo.newBusinessCents = std::vector<qint64>(6, 0);
        const SimResult sim = simulate(p.deals, mo);
        drawsMs += t.restart();
    }
    std::printf("  backtest's 18 months on one thread: settled deals %lld ms, as of %lld ms, rates %lld ms, deals and windows %lld ms,"
                " draws %lld ms\n", settledMs, asOfMs, ratesMs, prepareMs, drawsMs);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    if (argc > 2)
        benchFile(QString::fromLocal8Bit(argv[2]));
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<SimDeal> open(20000);
    for (SimDeal &d : open) {
        d.amountCents = qint64(1e6 * (0.2 + 5 * u(rng)));
        d.winProbability = u(rng);
        d.inPeriod = 0.2 + 0.8 * u(rng);
        d.competitor = u(rng) < 0.3;
    }
    SimOptions o;
    o.draws = 10000;
    o.seed = 1;
    o.threads = threads;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        const SimResult r = simulate(open, o);
        std::printf("monte-carlo %d draws x %zu deals, %d threads: %lld ms (P50 %lld)\n", o.draws, open.size(), threads,
                    qint64(t.elapsed()), r.p50);
    }
    std::vector<Deal> closed(100000);
    for (std::size_t i = 0; i < closed.size(); ++i) {
        Deal &d = closed[i];
        const int last = int(rng() % 4);
        for (int s = 0; s <= last; ++s)
            d.stagesReached.push_back(s);
        d.stage = last;
        d.industry = int(rng() % 12);
        d.product = int(rng() % 7);
        d.owner = int(rng() % 300);
        d.amountCents = qint64(1e6 * (0.2 + 5 * u(rng)));
        d.demoHeld = u(rng) < 0.5;
        d.salesActions = int(rng() % 30);
        d.customerResponses = int(rng() % 10);
        d.bucket[Competitor] = std::int8_t(u(rng) < 0.3);
        d.bucket[Punctuality] = std::int8_t(int(rng() % 4) - 1);
        const double p = 0.15 + 0.15 * last + (d.demoHeld ? 0.15 : 0);
        d.outcome = u(rng) < p ? Outcome::Won : Outcome::Lost;
        d.closedDay = qint64(i / 100);
    }
    const std::vector<Example> examples = examplesOf(closed, 0, 1 << 30);
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        WinModel m;
        m.train(closed, examples, false);
        std::printf("training on %zu closed deals (%zu examples, %d features): %lld ms, %d Newton steps\n", closed.size(),
                    examples.size(), int(m.featureNames().size()), qint64(t.elapsed()), m.iterations());
    }
    return 0;
}
