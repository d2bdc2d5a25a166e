// Target setting and attainment (targets/targetmath.h): hand-computed fixtures at the edges.
#include "targets/targetmath.h"

#include <QLocale>
#include <QTest>

using namespace cockpit::targets;
using cockpit::analytics::Rag;

class TstTargetMath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void tiersByRank_data()
    {
        QTest::addColumn<QVector<qint64>>("collections");
        QTest::addColumn<QString>("tiers");
        QTest::newRow("none") << QVector<qint64>{} << "";
        QTest::newRow("one is B") << QVector<qint64>{5} << "B";
        QTest::newRow("two: B, C") << QVector<qint64>{5, 3} << "BC";
        QTest::newRow("three: one each, input order kept") << QVector<qint64>{1, 3, 2} << "CAB";
        QTest::newRow("ten: 2 / 5 / 3") << QVector<qint64>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1} << "AABBBBBCCC";
        QTest::newRow("tie across A|B goes up") << QVector<qint64>{10, 9, 9, 5, 4, 3, 2, 1, 1, 1} << "AAABBBBCCC";
        QTest::newRow("tie across B|C goes up") << QVector<qint64>{10, 9, 8, 7, 6, 5, 3, 3, 2, 1} << "AABBBBBBCC";
        QTest::newRow("all equal: all A") << QVector<qint64>{4, 4, 4, 4, 4} << "AAAAA";
        QTest::newRow("no collections is C") << QVector<qint64>{0, 0, 0} << "CCC";
        QTest::newRow("zero beside one") << QVector<qint64>{5, 0} << "BC";
        QTest::newRow("five: 1 / 2 / 2 (1.5 rounds up)") << QVector<qint64>{50, 40, 30, 20, 10} << "ABBCC";
    }
    void tiersByRank()
    {
        QFETCH(QVector<qint64>, collections);
        QFETCH(QString, tiers);
        QString got;
        for (Tier t : assignTiers(collections))
            got += tierKey(t);
        QCOMPARE(got, tiers);
    }

    void growthBands()
    {
        const TargetSettings s;
        QCOMPARE(s.a.defaultBp(), 1000);
        QCOMPARE(s.b.defaultBp(), 1500);
        QCOMPARE(s.c.defaultBp(), 2150);
        QVERIFY(checkGrowth(Tier::A, 800).isEmpty());
        QVERIFY(checkGrowth(Tier::A, 1200).isEmpty());
        QCOMPARE(checkGrowth(Tier::A, 799), QStringLiteral("The growth 7.99 % lies outside tier A's band of 8 % to 12 %."));
        QVERIFY(checkGrowth(Tier::B, 1800).isEmpty());
        QVERIFY(!checkGrowth(Tier::B, 1801).isEmpty());
        QVERIFY(!checkGrowth(Tier::C, 2501).isEmpty());
        QVERIFY(checkGrowth(Tier::C, 1800).isEmpty());
    }

    void correctionWithinFivePercentWithReason()
    {
        QVERIFY(checkCorrection(500, QStringLiteral("新竞品")).isEmpty());
        QVERIFY(checkCorrection(-500, QStringLiteral("政策")).isEmpty());
        QVERIFY(checkCorrection(0, QString()).isEmpty());
        QCOMPARE(checkCorrection(501, QStringLiteral("x")), QStringLiteral("The external correction 5.01 % lies outside ±5 %."));
        QVERIFY(!checkCorrection(-501, QStringLiteral("x")).isEmpty());
        QCOMPARE(checkCorrection(200, QStringLiteral("  ")), QStringLiteral("An external correction needs a reason."));
    }

    void proposalRoundsHalfUp()
    {
        QCOMPARE(proposal(1000000, 1000, 0), 1100000);
        QCOMPARE(proposal(333, 1000, 250), 375);  // 374.625
        QCOMPARE(proposal(1, 1500, 0), 1);        // 1.15
        QCOMPARE(proposal(10, 500, -500), 10);
        QCOMPARE(proposal(3, 1667, 0), 4);        // 3.5001
        QCOMPARE(proposal(5, 0, -1000), 5);       // 4.5 → 5
        QCOMPARE(proposal(0, 2500, 500), 0);      // no history
        QCOMPARE(proposal(900000000000000LL, 2500, 500), 1170000000000000LL); // no overflow
    }

    void proposalBaseIsLastYearWhenCovered()
    {
        // Collections from 1 Oct 2025 (a 1st covers its month): Q4 2026's last year is covered.
        ProposalBase b = proposalBase(QDate(2026, 10, 1), 3, QDate(2026, 12, 6), QDate(2025, 10, 1));
        QVERIFY(b.sameLastYear);
        QCOMPARE(b.first, QDate(2025, 10, 1));
        QCOMPARE(b.months, 3);
        QCOMPARE(b.scaled(1234), 1234);
        // No collections at all: last year stays the base (and gives 0).
        b = proposalBase(QDate(2026, 10, 1), 3, QDate(2026, 12, 6), std::nullopt);
        QVERIFY(b.sameLastYear);
        QCOMPARE(b.first, QDate(2025, 10, 1));
    }

    void proposalBaseFallsBackToTheLatestMonths()
    {
        // From 2 Oct 2025 the first whole month is November: Q4 2025 is not covered, so the base is
        // the three months before the quarter, Jul–Sep 2026.
        ProposalBase b = proposalBase(QDate(2026, 10, 1), 3, QDate(2026, 12, 6), QDate(2025, 10, 2));
        QVERIFY(!b.sameLastYear);
        QCOMPARE(b.first, QDate(2026, 7, 1));
        QCOMPARE(b.months, 3);
        QCOMPARE(b.scaled(900), 900);
        // A period after today's month: the months before today's month (Sep–Nov 2026 for Q1 2027 is
        // not asked: Q1 2027's last year, Q1 2026, is covered). A month far ahead with a young file:
        b = proposalBase(QDate(2026, 3, 1), 1, QDate(2026, 1, 15), QDate(2025, 10, 2));
        QVERIFY(!b.sameLastYear);
        QCOMPARE(b.first, QDate(2025, 12, 1)); // the last complete month before January
        QCOMPARE(b.months, 1);
        // The year 2026: only Nov and Dec 2025 precede it, scaled × 12 / 2 (half up).
        b = proposalBase(QDate(2026, 1, 1), 12, QDate(2026, 12, 6), QDate(2025, 10, 2));
        QVERIFY(!b.sameLastYear);
        QCOMPARE(b.first, QDate(2025, 11, 1));
        QCOMPARE(b.months, 2);
        QCOMPARE(b.scaled(1001), 6006);
        QCOMPARE((ProposalBase{QDate(2025, 11, 1), 7, 12, false}.scaled(1)), qint64(2)); // 12 / 7 = 1.71 → 2
        QCOMPARE((ProposalBase{QDate(2025, 11, 1), 8, 12, false}.scaled(1)), qint64(2)); // 1.5 → 2 (half up)
        QCOMPARE((ProposalBase{QDate(2025, 11, 1), 5, 12, false}.scaled(1)), qint64(2)); // 2.4 → 2
        // No complete month before the period (Q4 2025 itself): last year stays the base.
        b = proposalBase(QDate(2025, 10, 1), 3, QDate(2026, 12, 6), QDate(2025, 10, 2));
        QVERIFY(b.sameLastYear);
        QCOMPARE(b.first, QDate(2024, 10, 1));
    }

    void splitIsExact_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QVector<qint64>>("weights");
        QTest::addColumn<QVector<qint64>>("parts");
        QTest::newRow("thirds: first remainder wins the tie") << qint64(100) << QVector<qint64>{1, 1, 1} << QVector<qint64>{34, 33, 33};
        QTest::newRow("all weights zero: equal") << qint64(10) << QVector<qint64>{0, 0} << QVector<qint64>{5, 5};
        QTest::newRow("largest remainder") << qint64(7) << QVector<qint64>{2, 1} << QVector<qint64>{5, 2};
        QTest::newRow("zero total") << qint64(0) << QVector<qint64>{3, 4} << QVector<qint64>{0, 0};
        QTest::newRow("one cent, four parts") << qint64(1) << QVector<qint64>{1, 1, 1, 1} << QVector<qint64>{1, 0, 0, 0};
        QTest::newRow("zero weight gets nothing") << qint64(10) << QVector<qint64>{0, 5} << QVector<qint64>{0, 10};
        QTest::newRow("remainder to the larger fraction") << qint64(10) << QVector<qint64>{1, 2} << QVector<qint64>{3, 7};
        QTest::newRow("none") << qint64(5) << QVector<qint64>{} << QVector<qint64>{};
    }
    void splitIsExact()
    {
        QFETCH(qint64, total);
        QFETCH(QVector<qint64>, weights);
        QFETCH(QVector<qint64>, parts);
        QCOMPARE(splitLargestRemainder(total, weights), parts);
    }

    void splitOfLargeSumsStaysExact()
    {
        const QVector<qint64> weights{123456789012LL, 987654321098LL, 1, 0, 555555555555LL};
        const qint64 total = 1000000000000001LL;
        const QVector<qint64> parts = splitLargestRemainder(total, weights);
        qint64 sum = 0;
        for (qint64 p : parts)
            sum += p;
        QCOMPARE(sum, total);
        QCOMPARE(parts[3], 0);
    }

    void attainmentColours()
    {
        QCOMPARE(attainmentColour(8999, 10000), Rag::Yellow); // 89.99 %
        QCOMPARE(attainmentColour(9000, 10000), Rag::Green);  // 90 %
        QCOMPARE(attainmentColour(7000, 10000), Rag::Yellow); // 70 %
        QCOMPARE(attainmentColour(6999, 10000), Rag::Red);
        QCOMPARE(attainmentColour(0, 10000), Rag::Red);
        QCOMPARE(attainmentColour(20000, 10000), Rag::Green);
        QCOMPARE(attainmentColour(5, 0), Rag::Grey);          // no target
        QCOMPARE(attainmentColour(899999999999999LL, 1000000000000000LL), Rag::Yellow);
        QVERIFY(!attainmentPct(5, 0));
        QCOMPARE(*attainmentPct(8999, 10000), 89.99);
    }

    void moneyIsExact()
    {
        QCOMPARE(moneyText(123456), QStringLiteral("¥1,234.56"));
        QCOMPARE(moneyText(-5), QStringLiteral("-¥0.05"));
        QCOMPARE(moneyText(900719925474099301LL), QStringLiteral("¥9,007,199,254,740,993.01"));
    }
};

QTEST_GUILESS_MAIN(TstTargetMath)
#include "tst_targetmath.moc"
