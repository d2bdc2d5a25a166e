// Outcomes of closed deals (analytics/outcomes.h): win rate, won amount and the median days
// from engagement to close, per unit and in total, by hand-computed rows.
#include "analytics/outcomes.h"

#include <QtTest>

using namespace cockpit::analytics;

class TestOutcomes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void perUnitAndTotal();
    void medianOfEvenCountIsMeanOfMiddleTwo();
    void nothingClosed();
};

namespace {
constexpr qint64 kDay = 86400;
OutcomeDeal deal(const char *unit, bool won, qint64 cents, qint64 days)
{
    return {QString::fromLatin1(unit), QString::fromLatin1(unit).toUpper(), won, cents, 1000 * kDay, (1000 + days) * kDay};
}
} // namespace

void TestOutcomes::perUnitAndTotal()
{
    const auto rows = computeOutcomes({deal("a", true, 500, 10), deal("b", false, 0, 3), deal("a", false, 0, 30),
                                       deal("a", true, 700, 20), deal("b", true, 100, 5)});
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[0].unitId, QStringLiteral("a"));
    QCOMPARE(rows[0].unitName, QStringLiteral("A"));
    QCOMPARE(rows[0].won, 2);
    QCOMPARE(rows[0].lost, 1);
    QCOMPARE(rows[0].wonCents, 1200);
    QCOMPARE(rows[0].winRate, 2.0 / 3.0);
    QCOMPARE(rows[0].medianDays, 20.0);
    QCOMPARE(rows[1].winRate, 0.5);
    QCOMPARE(rows[1].medianDays, 4.0);
    // Total: every deal once.
    QVERIFY(rows[2].unitId.isEmpty());
    QCOMPARE(rows[2].won, 3);
    QCOMPARE(rows[2].lost, 2);
    QCOMPARE(rows[2].wonCents, 1300);
    QCOMPARE(rows[2].winRate, 0.6);
    QCOMPARE(rows[2].medianDays, 10.0);
}

void TestOutcomes::medianOfEvenCountIsMeanOfMiddleTwo()
{
    auto d = deal("a", true, 1, 0);
    d.closedAt = d.startedAt + kDay / 2; // half a day: not rounded
    const auto rows = computeOutcomes({deal("a", true, 1, 1), deal("a", true, 1, 4), deal("a", false, 0, 2), d});
    QCOMPARE(rows[0].medianDays, 1.5);
}

void TestOutcomes::nothingClosed()
{
    const auto rows = computeOutcomes({});
    QCOMPARE(rows.size(), std::size_t(1));
    QVERIFY(std::isnan(rows[0].winRate));
    QVERIFY(std::isnan(rows[0].medianDays));
}

QTEST_GUILESS_MAIN(TestOutcomes)
#include "tst_outcomes.moc"
