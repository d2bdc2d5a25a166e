// The forecast's formulas on hand-computed fixtures (models/forecast): shrinkage and lifts,
// the explainable product and its intent cap, AUC with ties, Brier and its skill, calibration
// bins, the logistic fit, close-in-period from slips, the Monte-Carlo against the exact
// distribution of a 3-deal pipeline, and the model's error spread (its Student-t draws and the
// coverage of the band they make).
#include "forecast/forecast.h"
#include "forecast/history.h"
#include "analytics/scope.h"
#include "forecast/logistic.h"
#include "forecast/metrics.h"
#include "forecast/montecarlo.h"
#include "forecast/winprob.h"

#include <QTest>
#include <QTimeZone>
#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <random>

using namespace cockpit::forecast;

class TestForecastMath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shrinkageAndLift();
    void explainableProductAndCap();
    void aucHandlesTies();
    void brierAndSkill();
    void calibrationBins();
    void logisticFitsSeparableAndBalanced();
    void closeInPeriodFromSlips();
    void monteCarloMatchesExactThreeDeals();
    void monteCarloIsReproducible();
    void errorSpreadByHand();
    void errorMultipliersAreStudentT();
    void errorBandCoversEightInTen();
    void quantileAndAccuracyEdges();
    void outcomeWrittenFacts();
    void closeDateWrittenAtClosing();
    void newBusinessOfALaterPeriod();
    void asOfRebuildsThePipeline();
    void staleHistoryMovesTheMoment();
    void bucketEdges();
};

void TestForecastMath::shrinkageAndLift()
{
    // 3 of 4 won, prior 0.5, k = 10: (3 + 5) / 14.
    QCOMPARE(shrunkRate(3, 4, 0.5), 8.0 / 14.0);
    QCOMPARE(shrunkRate(0, 0, 0.4), 0.4); // empty cell: the prior
    QCOMPARE(shrunkRate(0, 0, 0.4, 0), 0.4);
    // 90 deals, 45 won, prior 0.2: (45 + 2) / 100.
    QCOMPARE(shrunkRate(45, 90, 0.2), 0.47);
    QCOMPARE(lift(10, 10, 0.5), (10 + 5.0) / 20.0 / 0.5);
    QCOMPARE(lift(1, 2, 0.0), 1.0);
}

namespace {
Deal closedDeal(int stage, bool won, qint64 day, int owner = 1)
{
    Deal d;
    d.stage = stage;
    d.stagesReached = {stage};
    d.outcome = won ? Outcome::Won : Outcome::Lost;
    d.closedDay = day;
    d.owner = owner;
    d.industry = 0;
    return d;
}
} // namespace

void TestForecastMath::explainableProductAndCap()
{
    // 20 closed deals in stage 7, industry 0: 10 won. Competitor recorded on all: 8 with one
    // (2 won), 12 without (8 won).
    std::vector<Deal> deals;
    for (int i = 0; i < 20; ++i) {
        Deal d = closedDeal(7, i < 10, 100);
        d.bucket[Competitor] = std::int8_t(i < 2 || i >= 14 ? 1 : 0);
        deals.push_back(d);
    }
    const WinRates r = learnRates(deals, 200, false);
    QCOMPARE(r.all.n, 20.0);
    QCOMPARE(r.buckets[Competitor].value(1).n, 8.0);
    QCOMPARE(r.buckets[Competitor].value(1).won, 2.0);
    Deal open;
    open.stage = 7;
    open.industry = 0;
    open.owner = 1;
    open.bucket[Competitor] = 1;
    // base: stage (10 + 10×0.5)/30 = 0.5, cell the same 0.5; competitor lift (2 + 5)/18/0.5;
    // rep: 10 of 20 in the pipeline, the same as the pipeline: lift 1.
    const double expected = 0.5 * (7.0 / 18.0 / 0.5);
    QVERIFY(std::abs(winProbability(open, r) - expected) < 1e-12);
    DealSet set;
    set.industries = {QStringLiteral("制造")};
    const WinProbability w = explainWin(open, r, set);
    QVERIFY(std::abs(w.probability - expected) < 1e-12);
    QCOMPARE(w.factors.size(), 1 + FactorCount + 2);
    QCOMPARE(w.factors.at(1 + Punctuality).reason, QStringLiteral("no data")); // no deal records it
    QCOMPARE(w.factors.at(1 + Punctuality).value, 1.0);
    // Not recorded on this deal, recorded elsewhere: 1.0 with its own reason.
    open.bucket[Competitor] = kNotRecorded;
    QCOMPARE(explainWin(open, r, set).factors.at(1 + Competitor).reason, QStringLiteral("not recorded for this deal"));
    // The cap: a file with intent letters caps an incomplete one at 35 %.
    WinRates capped = r;
    capped.intentRecorded = true;
    open.bucket[Competitor] = 0; // (8 + 5) / 22 / 0.5 × 0.5 ≈ 0.59 before the cap
    QCOMPARE(winProbability(open, capped), kIntentCap);
    open.intentSeal = open.intentBudget = open.intentContact = true;
    QCOMPARE(winProbability(open, capped), kIntentCap); // three of four are not enough
    open.intentNextMeeting = true;
    QVERIFY(std::abs(winProbability(open, capped) - 13.0 / 22.0) < 1e-12);
    // Clamped to 1: a lift product above 1.
    WinRates high = r;
    high.buckets[Competitor][0] = Count{1000, 1000};
    QCOMPARE(winProbability(open, high) <= 1.0, true);
    // No closed deal: the rep's own percent.
    Deal lone;
    lone.recordedProbability = 40;
    QCOMPARE(winProbability(lone, learnRates({}, 0, false)), 0.4);
    // Deals closed on or after the moment are not known then.
    QCOMPARE(learnRates(deals, 100, false).all.n, 0.0);
}

