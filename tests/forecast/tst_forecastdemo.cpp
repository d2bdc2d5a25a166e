// Issue 14's acceptance on the demo company (tests/common/tinydemo.h): the documented signal
// shows in the win probabilities (deals with a demo win more: demogenerator.cpp signal 2), the
// backtest's band coverage is printed, and the command line's forecast is reproducible (same
// seed, same figures) and its reports carry what they promise.
#include "clirun.h"
#include "tinydemo.h"

#include "analytics/scope.h"
#include "forecast/evaluation.h"
#include "forecast/forecast.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace cockpit::forecast;

class TestForecastDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dealsWithDemosHaveHigherWinProbability();
    void explainableFactorsCarryReasons();
    void backtestCoverage();
    void forecastIsReproducibleFromTheCommandLine();
    void reportsRefuseBadArguments();
    void cleanupTestCase();

private:
    fixture::CliRun run(const QStringList &args) { return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path()); }
    QTemporaryDir m_dir;
    QString m_db;
    History m_history;
    const QDate m_asOf{2026, 11, 22};
};

void TestForecastDemo::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("tiny.db"));
    QCOMPARE(fixture::generateTinyDemo(m_db, 42, m_asOf), QString());
    QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("demo"));
    sql.setDatabaseName(m_db);
    QVERIFY(sql.open());
    m_history = loadHistory(sql);
    QVERIFY(!m_history.amountLeaks);
    // The generator fills intent letters only on deals not lost: an outcome-written fact.
    QVERIFY(m_history.outcomeWritten & IntentFact);
}

void TestForecastDemo::dealsWithDemosHaveHigherWinProbability()
{
    const DealSet set = asOf(m_history, cockpit::analytics::companyDayStart(m_asOf));
    const WinRates rates = learnRates(set.deals, set.asOfDay, set.intentRecorded);
    WinModel model;
    const ModelEvaluation e = evaluateSplit(set, splitDay(set.deals), model);
    double sum[2] = {}, learned[2] = {};
    int n[2] = {};
    for (const Deal &d : set.deals) {
        if (d.closed())
            continue;
        sum[d.demoHeld] += winProbability(d, rates);
        learned[d.demoHeld] += model.predict(d);
        n[d.demoHeld] += 1;
    }
    QVERIFY(n[0] > 20 && n[1] > 20);
    qInfo("demo, open deals: with a demo %d, mean win probability %.3f (learned %.3f); without %d, %.3f (learned %.3f)",
          n[1], sum[1] / n[1], learned[1] / n[1], n[0], sum[0] / n[0], learned[0] / n[0]);
    qInfo("demo, learned model held out (%d deals closed from %s): AUC %.3f, Brier %.3f, skill %.3f; explainable AUC %.3f, skill %.3f",
          e.testDeals, qPrintable(cockpit::analytics::dayDate(e.cutoffDay).toString(Qt::ISODate)), e.auc, e.brier, e.brierSkill,
          e.aucExplainable, e.skillExplainable);
    QVERIFY(sum[1] / n[1] > 1.2 * sum[0] / n[0]);
    QVERIFY(learned[1] / n[1] > learned[0] / n[0]);
    QVERIFY(e.brierSkill > 0); // better than the stage rates alone
    // Closed deals say the same: the lift of a demo held is above 1.
    const Count with = rates.buckets[TechValidation].value(1), without = rates.buckets[TechValidation].value(0);
    QVERIFY(with.n > 0 && without.n > 0 && with.rate() > without.rate());
}

void TestForecastDemo::explainableFactorsCarryReasons()
{
    const DealSet set = asOf(m_history, cockpit::analytics::companyDayStart(m_asOf));
    const WinRates rates = learnRates(set.deals, set.asOfDay, set.intentRecorded);
    int capped = 0, open = 0;
    for (const Deal &d : set.deals) {
        if (d.closed())
            continue;
        ++open;
        const WinProbability w = explainWin(d, rates, set);
        double product = 1;
        for (const FactorValue &f : w.factors) {
            QVERIFY2(!f.reason.isEmpty(), qPrintable(f.name));
            if (f.name != QStringLiteral("intent_cap"))
                product *= f.value;
        }
        // The factors multiply to the probability: clamped to [0, 1], then the cap (a factor
        // of its own); the short path agrees with the explained one.
        QVERIFY(std::abs(std::clamp(product, 0.0, 1.0) - w.uncapped) < 1e-9);
        QVERIFY(std::abs(w.uncapped * w.factors.last().value - w.probability) < 1e-9);
        QVERIFY(std::abs(winProbability(d, rates) - w.probability) < 1e-12);
        QVERIFY(w.probability >= 0 && w.probability <= 1);
        if (!d.intentComplete())
            QVERIFY(w.probability <= kIntentCap + 1e-12);
        capped += w.capped;
    }
    QVERIFY(capped > 0 && capped < open);
}

