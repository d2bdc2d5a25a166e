// Dates and money as imported files write them (io/values.h): each accepted form to its value,
// each refused one with its reason.
#include "io/values.h"

#include <QtTest>

using namespace cockpit::io;

class TestValues : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("dayFirst");
        QTest::addColumn<QDate>("date"); // invalid: refused
        QTest::addColumn<QString>("why");
        const QDate d(2026, 3, 5);
        QTest::newRow("ISO") << "2026-03-05" << false << d << "";
        QTest::newRow("no zeros") << "2026-3-5" << false << d << "";
        QTest::newRow("slashes") << "2026/3/5" << false << d << "";
        QTest::newRow("dots") << "2026.03.05" << false << d << "";
        QTest::newRow("compact") << "20260305" << false << d << "";
        QTest::newRow("Chinese") << "2026年3月5日" << false << d << "";
        QTest::newRow("Chinese 号, spaces") << "2026 年 3 月 5 号" << false << d << "";
        QTest::newRow("full-width") << "２０２６／３／５" << false << d << "";
        QTest::newRow("with a time") << "2026-03-05 14:30" << false << d << "";
        QTest::newRow("ISO instant") << "2026-03-05T14:30:00Z" << false << d << "";
        QTest::newRow("US, month first") << "3/5/2026" << false << d << "";
        QTest::newRow("day first") << "5/3/2026" << true << d << "";
        QTest::newRow("day first, dots") << "05.03.2026" << true << d << "";
        QTest::newRow("Excel serial") << "46086" << false << d << "";
        QTest::newRow("Excel serial with a time") << "46086.75" << false << d << "";
        QTest::newRow("Excel day 1") << "1" << false << QDate(1900, 1, 1) << "";
        QTest::newRow("Excel, past 2100") << "80000" << false << QDate() << "is not a plausible date (the year must be between 1900 and 2100)";
        QTest::newRow("Excel day 61") << "61" << false << QDate(1900, 3, 1) << "";
        QTest::newRow("Excel day 59") << "59" << false << QDate(1900, 2, 28) << "";
        QTest::newRow("Excel day 60") << "60" << false << QDate() << "is Excel's day 60, 1900-02-29, a day that never was";
        QTest::newRow("a year alone") << "2026" << false << QDate() << "is a year, not a date";
        QTest::newRow("placeholder") << "9999-12-31" << false << QDate() << "is not a plausible date (the year must be between 1900 and 2100)";
        QTest::newRow("no such day") << "2026-02-30" << false << QDate() << "is not a day of the calendar";
        QTest::newRow("month 13, month first") << "13/5/2026" << false << QDate() << "is not a day of the calendar";
        QTest::newRow("words") << "next Tuesday" << false << QDate() << "is not a date (write it as 2026-03-05)";
        QTest::newRow("empty") << "  " << false << QDate() << "is empty";
        // The spellings read without patterns (ymdFast) and their edges.
        QTest::newRow("one-digit month, two-digit day") << "2026-3-15" << false << QDate(2026, 3, 15) << "";
        QTest::newRow("two-digit month, one-digit day") << "2026/12/5" << false << QDate(2026, 12, 5) << "";
        QTest::newRow("one digits") << "2026.1.1" << false << QDate(2026, 1, 1) << "";
        QTest::newRow("mixed separators") << "2026-3/5" << false << QDate() << "is not a date (write it as 2026-03-05)";
        QTest::newRow("not a leap year") << "2026-02-29" << false << QDate() << "is not a day of the calendar";
        QTest::newRow("before 1900") << "1899-12-31" << false << QDate() << "is not a plausible date (the year must be between 1900 and 2100)";
        QTest::newRow("three-digit day") << "2026-03-005" << false << QDate() << "is not a date (write it as 2026-03-05)";
        QTest::newRow("month 0") << "2026-0-5" << false << QDate() << "is not a day of the calendar";
        QTest::newRow("spaces around") << " 2026-03-05 " << false << d << "";
    }
    void dates()
    {
        QFETCH(QString, text);
        QFETCH(bool, dayFirst);
        QFETCH(QDate, date);
        QFETCH(QString, why);
        QString reason;
        const std::optional<QDate> got = Values::parseDate(text, dayFirst ? DayOrder::DayFirst : DayOrder::MonthFirst, &reason);
        if (date.isValid()) {
            QVERIFY2(got, qPrintable(reason));
            QCOMPARE(*got, date);
        } else {
            QVERIFY(!got);
            QCOMPARE(reason, why);
        }
    }

    void date1904()
    {
        QString why;
        // The same day is 1462 smaller in a workbook of the 1904 system (old Mac Excel).
        QCOMPARE(Values::parseDate(u"44624", DayOrder::MonthFirst, &why, true), QDate(2026, 3, 5));
        QCOMPARE(Values::parseDate(u"46086", DayOrder::MonthFirst, &why, false), QDate(2026, 3, 5));
    }

    void money_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("cents"); // -1 with a reason: refused (no amount here is -1 cent)
        QTest::addColumn<QString>("why");
        QTest::newRow("plain") << "12000" << qint64(1200000) << "";
        QTest::newRow("decimals") << "12000.5" << qint64(1200050) << "";
        QTest::newRow("thousands") << "12,000.25" << qint64(1200025) << "";
        QTest::newRow("yen sign") << "¥12,000" << qint64(1200000) << "";
        QTest::newRow("full-width yen and digits") << "￥１２，０００" << qint64(1200000) << "";
        QTest::newRow("万") << "1.2万" << qint64(1200000) << "";
        QTest::newRow("万元") << "1.2万元" << qint64(1200000) << "";
        QTest::newRow("w") << "12w" << qint64(12000000) << "";
        QTest::newRow("亿") << "3亿" << qint64(30000000000) << "";
        QTest::newRow("k") << "12k" << qint64(1200000) << "";
        QTest::newRow("M") << "1.5M" << qint64(150000000) << "";
        QTest::newRow("元") << "800元" << qint64(80000) << "";
        QTest::newRow("RMB") << "RMB 800" << qint64(80000) << "";
        QTest::newRow("USD") << "USD 1,200.00" << qint64(120000) << "";
        QTest::newRow("parentheses") << "(1,200)" << qint64(-120000) << "";
        QTest::newRow("minus") << "-¥1200" << qint64(-120000) << "";
        QTest::newRow("many decimals, zeros") << "5.2500" << qint64(525) << "";
        QTest::newRow("万, four decimals") << "1.2345万" << qint64(1234500) << "";
        QTest::newRow("fraction of a cent") << "5.255" << qint64(-1) << "has a fraction of a cent";
        // A double in full, as a workbook stores it: its 15 significant digits are the amount.
        QTest::newRow("double below") << "647.1799999999999" << qint64(64718) << "";
        QTest::newRow("double above") << "98.79000000000001" << qint64(9879) << "";
        QTest::newRow("double, 17 digits") << "0.30000000000000004" << qint64(30) << "";
        QTest::newRow("double, carry") << "9.9999999999999991" << qint64(1000) << "";
        QTest::newRow("15 digits, a fraction of a cent") << "1234567890.12345" << qint64(-1) << "has a fraction of a cent";
        QTest::newRow("double with a real fraction of a cent") << "1.2345678901234567" << qint64(-1) << "has a fraction of a cent";
        QTest::newRow("unclear comma") << "1,5" << qint64(-1) << "is unclear: a comma must separate thousands (1,500 or 1,500.25)";
        QTest::newRow("European") << "1.234,56" << qint64(-1) << "is unclear: a comma must separate thousands (1,500 or 1,500.25)";
        QTest::newRow("words") << "about ten" << qint64(-1) << "is not an amount of money";
        QTest::newRow("two dots") << "1.2.3" << qint64(-1) << "is not an amount of money";
        QTest::newRow("too large") << "99999999999999999999" << qint64(-1) << "is too large";
        QTest::newRow("too large by a unit") << "999999999999999亿" << qint64(-1) << "is too large";
        QTest::newRow("empty") << "" << qint64(-1) << "is empty";
        // The spellings read without patterns (moneyFast) and their edges.
        QTest::newRow("millions grouped") << "1,000,000" << qint64(100000000) << "";
        QTest::newRow("yen, one decimal") << "¥1,000.5" << qint64(100050) << "";
        QTest::newRow("dollar") << "$12" << qint64(1200) << "";
        QTest::newRow("leading zeros") << "0012" << qint64(1200) << "";
        QTest::newRow("a dot, no decimals") << "12." << qint64(1200) << "";
        QTest::newRow("15 digits") << "999999999999999" << qint64(99999999999999900) << "";
        QTest::newRow("four after a comma") << "1,0000" << qint64(-1) << "is unclear: a comma must separate thousands (1,500 or 1,500.25)";
        QTest::newRow("four before a comma") << "1000,000" << qint64(-1) << "is unclear: a comma must separate thousands (1,500 or 1,500.25)";
        QTest::newRow("comma first") << ",100" << qint64(-1) << "is unclear: a comma must separate thousands (1,500 or 1,500.25)";
        QTest::newRow("a sign alone") << "¥" << qint64(-1) << "is not an amount of money";
        QTest::newRow("three decimals, zero") << "1.500" << qint64(150) << "";
    }
    void money()
    {
        QFETCH(QString, text);
        QFETCH(qint64, cents);
        QFETCH(QString, why);
        QString reason;
        const std::optional<qint64> got = Values::parseMoneyCents(text, &reason);
        if (why.isEmpty()) {
            QVERIFY2(got, qPrintable(reason));
            QCOMPARE(*got, cents);
        } else {
            QVERIFY(!got);
            QCOMPARE(reason, why);
        }
    }
    void percent_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bp"); // basis points; with a reason: refused
        QTest::addColumn<QString>("why");
        QTest::newRow("whole") << "85" << qint64(8500) << "";
        QTest::newRow("sign") << "85%" << qint64(8500) << "";
        QTest::newRow("decimals and sign") << "85.5 %" << qint64(8550) << "";
        QTest::newRow("full-width") << "８５％" << qint64(8500) << "";
        QTest::newRow("share") << "0.85" << qint64(8500) << "";
        QTest::newRow("one as a share") << "1.0" << qint64(10000) << "";
        QTest::newRow("one is a percent") << "1" << qint64(100) << "";
        QTest::newRow("negative share") << "-0.03" << qint64(-300) << "";
        QTest::newRow("negative percent") << "-3%" << qint64(-300) << "";
        QTest::newRow("small percent with sign") << "0.5%" << qint64(50) << "";
        QTest::newRow("above 100") << "120" << qint64(12000) << "";
        QTest::newRow("words") << "high" << qint64(0) << "is not a percentage (write 85, 85% or 0.85)";
        QTest::newRow("two dots") << "8.5.1" << qint64(0) << "is not a percentage (write 85, 85% or 0.85)";
        QTest::newRow("only a sign") << "%" << qint64(0) << "is empty";
        QTest::newRow("too long") << "12345678901" << qint64(0) << "is not a percentage (write 85, 85% or 0.85)";
    }
    void percent()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bp);
        QFETCH(QString, why);
        QString reason;
        const std::optional<qint64> got = Values::parsePercentBp(text, &reason);
        if (why.isEmpty()) {
            QVERIFY2(got, qPrintable(reason));
            QCOMPARE(*got, bp);
        } else {
            QVERIFY(!got);
            QCOMPARE(reason, why);
        }
    }
};

QTEST_GUILESS_MAIN(TestValues)
#include "tst_values.moc"