void TestForecastMath::aucHandlesTies()
{
    QCOMPARE(auc({0.1, 0.2, 0.8, 0.9}, {0, 0, 1, 1}), 1.0);
    QCOMPARE(auc({0.9, 0.8, 0.2, 0.1}, {0, 0, 1, 1}), 0.0);
    QCOMPARE(auc({0.5, 0.5, 0.5, 0.5}, {0, 1, 0, 1}), 0.5); // all tied
    // Pairs (won, lost): (0.5 vs 0.5) tie ½, (0.5 vs 0.2) 1, (0.9 vs both) 2 → 3.5 / 4.
    QCOMPARE(auc({0.5, 0.9, 0.5, 0.2}, {1, 1, 0, 0}), 0.875);
    QVERIFY(std::isnan(auc({0.3, 0.4}, {1, 1})));
}

void TestForecastMath::brierAndSkill()
{
    QCOMPARE(brier({1.0, 0.0}, {1, 0}), 0.0);
    QCOMPARE(brier({0.5, 0.5}, {1, 0}), 0.25);
    QCOMPARE(brier({0.8, 0.4}, {1, 0}), (0.04 + 0.16) / 2);
    QCOMPARE(brierSkill(0.1, 0.25), 0.6);
    QCOMPARE(brierSkill(0.25, 0.25), 0.0);
    QVERIFY(brierSkill(0.3, 0.25) < 0);
    QVERIFY(std::isnan(brierSkill(0.1, 0.0)));
    QVERIFY(std::isnan(brier({}, {})));
}

void TestForecastMath::calibrationBins()
{
    const auto bins = calibration({0.05, 0.15, 0.12, 1.0, 0.95}, {0, 1, 0, 1, 0}, 10);
    QCOMPARE(int(bins.size()), 10);
    QCOMPARE(bins[0].n, 1);
    QCOMPARE(bins[1].n, 2);
    QVERIFY(std::abs(bins[1].meanPredicted - 0.135) < 1e-12);
    QCOMPARE(bins[1].observed, 0.5);
    QCOMPARE(bins[9].n, 2); // 1.0 falls in the last bin
    QCOMPARE(bins[9].observed, 0.5);
    QCOMPARE(bins[5].n, 0);
}

void TestForecastMath::logisticFitsSeparableAndBalanced()
{
    // Intercept only on 3 won of 4 (no penalty on it): p = 0.75 exactly.
    Eigen::MatrixXd x = Eigen::MatrixXd::Ones(4, 1);
    Eigen::VectorXd y(4);
    y << 1, 1, 1, 0;
    const Eigen::VectorXd b = fitLogistic(x, y);
    QVERIFY(std::abs(sigmoid(b(0)) - 0.75) < 1e-9);
    // One feature, perfectly separable: the penalty keeps the weight finite and positive.
    Eigen::MatrixXd x2(4, 2);
    x2 << 1, -1, 1, -1, 1, 1, 1, 1;
    Eigen::VectorXd y2(4);
    y2 << 0, 0, 1, 1;
    const Eigen::VectorXd b2 = fitLogistic(x2, y2);
    QVERIFY(std::isfinite(b2(1)) && b2(1) > 0);
    QVERIFY(std::abs(b2(0)) < 1e-9); // symmetric data: no intercept
    QVERIFY(sigmoid(b2(0) + b2(1)) > 0.5);
    QCOMPARE(sigmoid(0), 0.5);
}