void TestForecastDemo::backtestCoverage()
{
    const QDate first = m_asOf.addMonths(-12);
    const std::vector<BacktestMonth> months =
        backtest(m_history, cockpit::analytics::dayNumber(QDate(first.year(), first.month(), 1)),
                 cockpit::analytics::dayNumber(QDate(m_asOf.year(), m_asOf.month(), 1)) - 1, 2000, 1);
    QCOMPARE(int(months.size()), 12);
    double accuracy = 0;
    int withActual = 0;
    for (const BacktestMonth &m : months) {
        QVERIFY(m.p10 <= m.p50 && m.p50 <= m.p90);
        QVERIFY(m.openDeals > 0);
        if (!std::isnan(m.accuracy)) {
            accuracy += m.accuracy;
            ++withActual;
        }
    }
    qInfo("demo backtest, 12 months to %s: P10-P90 band coverage %.1f %%, mean accuracy %.1f %%",
          qPrintable(m_asOf.toString(Qt::ISODate)), bandCoverage(months) * 100, accuracy / std::max(withActual, 1) * 100);
}

void TestForecastDemo::forecastIsReproducibleFromTheCommandLine()
{
    const QStringList args{QStringLiteral("report"), QStringLiteral("forecast"), QStringLiteral("--db"), m_db, QStringLiteral("--now"),
                           QStringLiteral("2026-11-22T02:00:00Z"), QStringLiteral("--period"), QStringLiteral("2026-12"),
                           QStringLiteral("--format"), QStringLiteral("csv")};
    const fixture::CliRun a = run(args + QStringList{QStringLiteral("--seed"), QStringLiteral("5")});
    const fixture::CliRun b = run(args + QStringList{QStringLiteral("--seed"), QStringLiteral("5")});
    const fixture::CliRun c = run(args + QStringList{QStringLiteral("--seed"), QStringLiteral("6"), QStringLiteral("--target"),
                                                     QStringLiteral("1000")});
    QVERIFY2(a.code == 0, qPrintable(a.err));
    QCOMPARE(a.out, b.out);
    QVERIFY(a.out != c.out);
    for (const char *row : {"\r\np10,", "\r\np50,", "\r\np90,", "\r\nconfidence,", "\r\ntarget,"})
        QVERIFY2(a.out.contains(QLatin1String(row)), row);
    // A target of 1 000 is reached in every draw.
    QVERIFY2(c.out.contains(QStringLiteral("\r\ntarget,100000,100,")), qPrintable(c.out));
    const fixture::CliRun w = run({QStringLiteral("report"), QStringLiteral("winprob"), QStringLiteral("--db"), m_db, QStringLiteral("--now"),
                                   QStringLiteral("2026-11-22T02:00:00Z"), QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(w.code == 0, qPrintable(w.err));
    QVERIFY(w.out.startsWith(QStringLiteral("lead_id,title,stage,amount_cents,amount_estimated,win_pct,learned_pct,base,customer.punctuality")));
    const fixture::CliRun bt = run({QStringLiteral("report"), QStringLiteral("backtest"), QStringLiteral("--db"), m_db, QStringLiteral("--now"),
                                    QStringLiteral("2026-11-22T02:00:00Z"), QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(bt.code == 0, qPrintable(bt.err));
    QCOMPARE(bt.out.count(QStringLiteral("\r\n2026-")) + bt.out.count(QStringLiteral("\r\n2025-")), 12);
    QVERIFY(bt.out.contains(QStringLiteral("\r\ncoverage,")));
}

void TestForecastDemo::reportsRefuseBadArguments()
{
    const fixture::CliRun r = run({QStringLiteral("report"), QStringLiteral("forecast"), QStringLiteral("--db"), m_db,
                                   QStringLiteral("--seed"), QStringLiteral("abc")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("--seed")));
    const fixture::CliRun t = run({QStringLiteral("report"), QStringLiteral("forecast"), QStringLiteral("--db"), m_db,
                                   QStringLiteral("--target"), QStringLiteral("-5")});
    QCOMPARE(t.code, 2);
    QVERIFY(t.err.contains(QStringLiteral("--target")));
}

void TestForecastDemo::cleanupTestCase()
{
    QSqlDatabase::removeDatabase(QStringLiteral("demo"));
}

QTEST_GUILESS_MAIN(TestForecastDemo)
#include "tst_forecastdemo.moc"
