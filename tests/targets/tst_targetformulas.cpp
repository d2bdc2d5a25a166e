// The formulas of targets/: rolling forecast, capacity gap, performance, bonus, customer
// scores and the correlation sandbox, each against hand-computed values at its edges.
#include "targets/correlation.h"
#include "targets/correlationview.h"
#include "targets/customerscores.h"
#include "targets/performance.h"
#include "targets/rollingforecast.h"

#include <QLocale>
#include <QTest>

using namespace cockpit::targets;
using cockpit::analytics::HealthDim;
using cockpit::analytics::RepStanding;

namespace {
// A ranked (or not) rep of a PerformanceView with a key-action completion, won/lost deals and
// new customers.
RepFigures rep(const QString &id, std::optional<double> compliance, int won, int lost, int newCustomers = 0,
               RepStanding standing = RepStanding::Ranked)
{
    RepFigures f;
    f.rep.unit.level = cockpit::analytics::OrgLevel::Rep;
    f.rep.unit.id = id;
    f.rep.unit.name = QStringLiteral("Rep ") + id;
    f.rep.standing = standing;
    f.health.compliancePct = compliance;
    f.inputs.repId = id;
    f.inputs.newCustomers = newCustomers;
    f.won = won;
    f.lost = lost;
    return f;
}
} // namespace