void TestForecastMath::closeInPeriodFromSlips()
{
    // Expected day 100, period [95, 104], today 90: slips −10, 0, +3, +20 → 95? no: 90, 100,
    // 103, 120 → 2 of 4 inside.
    QCOMPARE(closeInPeriod(100, {-10, 0, 3, 20}, 90, 95, 104), 0.5);
    // An overdue deal cannot close before today: 100 − 10 = 90 → today 97 (inside).
    QCOMPARE(closeInPeriod(100, {-10}, 97, 95, 104), 1.0);
    QCOMPARE(closeInPeriod(110, {}, 90, 95, 104), 0.0); // no history: slip 0
    QCOMPARE(closeInPeriod(100, {-10, 0, 3, 20}, 105, 95, 104), 0.0); // the period is over
    QCOMPARE(closeInPeriod(100, {-10, 0, 3, 20}, 96, 95, 104), 0.75); // −10 closes today (96)
    // By age: created day 0, today 10; durations 5 (shorter than the age: gone), 12, 30 → the
    // period [11, 20] holds 12 of the two possible.
    QCOMPARE(closeInPeriodByAge(0, {5, 12, 30}, 10, 11, 20), 0.5);
    QCOMPARE(closeInPeriodByAge(0, {5}, 10, 0, 100), 0.0); // older than every won deal
}

void TestForecastMath::monteCarloMatchesExactThreeDeals()
{
    // Three deals: 100 with q 0.5, 200 with q 0.25 (0.5 × P(in period) 0.5), 400 with q 0.7.
    std::vector<SimDeal> deals(3);
    deals[0].amountCents = 100;
    deals[0].winProbability = 0.5;
    deals[0].inPeriod = 1;
    deals[1].amountCents = 200;
    deals[1].winProbability = 0.5;
    deals[1].inPeriod = 0.5;
    deals[2].amountCents = 400;
    deals[2].winProbability = 0.7;
    deals[2].inPeriod = 1;
    const double q[3] = {0.5, 0.25, 0.7};
    // The 8 outcomes: total → exact probability.
    QMap<qint64, double> exact;
    for (int mask = 0; mask < 8; ++mask) {
        double p = 1;
        qint64 total = 0;
        for (int i = 0; i < 3; ++i) {
            const bool won = mask & (1 << i);
            p *= won ? q[i] : 1 - q[i];
            total += won ? deals[std::size_t(i)].amountCents : 0;
        }
        exact[total] += p;
    }
    SimOptions o;
    o.draws = 200000;
    o.seed = 7;
    o.targetCents = 500;
    const SimResult r = simulate(deals, o);
    QMap<qint64, double> seen;
    for (qint64 t : r.totals)
        seen[t] += 1.0 / o.draws;
    // Each outcome's share is binomial: sd ≤ sqrt(0.25 / 200 000) ≈ 0.0011; 5 sd = 0.0056.
    for (auto it = exact.cbegin(); it != exact.cend(); ++it)
        QVERIFY2(std::abs(seen.value(it.key()) - it.value()) < 0.0056,
                 qPrintable(QStringLiteral("total %1: %2 vs %3").arg(it.key()).arg(seen.value(it.key())).arg(it.value())));
    QCOMPARE(seen.size(), exact.size());
    // P(total ≥ 500) exactly: 400 with 100 or 200 (or both) = 0.7 × (1 − 0.5 × 0.75) = 0.4375.
    QVERIFY(std::abs(r.probabilityOfTarget - 0.4375) < 0.0056);
    // Quantiles of the exact distribution (outcomes 0, 100, …, 700 with 0.1125, 0.1125, 0.0375,
    // 0.0375, 0.2625, 0.2625, 0.0875, 0.0875): P(≤ 0) = 0.1125 ≥ 0.1 → P10 = 0; P(≤ 300) = 0.3,
    // P(≤ 400) = 0.5625 → P50 = 400; P(≤ 500) = 0.825, P(≤ 600) = 0.9125 → P90 = 600. Each
    // boundary is ≥ 0.0125 away, over 18 sd of the empirical CDF (≤ 0.0011).
    QCOMPARE(r.p10, 0);
    QCOMPARE(r.p50, 400);
    QCOMPARE(r.p90, 600);
    QVERIFY(std::abs(r.mean - (50 + 50 + 280)) < 2.0); // sd of the mean ≈ 0.5
}

void TestForecastMath::monteCarloIsReproducible()
{
    std::vector<SimDeal> deals;
    for (int i = 0; i < 500; ++i) {
        SimDeal d;
        d.amountCents = 1000 + i * 37;
        d.winProbability = (i % 10) / 10.0;
        d.inPeriod = (i % 3) / 2.0;
        d.competitor = i % 4 == 0;
        deals.push_back(d);
    }
    SimOptions o;
    o.draws = 3001;
    o.seed = 42;
    o.threads = 1;
    const SimResult one = simulate(deals, o);
    o.threads = 4;
    const SimResult four = simulate(deals, o);
    QCOMPARE(one.totals, four.totals); // independent of the thread count
    QCOMPARE(simulate(deals, o).totals, four.totals);
    // The band from the raw draws is the band simulated with the error ratios, draw for draw.
    SimOptions raw = o;
    raw.keepUnscaled = true;
    raw.alreadyWonCents = 12345;
    raw.newBusinessCents = {0, 5000, 20000};
    raw.targetCents = 300000;
    const SimResult unscaled = simulate(deals, raw);
    QCOMPARE(int(unscaled.unscaled.size()), o.draws);
    SimOptions banded = raw;
    banded.keepUnscaled = false;
    banded.errorRatios = {0.8, 1.1, 0.95, 1.3};
    const SimResult direct = simulate(deals, banded), fromRaw = rescale(unscaled, banded);
    QCOMPARE(fromRaw.totals, direct.totals);
    QCOMPARE(fromRaw.p10, direct.p10);
    QCOMPARE(fromRaw.p90, direct.p90);
    QCOMPARE(fromRaw.confidence, direct.confidence);
    QCOMPARE(fromRaw.probabilityOfTarget, direct.probabilityOfTarget);
    QVERIFY(direct.totals != unscaled.totals);
    // Both keep the band of the multipliers they drew: errorBand()'s.
    const ErrorBand expected = errorBand(errorSpread(banded.errorRatios), banded.draws, banded.seed);
    for (const SimResult *r : {&direct, &fromRaw}) {
        QCOMPARE(r->errorBand.p10, expected.p10);
        QCOMPARE(r->errorBand.p50, expected.p50);
        QCOMPARE(r->errorBand.p90, expected.p90);
    }
    QVERIFY(expected.p10 < expected.p90);
    o.seed = 43;
    QVERIFY(simulate(deals, o).totals != four.totals);
    QVERIFY(!one.reasons.empty());
    double share = 0;
    for (const DoubtReason &r : one.reasons)
        if (r.doubt == Doubt::Competitor)
            share = r.varianceShare;
    QVERIFY(share > 0 && share < 1);
}

void TestForecastMath::errorSpreadByHand()
{
    // Ratios e^−0.1, 1, e^0.1: logs −0.1, 0, 0.1; mean 0, sd (n − 1) 0.1; scale 0.1·√(1 + 1/3).
    const ErrorSpread e = errorSpread({std::exp(-0.1), 1.0, std::exp(0.1)});
    QVERIFY(std::abs(e.meanLog) < 1e-12);
    QVERIFY(std::abs(e.scale - 0.1 * std::sqrt(4.0 / 3.0)) < 1e-12);
    QCOMPARE(e.df, 2);
    // Fewer than two ratios: nothing to scale by.
    QCOMPARE(errorSpread({}).df, 0);
    QCOMPARE(errorSpread({1.5}).df, 0);
    QCOMPARE(errorMultiplier(errorSpread({1.5}), 1, 0), 1.0);
    // Equal ratios: no spread, every draw is that ratio.
    const ErrorSpread same = errorSpread({1.1, 1.1, 1.1});
    QCOMPARE(same.df, 2);
    QVERIFY(same.scale < 1e-12);
    QVERIFY(std::abs(errorMultiplier(same, 9, 123) - 1.1) < 1e-12);
    // A wild ratio is clamped to 3 before it counts, and so is a wild draw.
    const ErrorSpread wild = errorSpread({10.0, 10.0, 3.0});
    QVERIFY(std::abs(wild.meanLog - std::log(3.0)) < 1e-12);
    QVERIFY(std::abs(errorMultiplier(wild, 1, 0) - 3.0) < 1e-12);
    ErrorSpread broad;
    broad.scale = 50;
    broad.df = 3;
    for (int d = 0; d < 100; ++d) {
        const double m = errorMultiplier(broad, 5, d);
        QVERIFY(m >= 1.0 / 3.0 - 1e-12 && m <= 3.0 + 1e-12);
    }
}

void TestForecastMath::errorMultipliersAreStudentT()
{
    // log(multiplier) = meanLog + scale·T: its quantiles are Student-t's (table values
    // t(0.9; 2) = 1.886, t(0.9; 5) = 1.476, t(0.9; 11) = 1.363) scaled and shifted.
    for (const auto &[df, t90] : std::vector<std::pair<int, double>>{{2, 1.886}, {5, 1.476}, {11, 1.363}}) {
        ErrorSpread e;
        e.meanLog = 0.05;
        e.scale = 0.1;
        e.df = df;
        // errorBand's quantiles are the draws' (the quantile's sd at 200 000 draws is under
        // 0.01 in t units for these df; 0.05 is 5 sd).
        const ErrorBand b = errorBand(e, 200000, 11);
        const auto t = [&](double m) { return (std::log(m) - e.meanLog) / e.scale; };
        QVERIFY2(std::abs(t(b.p90) - t90) < 0.05, qPrintable(QStringLiteral("df %1: q90 %2").arg(df).arg(t(b.p90))));
        QVERIFY2(std::abs(t(b.p10) + t90) < 0.05, qPrintable(QStringLiteral("df %1: q10 %2").arg(df).arg(t(b.p10))));
        QVERIFY2(std::abs(t(b.p50)) < 0.02, qPrintable(QStringLiteral("df %1: q50 %2").arg(df).arg(t(b.p50))));
    }
    const ErrorBand none = errorBand(ErrorSpread{}, 1000, 1);
    QCOMPARE(none.p10, 1.0);
    QCOMPARE(none.p90, 1.0);
    // Reproducible per (seed, draw); another seed draws others.
    const ErrorSpread e = errorSpread({0.9, 1.0, 1.2, 1.05});
    QCOMPARE(errorMultiplier(e, 3, 17), errorMultiplier(e, 3, 17));
    QVERIFY(errorMultiplier(e, 3, 17) != errorMultiplier(e, 4, 17));
}