class TstTargetFormulas : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void winsoriseAtThreeMad()
    {
        // median 15, |dev| 5 3 1 1 3 85 → MAD 3 → [6, 24]
        QCOMPARE(winsorise({10, 12, 14, 16, 18, 100}, 3), (QVector<double>{10, 12, 14, 16, 18, 24}));
        // MAD 0: nothing is clipped
        QCOMPARE(winsorise({10, 10, 10, 10, 10, 100}, 3), (QVector<double>{10, 10, 10, 10, 10, 100}));
        QVERIFY(winsorise({}, 3).isEmpty());
    }

    void rollingForecastWeightsNewestMost()
    {
        QCOMPARE(rollingForecast({100, 100, 100, 100, 100, 100}), (QVector<qint64>{100, 100, 100, 100, 100, 100}));
        QCOMPARE(rollingForecast({60}), (QVector<qint64>{60, 60, 60, 60, 60, 60}));
        QVERIFY(rollingForecast({}).isEmpty());
        // (10·1 + 20·2) / 3 = 16.67 → 17; then [10, 20, 17]: (10 + 40 + 51) / 6 = 16.83 → 17
        const QVector<qint64> two = rollingForecast({10, 20});
        QCOMPARE(two.size(), 6);
        QCOMPARE(two[0], 17);
        QCOMPARE(two[1], 17);
        // the outlier 100 smoothed to 24: (10 + 24 + 42 + 64 + 90 + 144) / 21 = 17.81 → 18
        QCOMPARE(rollingForecast({10, 12, 14, 16, 18, 100}).value(0), 18);
        // only the last 6 months count
        QCOMPARE(rollingForecast({100000, 10, 12, 14, 16, 18, 100}).value(0), 18);
    }

    void capacityGapArithmetic()
    {
        // Q4: 92 days, 46 elapsed; pace 4 500 000 × 92 / 46 = 9 000 000; gap 3 000 000; per rep 3 000 000
        CapacityGap g = capacityGap(4500000, 46, 92, 12000000, 3);
        QVERIFY(g.enoughData);
        QVERIFY(!g.applies); // 46 days left
        QCOMPARE(g.paceCents, 9000000);
        QCOMPARE(g.gapCents, 3000000);
        QCOMPARE(g.perRepPaceCents, 3000000);
        QCOMPARE(g.moreReps, std::optional<int>(1));
        QCOMPARE(g.text, QStringLiteral("At the current pace the quarter misses by ¥30,000.00; about 1 more reps' worth of pipeline."));
        QVERIFY(g.arithmetic.contains(QStringLiteral("¥45,000.00 collected / 46 days elapsed × 92 days = ¥90,000.00")));
        // 47 elapsed: pace round(414 000 000 / 47) = 8 808 511; 45 days left → shown
        g = capacityGap(4500000, 47, 92, 12000000, 3);
        QVERIFY(g.applies);
        QCOMPARE(g.paceCents, 8808511);
        QCOMPARE(g.gapCents, 3191489);
        QCOMPARE(g.perRepPaceCents, 2936170);
        QCOMPARE(g.moreReps, std::optional<int>(2)); // ceil(1.087)
        // on track
        g = capacityGap(7000000, 46, 92, 12000000, 3);
        QCOMPARE(g.gapCents, -2000000);
        QVERIFY(!g.moreReps);
        // no active rep, no elapsed day, no target
        QVERIFY(!capacityGap(4500000, 46, 92, 12000000, 0).moreReps);
        QVERIFY(!capacityGap(4500000, 0, 92, 12000000, 3).enoughData);
        QVERIFY(!capacityGap(4500000, 10, 92, 0, 3).enoughData);
    }

    void performanceScores()
    {
        const QVector<RepInputs> reps{
            {QStringLiteral("1"), QStringLiteral("A"), 1000, 300, 2, 8.0, 90.0},
            {QStringLiteral("2"), QStringLiteral("B"), 500, 400, 4, std::nullopt, 50.0},
            {QStringLiteral("3"), QStringLiteral("C"), 0, -100, 0, 6.0, std::nullopt},
        };
        const QVector<RepScore> s = scoreReps(reps);
        QCOMPARE(s.size(), 3);
        QCOMPARE(s[0].name, QStringLiteral("A"));
        QCOMPARE(*s[0].score, 83.25); // (100·40 + 75·25 + 50·15 + 80·10 + 90·10) / 100
        QCOMPARE(s[0].weakest, std::optional(PerfDim::NewCustomers));
        QCOMPARE(s[1].name, QStringLiteral("B"));
        QCOMPARE(*s[1].score, 6500.0 / 90.0); // satisfaction left out: / 90
        QCOMPARE(s[1].weakest, std::optional(PerfDim::Collections)); // 50 = compliance 50: the first
        QVERIFY(s[1].breakdown.contains(QStringLiteral("left out (no data): Satisfaction")));
        QCOMPARE(*s[2].score, 600.0 / 90.0);
        QCOMPARE(*s[2].dims[1], 0.0); // negative margin counts 0
        QCOMPARE(s[2].rank, 3);
        QCOMPARE(suggestedTraining(PerfDim::Collections),
                 QStringLiteral("Collections follow-up: payment terms, invoicing and dunning"));

        QVector<RepScore> before = s;
        before[0].score = 80;
        before[1].score = 60;
        before.removeLast();
        const QVector<Improvement> imp = mostImproved(s, before);
        QCOMPARE(imp.size(), 2);
        QCOMPARE(imp[0].name, QStringLiteral("B"));
        QCOMPARE(imp[1].delta, 3.25);
        const QVector<RepInputs> margin = highestMargin(reps);
        QCOMPARE(margin[0].name, QStringLiteral("B"));
        QCOMPARE(margin[2].name, QStringLiteral("C"));
    }

    void nobodyScoresOnAnEmptyPeriod()
    {
        const QVector<RepScore> s = scoreReps({{QStringLiteral("1"), QStringLiteral("A"), 0, 0, 0, {}, {}}});
        QCOMPARE(*s[0].score, 0.0);
        QVERIFY(scoreReps({}).isEmpty());
    }

    void weightsMustSumTo100()
    {
        QVERIFY(checkWeights({}).isEmpty());
        PerformanceWeights w;
        w.pct = {40, 25, 15, 10, 11};
        QCOMPARE(checkWeights(w), QStringLiteral("The performance weights must sum to 100 %; they sum to 101 %."));
        w.pct = {-10, 50, 40, 10, 10};
        QVERIFY(!checkWeights(w).isEmpty());
    }

    void bonusCurve()
    {
        QCOMPARE(bonusMultiplierBp(6999), 0);
        QCOMPARE(bonusMultiplierBp(7000), 5000);
        QCOMPARE(bonusMultiplierBp(8500), 7500);
        QCOMPARE(bonusMultiplierBp(10000), 10000);
        QCOMPARE(bonusMultiplierBp(11000), 12000);
        QCOMPARE(bonusMultiplierBp(12500), 15000);
        QCOMPARE(bonusMultiplierBp(13000), 15000);
        QCOMPARE(bonusCents(850, 1000), 1500000);
        QCOMPARE(bonusCents(850, 0), 0);
    }

    void bonusSimulator()
    {
        const QVector<SimDeal> deals{{QStringLiteral("d1"), QStringLiteral("x"), 100000, DealMark::Won},
                                    {QStringLiteral("d2"), QStringLiteral("x"), 200000, DealMark::Open},
                                    {QStringLiteral("d3"), QStringLiteral("x"), 500000, DealMark::Lost},
                                    {QStringLiteral("d4"), QStringLiteral("x"), 50000, DealMark::Open}};
        SimRep x{QStringLiteral("x"), QStringLiteral("X"), 1000000, 600000, {}, {}};
        const SimRep y{QStringLiteral("y"), QStringLiteral("Y"), 0, 500, {}, {}};
        BonusSimulation sim = simulateBonus({x, y}, deals);
        QCOMPARE(sim.reps[0].lowCollectedCents, 700000);  // collected + won
        QCOMPARE(sim.reps[0].highCollectedCents, 950000); // + the open deals, not the lost one
        QCOMPARE(sim.reps[0].lowBonusCents, 1000000);     // 70 % → 50 %
        QCOMPARE(sim.reps[0].highBonusCents, 1833200);    // 95 % → 91.66 %
        QCOMPARE(sim.reps[1].highBonusCents, 0);          // no target, no bonus
        QCOMPARE(sim.teamLowCents, 1000000);
        QCOMPARE(sim.teamHighCents, 1833200);
        x.p10Cents = 50000;
        x.p90Cents = 200000;
        sim = simulateBonus({x}, deals);
        QCOMPARE(sim.reps[0].lowBonusCents, 1166600);  // 75 % → 58.33 %
        QCOMPARE(sim.reps[0].highBonusCents, 1666600); // 90 % → 83.33 %
        // With each open deal's chance from the forecast: the range is the Monte-Carlo's
        // P10–P90 of the open deals. Two deals of 100 000 at 50 %: 0, 100 000 or 200 000 with
        // 25 / 50 / 25 %, so P10 = 0 and P90 = 200 000; one certain deal counts in both.
        SimRep z{QStringLiteral("z"), QStringLiteral("Z"), 1000000, 500000, {}, {}};
        QVector<SimDeal> chances{{QStringLiteral("c1"), QStringLiteral("z"), 100000, DealMark::Open, 0.5},
                                 {QStringLiteral("c2"), QStringLiteral("z"), 100000, DealMark::Open, 0.5},
                                 {QStringLiteral("c3"), QStringLiteral("z"), 50000, DealMark::Open, 1.0}};
        sim = simulateBonus({z}, chances);
        QCOMPARE(sim.reps[0].lowCollectedCents, 550000);
        QCOMPARE(sim.reps[0].highCollectedCents, 750000);
        QCOMPARE(simulateBonus({z}, chances).reps[0].highCollectedCents, 750000); // seeded: the same again
        // Marking one won moves it below the range; marking the other lost takes it out.
        chances[0].mark = DealMark::Won;
        chances[1].mark = DealMark::Lost;
        sim = simulateBonus({z}, chances);
        QCOMPARE(sim.reps[0].lowCollectedCents, 650000);
        QCOMPARE(sim.reps[0].highCollectedCents, 650000);
    }

    void percentileRanks()
    {
        QCOMPARE(percentileScores({0, 100, 200, 200, 300}), (QVector<double>{0, 25, 62.5, 62.5, 100}));
        QCOMPARE(percentileScores({7}), QVector<double>{100});
        QCOMPARE(percentileScores({0}), QVector<double>{0});
    }

    void valueScoreRenormalisesWithoutSurvey()
    {
        const QVector<ValueScore> v = valueScores({{QStringLiteral("c1"), 300, 9.0, 1},
                                                   {QStringLiteral("c2"), 200, std::nullopt, 0},
                                                   {QStringLiteral("c3"), 0, 5.0, 0}});
        QCOMPARE(v[0].score, 97.0);                  // 0.4·100 + 0.3·90 + 0.3·100
        QCOMPARE(v[1].score, 0.4 * 50 / 0.7);        // purchases 50, trials 0, no survey
        QCOMPARE(v[2].score, 0.3 * 50.0);            // 0.4·0 + 0.3·50 + 0.3·0
        QVERIFY(valueBreakdownText(v[1]).contains(QStringLiteral("satisfaction left out")));
    }

    void healthBreakdownSaysWhatIsLeftOut()
    {
        cockpit::analytics::CustomerFacts f;
        f.npsMean = 8;
        f.fulfilmentPct = 60;
        f.complaints = 1;
        const HealthBreakdown b = healthBreakdown(f);
        QCOMPARE(b.parts.size(), 8);
        QVERIFY(qAbs(*b.score - 215.0 / 3.0) < 1e-9); // (80 + 60 + 75) / 3
        QVERIFY(qAbs(b.parts[int(HealthDim::Nps)].weightPct - 100.0 / 3.0) < 1e-9);
        QCOMPARE(b.parts[int(HealthDim::Renewal)].weightPct, 0.0);
        QVERIFY(healthBreakdownText(b).contains(QStringLiteral("left out (no data): Service response, Renewal intent")));
    }

    void morningPickTopThreePerRep()
    {
        auto input = [](const char *id, const char *owner, double value, std::optional<double> health) {
            PickInput p;
            p.customerId = p.name = QString::fromLatin1(id);
            p.ownerId = QString::fromLatin1(owner);
            p.value = value;
            if (health) {
                cockpit::analytics::CustomerFacts f;
                f.complaints = int((100 - *health) / 25); // complaints only: 100, 75, 50 …
                p.health = healthBreakdown(f);
            }
            return p;
        };
        const QVector<Pick> picks = morningPicks({input("x", "o1", 90, 50), input("y", "o1", 50, std::nullopt),
                                                  input("z", "o1", 10, 100), input("w", "o1", 95, 100),
                                                  input("v", "o2", 20, std::nullopt)});
        QCOMPARE(picks.size(), 4);
        QCOMPARE(picks[0].customerId, QStringLiteral("x")); // 54 + 20 = 74
        QCOMPARE(picks[1].customerId, QStringLiteral("w")); // 57
        QCOMPARE(picks[2].customerId, QStringLiteral("y")); // 30 + 20 = 50
        QCOMPARE(picks[3].customerId, QStringLiteral("v"));
        QCOMPARE(picks[0].why, QStringLiteral("value 90, health 50; weakest: Complaints 50"));
        QCOMPARE(picks[2].why, QStringLiteral("value 50; no health data yet"));
    }

    void leastSquares()
    {
        LineFit f = fitLine({1.0, 2.0, 3.0}, {2.0, 4.0, 6.0});
        QVERIFY(f.enoughData);
        QCOMPARE(f.slope, 2.0);
        QCOMPARE(f.intercept, 0.0);
        QCOMPARE(f.r2, 1.0);
        f = fitLine({1.0, 2.0, 3.0, 4.0}, {1.0, 3.0, 2.0, 4.0});
        QCOMPARE(f.n, 4);
        QCOMPARE(f.slope, 0.8);
        QVERIFY(qAbs(f.intercept - 0.5) < 1e-12);
        QVERIFY(qAbs(f.r2 - 0.64) < 1e-12);
    }

    void notEnoughDataInsteadOfNaN()
    {
        LineFit f = fitLine({1.0, 2.0}, {1.0, 2.0});
        QVERIFY(!f.enoughData);
        QCOMPARE(f.n, 2);
        QCOMPARE(f.reason, QStringLiteral("Not enough data: 2 rep(s) with both figures; at least 3 are needed."));
        f = fitLine({1.0, std::nullopt, 3.0, 4.0}, {2.0, 5.0, 6.0, std::nullopt});
        QVERIFY(!f.enoughData);
        QCOMPARE(f.n, 2);
        QVERIFY(!fitLine({2.0, 2.0, 2.0}, {1.0, 2.0, 3.0}).enoughData);
        QVERIFY(!fitLine({1.0, 2.0, 3.0}, {5.0, 5.0, 5.0}).enoughData);
        QVERIFY(!fitLine({}, {}).enoughData);
    }

    void correlationPointsOfRankedReps()
    {
        // (60, 30) (70, 50) (80, 40) (90, 60): x̄ 75, ȳ 45; Sxy = 225 − 25 − 25 + 225 = 400,
        // Sxx = Syy = 500 → slope 0.8, intercept 45 − 0.8 × 75 = −15, R² = 400² / 500² = 0.64.
        PerformanceView v;
        v.reps = {rep(QStringLiteral("a"), 60, 3, 7, 2), rep(QStringLiteral("b"), 70, 1, 1, 0),
                  rep(QStringLiteral("c"), 80, 2, 3, 5), rep(QStringLiteral("d"), 90, 3, 2, 1),
                  rep(QStringLiteral("e"), std::nullopt, 1, 1), // no completion: left out
                  rep(QStringLiteral("f"), 75, 0, 0),           // no closed deal: no win rate, left out
                  rep(QStringLiteral("g"), 99, 9, 0, 0, RepStanding::Left)}; // not ranked: never compared
        const CorrelationPoints p = correlationPoints(v, CorrMetric::Compliance, CorrMetric::WinRate);
        QCOMPARE(p.points.size(), 4);
        QCOMPARE(p.points[0].repId, QStringLiteral("a"));
        QCOMPARE(p.points[0].name, QStringLiteral("Rep a"));
        QCOMPARE(*p.points[0].x, 60.0);
        QCOMPARE(*p.points[0].y, 30.0);
        QCOMPARE(*p.points[3].y, 60.0);
        QCOMPARE(p.leftOut.size(), 2);
        QCOMPARE(p.leftOut[0].repId, QStringLiteral("e"));
        QVERIFY(!p.leftOut[0].x);
        QCOMPARE(*p.leftOut[0].y, 50.0);
        QCOMPARE(p.leftOut[1].repId, QStringLiteral("f"));
        QVERIFY(!p.leftOut[1].y);
        QVERIFY(p.fit.enoughData);
        QCOMPARE(p.fit.n, 4);
        QVERIFY(qAbs(p.fit.slope - 0.8) < 1e-12);
        QVERIFY(qAbs(p.fit.intercept + 15) < 1e-9);
        QVERIFY(qAbs(p.fit.r2 - 0.64) < 1e-12);
        QCOMPARE(correlationCaption(p),
                 QStringLiteral("n = 4 · R² = 0.64 · y = 0.8x − 15 · 2 rep(s) left out for a missing value"));

        // The export: points, then those left out; the line's value at x; in the fit or not.
        const auto t = correlationPointsTable(p, cockpit::analytics::Period::quarter(QDate(2026, 11, 1)));
        QCOMPARE(t.columns, (QStringList{QStringLiteral("rep_id"), QStringLiteral("name"), QStringLiteral("x_compliance_pct"),
                                         QStringLiteral("y_win_rate_pct"), QStringLiteral("line_win_rate_pct"),
                                         QStringLiteral("in_fit")}));
        QCOMPARE(t.rows.size(), 6);
        QCOMPARE(t.rows[1][4].toDouble(), 0.8 * 70 - 15);
        QCOMPARE(t.rows[1][5].toBool(), true);
        QCOMPARE(t.rows[4][0].toString(), QStringLiteral("e"));
        QVERIFY(t.rows[4][2].isNull());
        QVERIFY(t.rows[4][4].isNull());
        QCOMPARE(t.rows[4][5].toBool(), false);
        QCOMPARE(t.rows[5][4].toDouble(), 0.8 * 75 - 15);

        // Another pair refits: new customers 2, 0, 5, 1 (and 0 for e and f) against the completion.
        const CorrelationPoints q = correlationPoints(v, CorrMetric::NewCustomers, CorrMetric::Compliance);
        QCOMPARE(q.points.size(), 5); // f has a completion and new customers; e has no completion
        QCOMPARE(q.leftOut.size(), 1);
        QCOMPARE(*q.points[2].x, 5.0);
    }

    void correlationNotEnoughData()
    {
        PerformanceView v;
        v.reps = {rep(QStringLiteral("a"), 60, 1, 1), rep(QStringLiteral("b"), 70, 0, 0), rep(QStringLiteral("c"), 80, 1, 0)};
        const CorrelationPoints p = correlationPoints(v, CorrMetric::Compliance, CorrMetric::WinRate);
        QVERIFY(!p.fit.enoughData);
        QCOMPARE(p.points.size(), 2);
        QCOMPARE(correlationCaption(p), QStringLiteral("Not enough data: 2 rep(s) with both figures; at least 3 are "
                                                       "needed. · 1 rep(s) left out for a missing value"));
        QVERIFY(correlationPoints({}, CorrMetric::Pei, CorrMetric::WinRate).points.isEmpty());
    }

    void correlationMetricList()
    {
        // The report's metrics: every metric but the win rate, in the report's order.
        QStringList keys;
        for (const CorrMetric m : processMetrics())
            keys << corrMetricKey(m);
        QCOMPARE(keys, (QStringList{QStringLiteral("compliance_pct"), QStringLiteral("customer_health"),
                                    QStringLiteral("cross_sell_pct"), QStringLiteral("collaboration"),
                                    QStringLiteral("pei_pct"), QStringLiteral("response_median_min"),
                                    QStringLiteral("new_customers")}));
        QCOMPARE(corrMetrics().size(), 8);
        QCOMPARE(corrMetrics().last(), CorrMetric::WinRate);
        QCOMPARE(corrMetricText(CorrMetric::WinRate, 45.25), QStringLiteral("45.3 %"));
        QCOMPARE(corrMetricText(CorrMetric::ResponseMedian, 12.0), QStringLiteral("12.0 min"));
        QCOMPARE(corrMetricText(CorrMetric::NewCustomers, 3.0), QStringLiteral("3"));
    }

    void correlationNumbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0");
        QTest::newRow("trailing zeros dropped") << 0.8 << QStringLiteral("0.8");
        QTest::newRow("small keeps 3 digits") << 0.012345 << QStringLiteral("0.0123");
        QTest::newRow("tens") << 12.345 << QStringLiteral("12.3");
        QTest::newRow("whole") << 15.0 << QStringLiteral("15");
        QTest::newRow("thousands, no exponent") << 1234.5 << QStringLiteral("1,235");
        QTest::newRow("negative") << -4.8712 << QStringLiteral("-4.87");
        QTest::newRow("rounds up to 10") << 9.9996 << QStringLiteral("10");
    }

    void correlationNumbers()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(correlationNumber(value), text);
    }
};

QTEST_GUILESS_MAIN(TstTargetFormulas)
#include "tst_targetformulas.moc"