void TestForecastMath::errorBandCoversEightInTen()
{
    // When the model's past errors and the next one come from one (log-normal) distribution,
    // the simulation's P10–P90 holds the next month's actual about 8 times in 10, even with only
    // 4 past months to go by. Each month: 4 past ratios and the next one, drawn from
    // exp(N(−0.05, 0.15²)); a forecast of exactly 1 000 000 (new business, no deal), scaled.
    // Resampling the 4 ratios themselves would hold it about 6 times in 10.
    std::mt19937_64 rng(2026);
    std::normal_distribution<double> err(-0.05, 0.15);
    const int months = 3000;
    int inside = 0;
    SimOptions o;
    o.draws = 2000;
    o.threads = 1;
    o.newBusinessCents = {1000000};
    for (int m = 0; m < months; ++m) {
        o.errorRatios.clear();
        for (int i = 0; i < 4; ++i)
            o.errorRatios.push_back(std::exp(err(rng)));
        const double actual = 1000000 * std::exp(err(rng));
        o.seed = quint64(m) + 1;
        const SimResult r = simulate({}, o);
        inside += actual >= double(r.p10) && actual <= double(r.p90);
    }
    // Binomial sd at 0.8 over 3000 months: 0.0073; ± 0.03 is 4 sd (the quantiles of 2000 draws
    // add a little noise of their own).
    const double coverage = double(inside) / months;
    QVERIFY2(std::abs(coverage - 0.8) < 0.03, qPrintable(QStringLiteral("coverage %1").arg(coverage)));
}

void TestForecastMath::quantileAndAccuracyEdges()
{
    QCOMPARE(quantile({}, 0.5), 0);
    QCOMPARE(quantile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.1), 1);
    QCOMPARE(quantile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.5), 5);
    QCOMPARE(quantile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9), 9);
    QCOMPARE(forecastAccuracy(100, 80), 0.8);
    QCOMPARE(forecastAccuracy(100, 250), -0.5);
    QVERIFY(std::isnan(forecastAccuracy(0, 10)));
    BacktestMonth in, out, idle;
    in.inBand = true;
    in.openDeals = out.openDeals = 2;
    in.closedKnown = out.closedKnown = idle.closedKnown = 5;
    QCOMPARE(bandCoverage({in, out, in, in}), 0.75);
    QVERIFY(std::isnan(bandCoverage({})));
    // A month with no open deal and nothing won (its 0 inside a 0–0 band) is not counted; one
    // with no open deal but something won (outside 0–0) is.
    idle.inBand = true;
    QVERIFY(!idle.counted());
    QCOMPARE(countedMonths({in, idle, out}), 2);
    QCOMPARE(bandCoverage({in, idle, out}), 0.5);
    QVERIFY(std::isnan(bandCoverage({idle, idle})));
    BacktestMonth surprise;
    surprise.actualCents = 500;
    surprise.closedKnown = 1;
    QVERIFY(surprise.counted());
    QCOMPARE(bandCoverage({in, surprise}), 0.5);
    // Before any deal had closed there were no rates to forecast with: not counted.
    BacktestMonth untaught = out;
    untaught.closedKnown = 0;
    QVERIFY(!untaught.counted());
    QCOMPARE(bandCoverage({in, untaught}), 1.0);
    // Error ratios: actual ÷ raw P50, clamped to [1/3, 3], months not taught left out, the
    // latest 12 kept.
    std::vector<BacktestMonth> months(15);
    for (int i = 0; i < 15; ++i) {
        months[std::size_t(i)].actualCents = 100 + i;
        months[std::size_t(i)].rawP50 = 100;
        months[std::size_t(i)].closedKnown = 1;
        months[std::size_t(i)].newBusinessWindows = 1;
        QVERIFY(months[std::size_t(i)].taught());
    }
    months[14].actualCents = 1000; // 10 → 3
    months[13].actualCents = 10;   // 0.1 → 1/3
    months[12].rawP50 = 0;         // left out
    const std::vector<double> r = errorRatios(months);
    QCOMPARE(int(r.size()), 12);
    QCOMPARE(r.front(), 1.02); // month 12 left out; of the 14 others the latest 12 start at month 2
    QCOMPARE(r.back(), 3.0);
    QCOMPARE(r[10], 1.0 / 3.0);
    // A month before any deal had closed (no rates), or at the start of the history (no past
    // window of new business), says nothing of the method's error: left out too.
    months[11].closedKnown = 0;
    months[10].newBusinessWindows = 0;
    QVERIFY(!months[11].taught());
    QVERIFY(!months[10].taught());
    const std::vector<double> taught = errorRatios(months);
    QCOMPARE(int(taught.size()), 12);
    QCOMPARE(taught.front(), 1.0); // now months 0–9, 13, 14: all twelve left
    QCOMPARE(taught[9], 1.09);
    QCOMPARE(taught[10], 1.0 / 3.0);
}

void TestForecastMath::outcomeWrittenFacts()
{
    QVERIFY(writtenByOutcome(50, 100, 0, 100));   // never on a lost deal
    QVERIFY(writtenByOutcome(100, 100, 48, 100)); // on every won deal
    QVERIFY(!writtenByOutcome(80, 100, 50, 100)); // a signal, not a leak
    QVERIFY(!writtenByOutcome(10, 10, 0, 10));    // too few to tell
}

void TestForecastMath::closeDateWrittenAtClosing()
{
    // 20 closed deals with an expected date, 18 (90 %) closed on exactly that day: written over.
    std::vector<Deal> deals(20);
    for (int i = 0; i < 20; ++i) {
        Deal &d = deals[std::size_t(i)];
        d.id = i + 1;
        d.outcome = i % 2 ? Outcome::Won : Outcome::Lost;
        d.createdDay = 100;
        d.closedDay = 150 + i;
        d.expectedCloseDay = i < 18 ? d.closedDay : d.closedDay - 7;
    }
    QVERIFY(closeDateWrittenAtClose(deals));
    deals[17].expectedCloseDay = 140; // 17 of 20 (85 %): dates a rep kept
    QVERIFY(!closeDateWrittenAtClose(deals));
    deals[17].expectedCloseDay = deals[17].closedDay;
    // Open deals and closed ones without a date do not count: 19 dated closed deals are too few.
    deals[19].expectedCloseDay = -1;
    Deal open;
    open.expectedCloseDay = 5;
    deals.push_back(open);
    QVERIFY(!closeDateWrittenAtClose(deals));

    // Then an open deal is timed by its age, not by its date. Today is day 200; won deals took
    // 10, 20 and 30 days; the deal is 5 days old with its date inside [300, 330]. By its date
    // (every slip 0) it closes there for sure; by its age, no won deal ever took 100–130 days.
    DealSet set;
    set.asOfDay = 200;
    for (int i = 0; i < 3; ++i) {
        Deal w;
        w.id = 100 + i;
        w.outcome = Outcome::Won;
        w.createdDay = 100;
        w.closedDay = 110 + 10 * i;
        w.expectedCloseDay = w.closedDay;
        w.stagesReached = {1};
        set.deals.push_back(w);
    }
    Deal d;
    d.id = 7;
    d.amountCents = 1000;
    d.stage = 1;
    d.stagesReached = {1};
    d.createdDay = 195;
    d.expectedCloseDay = 310;
    set.deals.push_back(d);
    const WinRates rates = learnRates(set.deals, set.asOfDay, false);
    SimOptions o;
    o.draws = 10;
    const PeriodForecast byDate = forecastPeriod(set, rates, 300, 330, o);
    QCOMPARE(int(byDate.deals.size()), 1);
    QCOMPARE(byDate.deals.front().inPeriod, 1.0);
    set.closeDateWritten = true;
    const PeriodForecast byAge = forecastPeriod(set, rates, 300, 330, o);
    QCOMPARE(byAge.deals.front().inPeriod, 0.0);
    // … and inside [205, 215] by age: durations ≥ 5 ending 10–20 days after creation: 2 of 3.
    QCOMPARE(forecastPeriod(set, rates, 205, 215, o).deals.front().inPeriod, 2.0 / 3.0);
    QVERIFY(!byAge.deals.front().closeEstimated); // it has a date: not "no expected close date"
}

void TestForecastMath::newBusinessOfALaterPeriod()
{
    // Today is day 100. Windows of 20 days back to back: [80, 99], [60, 79]; the first deal was
    // created on day 60, so [40, 59] (starting before it) is left out.
    auto won = [](qint64 amount, qint64 created, qint64 closed) {
        Deal d;
        d.outcome = Outcome::Won;
        d.amountCents = amount;
        d.createdDay = created;
        d.closedDay = closed;
        return d;
    };
    const std::vector<Deal> deals{won(1, 82, 85), won(2, 82, 95), won(4, 92, 97), won(8, 75, 95), won(16, 60, 72),
                                  won(32, 60, 65)};
    // Every win inside its window: [80, 99] holds 1 + 2 + 4 (8 was created before it);
    // [60, 79] holds 16 + 32.
    QCOMPARE(newBusinessHistory(deals, 100, 20), (std::vector<qint64>{7, 48}));
    // A period 10 days long that starts 10 days after today: only wins in each window's last
    // 10 days count ([90, 99]: 2 + 4; [70, 79]: 16), from deals created anywhere in it.
    QCOMPARE(newBusinessHistory(deals, 100, 20, 6, 10), (std::vector<qint64>{6, 16}));
    QCOMPARE(newBusinessHistory(deals, 100, 20, 1, 10), (std::vector<qint64>{6}));

    // Edges: a deal created today is in no window; a lost one counts nothing; the first and
    // last day of a window are in it; a deal created on day 40 brings [40, 59] in.
    std::vector<Deal> more = deals;
    more.push_back(won(64, 100, 100));
    Deal lost = won(1000, 85, 90);
    lost.outcome = Outcome::Lost;
    more.push_back(lost);
    QCOMPARE(newBusinessHistory(more, 100, 20), (std::vector<qint64>{7, 48}));
    more.push_back(won(256, 80, 99));
    more.push_back(won(512, 79, 79));
    QCOMPARE(newBusinessHistory(more, 100, 20), (std::vector<qint64>{7 + 256, 48 + 512}));
    more.push_back(won(128, 40, 59));
    QCOMPARE(newBusinessHistory(more, 100, 20), (std::vector<qint64>{7 + 256, 48 + 512, 128}));
    QCOMPARE(newBusinessHistory(more, 100, 20, 2), (std::vector<qint64>{7 + 256, 48 + 512}));
    QCOMPARE(newBusinessHistory(more, 100, 0), std::vector<qint64>{});
}

void TestForecastMath::asOfRebuildsThePipeline()
{
    // Stages 1, 2 open; 3 closes (won). A deal created at t=1000 (day 0 in Beijing: 08:16),
    // moved to 2 at 5000, won at 9000; a demo at 4000, sales actions at 2000 and 6000.
    History h;
    h.stageNames = {QString(), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("won")};
    h.stageCloses = {0, 0, 0, 1};
    DealHistory r;
    r.current.id = 1;
    r.current.stage = 3;
    r.current.outcome = Outcome::Won;
    r.current.amountCents = 500;
    r.current.closedDay = 0;
    r.createdAt = 1000;
    r.closedAt = 9000;
    r.moves = {{1000, 1}, {5000, 2}, {9000, 3}};
    r.firstDemoAt = 4000;
    r.salesAt = {2000, 6000};
    h.deals.push_back(r);
    // Before creation: nothing.
    QVERIFY(asOf(h, 900).deals.empty());
    // At 4500: open, in stage 1, one sales action, the demo held.
    DealSet s = asOf(h, 4500);
    QCOMPARE(int(s.deals.size()), 1);
    const Deal &a = s.deals.front();
    QCOMPARE(a.outcome, Outcome::Open);
    QCOMPARE(a.stage, 1);
    QCOMPARE(a.stagesReached, (decltype(a.stagesReached){1}));
    QCOMPARE(a.salesActions, 1);
    QVERIFY(a.demoHeld);
    QCOMPARE(a.bucket[TechValidation], std::int8_t(1));
    // After the close: won, both stages reached; stage 1 left at 5000 (one action, the demo),
    // stage 2 left at the win (9000: two actions).
    s = asOf(h, 10000);
    const Deal &b = s.deals.front();
    QCOMPARE(b.outcome, Outcome::Won);
    QCOMPARE(b.stage, 2);
    QCOMPARE(b.stagesReached, (decltype(b.stagesReached){1, 2}));
    QCOMPARE(int(b.stageFacts.size()), 2);
    QCOMPARE(b.stageFacts[0].salesActions, 1);
    QVERIFY(b.stageFacts[0].demoHeld);
    QCOMPARE(b.stageFacts[1].salesActions, 2);
    // A lost deal that never left stage 1: its stage lasts to the close.
    h.deals[0].current.outcome = Outcome::Lost;
    h.deals[0].moves = {{1000, 1}};
    const Deal c = asOf(h, 10000).deals.front();
    QCOMPARE(c.stagesReached, (decltype(c.stagesReached){1}));
    QCOMPARE(c.stageFacts[0].salesActions, 2);
    // An open deal without an amount gets the median won amount (none here: 0, estimated).
    h.deals[0].current.amountCents = 0;
    h.deals[0].current.outcome = Outcome::Open;
    h.deals[0].closedAt = -1;
    const Deal e = asOf(h, 10000).deals.front();
    QVERIFY(e.amountEstimated);
}

void TestForecastMath::staleHistoryMovesTheMoment()
{
    History h;
    QCOMPARE(lastEventSecs(h), 0);
    QCOMPARE(forecastMoment(h, 5'000'000'000), 5'000'000'000); // no deals: now
    // 2017-12-30 10:00 Beijing = 02:00 UTC; its last event is a customer's response.
    const qint64 created = QDateTime(QDate(2017, 3, 1), QTime(2, 0), QTimeZone::utc()).toSecsSinceEpoch();
    const qint64 last = QDateTime(QDate(2017, 12, 30), QTime(2, 0), QTimeZone::utc()).toSecsSinceEpoch();
    DealHistory r;
    r.createdAt = created;
    r.moves = {{created, 1}};
    r.salesAt = {created + 86400};
    r.customerAt = {last};
    h.deals.push_back(r);
    QCOMPARE(lastEventSecs(h), last);
    // A deal an import created today, entering its first stage then, is no event.
    const qint64 imported = QDateTime(QDate(2026, 12, 5), QTime(2, 0), QTimeZone::utc()).toSecsSinceEpoch();
    DealHistory prospect;
    prospect.createdAt = imported;
    prospect.moves = {{imported, 1}};
    h.deals.push_back(prospect);
    QCOMPARE(lastEventSecs(h), last);
    // Within kStaleDays of the last event: now.
    const qint64 soon = last + qint64(kStaleDays) * 86400;
    QCOMPARE(forecastMoment(h, soon), soon);
    // Later: 00:00 Beijing of the next day, 2017-12-31 (16:00 UTC on the 30th).
    const qint64 dayAfter = QDateTime(QDate(2017, 12, 30), QTime(16, 0), QTimeZone::utc()).toSecsSinceEpoch();
    QCOMPARE(forecastMoment(h, soon + 1), dayAfter);
    QCOMPARE(forecastMoment(h, QDateTime(QDate(2026, 12, 6), QTime(), QTimeZone::utc()).toSecsSinceEpoch()), dayAfter);
    // A close later than every other event is the last event.
    h.deals[0].closedAt = last + 3600;
    QCOMPARE(lastEventSecs(h), last + 3600);
}

void TestForecastMath::bucketEdges()
{
    // Punctuality: payments due before day 10, paid on or before their due day.
    QCOMPARE(punctualityBucket({}, 10), int(kNotRecorded));
    QCOMPARE(punctualityBucket({{12, 12}}, 10), int(kNotRecorded)); // not due yet
    QCOMPARE(punctualityBucket({{5, 5}, {6, 7}, {7, -1}}, 10), 0);   // 1 of 3 on time
    std::vector<std::pair<qint64, qint64>> p(20, {5, 5});
    QCOMPARE(punctualityBucket(p, 10), 2);
    p[0] = {5, 6}; // 19 of 20 = 95 %
    QCOMPARE(punctualityBucket(p, 10), 2);
    p[1] = {5, 6}; // 90 %
    QCOMPARE(punctualityBucket(p, 10), 1);
    QCOMPARE(tenureBucket(-1, 100), int(kNotRecorded));
    QCOMPARE(tenureBucket(101, 100), int(kNotRecorded)); // a customer only after the deal began
    QCOMPARE(tenureBucket(100, 100), 0);
    QCOMPARE(tenureBucket(0, 365), 0);
    QCOMPARE(tenureBucket(0, 366), 1);
    QCOMPARE(tenureBucket(0, 1096), 2);
    QCOMPARE(budgetShareBucket(50, 100), 0);
    QCOMPARE(budgetShareBucket(51, 100), 1);
    QCOMPARE(budgetShareBucket(100, 100), 1);
    QCOMPARE(budgetShareBucket(101, 100), 2);
    QCOMPARE(budgetShareBucket(10, 0), int(kNotRecorded));
    // The amount tells the outcome when lost deals are (nearly) all at 0.
    std::vector<Deal> deals(20);
    for (int i = 0; i < 20; ++i) {
        deals[std::size_t(i)].outcome = i < 10 ? Outcome::Won : Outcome::Lost;
        deals[std::size_t(i)].amountCents = i < 10 ? 100 : 0;
    }
    QVERIFY(amountLeaksOutcome(deals));
    deals[15].amountCents = 5;
    deals[16].amountCents = 5;
    QVERIFY(!amountLeaksOutcome(deals)); // 8 of 10 at 0: not "nearly all"
}

QTEST_GUILESS_MAIN(TestForecastMath)
#include "tst_forecastmath.moc"
